import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { type OktaHarness, useOktaHarness, validatedResponses } from "./harness";
import { testKey } from "./keys";

const okta = useOktaHarness();
const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const INVALID_SECRET = {
  error: "invalid_client",
  error_description: "The client secret supplied for a confidential client is invalid.",
};
type Token = { access_token: string; token_type: string; expires_in: number; scope: string };

const basic = (id: string, secret: string) => ({
  Authorization: `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`,
});

async function secretApp(h: OktaHarness, grants = ["client_credentials"]) {
  const app = await h.emulator.createApp({ settings: { oauthClient: { grant_types: grants } } });
  return { id: app.id, secret: app.credentials.oauthClient.client_secret as string };
}

async function assertion(h: OktaHarness, clientId: string, key: ReturnType<typeof testKey>, overrides = {}) {
  return new SignJWT({ jti: randomUUID(), ...overrides })
    .setProtectedHeader({ alg: "ES256", kid: key.jwk.kid as string })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(`${h.emulator.url}/oauth2/v1/token`)
    .setIssuedAt()
    .setExpirationTime("5m")
    .sign(key.privateKey);
}

describe("token endpoint: client_credentials", () => {
  it("issues a Bearer token for client_secret_basic and client_secret_post", async () => {
    const app = await secretApp(okta);
    const viaBasic = await okta.token<Token>(
      { grant_type: "client_credentials", scope: "okta.apps.read" },
      basic(app.id, app.secret),
    );
    expect(viaBasic.status).toBe(200);
    expect(viaBasic.body).toMatchObject({ token_type: "Bearer", expires_in: 3600, scope: "okta.apps.read" });
    expect(viaBasic.headers.get("cache-control")).toBe("no-store");
    const viaPost = await okta.token<Token>({
      grant_type: "client_credentials",
      scope: "okta.apps.manage okta.apps.read",
      client_id: app.id,
      client_secret: app.secret,
    });
    expect(viaPost.status).toBe(200);
    expect(viaPost.body.scope).toBe("okta.apps.manage okta.apps.read");
  });

  it("answers 401 invalid_client for a wrong secret and for an INACTIVE one", async () => {
    const app = await secretApp(okta);
    const wrong = await okta.token(
      { grant_type: "client_credentials", scope: "okta.apps.read" },
      basic(app.id, "wrong-secret-123"),
    );
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(INVALID_SECRET);

    const secrets = `/api/v1/apps/${app.id}/credentials/secrets`;
    const second = await okta.api<{ id: string; client_secret: string }>("POST", secrets, { body: {} });
    const [first] = (await okta.api<Array<{ id: string }>>("GET", secrets)).body;
    await okta.api("POST", `${secrets}/${first?.id}/lifecycle/deactivate`);
    const inactive = await okta.token(
      { grant_type: "client_credentials", scope: "okta.apps.read" },
      basic(app.id, app.secret),
    );
    expect(inactive.status).toBe(401);
    expect(inactive.body).toEqual(INVALID_SECRET);
    const active = await okta.token(
      { grant_type: "client_credentials", scope: "okta.apps.read" },
      basic(app.id, second.body.client_secret),
    );
    expect(active.status).toBe(200);
  });

  it("authenticates private_key_jwt with the app's ACTIVE keys only, and refuses a replayed assertion", async () => {
    const key = testKey("EC", { kid: "svc-1" });
    const app = await okta.emulator.createApp({
      credentials: { oauthClient: { token_endpoint_auth_method: "private_key_jwt" } },
      settings: {
        oauthClient: {
          application_type: "service",
          grant_types: ["client_credentials"],
          jwks: { keys: [key.jwk as never] },
        },
      },
    });
    const jwt = await assertion(okta, app.id, key);
    const form = { grant_type: "client_credentials", scope: "okta.apps.manage", client_assertion_type: JWT_BEARER };
    const ok = await okta.token<Token>({ ...form, client_assertion: jwt });
    expect(ok.status).toBe(200);
    const replay = await okta.token({ ...form, client_assertion: jwt });
    expect(replay.status).toBe(401);
    expect((replay.body as { error: string }).error).toBe("invalid_client");

    const stranger = testKey("EC", { kid: "svc-1" });
    const forged = await okta.token({ ...form, client_assertion: await assertion(okta, app.id, stranger) });
    expect(forged.status).toBe(401);

    const other = testKey("EC", { kid: "svc-2" });
    const jwks = `/api/v1/apps/${app.id}/credentials/jwks`;
    const added = await okta.api<{ id: string }>("POST", jwks, { body: { ...other.jwk, status: "INACTIVE" } });
    expect((await okta.token({ ...form, client_assertion: await assertion(okta, app.id, other) })).status).toBe(401);
    await okta.api("POST", `${jwks}/${added.body.id}/lifecycle/activate`);
    expect((await okta.token({ ...form, client_assertion: await assertion(okta, app.id, other) })).status).toBe(200);
  });

  it("answers Okta's OAuth errors: no credentials, unknown client, two methods, grant, scope", async () => {
    const app = await secretApp(okta);
    const cc = { grant_type: "client_credentials", scope: "okta.apps.read" };
    expect((await okta.token(cc)).body).toEqual({
      error: "invalid_client",
      error_description: "No client credentials found",
    });
    expect((await okta.token(cc, basic("0oaunknown", "whatever-secret"))).body).toEqual({
      error: "invalid_client",
      error_description: "Invalid value for the `client_id` parameter",
    });
    const both = await okta.token({ ...cc, client_id: app.id, client_secret: app.secret }, basic(app.id, app.secret));
    expect(both.status).toBe(400);
    expect((both.body as { error: string }).error).toBe("invalid_request");
    const grant = await okta.token({ ...cc, grant_type: "password" }, basic(app.id, app.secret));
    expect(grant.body).toEqual({
      error: "unsupported_grant_type",
      error_description: "The grant type in the request isn't supported.",
    });
    const noScope = await okta.token({ grant_type: "client_credentials" }, basic(app.id, app.secret));
    expect(noScope.body).toEqual({ error: "invalid_scope", error_description: "No scopes were requested." });
    const webOnly = await secretApp(okta, ["authorization_code"]);
    const unauthorized = await okta.token(cc, basic(webOnly.id, webOnly.secret));
    expect(unauthorized.status).toBe(400);
    expect((unauthorized.body as { error: string }).error).toBe("unauthorized_client");
  });
});

describe("Bearer access tokens on the Management API", () => {
  async function tokenFor(scope: string) {
    const app = await secretApp(okta);
    const response = await okta.token<Token>({ grant_type: "client_credentials", scope }, basic(app.id, app.secret));
    return { app, auth: `Bearer ${response.body.access_token}` };
  }

  it("okta.apps.read may read but not change (403 E0000006)", async () => {
    const { app, auth } = await tokenFor("okta.apps.read");
    const secrets = `/api/v1/apps/${app.id}/credentials/secrets`;
    expect((await okta.api("GET", secrets, { auth })).status).toBe(200);
    const denied = await okta.api("POST", secrets, { auth, body: {} });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({
      errorCode: "E0000006",
      errorSummary: "You do not have permission to perform the requested action",
    });
  });

  it("okta.apps.manage may read and change", async () => {
    const { app, auth } = await tokenFor("okta.apps.manage");
    const secrets = `/api/v1/apps/${app.id}/credentials/secrets`;
    expect((await okta.api("GET", secrets, { auth })).status).toBe(200);
    expect((await okta.api("POST", secrets, { auth, body: {} })).status).toBe(201);
  });

  it("an unknown token, a wrong SSWS token or none at all gets 401 E0000011", async () => {
    const { app } = await secretApp(okta).then((a) => ({ app: a }));
    const path = `/api/v1/apps/${app.id}`;
    for (const auth of ["Bearer not-a-token", "SSWS wrong", null, `SSWS${okta.emulator.apiToken}`]) {
      const response = await okta.api("GET", path, { auth });
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({
        errorCode: "E0000011",
        errorSummary: "Invalid token provided",
        errorCauses: [],
      });
    }
  });

  it("a deleted app's tokens die with it, even when a new app later takes its client_id", async () => {
    const made = () =>
      okta.emulator.createApp({
        credentials: { oauthClient: { client_id: "reused-client", client_secret: "r".repeat(20) } },
      });
    const first = await made();
    const issued = await okta.token<Token>(
      { grant_type: "client_credentials", scope: "okta.apps.read" },
      basic("reused-client", "r".repeat(20)),
    );
    const auth = `Bearer ${issued.body.access_token}`;
    expect((await okta.api("GET", "/api/v1/apps", { auth })).status).toBe(200);
    await okta.api("POST", `/api/v1/apps/${first.id}/lifecycle/deactivate`);
    expect((await okta.api("DELETE", `/api/v1/apps/${first.id}`)).status).toBe(204);
    await made();
    expect((await okta.api("GET", "/api/v1/apps", { auth })).status).toBe(401);
  });

  it("validated every response against Okta's spec", () => {
    expect(validatedResponses()).toBeGreaterThan(25);
  });
});
