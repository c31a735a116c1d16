import { describe, expect, it } from "vitest";
import { startOktaEmulator } from "../../emulator/index";
import { type OktaHarness, useOktaHarness } from "./harness";
import { testKey } from "./keys";
import { accessTokenHash, assertionForm, dpopProof, serviceApp, type Token } from "./oauthApps";

const okta = useOktaHarness();
const invalidProof = (error_description: string) => ({ error: "invalid_dpop_proof", error_description });

/** A service app that requires DPoP, and the token URL its proofs name. */
async function dpopApp(h: OktaHarness = okta) {
  const app = await serviceApp(h, ["okta.apps.read", "okta.apps.manage"], { dpop_bound_access_tokens: true });
  return { app, tokenUrl: `${h.emulator.url}/oauth2/v1/token`, key: testKey("EC") };
}

/** The token endpoint's nonce: asked for with a proof that has none. */
async function tokenNonce(h: OktaHarness, app: Awaited<ReturnType<typeof dpopApp>>) {
  const answer = await h.token(await assertionForm(h, app.app), {
    DPoP: await dpopProof(app.key, { htm: "POST", htu: app.tokenUrl }),
  });
  expect(answer.status).toBe(400);
  expect(answer.body).toEqual({
    error: "use_dpop_nonce",
    error_description: "Authorization server requires nonce in DPoP proof.",
  });
  return answer.headers.get("dpop-nonce") as string;
}

/** A DPoP-bound access token for `app`. */
async function boundToken(h: OktaHarness, app: Awaited<ReturnType<typeof dpopApp>>) {
  const nonce = await tokenNonce(h, app);
  const answer = await h.token<Token>(await assertionForm(h, app.app), {
    DPoP: await dpopProof(app.key, { htm: "POST", htu: app.tokenUrl, nonce }),
  });
  expect(answer.status).toBe(200);
  return answer.body;
}

describe("DPoP at the token endpoint, for an app with dpop_bound_access_tokens", () => {
  it("asks for a proof, then a nonce, then issues a DPoP token", async () => {
    const app = await dpopApp();
    const missing = await okta.token(await assertionForm(okta, app.app));
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual(invalidProof("The DPoP proof JWT header is missing."));
    const nonce = await tokenNonce(okta, app);
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const issued = await okta.token<Token>(await assertionForm(okta, app.app), {
      DPoP: await dpopProof(app.key, { htm: "POST", htu: app.tokenUrl, nonce }),
    });
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ token_type: "DPoP", scope: "okta.apps.manage" });
  });

  it("refuses proofs that break RFC 9449's rules, with Okta's texts", async () => {
    const app = await dpopApp();
    const nonce = await tokenNonce(okta, app);
    const base = { htm: "POST", htu: app.tokenUrl, nonce };
    const now = Math.floor(Date.now() / 1000);
    const { privateKey: _p, ...rest } = app.key;
    const withPrivate = { ...rest.jwk, d: "AAAA" };
    const cases: Array<[string, Promise<string> | string]> = [
      ["The DPoP proof JWT cannot be parsed.", "not-a-jwt"],
      ["'typ' must be 'dpop+jwt' in the DPoP proof JWT.", dpopProof(app.key, base, { typ: "JWT" })],
      ["The DPoP proof JWT signature algorithm is invalid.", dpopProof(app.key, base, { jwk: withPrivate })],
      ["'htm' claim in the DPoP proof JWT is invalid.", dpopProof(app.key, { ...base, htm: "GET" })],
      ["'htu' claim in the DPoP proof JWT is invalid.", dpopProof(app.key, { ...base, htu: `${app.tokenUrl}?x=1` })],
      ["The DPoP proof JWT is issued in the future.", dpopProof(app.key, { ...base, iat: now + 120 })],
      [
        "The DPoP proof JWT is issued more than five minutes in the past.",
        dpopProof(app.key, { ...base, iat: now - 400 }),
      ],
      ["'jti' claim in the DPoP proof JWT is invalid.", dpopProof(app.key, { ...base, jti: undefined })],
    ];
    for (const [text, proof] of cases) {
      const answer = await okta.token(await assertionForm(okta, app.app), { DPoP: await proof });
      expect(answer.status, text).toBe(400);
      expect(answer.body).toEqual(invalidProof(text));
    }
    const reused = await dpopProof(app.key, base);
    expect((await okta.token(await assertionForm(okta, app.app), { DPoP: reused })).status).toBe(200);
    const again = await okta.token(await assertionForm(okta, app.app), { DPoP: reused });
    expect(again.body).toEqual(invalidProof("The DPoP proof JWT has already been used."));
    const stale = await okta.token(await assertionForm(okta, app.app), {
      DPoP: await dpopProof(app.key, { ...base, nonce: "a-nonce-nobody-issued" }),
    });
    expect((stale.body as { error: string }).error).toBe("use_dpop_nonce");
    expect(stale.headers.get("dpop-nonce")).toBe(nonce);
  });

  it("ignores a proof from an app that does not bind tokens: a Bearer token", async () => {
    const app = await serviceApp(okta);
    const answer = await okta.token<Token>(await assertionForm(okta, app), {
      DPoP: await dpopProof(testKey("EC"), { htm: "POST", htu: `${okta.emulator.url}/oauth2/v1/token` }),
    });
    expect(answer.body.token_type).toBe("Bearer");
  });

  it("follows the app setting when it is turned on by replacing the app (PUT)", async () => {
    const app = await serviceApp(okta);
    const current = await okta.api<{ settings: { oauthClient: Record<string, unknown> } }>(
      "GET",
      `/api/v1/apps/${app.id}`,
    );
    const body = structuredClone(current.body);
    body.settings.oauthClient.dpop_bound_access_tokens = true;
    const replaced = await okta.api<typeof body>("PUT", `/api/v1/apps/${app.id}`, { body });
    expect(replaced.status).toBe(200);
    expect(replaced.body.settings.oauthClient.dpop_bound_access_tokens).toBe(true);
    expect((await okta.token(await assertionForm(okta, app))).body).toEqual(
      invalidProof("The DPoP proof JWT header is missing."),
    );
  });
});

describe("DPoP on the Management API", () => {
  const proofFor = async (app: Awaited<ReturnType<typeof dpopApp>>, token: string, method: string, path: string) =>
    dpopProof(app.key, { htm: method, htu: `${okta.emulator.url}${path}`, ath: accessTokenHash(token) });

  it("takes a DPoP token with a proof of its key for each request; refuses it as Bearer, without a proof, or with another key", async () => {
    const app = await dpopApp();
    const { access_token: token } = await boundToken(okta, app);
    const path = `/api/v1/apps/${app.app.id}`;
    const ok = await okta.apiWith("GET", path, {
      Authorization: `DPoP ${token}`,
      DPoP: await proofFor(app, token, "GET", path),
    });
    expect(ok.status).toBe(200);

    const challenge = async (headers: Record<string, string>) => {
      const answer = await okta.apiWith("GET", path, headers);
      return { status: answer.status, body: answer.body, header: answer.headers.get("www-authenticate") };
    };
    const asBearer = await challenge({ Authorization: `Bearer ${token}` });
    expect(asBearer).toMatchObject({ status: 400, body: undefined });
    expect(asBearer.header).toContain('error="invalid_request"');
    expect(asBearer.header).toContain(
      'error_description="The resource request must use the DPoP authentication scheme when using a DPoP bound token."',
    );
    expect((await challenge({ Authorization: `DPoP ${token}` })).header).toContain(
      "The resource request requires a DPoP proof.",
    );
    const otherKey = { ...app, key: testKey("EC") };
    expect(
      (await challenge({ Authorization: `DPoP ${token}`, DPoP: await proofFor(otherKey, token, "GET", path) })).header,
    ).toContain("The access_token is not bound to the provided DPoP proof.");
    const wrongAth = await dpopProof(app.key, {
      htm: "GET",
      htu: `${okta.emulator.url}${path}`,
      ath: accessTokenHash("other"),
    });
    expect((await challenge({ Authorization: `DPoP ${token}`, DPoP: wrongAth })).header).toContain(
      "'ath' claim in the DPoP proof does not match the presented access_token.",
    );
    const wrongHtu = await proofFor(app, token, "GET", `${path}/lifecycle/activate`);
    const refused = await challenge({ Authorization: `DPoP ${token}`, DPoP: wrongHtu });
    expect(refused.status).toBe(400);
    expect(refused.header).toMatch(
      /^DPoP algs="RS256 RS384 RS512 ES256 ES384 ES512", realm="http:\/\/127\.0\.0\.1:\d+", error="invalid_dpop_proof"/,
    );
  });

  it("refuses the DPoP scheme for a Bearer token", async () => {
    const app = await serviceApp(okta);
    const { access_token: token } = (await okta.token<Token>(await assertionForm(okta, app))).body;
    const answer = await okta.apiWith("GET", `/api/v1/apps/${app.id}`, { Authorization: `DPoP ${token}` });
    expect(answer.status).toBe(401);
    expect(answer.headers.get("www-authenticate")).toContain("The presented access_token is not DPoP bound.");
  });
});

describe("a Management API that demands DPoP nonces (option dpop.resourceNonce)", () => {
  const strict = useOktaHarness({ dpop: { resourceNonce: true } });

  it("answers 401 use_dpop_nonce with a DPoP-Nonce, then takes a proof carrying it", async () => {
    const app = await dpopApp(strict);
    const { access_token: token } = await boundToken(strict, app);
    const path = `/api/v1/apps/${app.app.id}`;
    const htu = `${strict.emulator.url}${path}`;
    const ath = accessTokenHash(token);
    const first = await strict.apiWith("GET", path, {
      Authorization: `DPoP ${token}`,
      DPoP: await dpopProof(app.key, { htm: "GET", htu, ath }),
    });
    expect(first.status).toBe(401);
    expect(first.headers.get("www-authenticate")).toContain('error="use_dpop_nonce"');
    const nonce = first.headers.get("dpop-nonce") as string;
    const second = await strict.apiWith("GET", path, {
      Authorization: `DPoP ${token}`,
      DPoP: await dpopProof(app.key, { htm: "GET", htu, ath, nonce }),
    });
    expect(second.status).toBe(200);
  });

  it("refuses options it cannot honour", async () => {
    await expect(startOktaEmulator({ dpop: { nonceLifetimeSeconds: 0 } })).rejects.toThrow(/nonceLifetimeSeconds/);
  });
});
