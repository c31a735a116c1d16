import { createPublicKey } from "node:crypto";
import { CAUSES, invalidJsonWebKey, JWK_SHAPE_CAUSES as WHY } from "../errors";
import type { PublicJwk } from "../types";

/** A public key as stored: the JWK members Okta keeps, without `status`. */
export type StoredJwk = Omit<PublicJwk, "status">;

const MIN_RSA_BITS = 2048;
const MAX_EXPONENT_BYTES = 8;
const CURVES: Record<string, { alg: string; bytes: number }> = {
  "P-256": { alg: "ES256", bytes: 32 },
  "P-384": { alg: "ES384", bytes: 48 },
  "P-521": { alg: "ES512", bytes: 66 },
};
const RSA_SIGNING = new Set(["RS256", "RS384", "RS512"]);
const RSA_ENCRYPTION = new Set(["RSA-OAEP", "RSA-OAEP-256", "RSA-OAEP-384", "RSA-OAEP-512"]);
const PUBLIC_MEMBERS = ["kid", "kty", "alg", "use", "e", "n", "crv", "x", "y"] as const;
const PRIVATE_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

function refuse(cause: string): never {
  throw invalidJsonWebKey(cause);
}

/** The bytes of a base64url member (RFC 7518: no padding, canonical), or Okta's 400 naming the member. */
function base64urlBytes(field: string, value: string): Buffer {
  const bytes = Buffer.from(value, "base64url");
  if (!/^[A-Za-z0-9_-]+$/.test(value) || bytes.toString("base64url") !== value) refuse(WHY.notBase64url(field));
  return bytes;
}

/** The value without leading zero octets: Okta's own examples pad `n` with one (`"AJnc…"`), and it is the same key. */
function unsigned(bytes: Buffer): Buffer {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  return bytes.subarray(i);
}

/** Bits of an RSA modulus given as base64url `n` (leading zero octets do not count). */
export function rsaModulusBits(n: string): number {
  const bytes = unsigned(Buffer.from(n, "base64url"));
  const first = bytes[0];
  if (first === undefined || first === 0) return 0;
  return (bytes.length - 1) * 8 + (32 - Math.clz32(first));
}

function checkRsa(key: StoredJwk, use: string): void {
  if (!key.n || !key.e) refuse(WHY.rsaMembers);
  base64urlBytes("n", key.n);
  const e = unsigned(base64urlBytes("e", key.e));
  const last = e[e.length - 1] ?? 0;
  if (e.length > MAX_EXPONENT_BYTES || last % 2 === 0 || (e.length === 1 && last < 3)) refuse(WHY.exponent);
  if (key.alg !== undefined) {
    if (use === "sig" && !RSA_SIGNING.has(key.alg)) refuse(WHY.algForRsaSigning);
    if (use === "enc" && !RSA_ENCRYPTION.has(key.alg)) refuse(WHY.algForRsaEncryption);
  }
  if (rsaModulusBits(key.n) < MIN_RSA_BITS) refuse(CAUSES.jwkRsaTooShort);
}

function checkEc(key: StoredJwk, use: string): void {
  if (use === "enc") refuse(WHY.ecEncryption);
  const curve = CURVES[key.crv ?? ""];
  if (!curve || !key.crv || !key.x || !key.y) refuse(WHY.ecMembers);
  for (const field of ["x", "y"] as const) {
    if (base64urlBytes(field, key[field] as string).length !== curve.bytes) {
      refuse(WHY.coordinateSize(field, key.crv, curve.bytes));
    }
  }
  try {
    createPublicKey({ key: { kty: "EC", crv: key.crv, x: key.x, y: key.y }, format: "jwk" });
  } catch {
    refuse(WHY.notOnCurve(key.crv));
  }
  if (key.alg !== undefined && key.alg !== curve.alg) refuse(WHY.algForCurve(curve.alg, key.crv));
}

/**
 * Checks one public key on its own, as Okta does before looking at the app: public members only, `use`, `kty`,
 * well-formed base64url members of the right sizes (RSA at least 2048 bits, EC coordinates of the curve's size and
 * on it), `alg` consistent with `kty`, `use` and the curve. Returns the stored form (`use` defaults to `sig`).
 */
export function checkPublicJwk(body: Record<string, unknown>): StoredJwk {
  const key: Record<string, string | null> = {};
  for (const field of PUBLIC_MEMBERS) {
    const value = body[field];
    if (value === undefined || (field === "kid" && value === null)) continue;
    if (typeof value !== "string") refuse(WHY.notString(field));
    key[field] = value;
  }
  if (PRIVATE_MEMBERS.some((member) => member in body)) refuse(WHY.privateKey);
  const use = key.use ?? "sig";
  if (use !== "sig" && use !== "enc") refuse(WHY.use);
  key.use = use;
  const stored = key as unknown as StoredJwk;
  if (stored.kty === "RSA") checkRsa(stored, use);
  else if (stored.kty === "EC") checkEc(stored, use);
  else refuse(WHY.kty);
  return stored;
}

/** What identifies a key whatever its `kid`: the same material under two kids is one key. */
export function keyMaterial(key: StoredJwk): string {
  if (key.kty === "RSA") {
    const n = unsigned(Buffer.from(key.n ?? "", "base64url")).toString("base64url");
    const e = unsigned(Buffer.from(key.e ?? "", "base64url")).toString("base64url");
    return `RSA ${n} ${e}`;
  }
  return `EC ${key.crv} ${key.x} ${key.y}`;
}
