import { createHash, randomInt } from "node:crypto";

const BASE62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const SECRET_ALPHABET = `${BASE62}_-`;

function randomString(alphabet: string, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** An Okta object id: a 3-character type prefix and 17 base62 characters, 20 in all (`0oa…`, `ocs…`, `pks…`, `oag…`). */
export function oktaId(prefix: "0oa" | "ocs" | "pks" | "oag" | "ira"): string {
  return prefix + randomString(BASE62, 17);
}

/** A generated client secret as Okta makes them since July 2023: 64 characters of `[A-Za-z0-9_-]`. */
export function generateClientSecret(): string {
  return randomString(SECRET_ALPHABET, 64);
}

/** Okta's `secret_hash`: base64url (no padding) of the first 16 bytes of SHA-256 of the secret. */
export function secretHash(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest().subarray(0, 16).toString("base64url");
}

/** The value of `X-Okta-Request-Id`. */
export function requestId(): string {
  return randomString(SECRET_ALPHABET, 27);
}

/** An error body's `errorId` (`oae…`, 25 characters). */
export function errorId(): string {
  return `oae${randomString(SECRET_ALPHABET, 22)}`;
}

/** An SSWS API token shaped like Okta's: `00` and 40 more characters. */
export function apiTokenValue(): string {
  return `00${randomString(SECRET_ALPHABET, 40)}`;
}

/** An access token value, or a DPoP nonce; opaque, only the emulator reads it. */
export function accessTokenValue(): string {
  return randomString(SECRET_ALPHABET, 64);
}

/** Okta's timestamp format: ISO 8601 with the milliseconds zeroed (`2023-04-06T21:32:33.000Z`). */
export function oktaTimestamp(date: Date = new Date()): string {
  return `${date.toISOString().slice(0, 19)}.000Z`;
}
