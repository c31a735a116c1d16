import { describe, expect, it } from "vitest";
import {
  describeErrorExamples,
  type ErrorTrigger,
  errorShape,
  type OktaHarness,
  useOktaHarness,
  validatedResponses,
} from "./harness";

const okta = useOktaHarness();
type Secret = {
  id: string;
  status: string;
  client_secret: string;
  secret_hash: string;
  _links: Record<string, { href: string }>;
};

const secretsPath = (appId: string) => `/api/v1/apps/${appId}/credentials/secrets`;

async function appWith(h: OktaHarness, authMethod = "client_secret_basic") {
  const app = await h.emulator.createApp({
    credentials: { oauthClient: { token_endpoint_auth_method: authMethod as "client_secret_basic" } },
  });
  return app.id;
}

// Each 400 example of the secrets operations in Okta's spec, and how to provoke it.
const provoke: Record<string, ErrorTrigger> = {
  ErrorClientSecretTooLong: async (h) =>
    h.api("POST", secretsPath(await appWith(h)), { body: { client_secret: "x".repeat(101) } }),
  ErrorClientSecretTooShort: async (h) =>
    h.api("POST", secretsPath(await appWith(h)), { body: { client_secret: "x".repeat(13) } }),
  ErrorClientSecretTooShortJWT: async (h) =>
    h.api("POST", secretsPath(await appWith(h, "client_secret_jwt")), { body: { client_secret: "x".repeat(31) } }),
  ErrorClientSecretPrivateKeyJWT: async (h) =>
    h.api("POST", secretsPath(await appWith(h, "private_key_jwt")), { body: {} }),
  ErrorClientSecretNonAscii: async (h) =>
    h.api("POST", secretsPath(await appWith(h)), { body: { client_secret: "pässwörd-long-enough" } }),
  ErrorMaxNumberOfSecrets: async (h) => {
    const appId = await appWith(h);
    await h.api("POST", secretsPath(appId), { body: {} });
    return h.api("POST", secretsPath(appId), { body: {} });
  },
  ErrorDeleteActiveClientSecret: async (h) => {
    const appId = await appWith(h);
    const [first] = (await h.api<Secret[]>("GET", secretsPath(appId))).body;
    return h.api("DELETE", `${secretsPath(appId)}/${first?.id}`);
  },
  ErrorDeactivateTheOnlyClientSecret: async (h) => {
    const appId = await appWith(h);
    const [first] = (await h.api<Secret[]>("GET", secretsPath(appId))).body;
    return h.api("POST", `${secretsPath(appId)}/${first?.id}/lifecycle/deactivate`);
  },
};

describeErrorExamples(
  "client secret errors are Okta's, byte for byte",
  [
    "POST /api/v1/apps/{appId}/credentials/secrets",
    "DELETE /api/v1/apps/{appId}/credentials/secrets/{secretId}",
    "POST /api/v1/apps/{appId}/credentials/secrets/{secretId}/lifecycle/deactivate",
  ],
  provoke,
  okta,
);

describe("client secrets", () => {
  it("a new secret-based app has one generated ACTIVE secret; a private_key_jwt app has none", async () => {
    const appId = await appWith(okta);
    const list = await okta.api<Secret[]>("GET", secretsPath(appId));
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    const [secret] = list.body;
    expect(secret?.id).toMatch(/^ocs[A-Za-z0-9]{17}$/);
    expect(secret?.client_secret).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(secret?.status).toBe("ACTIVE");
    expect((await okta.api<Secret[]>("GET", secretsPath(await appWith(okta, "private_key_jwt")))).body).toEqual([]);
  });

  it("creates (201), gets, deactivates, activates and deletes (204), with links by status on the emulator's origin", async () => {
    const appId = await appWith(okta);
    const created = await okta.api<Secret>("POST", secretsPath(appId), {
      body: { client_secret: "my-own-secret-of-32-characters!!" },
    });
    expect(created.status).toBe(201);
    expect(created.body.client_secret).toBe("my-own-secret-of-32-characters!!");
    const self = `${okta.emulator.url}${secretsPath(appId)}/${created.body.id}`;
    expect(created.body._links).toEqual({
      deactivate: { href: `${self}/lifecycle/deactivate`, hints: { allow: ["POST"] } },
    });
    const got = await okta.api<Secret>("GET", `${secretsPath(appId)}/${created.body.id}`);
    expect(got.body).toEqual(created.body);

    const deactivated = await okta.api<Secret & { lastUpdated: string }>(
      "POST",
      `${secretsPath(appId)}/${created.body.id}/lifecycle/deactivate`,
    );
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.status).toBe("INACTIVE");
    expect(deactivated.body.client_secret).toBe("my-own-secret-of-32-characters!!");
    expect(deactivated.body._links).toEqual({
      activate: { href: `${self}/lifecycle/activate`, hints: { allow: ["POST"] } },
      delete: { href: self, hints: { allow: ["DELETE"] } },
    });
    const again = await okta.api<Secret>("POST", `${secretsPath(appId)}/${created.body.id}/lifecycle/deactivate`);
    expect(again.status).toBe(200);
    expect(again.body.status).toBe("INACTIVE");

    const activated = await okta.api<Secret>("POST", `${secretsPath(appId)}/${created.body.id}/lifecycle/activate`);
    expect(activated.body.status).toBe("ACTIVE");
    await okta.api("POST", `${secretsPath(appId)}/${created.body.id}/lifecycle/deactivate`);
    const deleted = await okta.api("DELETE", `${secretsPath(appId)}/${created.body.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect((await okta.api<Secret[]>("GET", secretsPath(appId))).body).toHaveLength(1);
  });

  it("accepts the bounds: 14 and 100 characters, 32 for client_secret_jwt, and creates INACTIVE on request", async () => {
    const appId = await appWith(okta);
    const inactive = await okta.api<Secret>("POST", secretsPath(appId), {
      body: { client_secret: "x".repeat(14), status: "INACTIVE" },
    });
    expect(inactive.status).toBe(201);
    expect(inactive.body.status).toBe("INACTIVE");
    await okta.api("DELETE", `${secretsPath(appId)}/${inactive.body.id}`);
    expect((await okta.api("POST", secretsPath(appId), { body: { client_secret: "~".repeat(100) } })).status).toBe(201);
    const jwtApp = await appWith(okta, "client_secret_jwt");
    expect((await okta.api("POST", secretsPath(jwtApp), { body: { client_secret: "y".repeat(32) } })).status).toBe(201);
  });

  it("answers Okta's 404 for an unknown app and an unknown secret", async () => {
    const missingApp = await okta.api("GET", secretsPath("0oa00000000000000000"));
    expect(missingApp.status).toBe(404);
    expect(errorShape(missingApp.body)).toEqual({
      errorCode: "E0000007",
      errorSummary: "Not found: Resource not found: 0oa00000000000000000 (AppInstance)",
      errorCauses: [],
    });
    const appId = await appWith(okta);
    const missing = await okta.api("POST", `${secretsPath(appId)}/ocs00000000000000000/lifecycle/activate`);
    expect(missing.status).toBe(404);
    expect((missing.body as { errorSummary: string }).errorSummary).toBe(
      "Not found: Resource not found: ocs00000000000000000 (OAuth2ClientSecretMediated)",
    );
  });

  it("refuses a body that is not JSON with E0000003", async () => {
    const response = await okta.api("POST", secretsPath(await appWith(okta)), { body: "{not json" });
    expect(response.status).toBe(400);
    expect(errorShape(response.body)).toEqual({
      errorCode: "E0000003",
      errorSummary: "The request body was not well-formed.",
      errorCauses: [],
    });
  });

  it("validated every response against Okta's spec", () => {
    expect(validatedResponses()).toBeGreaterThan(20);
  });
});
