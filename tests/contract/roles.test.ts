import { describe, expect, it } from "vitest";
import { startOktaEmulator } from "../../emulator/index";
import { signAssertion } from "../../provider/keys/clientAssertion";
import { requestClientCredentialsToken, tokenEndpoint } from "../../provider/okta/tokenEndpoint";
import { createServiceApp } from "../serviceApp";
import { oauthClient } from "../unit/provider/okta/oauthClients";
import { errorShape, specExamples, useOktaHarness } from "./harness";
import { assertionForm, serviceApp, type Token } from "./oauthApps";

// A service app's admin roles (Okta's RoleAssignmentClient) and how the Management API holds a token to them and to
// its scopes: scopes say what a token may do, the roles on what. Every response is validated against Okta's spec.
const okta = useOktaHarness();
const LIST = "GET /api/v1/apps/{appId}/credentials/secrets";
const DENIED = errorShape(Object.values(specExamples(LIST, "403"))[0]);
const INVALID = errorShape(Object.values(specExamples(LIST, "401"))[0]);

async function tokenOf(role: string | null, scopes = ["okta.apps.read", "okta.apps.manage"]) {
  const app = await serviceApp(okta, scopes, {}, role);
  const scope = scopes.join(" ");
  const issued = await okta.token<Token>(await assertionForm(okta, app, scope));
  expect(issued.status).toBe(200);
  return { app, bearer: `Bearer ${issued.body.access_token}` };
}

describe("client roles: /oauth2/v1/clients/{clientId}/roles", () => {
  it("assigns a standard role (200, the spec's StandardRole), lists, reads and removes it", async () => {
    const app = await serviceApp(okta, [], {}, null);
    const roles = `/oauth2/v1/clients/${app.id}/roles`;
    const assigned = await okta.api<{ id: string }>("POST", roles, { body: { type: "APP_ADMIN" } });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({
      label: "Application Administrator",
      type: "APP_ADMIN",
      status: "ACTIVE",
      assignmentType: "CLIENT",
      _links: { assignee: { href: `${okta.emulator.url}${roles}` } },
    });
    expect((await okta.api<unknown[]>("GET", roles)).body).toHaveLength(1);
    expect((await okta.api("GET", `${roles}/${assigned.body.id}`)).body).toEqual(assigned.body);
    expect((await okta.api("DELETE", `${roles}/${assigned.body.id}`)).status).toBe(204);
    expect((await okta.api("GET", roles)).body).toEqual([]);
    expect((await okta.api("GET", `${roles}/${assigned.body.id}`)).status).toBe(404);
  });

  it("refuses an unknown role type, a role held already, and an unknown client", async () => {
    const app = await serviceApp(okta, [], {}, "APP_ADMIN");
    const roles = `/oauth2/v1/clients/${app.id}/roles`;
    const unknown = await okta.api("POST", roles, { body: { type: "KING" } });
    expect([unknown.status, (unknown.body as { errorCode: string }).errorCode]).toEqual([400, "E0000001"]);
    const twice = await okta.api("POST", roles, { body: { type: "APP_ADMIN" } });
    expect(twice.status).toBe(400);
    const nobody = await okta.api("GET", "/oauth2/v1/clients/0oa11111111111111111/roles");
    expect(nobody.status).toBe(404);
  });
});

describe("the Management API holds a token to its scopes and its client's roles", () => {
  it("refuses a request without a token, with a malformed or unknown one, or an expired one: 401 E0000011", async () => {
    const app = await okta.emulator.createApp();
    const path = `/api/v1/apps/${app.id}/credentials/secrets`;
    for (const auth of [
      null,
      "",
      "SSWS",
      "SSWS ",
      "SSWS wrong-token",
      "Bearer",
      "Bearer unknown",
      "Basic Zm9vOmJhcg==",
    ]) {
      const refused = await okta.api("GET", path, { auth });
      expect(refused.status, String(auth)).toBe(401);
      expect(errorShape(refused.body)).toEqual(INVALID);
    }
    const short = await startOktaEmulator({ rateLimit: "off", accessTokenLifetimeSeconds: 1 });
    try {
      const service = await createServiceApp(short);
      const endpoint = tokenEndpoint({ orgUrl: short.url });
      const assertion = await signAssertion({
        clientId: service.id,
        audience: endpoint.href,
        signing: { key: service.privateKey },
        algorithm: "RS256",
        kid: service.kid,
      });
      const { accessToken } = await requestClientCredentialsToken(endpoint, ["okta.apps.read"], {
        kind: "client_assertion",
        clientId: service.id,
        assertion,
      });
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const expired = await fetch(`${short.url}/api/v1/apps`, { headers: { Authorization: `Bearer ${accessToken}` } });
      expect(expired.status).toBe(401);
    } finally {
      await short.close();
    }
  });

  it("403 E0000006 for a service app without an admin role, even with both scopes, on reads and writes", async () => {
    const target = await okta.emulator.createApp();
    const { bearer } = await tokenOf(null);
    const path = `/api/v1/apps/${target.id}/credentials/secrets`;
    for (const method of ["GET", "POST"]) {
      const refused = await okta.api(method, path, { auth: bearer, body: method === "POST" ? {} : undefined });
      expect(refused.status, method).toBe(403);
      expect(errorShape(refused.body)).toEqual(DENIED);
    }
    expect(okta.emulator.state().apps.find((a) => a.id === target.id)?.secrets).toHaveLength(1);
  });

  it("a Read-only Admin reads and changes nothing; an App Admin or a Super Admin does both", async () => {
    const target = await okta.emulator.createApp();
    const path = `/api/v1/apps/${target.id}/credentials/secrets`;
    const readOnly = await tokenOf("READ_ONLY_ADMIN");
    expect((await okta.api("GET", path, { auth: readOnly.bearer })).status).toBe(200);
    expect((await okta.api("POST", path, { auth: readOnly.bearer, body: {} })).status).toBe(403);
    for (const role of ["APP_ADMIN", "SUPER_ADMIN"]) {
      const admin = await tokenOf(role);
      expect((await okta.api("GET", path, { auth: admin.bearer })).status, role).toBe(200);
    }
    const admin = await tokenOf("APP_ADMIN");
    expect((await okta.api("POST", path, { auth: admin.bearer, body: {} })).status).toBe(201);
  });

  it("a token without okta.apps.manage reads but cannot change, whatever its role", async () => {
    const target = await okta.emulator.createApp();
    const path = `/api/v1/apps/${target.id}/credentials/secrets`;
    const { bearer } = await tokenOf("SUPER_ADMIN", ["okta.apps.read"]);
    expect((await okta.api("GET", path, { auth: bearer })).status).toBe(200);
    const refused = await okta.api("POST", path, { auth: bearer, body: {} });
    expect([refused.status, errorShape(refused.body)]).toEqual([403, DENIED]);
  });

  it("roles are read with okta.roles.read and assigned with okta.roles.manage by a Super Admin's client", async () => {
    const subject = await serviceApp(okta, [], {}, null);
    const roles = `/oauth2/v1/clients/${subject.id}/roles`;
    const appsOnly = await tokenOf("SUPER_ADMIN");
    expect((await okta.api("GET", roles, { auth: appsOnly.bearer })).status).toBe(403);
    const super_ = await tokenOf("SUPER_ADMIN", ["okta.roles.manage"]);
    expect((await okta.api("POST", roles, { auth: super_.bearer, body: { type: "APP_ADMIN" } })).status).toBe(200);
    const appAdmin = await tokenOf("APP_ADMIN", ["okta.roles.manage"]);
    expect((await okta.api("POST", roles, { auth: appAdmin.bearer, body: { type: "ORG_ADMIN" } })).status).toBe(403);
  });

  it("with adminRoles: false, a token needs only its scopes (an API token never needs a role)", async () => {
    const lax = await startOktaEmulator({ rateLimit: "off", adminRoles: false });
    try {
      const service = await createServiceApp(lax, { role: null });
      const target = await lax.createApp();
      expect(await oauthClient(lax, service).listClientSecrets(target.id)).toHaveLength(1);
    } finally {
      await lax.close();
    }
  });
});
