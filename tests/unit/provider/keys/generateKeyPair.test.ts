import { createPrivateKey, createPublicKey } from "node:crypto";
import { calculateJwkThumbprint, importJWK, importPKCS8, jwtVerify, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OktaEmulator, startOktaEmulator } from "../../../../emulator/index";
import { checkKeyPairOptions, generateClientKeyPair } from "../../../../provider/keys/generateKeyPair";
import { rsaModulusBits } from "../../../../provider/keys/jwkRules";
import { type JwsAlgorithm, jwsAlgorithms } from "../../../../provider/keys/jwsAlgorithms";

let emulator: OktaEmulator;
beforeAll(async () => {
  emulator = await startOktaEmulator({ rateLimit: "off" });
});
afterAll(() => emulator.close());

const curves: Record<string, string> = { ES256: "P-256", ES384: "P-384", ES512: "P-521" };

describe("generateClientKeyPair", () => {
  for (const algorithm of jwsAlgorithms) {
    it(`${algorithm}: a pair whose private key signs what the public JWK verifies, and that Okta's emulator accepts`, async () => {
      const { publicJwk, privateKeyPem, privateJwk } = await generateClientKeyPair({ algorithm });
      expect(publicJwk).toMatchObject({ use: "sig", alg: algorithm, kty: algorithm.startsWith("RS") ? "RSA" : "EC" });
      if (publicJwk.kty === "RSA") expect(rsaModulusBits(publicJwk.n)).toBe(2048);
      else expect(publicJwk.crv).toBe(curves[algorithm]);
      expect(publicJwk.kid).toBe(await calculateJwkThumbprint(publicJwk));
      expect(publicJwk).not.toHaveProperty("d");

      expect(privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/);
      expect(privateJwk).toMatchObject({ ...publicJwk, d: expect.any(String) });
      const fromPem = createPublicKey(createPrivateKey(privateKeyPem)).export({ format: "jwk" });
      const fromJwk = createPublicKey(createPrivateKey({ key: privateJwk, format: "jwk" })).export({ format: "jwk" });
      expect(fromJwk).toEqual(fromPem);

      const token = await new SignJWT({ sub: "x" })
        .setProtectedHeader({ alg: algorithm, kid: publicJwk.kid })
        .sign(await importPKCS8(privateKeyPem, algorithm));
      const { protectedHeader } = await jwtVerify(token, await importJWK(publicJwk, algorithm));
      expect(protectedHeader.kid).toBe(publicJwk.kid);

      const app = await emulator.createApp();
      const added = await fetch(`${emulator.url}/api/v1/apps/${app.id}/credentials/jwks`, {
        method: "POST",
        headers: { Authorization: `SSWS ${emulator.apiToken}`, "Content-Type": "application/json" },
        body: JSON.stringify(publicJwk),
      });
      expect(added.status).toBe(201);
    });
  }

  it("makes RSA keys of 3072 and 4096 bits on request, a given kid, and a fresh pair each time", async () => {
    const big = await generateClientKeyPair({ algorithm: "RS384", rsaBits: 3072, kid: "2026-11" });
    expect(big.publicJwk.kty === "RSA" && rsaModulusBits(big.publicJwk.n)).toBe(3072);
    expect(big.publicJwk.kid).toBe("2026-11");
    expect(big.privateJwk.kid).toBe("2026-11");
    const huge = await generateClientKeyPair({ algorithm: "RS256", rsaBits: 4096 });
    expect(huge.publicJwk.kty === "RSA" && rsaModulusBits(huge.publicJwk.n)).toBe(4096);
    const [a, b] = await Promise.all([
      generateClientKeyPair({ algorithm: "ES256" }),
      generateClientKeyPair({ algorithm: "ES256" }),
    ]);
    expect(a.publicJwk.kid).not.toBe(b.publicJwk.kid);
    await expect(generateClientKeyPair({ algorithm: "RS256", rsaBits: 1024 })).rejects.toThrow(
      "generating an RS256 key pair: rsaBits must be 2048, 3072 or 4096, got 1024",
    );
  });
});

describe("checkKeyPairOptions", () => {
  const failuresOf = (value: unknown) => {
    const result = checkKeyPairOptions(value);
    return "failures" in result ? result.failures.map((f) => `${f.property} | ${f.reason}`) : [];
  };

  it("accepts each algorithm, and rsaBits 2048/3072/4096 for RSA", () => {
    for (const algorithm of jwsAlgorithms)
      expect(checkKeyPairOptions({ algorithm })).toEqual({ options: { algorithm } });
    expect(checkKeyPairOptions({ algorithm: "RS512", rsaBits: 4096 })).toEqual({
      options: { algorithm: "RS512", rsaBits: 4096 },
    });
  });

  it("names the option and the fix for everything else", () => {
    expect(failuresOf("RS256")).toEqual([
      'generate | generate must be an object like { algorithm: "RS256" } (or { algorithm: "RS256", rsaBits: 3072 })',
    ]);
    expect(failuresOf({})).toEqual([
      "generate.algorithm | generate.algorithm must be one of RS256, RS384, RS512, ES256, ES384, ES512, got nothing",
    ]);
    expect(failuresOf({ algorithm: "HS256" })).toEqual([
      'generate.algorithm | generate.algorithm must be one of RS256, RS384, RS512, ES256, ES384, ES512, got "HS256"',
    ]);
    expect(failuresOf({ algorithm: "ES384", rsaBits: 2048 })).toEqual([
      "generate.rsaBits | generate.rsaBits applies to RS256, RS384 and RS512 only; ES384 keys are on P-384: remove rsaBits",
    ]);
    expect(failuresOf({ algorithm: "RS256" as JwsAlgorithm, rsaBits: 1024 })).toEqual([
      "generate.rsaBits | generate.rsaBits must be 2048, 3072 or 4096 (default 2048), got 1024",
    ]);
    expect(failuresOf({ algorithm: "RS256", rsaBits: "2048" })).toEqual([
      "generate.rsaBits | generate.rsaBits must be 2048, 3072 or 4096 (default 2048), got a string",
    ]);
    expect(failuresOf({ algorithm: "ES256", curve: "P-256" })).toEqual([
      "generate.curve | generate.curve is not an option of generate; it takes algorithm and rsaBits",
    ]);
  });
});
