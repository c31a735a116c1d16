import { describe, expect, it } from "vitest";
import { validateResponse } from "./harness";
import spec from "./okta-schemas.generated.json";

const isOidcApp = (example: unknown) => (example as { signOnMode?: string }).signOnMode === "OPENID_CONNECT";
const withoutNulls = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_key, v: unknown) => (v === null ? undefined : v)));
const concretePath = (template: string) => template.replace(/\{[^}]+\}/g, "x");

describe("the contract validator", () => {
  it("accepts every 2xx example Okta's spec gives for the operations the emulator serves", () => {
    let checked = 0;
    for (const [key, operation] of Object.entries(spec.operations)) {
      const [method, path] = key.split(" ") as [string, string];
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!status.startsWith("2")) continue;
        for (const [name, example] of Object.entries(response.examples as Record<string, unknown>)) {
          // The app operations are held to the OIDC subtype (the only kind the emulator serves): other kinds are skipped.
          if (key.includes("/api/v1/apps") && !key.includes("/credentials/") && !isOidcApp(example)) continue;
          // The spec gives a list (IAMStandardRolesListResponseClient) as an example of one new role assignment.
          if (key === "POST /oauth2/v1/clients/{clientId}/roles" && Array.isArray(example)) continue;
          // The JWKS list example is the live {"jwks": {"keys"}} wrapper; the emulator answers {"keys"}.
          let body =
            key.endsWith("/credentials/jwks") && method === "GET" ? (example as { jwks: unknown }).jwks : example;
          // The OIDC app example holds null where the schema says non-nullable string (live orgs send null there);
          // the emulator leaves those fields out, so they are dropped here.
          if (isOidcApp(example)) body = withoutNulls(example);
          expect(
            validateResponse(method, concretePath(path), Number(status), body),
            `${key} ${status} ${name}`,
          ).toEqual([]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("rejects responses that break the schema", () => {
    const secrets = "/api/v1/apps/x/credentials/secrets";
    expect(validateResponse("GET", secrets, 200, [{ id: "ocs1", status: "REVOKED" }])).not.toEqual([]);
    expect(validateResponse("GET", secrets, 200, [{ id: 42 }])).not.toEqual([]);
    expect(validateResponse("GET", `${secrets}/y`, 200, { _links: { deactivate: { href: 7 } } })).not.toEqual([]);
    expect(validateResponse("GET", "/api/v1/apps/x", 200, { signOnMode: "OPENID_CONNECT", label: "a" })).not.toEqual(
      [],
    );
    expect(validateResponse("POST", secrets, 400, { errorCauses: "none" })).not.toEqual([]);
    expect(validateResponse("POST", "/oauth2/v1/token", 200, { access_token: 1 })).not.toEqual([]);
    expect(validateResponse("POST", "/oauth2/v1/token", 200, { token_type: "Mac" })).not.toEqual([]);
    // Corrected from Okta's DPoP guide: a DPoP-bound token's type.
    expect(validateResponse("POST", "/oauth2/v1/token", 200, { token_type: "DPoP" })).toEqual([]);
    expect(validateResponse("DELETE", `${secrets}/y`, 200, {})).toEqual([
      "200 is not a documented response of DELETE /api/v1/apps/{appId}/credentials/secrets/{secretId}",
    ]);
  });
});
