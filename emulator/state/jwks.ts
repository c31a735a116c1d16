import { CAUSES, notFound, validationFailed } from "../errors";
import { oktaId, oktaTimestamp } from "../ids";
import type { PublicJwk } from "../types";
import type { AppRecord, JwkRecord } from "./records";
import type { Store } from "./store";

const MAX_KEYS = 50;
const MIN_RSA_BITS = 2048;
const EC_CURVES: Record<string, string> = { "P-256": "ES256", "P-384": "ES384", "P-521": "ES512" };
const RSA_ALGS = new Set(["RS256", "RS384", "RS512"]);
const PUBLIC_FIELDS = ["kid", "kty", "alg", "use", "e", "n", "crv", "x", "y"] as const;

/** Bits of an RSA modulus given as base64url `n` (leading zero bytes do not count). */
export function rsaModulusBits(n: string): number {
  const bytes = Buffer.from(n, "base64url");
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  const first = bytes[i];
  if (first === undefined) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(first));
}

function invalidKey(reason: string): never {
  throw validationFailed("JsonWebKey", reason);
}

/** Checks one public key on its own (shape and size) and returns its stored form. */
export function checkPublicJwk(body: Record<string, unknown>): Omit<PublicJwk, "status"> {
  const key: Record<string, unknown> = {};
  for (const field of PUBLIC_FIELDS) {
    const value = body[field];
    if (value === undefined || (field === "kid" && value === null)) continue;
    if (typeof value !== "string") invalidKey(`${field}: '${field}' must be a string.`);
    key[field] = value;
  }
  if ("d" in body || "p" in body || "q" in body) invalidKey("The JSON Web Key must be a public key.");
  const use = (key.use as string | undefined) ?? "sig";
  if (use !== "sig" && use !== "enc") invalidKey("use: 'use' must be one of [sig, enc].");
  key.use = use;
  if (key.kty === "RSA") {
    if (!key.n || !key.e) invalidKey("An RSA key requires 'n' and 'e'.");
    if (key.alg !== undefined && use === "sig" && !RSA_ALGS.has(key.alg as string)) {
      invalidKey("alg: 'alg' must be one of [RS256, RS384, RS512] for an RSA signing key.");
    }
    if (rsaModulusBits(key.n as string) < MIN_RSA_BITS) invalidKey(CAUSES.jwkRsaTooShort);
  } else if (key.kty === "EC") {
    if (use === "enc") invalidKey("Okta supports only RSA keys for encryption.");
    const expectedAlg = EC_CURVES[key.crv as string];
    if (!expectedAlg || !key.x || !key.y) invalidKey("An EC key requires 'crv' (P-256, P-384 or P-521), 'x' and 'y'.");
    if (key.alg !== undefined && key.alg !== expectedAlg)
      invalidKey(`alg: 'alg' must be '${expectedAlg}' for ${key.crv}.`);
  } else {
    invalidKey("kty: 'kty' must be one of [RSA, EC].");
  }
  return key as Omit<PublicJwk, "status">;
}

/** Checks that `key` may join `app`'s keys (count, kid, active encryption key) and returns its record. */
export function admitJwk(app: AppRecord, key: Omit<PublicJwk, "status">, status: unknown): JwkRecord {
  if (status !== undefined && status !== "ACTIVE" && status !== "INACTIVE") {
    invalidKey("status: 'status' must be one of [ACTIVE, INACTIVE].");
  }
  if (app.jwks.length >= MAX_KEYS) invalidKey(CAUSES.jwkTooMany);
  if (app.jwks.length > 0 && (!key.kid || app.jwks.some((k) => !k.key.kid))) invalidKey(CAUSES.jwkNonUniqueKid);
  if (key.kid && app.jwks.some((k) => k.key.kid === key.kid)) invalidKey(CAUSES.jwkDuplicateKid);
  const active = (status ?? "ACTIVE") === "ACTIVE";
  if (active && key.use === "enc" && app.jwks.some((k) => k.status === "ACTIVE" && k.key.use === "enc")) {
    invalidKey(CAUSES.jwkOneActiveEncryption);
  }
  const now = oktaTimestamp();
  return { id: oktaId("pks"), status: active ? "ACTIVE" : "INACTIVE", created: now, lastUpdated: now, key };
}

/** `POST …/credentials/jwks`. */
export function addJwk(store: Store, appId: string, body: Record<string, unknown>): JwkRecord {
  const app = store.app(appId);
  const record = admitJwk(app, checkPublicJwk(body), body.status);
  app.jwks.push(record);
  store.changed();
  return record;
}

export function findJwk(store: Store, appId: string, keyId: string): JwkRecord {
  const key = store.app(appId).jwks.find((k) => k.id === keyId);
  if (!key) throw notFound(keyId, "JsonWebKey");
  return key;
}

export function activateJwk(store: Store, appId: string, keyId: string): JwkRecord {
  const app = store.app(appId);
  const key = findJwk(store, appId, keyId);
  if (key.status === "ACTIVE") return key;
  const now = oktaTimestamp();
  // Okta keeps one active encryption key: activating another deactivates the current one.
  if (key.key.use === "enc") {
    for (const other of app.jwks) {
      if (other.key.use === "enc" && other.status === "ACTIVE")
        Object.assign(other, { status: "INACTIVE", lastUpdated: now });
    }
  }
  key.status = "ACTIVE";
  key.lastUpdated = now;
  store.changed();
  return key;
}

export function deactivateJwk(store: Store, appId: string, keyId: string): JwkRecord {
  const app = store.app(appId);
  const key = findJwk(store, appId, keyId);
  if (key.status === "INACTIVE") return key;
  if (key.key.use === "enc") invalidKey(CAUSES.deactivateEncryptionJwk);
  const otherActiveSigning = app.jwks.filter((k) => k !== key && k.status === "ACTIVE" && k.key.use === "sig");
  if (app.authMethod === "private_key_jwt" && otherActiveSigning.length === 0) {
    invalidKey(CAUSES.deactivateOnlyJwkPrivateKeyJwt);
  }
  const requestAlg = app.oauthSettings.request_object_signing_alg;
  if (requestAlg && !otherActiveSigning.some((k) => k.key.alg === requestAlg)) {
    invalidKey(CAUSES.deactivateOnlyJwkRequestObject);
  }
  key.status = "INACTIVE";
  key.lastUpdated = oktaTimestamp();
  store.changed();
  return key;
}

export function deleteJwk(store: Store, appId: string, keyId: string): void {
  const app = store.app(appId);
  const key = findJwk(store, appId, keyId);
  if (key.status === "ACTIVE") invalidKey(CAUSES.deleteActiveJwk);
  app.jwks = app.jwks.filter((k) => k.id !== keyId);
  store.changed();
}
