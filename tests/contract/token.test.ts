import { describe, expect, it } from "vitest";
import { useOktaHarness, validatedResponses } from "./harness";
import { testKey } from "./keys";
import { assertion, assertionForm, basic, JWT_BEARER, secretApp, serviceApp, type Token } from "./oauthApps";

const okta = useOktaHarness();
const oauthError = (error: string, error_description: string) => ({ error, error_description });
const INVALID_SECRET = oauthError("invalid_client", "The client secret supplied for a confidential client is invalid.");
const NOT_CONFIGURED = oauthError(
  "invalid_scope",
  "One or more scopes are not configured for the authorization server resource.",
);
const PRIVATE_KEY_JWT_ONLY = oauthError(
  "invalid_client",
  "Client Credentials requests to the Org Authorization Server must use the private_key_jwt token_endpoint_auth_method.",
);

describe("token endpoint: a client secret (what a check of a secret sees)", () => {
  const cc = (scope?: string) => ({ grant_type: "client_credentials", ...(scope ? { scope } : {}) });

  it("authenticates a right secret (basic or post), then refuses what the org authorization server does not serve", async () => {
    const app = await secretApp(okta);
    const viaBasic = await okta.token(cc("secret-check"), basic(app.id, app.secret));
    expect(viaBasic.status).toBe(400);
    expect(viaBasic.body).toEqual(NOT_CONFIGURED);
    const viaPost = await okta.token({ ...cc("secret-check"), client_id: app.id, client_secret: app.secret });
    expect(viaPost.body).toEqual(NOT_CONFIGURED);
    expect((await okta.token(cc(), basic(app.id, app.secret))).body).toEqual(
      oauthError("invalid_scope", "No scopes were requested."),
    );
    expect((await okta.token(cc("openid"), basic(app.id, app.secret))).body).toEqual(
      oauthError("invalid_scope", "Cannot request 'openid' scopes using client credentials."),
    );
    // Okta scopes need private_key_jwt: a right secret then gets invalid_client too, but with this text.
    const oktaScope = await okta.token(cc("okta.apps.read"), basic(app.id, app.secret));
    expect(oktaScope.status).toBe(401);
    expect(oktaScope.body).toEqual(PRIVATE_KEY_JWT_ONLY);
  });

  it("answers 401 invalid_client for a wrong secret and for an INACTIVE one, whatever the scope", async () => {
    const app = await secretApp(okta);
    for (const scope of ["secret-check", "okta.apps.read", undefined]) {
      const wrong = await okta.token(cc(scope), basic(app.id, "wrong-secret-123"));
      expect(wrong.status).toBe(401);
      expect(wrong.body).toEqual(INVALID_SECRET);
    }
    const secrets = `/api/v1/apps/${app.id}/credentials/secrets`;
    const second = await okta.api<{ id: string; client_secret: string }>("POST", secrets, { body: {} });
    const [first] = (await okta.api<Array<{ id: string }>>("GET", secrets)).body;
    await okta.api("POST", `${secrets}/${first?.id}/lifecycle/deactivate`);
    const inactive = await okta.token(cc("secret-check"), basic(app.id, app.secret));
    expect(inactive.status).toBe(401);
    expect(inactive.body).toEqual(INVALID_SECRET);
    const active = await okta.token(cc("secret-check"), basic(app.id, second.body.client_secret));
    expect(active.body).toEqual(NOT_CONFIGURED);
  });

  it("authenticates the secret of an app without the client_credentials grant before refusing the grant", async () => {
    const webOnly = await secretApp(okta, ["authorization_code"]);
    const right = await okta.token(cc("secret-check"), basic(webOnly.id, webOnly.secret));
    expect(right.status).toBe(400);
    expect(right.body).toEqual(
      oauthError(
        "unauthorized_client",
        "The client isn't authorized to use the provided grant type. Configured grant types: [authorization_code].",
      ),
    );
    expect((await okta.token(cc("secret-check"), basic(webOnly.id, "wrong-secret-123"))).body).toEqual(INVALID_SECRET);
  });

  it("answers Okta's OAuth errors: no credentials, unknown client, two methods, grant type, wrong method", async () => {
    const app = await secretApp(okta);
    expect((await okta.token(cc("x"))).body).toEqual(oauthError("invalid_client", "No client credentials found"));
    expect((await okta.token(cc("x"), basic("0oaunknown", "whatever-secret"))).body).toEqual(
      oauthError("invalid_client", "Invalid value for the `client_id` parameter"),
    );
    const both = await okta.token(
      { ...cc("x"), client_id: app.id, client_secret: app.secret },
      basic(app.id, app.secret),
    );
    expect(both.status).toBe(400);
    expect((both.body as { error: string }).error).toBe("invalid_request");
    expect((await okta.token({ grant_type: "password" }, basic(app.id, app.secret))).body).toEqual(
      oauthError("unsupported_grant_type", "The grant type in the request isn't supported."),
    );
    const keyApp = await serviceApp(okta);
    expect((await okta.token(cc("x"), basic(keyApp.id, "a-secret-it-never-had"))).body).toEqual(
      oauthError(
        "invalid_client",
        "Client authentication failed. Either the client or the client credentials are invalid.",
      ),
    );
  });

  it("gives Okta scopes to service apps only, even with private_key_jwt", async () => {
    const key = testKey("EC", { kid: "web-1" });
    const web = await okta.emulator.createApp({
      credentials: { oauthClient: { token_endpoint_auth_method: "private_key_jwt" } },
      settings: {
        oauthClient: {
          application_type: "web",
          grant_types: ["client_credentials"],
          jwks: { keys: [key.jwk as never] },
        },
      },
    });
    const answer = await okta.token(await assertionForm(okta, { id: web.id, key }, "okta.apps.read"));
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual(
      oauthError(
        "invalid_client",
        "Only clients with 'application_type' of 'service' may use the client_credentials 'grant_type' with the Org Authorization Server.",
      ),
    );
  });
});

describe("token endpoint: private_key_jwt client assertions", () => {
  const assertionError = (text: string) => oauthError("invalid_client", text);

  it("authenticates with the app's ACTIVE keys only, and refuses a replayed assertion", async () => {
    const app = await serviceApp(okta);
    const form = await assertionForm(okta, app);
    const ok = await okta.token<Token>(form);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ token_type: "Bearer", expires_in: 3600, scope: "okta.apps.manage" });
    expect(ok.headers.get("cache-control")).toBe("no-store");
    const replay = await okta.token(form);
    expect(replay.status).toBe(401);
    expect(replay.body).toEqual(assertionError("The client_assertion token has already been used."));

    const stranger = testKey("EC", { kid: "svc-1" });
    const forged = await okta.token(await assertionForm(okta, { id: app.id, key: stranger }));
    expect(forged.body).toEqual(assertionError("The client_assertion signature is invalid."));

    const other = testKey("EC", { kid: "svc-2" });
    const jwks = `/api/v1/apps/${app.id}/credentials/jwks`;
    const added = await okta.api<{ id: string }>("POST", jwks, { body: { ...other.jwk, status: "INACTIVE" } });
    const inactive = await okta.token(await assertionForm(okta, { id: app.id, key: other }));
    expect(inactive.body).toEqual(assertionError("The client_assertion JWT kid is invalid."));
    await okta.api("POST", `${jwks}/${added.body.id}/lifecycle/activate`);
    expect((await okta.token(await assertionForm(okta, { id: app.id, key: other }))).status).toBe(200);
  });

  it("holds the claims to Okta's rules: exp at most an hour ahead, iat not ahead, aud the token URL, iss and sub the client", async () => {
    const app = await serviceApp(okta);
    const now = Math.floor(Date.now() / 1000);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ exp: now + 3700 }, "The client_assertion token has an expiration too far into the future."],
      [{ exp: now - 60 }, "The client_assertion token is expired."],
      [{ exp: undefined }, "The client_assertion must contain the 'exp' claim as seconds since epoch."],
      [{ iat: now + 120 }, "The client_assertion token must be issued before the current time."],
      [
        { aud: `${okta.emulator.url}/oauth2/default/v1/token` },
        "The audience claim for client_assertion must be the endpoint invoked for the request.",
      ],
      [{ sub: "0oasomeoneelse" }, "The subject claim for client_assertion is not a valid client_id."],
    ];
    for (const [claims, text] of cases) {
      const form = { grant_type: "client_credentials", scope: "okta.apps.read", client_assertion_type: JWT_BEARER };
      const answer = await okta.token({
        ...form,
        client_id: app.id,
        client_assertion: await assertion(okta, app.id, app.key, claims),
      });
      expect(answer.status, text).toBe(401);
      expect(answer.body).toEqual(assertionError(text));
    }
    const unparsable = await okta.token({
      grant_type: "client_credentials",
      scope: "okta.apps.read",
      client_assertion_type: JWT_BEARER,
      client_assertion: "not-a-jwt",
    });
    expect(unparsable.body).toEqual(assertionError("The parsing of the client_assertion failed."));
    // jti is optional for Okta.
    const noJti = await assertion(okta, app.id, app.key, { jti: undefined, exp: now + 3600 });
    const form = { grant_type: "client_credentials", scope: "okta.apps.read", client_assertion_type: JWT_BEARER };
    expect((await okta.token({ ...form, client_assertion: noJti })).status).toBe(200);
  });
});

describe("token endpoint: Okta scopes granted to the app", () => {
  it("issues only the granted scopes, refuses when none is granted, and follows revocations", async () => {
    const app = await serviceApp(okta, ["okta.apps.read"]);
    const both = await okta.token<Token>(await assertionForm(okta, app, "okta.apps.read okta.apps.manage"));
    expect(both.status).toBe(200);
    expect(both.body.scope).toBe("okta.apps.read");
    const none = await okta.token(await assertionForm(okta, app, "okta.apps.manage"));
    expect(none.status).toBe(400);
    expect(none.body).toEqual(oauthError("consent_required", "You are not allowed any of the requested scopes."));
    const grants = await okta.api<Array<{ id: string }>>("GET", `/api/v1/apps/${app.id}/grants`);
    await okta.api("DELETE", `/api/v1/apps/${app.id}/grants/${grants.body[0]?.id}`);
    expect((await okta.token(await assertionForm(okta, app, "okta.apps.read"))).status).toBe(400);
  });
});

describe("access tokens on the Management API", () => {
  async function tokenFor(scope: string) {
    const app = await serviceApp(okta);
    const response = await okta.token<Token>(await assertionForm(okta, app, scope));
    return { app, auth: `Bearer ${response.body.access_token}` };
  }

  it("okta.apps.read may read but not change (403 E0000006)", async () => {
    const { auth } = await tokenFor("okta.apps.read");
    const secrets = `/api/v1/apps/${(await secretApp(okta)).id}/credentials/secrets`;
    expect((await okta.api("GET", secrets, { auth })).status).toBe(200);
    const denied = await okta.api("POST", secrets, { auth, body: {} });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({
      errorCode: "E0000006",
      errorSummary: "You do not have permission to perform the requested action",
    });
  });

  it("okta.apps.manage may read and change apps, but not their grants (okta.appGrants.*)", async () => {
    const { app, auth } = await tokenFor("okta.apps.manage");
    const secrets = `/api/v1/apps/${(await secretApp(okta)).id}/credentials/secrets`;
    expect((await okta.api("GET", secrets, { auth })).status).toBe(200);
    expect((await okta.api("POST", secrets, { auth, body: {} })).status).toBe(201);
    expect((await okta.api("GET", `/api/v1/apps/${app.id}/grants`, { auth })).status).toBe(403);
  });

  it("an unknown token, a wrong SSWS token or none at all gets 401 E0000011", async () => {
    const path = `/api/v1/apps/${(await secretApp(okta)).id}`;
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
    const key = testKey("EC", { kid: "reuse-1" });
    const made = async () => {
      const created = await okta.emulator.createApp({
        credentials: { oauthClient: { client_id: "reused-client", token_endpoint_auth_method: "private_key_jwt" } },
        settings: {
          oauthClient: {
            application_type: "service",
            grant_types: ["client_credentials"],
            jwks: { keys: [key.jwk as never] },
          },
        },
      });
      await okta.api("POST", `/api/v1/apps/${created.id}/grants`, {
        body: { issuer: okta.emulator.url, scopeId: "okta.apps.read" },
      });
      await okta.api("POST", "/oauth2/v1/clients/reused-client/roles", { body: { type: "READ_ONLY_ADMIN" } });
      return created;
    };
    const first = await made();
    const issued = await okta.token<Token>(await assertionForm(okta, { id: "reused-client", key }, "okta.apps.read"));
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
