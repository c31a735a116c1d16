import { generateKeyPairSync, type KeyObject, randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { type OktaHarness, useOktaHarness, validatedResponses } from "./harness";
import { testKey } from "./keys";

const okta = useOktaHarness();
type Json = Record<string, unknown>;
const jwksPath = (appId: string) => `/api/v1/apps/${appId}/credentials/jwks`;
const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

function ecKey(curve: "P-256" | "P-384" | "P-521"): { jwk: Json; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: curve });
  return { jwk: { ...publicKey.export({ format: "jwk" }) }, privateKey };
}

async function appWith(h: OktaHarness, authMethod = "client_secret_basic") {
  const app = await h.emulator.createApp({
    credentials: { oauthClient: { token_endpoint_auth_method: authMethod as "client_secret_basic" } },
    settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"] } },
  });
  // The org authorization server hands out only the Okta scopes granted to the app.
  await h.api("POST", `/api/v1/apps/${app.id}/grants`, { body: { issuer: h.emulator.url, scopeId: "okta.apps.read" } });
  return app.id;
}

/** POSTs `jwk` and expects Okta's 400 for a JSON Web Key with exactly this cause. */
async function expectRefused(h: OktaHarness, appId: string, jwk: Json, cause: string) {
  const response = await h.api("POST", jwksPath(appId), { body: jwk });
  expect(response.status).toBe(400);
  expect(response.body).toMatchObject({
    errorCode: "E0000001",
    errorSummary: "Api validation failed: JsonWebKey",
    errorLink: "E0000001",
    errorCauses: [{ errorSummary: cause }],
  });
}

const rsa = testKey("RSA", { kid: "rsa" }).jwk;
const p256 = ecKey("P-256").jwk;

describe("a JWK is checked as Okta would", () => {
  it("n, e, x and y must be canonical base64url without padding", async () => {
    const appId = await appWith(okta);
    const n = rsa.n as string;
    for (const bad of [`${n}=`, `${n.slice(0, -2)}+/`, `${n.slice(0, 10)} ${n.slice(10)}`, `${n.slice(0, -1)}`]) {
      await expectRefused(okta, appId, { ...rsa, n: bad }, "n: 'n' must be base64url-encoded, without padding.");
    }
    await expectRefused(okta, appId, { ...rsa, e: "AQAB=" }, "e: 'e' must be base64url-encoded, without padding.");
    await expectRefused(
      okta,
      appId,
      { ...p256, kid: "ec", x: `${(p256.x as string).slice(0, -1)}*` },
      "x: 'x' must be base64url-encoded, without padding.",
    );
  });

  it("e must be an odd exponent of at most 64 bits; n at least 2048 bits, a leading zero octet allowed", async () => {
    const appId = await appWith(okta);
    const cause = "e: 'e' must be an odd RSA public exponent of at most 64 bits.";
    for (const e of ["AQAA", "AQ", "AA", Buffer.alloc(9, 1).toString("base64url")]) {
      await expectRefused(okta, appId, { ...rsa, e }, cause);
    }
    const padded = Buffer.concat([Buffer.from([0]), Buffer.from(rsa.n as string, "base64url")]).toString("base64url");
    expect((await okta.api("POST", jwksPath(appId), { body: { ...rsa, n: padded } })).status).toBe(201);
  });

  it("EC coordinates must be the curve's size and a point on it", async () => {
    const appId = await appWith(okta);
    await expectRefused(
      okta,
      appId,
      { ...p256, kid: "short", y: Buffer.alloc(31, 1).toString("base64url") },
      "y: 'y' must be the 32-byte y coordinate of a P-256 point.",
    );
    await expectRefused(
      okta,
      appId,
      { ...p256, kid: "off", y: Buffer.alloc(32, 7).toString("base64url") },
      "The 'x' and 'y' coordinates are not a point on P-256.",
    );
    const p384 = ecKey("P-384").jwk;
    await expectRefused(
      okta,
      appId,
      { ...p384, x: p256.x, y: p256.y },
      "x: 'x' must be the 48-byte x coordinate of a P-384 point.",
    );
    await expectRefused(
      okta,
      appId,
      { ...p256, crv: "secp256k1" },
      "An EC key requires 'crv' (P-256, P-384 or P-521), 'x' and 'y'.",
    );
  });

  it("alg must fit kty, use and the curve; EC keys cannot encrypt", async () => {
    const appId = await appWith(okta);
    await expectRefused(
      okta,
      appId,
      { ...rsa, alg: "ES256" },
      "alg: 'alg' must be one of [RS256, RS384, RS512] for an RSA signing key.",
    );
    await expectRefused(
      okta,
      appId,
      { ...rsa, use: "enc", alg: "RS256" },
      "alg: 'alg' must be one of [RSA-OAEP, RSA-OAEP-256, RSA-OAEP-384, RSA-OAEP-512] for an RSA encryption key.",
    );
    await expectRefused(okta, appId, { ...ecKey("P-384").jwk, alg: "ES256" }, "alg: 'alg' must be 'ES384' for P-384.");
    await expectRefused(okta, appId, { ...p256, use: "enc" }, "Okta supports only RSA keys for encryption.");
    await expectRefused(okta, appId, { ...rsa, use: "other" }, "use: 'use' must be one of [sig, enc].");
    await expectRefused(okta, appId, { ...rsa, alg: 256 }, "alg: 'alg' must be a string.");
    const accepted = [
      { ...rsa, kid: "enc", use: "enc", alg: "RSA-OAEP-256" },
      { ...ecKey("P-521").jwk, kid: "p521", alg: "ES512" },
      { ...testKey("RSA").jwk, kid: "rs512", alg: "RS512" },
    ];
    for (const body of accepted) expect((await okta.api("POST", jwksPath(appId), { body })).status).toBe(201);
  });

  it("refuses private members and other key types", async () => {
    const appId = await appWith(okta);
    const { privateKey } = testKey("RSA");
    const privateJwk = privateKey.export({ format: "jwk" }) as Json;
    for (const member of ["d", "p", "q", "dp", "dq", "qi"]) {
      await expectRefused(
        okta,
        appId,
        { ...rsa, [member]: privateJwk[member] },
        "The JSON Web Key must be a public key.",
      );
    }
    await expectRefused(okta, appId, { kty: "oct", k: "c2VjcmV0", kid: "o" }, "The JSON Web Key must be a public key.");
    await expectRefused(
      okta,
      appId,
      { kty: "OKP", crv: "Ed25519", x: "AA", kid: "okp" },
      "kty: 'kty' must be one of [RSA, EC].",
    );
  });

  it("refuses the same key material under a second kid, also with a leading zero octet", async () => {
    const appId = await appWith(okta);
    expect((await okta.api("POST", jwksPath(appId), { body: { ...rsa, kid: "first" } })).status).toBe(201);
    const cause =
      "The key material is already in the 'jwks' under kid 'first'. Each key may be added once; to rotate, add a new key.";
    await expectRefused(okta, appId, { ...rsa, kid: "second" }, cause);
    const padded = Buffer.concat([Buffer.from([0]), Buffer.from(rsa.n as string, "base64url")]).toString("base64url");
    await expectRefused(okta, appId, { ...rsa, kid: "third", n: padded, use: "enc", alg: "RSA-OAEP" }, cause);
    const ec = ecKey("P-256").jwk;
    expect((await okta.api("POST", jwksPath(appId), { body: { ...ec, kid: "ec-1" } })).status).toBe(201);
    await expectRefused(
      okta,
      appId,
      { ...ec, kid: "ec-2", status: "INACTIVE" },
      "The key material is already in the 'jwks' under kid 'ec-1'. Each key may be added once; to rotate, add a new key.",
    );
  });

  it("applies the same checks to the keys of a new app (settings.oauthClient.jwks)", async () => {
    const create = (keys: Json[]) =>
      okta.emulator.createApp({
        credentials: { oauthClient: { token_endpoint_auth_method: "private_key_jwt" } },
        settings: { oauthClient: { grant_types: ["client_credentials"], jwks: { keys: keys as never } } },
      });
    await expect(
      create([
        { ...rsa, kid: "a" },
        { ...rsa, kid: "b" },
      ]),
    ).rejects.toMatchObject({
      status: 400,
      causes: [expect.stringContaining("The key material is already in the 'jwks' under kid 'a'.")],
    });
    await expect(create([{ ...p256, kid: "a", x: "AA" }])).rejects.toMatchObject({
      causes: ["x: 'x' must be the 32-byte x coordinate of a P-256 point."],
    });
  });
});

describe("the token endpoint and key status", () => {
  async function assertion(h: OktaHarness, clientId: string, privateKey: KeyObject, header: Json) {
    return new SignJWT({ jti: randomUUID() })
      .setProtectedHeader({ alg: "RS256", ...header })
      .setIssuer(clientId)
      .setSubject(clientId)
      .setAudience(`${h.emulator.url}/oauth2/v1/token`)
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(privateKey);
  }
  const form = { grant_type: "client_credentials", scope: "okta.apps.read", client_assertion_type: JWT_BEARER };
  const invalidKid = { error: "invalid_client", error_description: "The client_assertion JWT kid is invalid." };

  it("a rotation: the new key authenticates beside the old one; the old one stops once it is INACTIVE", async () => {
    const appId = await appWith(okta, "private_key_jwt");
    const old = testKey("RSA", { kid: "old" });
    const next = testKey("RSA", { kid: "new" });
    const oldKey = await okta.api<{ id: string }>("POST", jwksPath(appId), { body: old.jwk });
    const sign = async (key: KeyObject, kid: string) =>
      okta.token({ ...form, client_assertion: await assertion(okta, appId, key, { kid }) });

    expect((await sign(old.privateKey, "old")).status).toBe(200);
    await okta.api("POST", jwksPath(appId), { body: next.jwk });
    expect((await sign(next.privateKey, "new")).status).toBe(200);
    expect((await sign(old.privateKey, "old")).status).toBe(200);

    await okta.api("POST", `${jwksPath(appId)}/${oldKey.body.id}/lifecycle/deactivate`);
    const refused = await sign(old.privateKey, "old");
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual(invalidKid);
    expect((await sign(next.privateKey, "new")).status).toBe(200);
  });

  it("an assertion without kid: accepted with one ACTIVE key, refused with several", async () => {
    const appId = await appWith(okta, "private_key_jwt");
    const first = testKey("RSA", { kid: "k1" });
    await okta.api("POST", jwksPath(appId), { body: first.jwk });
    const noKid = async () =>
      okta.token({ ...form, client_assertion: await assertion(okta, appId, first.privateKey, {}) });
    expect((await noKid()).status).toBe(200);
    await okta.api("POST", jwksPath(appId), { body: testKey("RSA", { kid: "k2" }).jwk });
    const refused = await noKid();
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual(invalidKid);
  });

  it("a kid the app does not hold is refused with the same error", async () => {
    const appId = await appWith(okta, "private_key_jwt");
    const key = testKey("RSA", { kid: "held" });
    await okta.api("POST", jwksPath(appId), { body: key.jwk });
    const response = await okta.token({
      ...form,
      client_assertion: await assertion(okta, appId, key.privateKey, { kid: "unknown" }),
    });
    expect(response.status).toBe(401);
    expect(response.body).toEqual(invalidKid);
  });

  it("validated every response against Okta's spec", () => {
    expect(validatedResponses()).toBeGreaterThan(30);
  });
});
