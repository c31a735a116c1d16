import type { KeyObject } from "node:crypto";

/** `use` of a JSON Web Key (RFC 7517 4.2): signature or encryption. */
export type JwkUse = "sig" | "enc";

/** The public members of an RSA or EC key, as Okta stores them. */
export type PublicKeyMaterial = { kty: "RSA"; n: string; e: string } | { kty: "EC"; crv: string; x: string; y: string };

/** A public JWK as sent to Okta: key material plus `kid`, `use` and (for signing keys, always) `alg`. */
export type PublicJwk = PublicKeyMaterial & { kid: string; use: JwkUse; alg?: string };

/** A private JWK (RFC 7518 6.2.2 / 6.3.2 members), with the same `kid`, `use` and `alg` as its public half. */
export type PrivateJwk = PublicJwk & { d: string; p?: string; q?: string; dp?: string; dq?: string; qi?: string };

/** Members that only a private (or symmetric) key has: their presence means the value must not go to Okta. */
export const privateMembers = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"] as const;

/** Just the key material of a JWK: what RFC 7638 hashes and what tells two keys apart whatever their `kid`. */
export function keyMaterial(jwk: PublicKeyMaterial): PublicKeyMaterial {
  return jwk.kty === "RSA" ? { kty: "RSA", n: jwk.n, e: jwk.e } : { kty: "EC", crv: jwk.crv, x: jwk.x, y: jwk.y };
}

/** The RSA or EC material of a public (or private) `KeyObject`; throws for other key types and curves JWK cannot name. */
export function materialOfKeyObject(key: KeyObject): PublicKeyMaterial {
  const jwk = key.export({ format: "jwk" });
  if (jwk.kty === "RSA") return { kty: "RSA", n: jwk.n as string, e: jwk.e as string };
  if (jwk.kty === "EC") return { kty: "EC", crv: jwk.crv as string, x: jwk.x as string, y: jwk.y as string };
  throw new Error(`a ${String(jwk.kty)} key has no RSA or EC material`);
}

/**
 * True when two JWKs hold the same key, whatever their `kid`, `alg` or `use`. RSA integers are compared without
 * leading zero octets: Okta's own examples render `n` with one (`"AJnc…"`), and it is the same key.
 */
export function sameKeyMaterial(a: PublicKeyMaterial, b: PublicKeyMaterial): boolean {
  if (a.kty === "RSA" && b.kty === "RSA") return integer(a.n) === integer(b.n) && integer(a.e) === integer(b.e);
  if (a.kty === "EC" && b.kty === "EC") return a.crv === b.crv && a.x === b.x && a.y === b.y;
  return false;
}

function integer(base64url: string): string {
  const bytes = Buffer.from(base64url, "base64url");
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  return bytes.subarray(i).toString("hex");
}

/** Key text as pasted into config or an environment variable: literal `\n` sequences become line breaks. */
export function keyText(value: string): string {
  return (value.includes("\\n") && !value.includes("\n") ? value.replace(/\\n/g, "\n") : value).trim();
}
