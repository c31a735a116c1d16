import { generateKeyPairSync, type KeyObject } from "node:crypto";

/** A public JWK (and its private key) for tests: RSA of the given size, or EC P-256. */
export function testKey(
  kty: "RSA" | "EC",
  options: { kid?: string; bits?: number; use?: "sig" | "enc" } = {},
): { jwk: Record<string, unknown>; privateKey: KeyObject } {
  const { publicKey, privateKey } =
    kty === "RSA"
      ? generateKeyPairSync("rsa", { modulusLength: options.bits ?? 2048 })
      : generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk: Record<string, unknown> = { ...publicKey.export({ format: "jwk" }), use: options.use ?? "sig" };
  if (options.use !== "enc") jwk.alg = kty === "RSA" ? "RS256" : "ES256";
  if (options.kid !== undefined) jwk.kid = options.kid;
  return { jwk, privateKey };
}
