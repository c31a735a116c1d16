import { randomBytes, randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { specExamples, useOktaHarness, validatedResponses } from "./harness";
import { testKey } from "./keys";
import { assertion, assertionForm, basic, dpopProof, JWT_BEARER, secretApp, serviceApp, type Token } from "./oauthApps";

// /oauth2/v1/introspect (RFC 7662) and /oauth2/v1/revoke (RFC 7009) of the org authorization server, as Okta's OAuth
// spec has them: every response validated against the spec's schema, every example of theirs compared byte for byte.
const okta = useOktaHarness();
const INTROSPECT = "/oauth2/v1/introspect";
const REVOKE = "/oauth2/v1/revoke";
const oauthError = (error: string, error_description: string) => ({ error, error_description });
const INVALID_SECRET = oauthError("invalid_client", "The client secret supplied for a confidential client is invalid.");
const WRONG_METHOD = oauthError(
  "invalid_client",
  "Client authentication failed. Either the client or the client credentials are invalid.",
);
const randomToken = () => ({ token: randomBytes(32).toString("base64url"), token_type_hint: "access_token" });
const url = (path: string) => `${okta.emulator.url}${path}`;

/** A client_secret_jwt assertion: HS256 over the client's secret, `aud` the endpoint it is sent to. */
async function secretAssertion(clientId: string, secret: string, audience: string) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: clientId, sub: clientId, aud: audience, iat: now, exp: now + 300, jti: randomUUID() })
    .setProtectedHeader({ alg: "HS256" })
    .sign(Buffer.from(secret));
}

async function appWithMethod(method: string, grants = ["authorization_code"]) {
  const app = await okta.emulator.createApp({
    credentials: { oauthClient: { token_endpoint_auth_method: method as never } },
    settings: { oauthClient: { grant_types: grants, redirect_uris: ["https://example.com/cb"] } },
  });
  return { id: app.id, secret: app.credentials.oauthClient.client_secret as string };
}

describe("introspection: client authentication, any grant or scope", () => {
  it("answers the spec's inactive example for a token it does not know, whatever the client's grants", async () => {
    const inactive = specExamples(`POST ${INTROSPECT}`, "200")["Inactive token"];
    expect(inactive).toEqual({ active: false });
    // An app with neither client_credentials nor any Okta scope: introspection has no grant or scope rule.
    const web = await secretApp(okta, ["authorization_code"]);
    const answer = await okta.oauth(INTROSPECT, randomToken(), basic(web.id, web.secret));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(inactive);
    expect(answer.headers.get("cache-control")).toBe("no-store");
  });

  it("authenticates each method a client can have: basic, post, client_secret_jwt, private_key_jwt, public", async () => {
    const basicApp = await appWithMethod("client_secret_basic");
    const postApp = await appWithMethod("client_secret_post");
    const jwtApp = await appWithMethod("client_secret_jwt");
    const service = await serviceApp(okta, []);
    const publicApp = await appWithMethod("none");
    const answers = [
      await okta.oauth(INTROSPECT, randomToken(), basic(basicApp.id, basicApp.secret)),
      await okta.oauth(INTROSPECT, { ...randomToken(), client_id: postApp.id, client_secret: postApp.secret }),
      await okta.oauth(INTROSPECT, {
        ...randomToken(),
        client_assertion_type: JWT_BEARER,
        client_assertion: await secretAssertion(jwtApp.id, jwtApp.secret, url(INTROSPECT)),
      }),
      await okta.oauth(INTROSPECT, {
        ...randomToken(),
        client_assertion_type: JWT_BEARER,
        client_assertion: await assertion(okta, service.id, service.key, { aud: url(INTROSPECT) }),
      }),
      await okta.oauth(`${INTROSPECT}?client_id=${publicApp.id}`, randomToken()),
    ];
    for (const answer of answers) expect([answer.status, answer.body]).toEqual([200, { active: false }]);
    // The request log says how each presented its client, never the value.
    const logged = okta.emulator.requests().filter((r) => r.path === INTROSPECT);
    expect(logged.map((r) => r.clientAuth)).toEqual([
      "client_secret_basic",
      "client_secret_post",
      "client_assertion",
      "client_assertion",
      "client_id",
    ]);
    expect(JSON.stringify(logged)).not.toContain(basicApp.secret);
  });

  it("refuses a wrong secret, an INACTIVE one, and a confidential client that sends only its id", async () => {
    const app = await secretApp(okta);
    const wrong = await okta.oauth(INTROSPECT, randomToken(), basic(app.id, "wrong-secret-1234567"));
    expect([wrong.status, wrong.body]).toEqual([401, INVALID_SECRET]);
    const secrets = `/api/v1/apps/${app.id}/credentials/secrets`;
    const second = await okta.api<{ id: string; client_secret: string }>("POST", secrets, { body: {} });
    const [first] = (await okta.api<Array<{ id: string }>>("GET", secrets)).body;
    await okta.api("POST", `${secrets}/${first?.id}/lifecycle/deactivate`);
    const inactive = await okta.oauth(INTROSPECT, randomToken(), basic(app.id, app.secret));
    expect([inactive.status, inactive.body]).toEqual([401, INVALID_SECRET]);
    const active = await okta.oauth(INTROSPECT, randomToken(), basic(app.id, second.body.client_secret));
    expect(active.body).toEqual({ active: false });
    // Okta devforum: a private_key_jwt service app introspecting with its client_id only.
    const service = await serviceApp(okta, []);
    const idOnly = await okta.oauth(`${INTROSPECT}?client_id=${service.id}`, randomToken());
    expect([idOnly.status, idOnly.body]).toEqual([401, WRONG_METHOD]);
  });

  it("refuses an assertion signed by another key, made for the token endpoint, or used twice", async () => {
    const service = await serviceApp(okta, []);
    const other = testKey("EC", { kid: service.key.jwk.kid as string });
    const form = async (signed: string) => ({
      ...randomToken(),
      client_assertion_type: JWT_BEARER,
      client_assertion: signed,
    });
    const wrongKey = await okta.oauth(
      INTROSPECT,
      await form(await assertion(okta, service.id, other, { aud: url(INTROSPECT) })),
    );
    expect([wrongKey.status, wrongKey.body]).toEqual([
      401,
      oauthError("invalid_client", "The client_assertion signature is invalid."),
    ]);
    // Okta's support article on client_secret_jwt at /introspect: "The aud claim must be the /introspect endpoint".
    const forToken = await okta.oauth(INTROSPECT, await form(await assertion(okta, service.id, service.key)));
    expect([forToken.status, forToken.body]).toEqual([
      401,
      oauthError(
        "invalid_client",
        "The audience claim for client_assertion must be the endpoint invoked for the request.",
      ),
    ]);
    const once = await assertion(okta, service.id, service.key, { aud: url(INTROSPECT) });
    expect((await okta.oauth(INTROSPECT, await form(once))).status).toBe(200);
    expect((await okta.oauth(INTROSPECT, await form(once))).body).toEqual(
      oauthError("invalid_client", "The client_assertion token has already been used."),
    );
  });

  it("answers each 400 and 401 example of the spec, for introspection and revocation alike", async () => {
    const app = await secretApp(okta);
    for (const path of [INTROSPECT, REVOKE]) {
      const examples = specExamples(`POST ${path}`, "400");
      expect(Object.keys(examples).sort()).toEqual([
        "Client assertion type incorrect for JWT request",
        "Missing `token` parameter",
        "Multiple client credentials provided",
      ]);
      const missing = await okta.oauth(path, {}, basic(app.id, app.secret));
      expect([missing.status, missing.body]).toEqual([400, examples["Missing `token` parameter"]]);
      const badType = await okta.oauth(path, { ...randomToken(), client_assertion_type: "jwt", client_assertion: "x" });
      expect([badType.status, badType.body]).toEqual([
        400,
        examples["Client assertion type incorrect for JWT request"],
      ]);
      const both = await okta.oauth(
        path,
        { ...randomToken(), client_id: app.id, client_secret: app.secret },
        basic(app.id, app.secret),
      );
      expect([both.status, both.body]).toEqual([400, examples["Multiple client credentials provided"]]);
      const none = await okta.oauth(path, randomToken());
      const [noCredentials] = Object.values(specExamples(`POST ${path}`, "401"));
      expect([none.status, none.body]).toEqual([401, noCredentials]);
    }
  });
});

describe("introspection and revocation of tokens the org issued", () => {
  it("describes an active token, and answers inactive once it is revoked; the Management API then refuses it", async () => {
    const service = await serviceApp(okta);
    const issued = await okta.token<Token>(await assertionForm(okta, service, "okta.apps.read"));
    const token = issued.body.access_token;
    const auth = async () => ({
      client_assertion_type: JWT_BEARER,
      client_assertion: await assertion(okta, service.id, service.key, { aud: url(INTROSPECT) }),
    });
    const active = await okta.oauth(INTROSPECT, { token, token_type_hint: "access_token", ...(await auth()) });
    expect(active.status).toBe(200);
    expect(active.body).toMatchObject({
      active: true,
      token_type: "Bearer",
      scope: "okta.apps.read",
      client_id: service.id,
      sub: service.id,
      iss: okta.emulator.url,
    });
    const { exp, iat } = active.body as { exp: number; iat: number };
    expect(exp - iat).toBe(3600);
    expect((await okta.api("GET", "/api/v1/apps", { auth: `Bearer ${token}` })).status).toBe(200);

    const revoked = await okta.oauth(REVOKE, {
      token,
      token_type_hint: "access_token",
      client_assertion_type: JWT_BEARER,
      client_assertion: await assertion(okta, service.id, service.key, { aud: url(REVOKE) }),
    });
    expect([revoked.status, revoked.body]).toEqual([200, undefined]);
    const after = await okta.oauth(INTROSPECT, { token, ...(await auth()) });
    expect(after.body).toEqual({ active: false });
    expect((await okta.api("GET", "/api/v1/apps", { auth: `Bearer ${token}` })).status).toBe(401);
  });

  it("revokes an unknown token as a success, and refuses to revoke another client's token", async () => {
    const service = await serviceApp(okta);
    const { access_token: token } = (await okta.token<Token>(await assertionForm(okta, service))).body;
    const web = await secretApp(okta);
    const unknown = await okta.oauth(REVOKE, randomToken(), basic(web.id, web.secret));
    expect([unknown.status, unknown.body]).toEqual([200, undefined]);
    const others = await okta.oauth(REVOKE, { token }, basic(web.id, web.secret));
    expect(others.status).toBe(400);
    expect(others.body).toMatchObject({ error: "invalid_request" });
    // Another client may still introspect it (a resource server does), and it is still active.
    expect((await okta.oauth(INTROSPECT, { token }, basic(web.id, web.secret))).body).toMatchObject({ active: true });
  });

  it("asks no DPoP proof of an app that requires DPoP, and shows a DPoP-bound token's key thumbprint", async () => {
    const service = await serviceApp(okta, ["okta.apps.read"], { dpop_bound_access_tokens: true });
    const dpopKey = testKey("EC");
    const tokenUrl = url("/oauth2/v1/token");
    const first = await okta.token(await assertionForm(okta, service, "okta.apps.read"), {
      DPoP: await dpopProof(dpopKey, { htm: "POST", htu: tokenUrl }),
    });
    const nonce = first.headers.get("dpop-nonce") as string;
    const bound = await okta.token<Token>(await assertionForm(okta, service, "okta.apps.read"), {
      DPoP: await dpopProof(dpopKey, { htm: "POST", htu: tokenUrl, nonce }),
    });
    expect(bound.body.token_type).toBe("DPoP");
    const introspected = await okta.oauth(INTROSPECT, {
      token: bound.body.access_token,
      client_assertion_type: JWT_BEARER,
      client_assertion: await assertion(okta, service.id, service.key, { aud: url(INTROSPECT) }),
    });
    expect(introspected.status).toBe(200);
    expect(introspected.body).toMatchObject({ active: true, cnf: { jkt: expect.stringMatching(/^[\w-]{43}$/) } });
  });

  it("takes injected faults like every Okta path", async () => {
    const app = await secretApp(okta);
    okta.emulator.faults.inject({ path: `${INTROSPECT}$`, status: 429 });
    const limited = await okta.oauth(INTROSPECT, randomToken(), basic(app.id, app.secret));
    expect(limited.status).toBe(429);
    expect((limited.body as { errorCode: string }).errorCode).toBe("E0000047");
    expect(validatedResponses()).toBeGreaterThan(30);
  });
});
