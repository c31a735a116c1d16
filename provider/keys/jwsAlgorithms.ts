/** The JWS algorithms Okta accepts for `private_key_jwt` client assertions and the keys that sign them. */
export type JwsAlgorithm = "RS256" | "RS384" | "RS512" | "ES256" | "ES384" | "ES512";

export const jwsAlgorithms: readonly JwsAlgorithm[] = ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512"];

/** The curve each ECDSA algorithm signs on (RFC 7518 3.4). */
export const curveOfAlgorithm: Readonly<Record<"ES256" | "ES384" | "ES512", string>> = {
  ES256: "P-256",
  ES384: "P-384",
  ES512: "P-521",
};

/** The algorithm each curve Okta supports signs with. */
export const algorithmOfCurve: Readonly<Record<string, JwsAlgorithm>> = {
  "P-256": "ES256",
  "P-384": "ES384",
  "P-521": "ES512",
};

/** The RSA key-management algorithms Okta takes on an encryption key (`use: "enc"`) for ID token encryption. */
export const rsaEncryptionAlgorithms: readonly string[] = ["RSA-OAEP", "RSA-OAEP-256", "RSA-OAEP-384", "RSA-OAEP-512"];

export function isJwsAlgorithm(value: unknown): value is JwsAlgorithm {
  return typeof value === "string" && (jwsAlgorithms as readonly string[]).includes(value);
}

/** `RSA` for RS256/384/512, `EC` for ES256/384/512. */
export function keyTypeOf(algorithm: JwsAlgorithm): "RSA" | "EC" {
  return algorithm.startsWith("RS") ? "RSA" : "EC";
}
