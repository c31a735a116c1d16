import type { PublicKeyMaterial } from "../keys/jwk";
import { credentialObject } from "./credentialObjects";
import { isRecord } from "./transport";

/** Status of a client JSON Web Key. */
export type OktaJsonWebKeyStatus = "ACTIVE" | "INACTIVE";

/** Okta's client JSON Web Key object (`OAuth2ClientJsonWebKey…Response`): the public key and its lifecycle. */
export type OktaJsonWebKey = PublicKeyMaterial & {
  /** `pks…` */
  id: string;
  status: OktaJsonWebKeyStatus;
  /** Absent (or null at Okta) for a key added without one. */
  kid?: string;
  alg?: string;
  use?: string;
  created: string;
  lastUpdated: string;
};

/** `/api/v1/apps/{appId}/credentials/jwks[/{keyId}]`. */
export function jwksPath(appPath: string, keyId?: string): string {
  const base = `${appPath}/credentials/jwks`;
  return keyId === undefined ? base : `${base}/${encodeURIComponent(keyId)}`;
}

/**
 * The keys of a list answer, in every shape Okta is known to give: the spec's bare array, `{"keys": [...]}` (live
 * orgs and every official SDK), and `{"jwks": {"keys": [...]}}` (the app's own `settings.oauthClient.jwks` form).
 */
export function keysOfListAnswer(body: unknown, method: string, path: string): OktaJsonWebKey[] {
  let keys: unknown = body;
  if (isRecord(keys) && isRecord(keys.jwks)) keys = keys.jwks;
  if (isRecord(keys)) keys = keys.keys;
  if (!Array.isArray(keys)) throw malformedKey(method, path, "not a list of keys");
  return keys.map((key) => toJsonWebKey(key, method, path));
}

/** Okta's answer as an {@link OktaJsonWebKey}, or an error naming the request when it is not one. */
export function toJsonWebKey(value: unknown, method: string, path: string): OktaJsonWebKey {
  const base = credentialObject(value, () => malformedKey(method, path, "not a JSON Web Key object"));
  if (!isRecord(value)) throw malformedKey(method, path, "not a JSON Web Key object");
  const strings = (...names: string[]) => names.every((name) => typeof value[name] === "string");
  let material: PublicKeyMaterial;
  if (value.kty === "RSA" && strings("n", "e")) {
    material = { kty: "RSA", n: value.n as string, e: value.e as string };
  } else if (value.kty === "EC" && strings("crv", "x", "y")) {
    material = { kty: "EC", crv: value.crv as string, x: value.x as string, y: value.y as string };
  } else {
    throw malformedKey(method, path, `key ${value.id} has no RSA (n, e) or EC (crv, x, y) members`);
  }
  const key: OktaJsonWebKey = { ...material, ...base };
  if (typeof value.kid === "string") key.kid = value.kid;
  if (typeof value.alg === "string") key.alg = value.alg;
  if (typeof value.use === "string") key.use = value.use;
  return key;
}

function malformedKey(method: string, path: string, what: string): Error {
  return new Error(`Okta answered ${method} ${path} with an unexpected body (${what})`);
}
