import { CAUSES, invalidJsonWebKey, JWK_SHAPE_CAUSES, notFound } from "../errors";
import { oktaId, oktaTimestamp } from "../ids";
import { checkPublicJwk, keyMaterial, type StoredJwk } from "./jwkMaterial";
import type { AppRecord, JwkRecord } from "./records";
import type { Store } from "./store";

const MAX_KEYS = 50;

function invalidKey(reason: string): never {
  throw invalidJsonWebKey(reason);
}

/**
 * Checks that `key` may join `app`'s keys (count, kid, the same material under another kid, active encryption key)
 * and returns its record.
 */
export function admitJwk(app: AppRecord, key: StoredJwk, status: unknown): JwkRecord {
  if (status !== undefined && status !== "ACTIVE" && status !== "INACTIVE") invalidKey(JWK_SHAPE_CAUSES.status);
  if (app.jwks.length >= MAX_KEYS) invalidKey(CAUSES.jwkTooMany);
  if (app.jwks.length > 0 && (!key.kid || app.jwks.some((k) => !k.key.kid))) invalidKey(CAUSES.jwkNonUniqueKid);
  if (key.kid && app.jwks.some((k) => k.key.kid === key.kid)) invalidKey(CAUSES.jwkDuplicateKid);
  const material = keyMaterial(key);
  const twin = app.jwks.find((k) => keyMaterial(k.key) === material);
  if (twin) invalidKey(JWK_SHAPE_CAUSES.sameMaterial(twin.key.kid));
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
