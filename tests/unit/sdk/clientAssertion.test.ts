import { generateKeyPairSync } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OktaEmulator, startOktaEmulator } from "../../../emulator/index";
import { generateClientKeyPair } from "../../../provider/keys/generateKeyPair";
import { requestClientCredentialsToken, signClientAssertion, signClientAssertionOutput } from "../../../sdk";

let okta: OktaEmulator;
beforeAll(async () => {
  okta = await startOktaEmulator({ rateLimit: "off" });
});
afterAll(() => okta.close());

/** A private_key_jwt service app holding the public halves of `keys` (all ACTIVE). */
async function serviceApp(...keys: Array<Record<string, unknown>>) {
  const app = await okta.createApp({
    credentials: { oauthClient: { token_endpoint_auth_method: "private_key_jwt" } },
    settings: {
      oauthClient: { application_type: "service", grant_types: ["client_credentials"], jwks: { keys: keys as never } },
    },
  });
  // The org authorization server hands out only the Okta scopes granted to the app (its grants API).
  for (const scopeId of ["okta.apps.read", "okta.apps.manage"]) {
    await fetch(`${okta.url}/api/v1/apps/${app.id}/grants`, {
      method: "POST",
      headers: { Authorization: `SSWS ${okta.apiToken}`, "Content-Type": "application/json" },
      body: JSON.stringify({ issuer: okta.url, scopeId }),
    });
  }
  // Scopes say what its tokens may do, an admin role on what (its Admin roles tab).
  await fetch(`${okta.url}/oauth2/v1/clients/${app.id}/roles`, {
    method: "POST",
    headers: { Authorization: `SSWS ${okta.apiToken}`, "Content-Type": "application/json" },
    body: JSON.stringify({ type: "APP_ADMIN" }),
  });
  return app.id;
}

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => new Error("no error"),
    (e: Error) => e,
  );

describe("signClientAssertion", () => {
  it("signs iss = sub = clientId, aud = the token URL, a fresh jti, exp five minutes after iat", async () => {
    const pair = await generateClientKeyPair({ algorithm: "ES384", kid: "k1" });
    const before = Math.floor(Date.now() / 1000);
    const args = { clientId: "0oa1b2c3d4e5f6g7h8i9", privateKey: pair.privateKeyPem, kid: "k1", orgUrl: okta.url };
    const [a, b] = [await signClientAssertion(args), await signClientAssertion(args)];
    expect(decodeProtectedHeader(a)).toEqual({ alg: "ES384", kid: "k1", typ: "JWT" });
    const claims = decodeJwt(a);
    expect(claims).toMatchObject({
      iss: "0oa1b2c3d4e5f6g7h8i9",
      sub: "0oa1b2c3d4e5f6g7h8i9",
      aud: `${okta.url}/oauth2/v1/token`,
    });
    expect(claims.iat).toBeGreaterThanOrEqual(before);
    expect((claims.exp as number) - (claims.iat as number)).toBe(300);
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(decodeJwt(b).jti).not.toBe(claims.jti);
    const { orgUrl: _, ...withoutOrg } = args;
    const short = await signClientAssertion({
      ...withoutOrg,
      lifetimeSeconds: 60,
      tokenUrl: "https://x.okta.com/oauth2/aus1/v1/token",
    });
    expect(decodeJwt(short)).toMatchObject({ aud: "https://x.okta.com/oauth2/aus1/v1/token" });
    expect((decodeJwt(short).exp as number) - (decodeJwt(short).iat as number)).toBe(60);
  });

  it("takes kid and alg from a private JWK, PKCS#1 and SEC1 PEM, and derives alg from the key", async () => {
    const pair = await generateClientKeyPair({ algorithm: "RS512" });
    const fromJwk = await signClientAssertion({ clientId: "c", privateKey: pair.privateJwk, orgUrl: okta.url });
    expect(decodeProtectedHeader(fromJwk)).toEqual({ alg: "RS512", kid: pair.publicJwk.kid, typ: "JWT" });
    const asText = await signClientAssertion({
      clientId: "c",
      privateKey: JSON.stringify(pair.privateJwk),
      orgUrl: okta.url,
    });
    expect(decodeProtectedHeader(asText).kid).toBe(pair.publicJwk.kid);
    const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    const pkcs1 = rsa.export({ type: "pkcs1", format: "pem" }) as string;
    expect(
      decodeProtectedHeader(await signClientAssertion({ clientId: "c", privateKey: pkcs1, orgUrl: okta.url })),
    ).toEqual({ alg: "RS256", typ: "JWT" });
    const ec = generateKeyPairSync("ec", { namedCurve: "P-521" }).privateKey;
    const sec1 = ec.export({ type: "sec1", format: "pem" }) as string;
    expect(
      decodeProtectedHeader(await signClientAssertion({ clientId: "c", privateKey: sec1, orgUrl: okta.url })).alg,
    ).toBe("ES512");
  });

  it("explains refusals and never quotes the private key", async () => {
    const pair = await generateClientKeyPair({ algorithm: "ES256" });
    const pem = pair.privateKeyPem;
    const cases: Array<[Parameters<typeof signClientAssertion>[0], RegExp]> = [
      [
        { clientId: "c", privateKey: pem, orgUrl: okta.url, algorithm: "RS256" },
        /algorithm RS256 does not fit privateKey, an EC key: use ES256/,
      ],
      [{ clientId: "c", privateKey: pem, orgUrl: okta.url, algorithm: "HS256" }, /"HS256" is not one Okta takes/],
      [
        { clientId: "c", privateKey: pair.publicJwk, orgUrl: okta.url },
        /privateKey is a JWK without "d", a public key/,
      ],
      [
        {
          clientId: "c",
          privateKey: generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({
            type: "spki",
            format: "pem",
          }) as string,
          orgUrl: okta.url,
        },
        /privateKey is a public key or certificate/,
      ],
      [
        { clientId: "c", privateKey: pem.slice(0, 120), orgUrl: okta.url },
        /privateKey is not a usable private key \(the value is not shown\)/,
      ],
      [
        { clientId: "c", privateKey: pem, orgUrl: okta.url, tokenUrl: `${okta.url}/oauth2/v1/token` },
        /give tokenUrl or orgUrl, not both/,
      ],
      [{ clientId: "c", privateKey: pem }, /tokenUrl or orgUrl is required/],
      [
        { clientId: "c", privateKey: pem, tokenUrl: "http://dev-1.okta.com/oauth2/v1/token" },
        /tokenUrl must be https:\/\//,
      ],
      [{ clientId: "c", privateKey: pem, orgUrl: "http://dev-1.okta.com" }, /orgUrl must be https:\/\//],
      [
        { clientId: "c", privateKey: pem, orgUrl: `${okta.url}/oauth2/default` },
        /orgUrl must be the org's base URL, without a path/,
      ],
      [{ clientId: "c", privateKey: pem, tokenUrl: "dev-1.okta.com/token" }, /tokenUrl is not a URL/],
      [
        { clientId: "c", privateKey: pem, orgUrl: okta.url, lifetimeSeconds: 3600 },
        /lifetimeSeconds must be a whole number from 1 to 300, got 3600/,
      ],
      [{ clientId: "", privateKey: pem, orgUrl: okta.url }, /clientId is required/],
    ];
    for (const [args, pattern] of cases) {
      const error = await errorOf(signClientAssertion(args));
      expect(error.message).toMatch(pattern);
      for (const line of pem.split("\n").filter((l) => l.length > 20)) expect(error.message).not.toContain(line);
      expect(error.message).not.toContain(pair.privateJwk.d);
    }
  });

  it("signClientAssertionOutput: Output inputs, a secret result", async () => {
    const pair = await generateClientKeyPair({ algorithm: "ES256", kid: "out" });
    const output = signClientAssertionOutput({
      clientId: pulumi.output("0oa1b2c3d4e5f6g7h8i9"),
      privateKey: pulumi.secret(pair.privateKeyPem),
      kid: "out",
      orgUrl: okta.url,
    });
    expect(await pulumi.isSecret(output)).toBe(true);
    const jwt = await new Promise<string>((resolve) => output.apply(resolve));
    expect(decodeProtectedHeader(jwt).kid).toBe("out");
  });
});

describe("requestClientCredentialsToken against the emulator's token endpoint", () => {
  it("gets a token with a generated key, signed here or given as an assertion", async () => {
    const pair = await generateClientKeyPair({ algorithm: "RS256" });
    const appId = await serviceApp(pair.publicJwk);
    const token = await requestClientCredentialsToken({
      orgUrl: okta.url,
      clientId: appId,
      scopes: ["okta.apps.read"],
      privateKey: pair.privateKeyPem,
      kid: pair.publicJwk.kid,
    });
    expect(token).toMatchObject({ tokenType: "Bearer", expiresIn: 3600, scope: "okta.apps.read" });
    const listed = await fetch(`${okta.url}/api/v1/apps/${appId}/credentials/jwks`, {
      headers: { Authorization: `Bearer ${token.accessToken}` },
    });
    expect(listed.status).toBe(200);
    const clientAssertion = await signClientAssertion({
      clientId: appId,
      privateKey: pair.privateJwk,
      orgUrl: okta.url,
    });
    const again = await requestClientCredentialsToken({
      orgUrl: okta.url,
      clientId: appId,
      scopes: ["okta.apps.manage"],
      clientAssertion,
    });
    expect(again.scope).toBe("okta.apps.manage");
  });

  it("a key that is not ACTIVE, or unknown to the app, gets Okta's invalid_client", async () => {
    const active = await generateClientKeyPair({ algorithm: "ES256", kid: "active" });
    const retired = await generateClientKeyPair({ algorithm: "ES256", kid: "retired" });
    const appId = await serviceApp(active.publicJwk, { ...retired.publicJwk, status: "INACTIVE" });
    const error = await errorOf(
      requestClientCredentialsToken({
        orgUrl: okta.url,
        clientId: appId,
        scopes: ["okta.apps.read"],
        privateKey: retired.privateJwk,
      }),
    );
    expect(error.message).toMatch(
      new RegExp(
        `^requesting a client-credentials token for client ${appId} at ${okta.url}/oauth2/v1/token: Okta HTTP 401 invalid_client The client_assertion JWT kid is invalid\\. \\(POST /oauth2/v1/token`,
      ),
    );
    const assertion = await signClientAssertion({ clientId: appId, privateKey: retired.privateJwk, orgUrl: okta.url });
    const refused = await errorOf(
      requestClientCredentialsToken({
        orgUrl: okta.url,
        clientId: appId,
        scopes: ["okta.apps.read"],
        clientAssertion: assertion,
      }),
    );
    expect(refused.message).not.toContain(assertion);
  });

  it("authenticates with a client secret (client_secret_basic), and refuses a wrong one without echoing it", async () => {
    const app = await okta.createApp();
    const clientSecret = app.credentials.oauthClient.client_secret as string;
    const args = { orgUrl: okta.url, clientId: app.id, scopes: ["okta.apps.read"] };
    // The org authorization server gives Okta scopes to private_key_jwt clients only: a right secret gets that refusal,
    // not invalid_client's "secret ... is invalid".
    const right = await errorOf(requestClientCredentialsToken({ ...args, clientSecret }));
    expect(right.message).toContain("must use the private_key_jwt token_endpoint_auth_method");
    const wrong = "a-wrong-secret-value-0123456789";
    const error = await errorOf(requestClientCredentialsToken({ ...args, clientSecret: wrong }));
    expect(error.message).toMatch(
      /Okta HTTP 401 invalid_client The client secret supplied for a confidential client is invalid\./,
    );
    expect(error.message).not.toContain(wrong);
    expect(error.message).not.toContain(Buffer.from(`${app.id}:${wrong}`).toString("base64"));
  });

  it("sends one request and never retries it (an assertion's jti is single-use)", async () => {
    const app = await okta.createApp();
    okta.clearRequests();
    okta.faults.inject({ method: "POST", path: "/oauth2/v1/token$", status: 503 });
    const args = { orgUrl: okta.url, clientId: app.id, scopes: ["okta.apps.read"] };
    const error = await errorOf(
      requestClientCredentialsToken({ ...args, clientSecret: app.credentials.oauthClient.client_secret as string }),
    );
    expect(error.message).toMatch(/Okta HTTP 503 E0000010 .*gave up after 1 attempt/);
    expect(okta.requests().filter((r) => r.path === "/oauth2/v1/token")).toHaveLength(1);
  });

  it("wants exactly one credential and some scopes", async () => {
    const base = { orgUrl: okta.url, clientId: "c", scopes: ["okta.apps.read"] };
    await expect(requestClientCredentialsToken(base)).rejects.toThrow(
      /give exactly one of privateKey, clientAssertion or clientSecret \(got 0\)/,
    );
    await expect(requestClientCredentialsToken({ ...base, clientSecret: "x", clientAssertion: "y" })).rejects.toThrow(
      /\(got 2\)/,
    );
    await expect(requestClientCredentialsToken({ ...base, scopes: [], clientSecret: "x" })).rejects.toThrow(
      /scopes is required/,
    );
  });
});
