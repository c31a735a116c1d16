import { createHash, generateKeyPairSync, type KeyObject, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CheckFailure } from "@pulumi/pulumi/dynamic";
import { describe, expect, it } from "vitest";
import { resolveClientJwk } from "../../../../provider/keys/clientJwk";
import { type PublicKeyMaterial, sameKeyMaterial } from "../../../../provider/keys/jwk";

type Json = Record<string, unknown>;
const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const ec256 = generateKeyPairSync("ec", { namedCurve: "P-256" });
const certificatePem = readFileSync(join(__dirname, "fixtures/p384-certificate.pem"), "utf8");

const spki = (key: KeyObject) => key.export({ type: "spki", format: "pem" }) as string;
const publicJwkOf = (key: KeyObject) => key.export({ format: "jwk" }) as Json;

/** RFC 7638 by hand, apart from jose: SHA-256 of the required members in lexicographic order, no whitespace. */
function thumbprint(jwk: Json): string {
  const members = jwk.kty === "RSA" ? ["e", "kty", "n"] : ["crv", "kty", "x", "y"];
  const canonical = `{${members.map((m) => `"${m}":"${jwk[m]}"`).join(",")}}`;
  return createHash("sha256").update(canonical).digest("base64url");
}

async function jwkOf(request: Parameters<typeof resolveClientJwk>[0]) {
  const result = await resolveClientJwk(request);
  if ("failures" in result) throw new Error(`unexpected failures: ${JSON.stringify(result.failures)}`);
  return result.jwk;
}

async function failuresOf(request: Parameters<typeof resolveClientJwk>[0]): Promise<CheckFailure[]> {
  const result = await resolveClientJwk(request);
  if (!("failures" in result)) throw new Error(`expected failures, got a JWK ${JSON.stringify(result.jwk)}`);
  return result.failures;
}

describe("resolveClientJwk: a brought public key in every accepted form", () => {
  it("reads SPKI and PKCS#1 PEM to the same RSA JWK: kid is the RFC 7638 thumbprint, use sig, alg RS256", async () => {
    const expected = publicJwkOf(rsa.publicKey);
    const fromSpki = await jwkOf({ publicKey: spki(rsa.publicKey) });
    expect(fromSpki).toEqual({
      kty: "RSA",
      n: expected.n,
      e: expected.e,
      kid: thumbprint(expected),
      use: "sig",
      alg: "RS256",
    });
    const pkcs1 = rsa.publicKey.export({ type: "pkcs1", format: "pem" }) as string;
    expect(pkcs1).toContain("BEGIN RSA PUBLIC KEY");
    expect(await jwkOf({ publicKey: pkcs1 })).toEqual(fromSpki);
    // A PEM pasted into config with literal "\n" instead of line breaks.
    expect(await jwkOf({ publicKey: spki(rsa.publicKey).replace(/\n/g, "\\n") })).toEqual(fromSpki);
  });

  it("reads an X.509 certificate's public key (P-384: alg ES384)", async () => {
    const expected = publicJwkOf(new X509Certificate(certificatePem).publicKey);
    const jwk = await jwkOf({ publicKey: certificatePem });
    expect(jwk).toEqual({ ...expected, kid: thumbprint(expected), use: "sig", alg: "ES384" });
    expect(jwk).toMatchObject({ kty: "EC", crv: "P-384" });
  });

  it("reads a public JWK as an object or as JSON text, keeping its own kid, use and alg", async () => {
    const own = { ...publicJwkOf(ec256.publicKey), kid: "mine", alg: "ES256", use: "sig", key_ops: ["verify"] };
    const expected = { ...publicJwkOf(ec256.publicKey), kid: "mine", alg: "ES256", use: "sig" };
    expect(await jwkOf({ publicKey: own })).toEqual(expected);
    expect(await jwkOf({ publicKey: JSON.stringify(own, null, 2) })).toEqual(expected);
    expect(await jwkOf({ publicKey: publicJwkOf(ec256.publicKey) })).toMatchObject({
      kid: thumbprint(publicJwkOf(ec256.publicKey)),
      alg: "ES256",
    });
  });

  it("takes kid, use and algorithm inputs, and an encryption key without alg", async () => {
    const publicKey = spki(rsa.publicKey);
    expect(await jwkOf({ publicKey, kid: "2026-11", algorithm: "RS512" })).toMatchObject({
      kid: "2026-11",
      alg: "RS512",
    });
    const enc = await jwkOf({ publicKey, use: "enc" });
    expect(enc.use).toBe("enc");
    expect(enc).not.toHaveProperty("alg");
    expect(await jwkOf({ publicKey, use: "enc", algorithm: "RSA-OAEP-256" })).toMatchObject({ alg: "RSA-OAEP-256" });
  });

  it("canonicalises RSA members: a leading zero octet of n is dropped, and is the same key", async () => {
    const jwk = publicJwkOf(rsa.publicKey);
    const padded = Buffer.concat([Buffer.from([0]), Buffer.from(jwk.n as string, "base64url")]).toString("base64url");
    const read = await jwkOf({ publicKey: { ...jwk, n: padded } });
    expect(read.kty === "RSA" && read.n).toBe(jwk.n);
    expect(sameKeyMaterial(read, { ...(jwk as PublicKeyMaterial), n: padded } as PublicKeyMaterial)).toBe(true);
    const other = publicJwkOf(generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey);
    expect(sameKeyMaterial(read, other as PublicKeyMaterial)).toBe(false);
    expect(sameKeyMaterial(read, publicJwkOf(ec256.publicKey) as PublicKeyMaterial)).toBe(false);
  });
});

describe("resolveClientJwk: private keys are refused without echoing them", () => {
  const privateForms: Array<[string, unknown]> = [
    ["PKCS#8", rsa.privateKey.export({ type: "pkcs8", format: "pem" })],
    ["PKCS#1", rsa.privateKey.export({ type: "pkcs1", format: "pem" })],
    ["SEC1", ec256.privateKey.export({ type: "sec1", format: "pem" })],
    [
      "encrypted PKCS#8",
      rsa.privateKey.export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: "pass-phrase" }),
    ],
    ["a private JWK object", rsa.privateKey.export({ format: "jwk" })],
    ["a private JWK as JSON", JSON.stringify(ec256.privateKey.export({ format: "jwk" }))],
    [
      "a public PEM followed by its private key",
      `${spki(rsa.publicKey)}${rsa.privateKey.export({ type: "pkcs8", format: "pem" })}`,
    ],
    ["a symmetric JWK", { kty: "oct", k: "c2VjcmV0LWtleS1tYXRlcmlhbC0xMjM0NTY3ODkw" }],
    ...["p", "q", "dp", "dq", "qi", "oth"].map((member): [string, unknown] => [
      `a public JWK with "${member}"`,
      { ...publicJwkOf(rsa.publicKey), [member]: "c2VjcmV0LWtleS1tYXRlcmlhbC0xMjM0NTY3ODkw" },
    ]),
  ];

  for (const [what, value] of privateForms) {
    it(`refuses ${what} on publicKey`, async () => {
      const failures = await failuresOf({ publicKey: value });
      expect(failures).toHaveLength(1);
      expect(failures[0]?.property).toBe("publicKey");
      expect(failures[0]?.reason).toMatch(/^publicKey is a (private|private or symmetric) .*never be sent to Okta/);
      expect(failures[0]?.reason).toContain("generate: { algorithm }");
      const text = typeof value === "string" ? value : JSON.stringify(value);
      for (const piece of text.match(/[A-Za-z0-9+/_-]{16,}/g) ?? []) expect(failures[0]?.reason).not.toContain(piece);
    });
  }
});

describe("resolveClientJwk: what Okta would refuse, stopped at check", () => {
  const reasons = async (request: Parameters<typeof resolveClientJwk>[0]) =>
    (await failuresOf(request)).map((f) => `${f.property} | ${f.reason}`);

  it("RSA under 2048 bits, an unusable exponent, a curve or key type Okta does not take", async () => {
    const small = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey;
    expect(await reasons({ publicKey: spki(small) })).toEqual([
      expect.stringMatching(/^publicKey \| publicKey is a 1024-bit RSA key; Okta requires at least 2048 bits/),
    ]);
    for (const e of ["AQAA", "AQ", Buffer.alloc(9, 1).toString("base64url")]) {
      expect(await reasons({ publicKey: { ...publicJwkOf(rsa.publicKey), e } })).toEqual([
        expect.stringMatching(/^publicKey \| publicKey has an RSA public exponent Okta cannot use/),
      ]);
    }
    const k1 = generateKeyPairSync("ec", { namedCurve: "secp256k1" }).publicKey;
    expect(await reasons({ publicKey: spki(k1) })).toEqual([
      "publicKey | publicKey is an EC key on secp256k1; Okta takes P-256, P-384 or P-521",
    ]);
    expect(await reasons({ publicKey: spki(generateKeyPairSync("ed25519").publicKey) })).toEqual([
      expect.stringMatching(/^publicKey \| publicKey is an ed25519 key; Okta takes RSA keys/),
    ]);
    expect(
      await reasons({ publicKey: spki(generateKeyPairSync("rsa-pss", { modulusLength: 2048 }).publicKey) }),
    ).toEqual([expect.stringMatching(/^publicKey \| publicKey is an RSA-PSS \(restricted\) key/)]);
  });

  it("alg that does not fit the key or its use, EC encryption keys, and disagreeing inputs", async () => {
    const rsaPem = spki(rsa.publicKey);
    expect(await reasons({ publicKey: rsaPem, algorithm: "ES256" })).toEqual([
      "algorithm | algorithm: an RSA signing key takes RS256, RS384 or RS512, not ES256",
    ]);
    expect(await reasons({ publicKey: rsaPem, use: "enc", algorithm: "RS256" })).toEqual([
      "algorithm | algorithm: an RSA encryption key takes RSA-OAEP, RSA-OAEP-256, RSA-OAEP-384, RSA-OAEP-512, not RS256",
    ]);
    const p384 = generateKeyPairSync("ec", { namedCurve: "P-384" }).publicKey;
    expect(await reasons({ publicKey: { ...publicJwkOf(p384), alg: "ES256" } })).toEqual([
      "publicKey | publicKey: an EC key on P-384 signs with ES384, not ES256",
    ]);
    expect(await reasons({ publicKey: spki(ec256.publicKey), use: "enc" })).toEqual([
      'use | use: Okta encrypts ID tokens with RSA keys only; an EC key can only sign (use: "sig")',
    ]);
    const own = { ...publicJwkOf(rsa.publicKey), kid: "a", use: "sig" };
    expect(await reasons({ publicKey: own, kid: "b", use: "enc" })).toEqual([
      'kid | kid is "b" but the publicKey JWK says kid "a": make them agree, or drop one',
      'use | use is "enc" but the publicKey JWK says use "sig": make them agree, or drop one',
    ]);
    expect(await reasons({ publicKey: rsaPem, kid: "", use: "both" })).toEqual([
      "kid | kid must be a non-empty string, got an empty string",
      'use | use must be "sig" or "enc", got "both"',
    ]);
  });

  it("values that are no key at all", async () => {
    const truncated = spki(rsa.publicKey).replace(/\n[A-Za-z0-9+/]{20,}\n/, "\n");
    const cases: Array<[unknown, RegExp]> = [
      ["not a key", /^publicKey is neither PEM nor JSON/],
      ['{"kty": "RSA", ', /^publicKey starts like a JWK but is not valid JSON/],
      [{ keys: [publicJwkOf(rsa.publicKey)] }, /is a JWK Set/],
      [[publicJwkOf(rsa.publicKey)], /must be a string or an object, got an array/],
      [42, /must be a string or an object, got number/],
      [`${spki(rsa.publicKey)}${spki(ec256.publicKey)}`, /holds 2 PEM blocks \(PUBLIC KEY, PUBLIC KEY\)/],
      [truncated, /is a PEM "PUBLIC KEY" that does not parse/],
      [
        "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----",
        /is a PEM "CERTIFICATE REQUEST"/,
      ],
      [{ kty: "RSA", n: publicJwkOf(rsa.publicKey).n }, /lacks e: an RSA JWK needs n, e/],
      [
        { ...publicJwkOf(ec256.publicKey), y: Buffer.alloc(32, 7).toString("base64url") },
        /is not a valid EC public key/,
      ],
      [{ kty: "OKP", crv: "Ed25519", x: "AA" }, /has kty "OKP"; Okta's client keys are "RSA" or "EC"/],
      [{ ...publicJwkOf(rsa.publicKey), kid: 7 }, /has a "kid" that is not a string/],
    ];
    for (const [publicKey, pattern] of cases) {
      const failures = await failuresOf({ publicKey });
      expect(failures.map((f) => f.property)).toEqual(["publicKey"]);
      expect(failures[0]?.reason).toMatch(pattern);
    }
  });
});
