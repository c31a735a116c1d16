import type { CheckFailure } from "@pulumi/pulumi/dynamic";
import type { PublicKeyMaterial } from "./jwk";
import { algorithmOfCurve, rsaEncryptionAlgorithms } from "./jwsAlgorithms";

/** Okta's floor for RSA keys (`ErrorClientJsonWebKeyKidLengthTooShort`). */
const minRsaBits = 2048;
const maxExponentBytes = 8;

/** Bits of an RSA modulus given as base64url (leading zero octets do not count). */
export function rsaModulusBits(n: string): number {
  const bytes = Buffer.from(n, "base64url");
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  const first = bytes[i];
  return first === undefined ? 0 : (bytes.length - i - 1) * 8 + (32 - Math.clz32(first));
}

/**
 * Why Okta would refuse this key material, as failures on `property`: an RSA modulus under 2048 bits or an exponent
 * that is even or over 64 bits, an EC curve other than P-256, P-384 and P-521.
 */
export function keyMaterialProblems(material: PublicKeyMaterial, property: string): CheckFailure[] {
  if (material.kty === "RSA") {
    const bits = rsaModulusBits(material.n);
    if (bits < minRsaBits) {
      const reason =
        `${property} is a ${bits}-bit RSA key; Okta requires at least ${minRsaBits} bits: ` +
        'make a new key pair (e.g. openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048) or use generate: { algorithm: "RS256" }';
      return [{ property, reason }];
    }
    const e = Buffer.from(material.e, "base64url");
    const significant = e.subarray(e.findIndex((byte) => byte !== 0));
    const last = significant[significant.length - 1] ?? 0;
    if (significant.length > maxExponentBytes || last % 2 === 0 || (significant.length === 1 && last < 3)) {
      return [
        {
          property,
          reason: `${property} has an RSA public exponent Okta cannot use (odd, 3 to 64 bits; usually 65537)`,
        },
      ];
    }
    return [];
  }
  if (algorithmOfCurve[material.crv] === undefined) {
    return [{ property, reason: `${property} is an EC key on ${material.crv}; Okta takes P-256, P-384 or P-521` }];
  }
  return [];
}

/**
 * Why `alg` does not fit the key and its `use`, or undefined: RS256/384/512 for an RSA signing key, the curve's own
 * ES256/384/512 for an EC key, RSA-OAEP(-256/384/512) for an RSA encryption key; EC keys cannot encrypt at Okta.
 */
export function algorithmProblem(
  material: PublicKeyMaterial,
  use: "sig" | "enc",
  alg: string | undefined,
): string | undefined {
  if (material.kty === "EC") {
    if (use === "enc") return 'Okta encrypts ID tokens with RSA keys only; an EC key can only sign (use: "sig")';
    const expected = algorithmOfCurve[material.crv];
    if (alg !== undefined && expected !== undefined && alg !== expected) {
      return `an EC key on ${material.crv} signs with ${expected}, not ${alg}`;
    }
    return undefined;
  }
  if (alg === undefined) return undefined;
  if (use === "sig" && !["RS256", "RS384", "RS512"].includes(alg)) {
    return `an RSA signing key takes RS256, RS384 or RS512, not ${alg}`;
  }
  if (use === "enc" && !rsaEncryptionAlgorithms.includes(alg)) {
    return `an RSA encryption key takes ${rsaEncryptionAlgorithms.join(", ")}, not ${alg}`;
  }
  return undefined;
}
