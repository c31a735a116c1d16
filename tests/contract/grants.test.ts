import { describe, expect, it } from "vitest";
import { errorShape, useOktaHarness, validatedResponses } from "./harness";
import { assertionForm, serviceApp, type Token } from "./oauthApps";

const okta = useOktaHarness();
type Grant = {
  id: string;
  status: string;
  issuer: string;
  clientId: string;
  scopeId: string;
  source: string;
  _embedded: { scope: { id: string } };
  _links: { self: { href: string }; app: { href: string } };
};

describe("app grants (/api/v1/apps/{appId}/grants)", () => {
  it("grants a scope (201), lists it, reads it, revokes it (204), then answers 404", async () => {
    const app = await okta.emulator.createApp({ label: "svc" });
    const grants = `/api/v1/apps/${app.id}/grants`;
    const made = await okta.api<Grant>("POST", grants, {
      body: { issuer: okta.emulator.url, scopeId: "okta.apps.read" },
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      status: "ACTIVE",
      issuer: okta.emulator.url,
      clientId: app.id,
      scopeId: "okta.apps.read",
      source: "ADMIN",
      _embedded: { scope: { id: "okta.apps.read" } },
    });
    expect(made.body.id).toMatch(/^oag[A-Za-z0-9]{17}$/);
    expect(made.body._links.self.href).toBe(`${okta.emulator.url}${grants}/${made.body.id}`);
    expect((await okta.api<Grant[]>("GET", grants)).body).toEqual([made.body]);
    expect((await okta.api<Grant>("GET", `${grants}/${made.body.id}`)).body).toEqual(made.body);
    expect(okta.emulator.state().apps[0]?.grants).toEqual([made.body]);
    expect((await okta.api("DELETE", `${grants}/${made.body.id}`)).status).toBe(204);
    const gone = await okta.api("GET", `${grants}/${made.body.id}`);
    expect(gone.status).toBe(404);
    expect(errorShape(gone.body)).toEqual({
      errorCode: "E0000007",
      errorSummary: `Not found: Resource not found: ${made.body.id} (OAuth2ScopeConsentGrant)`,
      errorCauses: [],
    });
    expect((await okta.api("GET", "/api/v1/apps/0oa11111111111111111/grants")).status).toBe(404);
  });

  it("refuses a grant without an issuer or scope, for another issuer, a scope that is not Okta's, or twice", async () => {
    const app = await okta.emulator.createApp();
    const grants = `/api/v1/apps/${app.id}/grants`;
    const refusal = async (body: Record<string, unknown>) => {
      const answer = await okta.api("POST", grants, { body });
      expect(answer.status).toBe(400);
      return errorShape(answer.body);
    };
    const issuer = okta.emulator.url;
    expect(await refusal({ scopeId: "okta.apps.read" })).toMatchObject({
      errorSummary: "Api validation failed: issuer",
    });
    expect(await refusal({ issuer: "https://other.okta.com", scopeId: "okta.apps.read" })).toMatchObject({
      errorSummary: "Api validation failed: issuer",
    });
    expect(await refusal({ issuer })).toMatchObject({ errorSummary: "Api validation failed: scopeId" });
    expect(await refusal({ issuer, scopeId: "openid" })).toMatchObject({
      errorSummary: "Api validation failed: scopeId",
    });
    await okta.api("POST", grants, { body: { issuer: `${issuer}/`, scopeId: "okta.apps.read" } });
    expect((await refusal({ issuer, scopeId: "okta.apps.read" })).errorCauses).toEqual([
      { errorSummary: "scopeId: 'okta.apps.read' is already granted to this app" },
    ]);
  });

  it("needs okta.appGrants.read / okta.appGrants.manage with an OAuth token", async () => {
    const app = await serviceApp(okta, ["okta.appGrants.read", "okta.appGrants.manage", "okta.apps.read"]);
    const token = async (scope: string) =>
      `Bearer ${(await okta.token<Token>(await assertionForm(okta, app, scope))).body.access_token}`;
    const grants = `/api/v1/apps/${app.id}/grants`;
    const body = { issuer: okta.emulator.url, scopeId: "okta.users.read" };
    const reader = await token("okta.appGrants.read");
    expect((await okta.api("GET", grants, { auth: reader })).status).toBe(200);
    expect((await okta.api("POST", grants, { auth: reader, body })).status).toBe(403);
    expect((await okta.api("POST", grants, { auth: await token("okta.appGrants.manage"), body })).status).toBe(201);
    expect((await okta.api("GET", grants, { auth: await token("okta.apps.read") })).status).toBe(403);
  });

  it("validated every response against Okta's spec", () => {
    expect(validatedResponses()).toBeGreaterThan(15);
  });
});
