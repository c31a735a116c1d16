import { CAUSES, notFound, validationFailed } from "../errors";
import { generateClientSecret, oktaId, oktaTimestamp, secretHash } from "../ids";
import type { AppRecord, SecretRecord } from "./records";
import type { Store } from "./store";

const MAX_SECRETS = 2;
const PRINTABLE_ASCII = /^[\x20-\x7E]+$/;
const SECRET_METHODS = new Set(["client_secret_basic", "client_secret_post", "client_secret_jwt"]);

/** Whether an app with this auth method starts with (and may hold) client secrets. */
export function usesSecrets(app: Pick<AppRecord, "authMethod">): boolean {
  return SECRET_METHODS.has(app.authMethod);
}

/** Okta's checks on a bring-your-own secret, in the order the causes are most specific. */
export function checkClientSecretValue(secret: string, authMethod: string): void {
  if (authMethod === "private_key_jwt") throw validationFailed("client_secret", CAUSES.secretWithPrivateKeyJwt);
  if (secret.length > 100) throw validationFailed("client_secret", CAUSES.secretTooLong);
  if (authMethod === "client_secret_jwt" && secret.length < 32) {
    throw validationFailed("client_secret", CAUSES.secretTooShortJwt);
  }
  if (secret.length < 14) throw validationFailed("client_secret", CAUSES.secretTooShort);
  if (!PRINTABLE_ASCII.test(secret)) throw validationFailed("client_secret", CAUSES.secretNonAscii);
}

/** A new secret record (generated when `secret` is absent); does not store it. */
export function newSecret(secret: string | undefined, status: "ACTIVE" | "INACTIVE" = "ACTIVE"): SecretRecord {
  const value = secret ?? generateClientSecret();
  const now = oktaTimestamp();
  return { id: oktaId("ocs"), status, secret: value, hash: secretHash(value), created: now, lastUpdated: now };
}

/** `POST …/credentials/secrets`: body `{}` or `{client_secret?, status?}`. */
export function createSecret(
  store: Store,
  appId: string,
  body: { client_secret?: unknown; status?: unknown },
): SecretRecord {
  const app = store.app(appId);
  if (app.authMethod === "private_key_jwt") throw validationFailed("client_secret", CAUSES.secretWithPrivateKeyJwt);
  if (body.client_secret !== undefined && typeof body.client_secret !== "string") {
    throw validationFailed("client_secret", "client_secret: 'client_secret' must be a string.");
  }
  if (body.status !== undefined && body.status !== "ACTIVE" && body.status !== "INACTIVE") {
    throw validationFailed("status", "status: 'status' must be one of [ACTIVE, INACTIVE].");
  }
  if (body.client_secret !== undefined) checkClientSecretValue(body.client_secret, app.authMethod);
  if (app.secrets.length >= MAX_SECRETS) throw validationFailed("OAuth2ClientSecretMediated", CAUSES.maxSecrets);
  const record = newSecret(body.client_secret, body.status ?? "ACTIVE");
  app.secrets.push(record);
  store.changed();
  return record;
}

/**
 * Gives a secret a new generated value in place, same id: what a change made outside the Management API looks like
 * to a client that kept the old value (e.g. a secret regenerated in the Admin Console). Control API only.
 */
export function regenerateSecretValue(store: Store, appId: string, secretId: string): SecretRecord {
  const secret = findSecret(store, appId, secretId);
  secret.secret = generateClientSecret();
  secret.hash = secretHash(secret.secret);
  secret.lastUpdated = oktaTimestamp();
  store.changed();
  return secret;
}

/** The secret or Okta's 404 for it. */
export function findSecret(store: Store, appId: string, secretId: string): SecretRecord {
  const secret = store.app(appId).secrets.find((s) => s.id === secretId);
  if (!secret) throw notFound(secretId, "OAuth2ClientSecretMediated");
  return secret;
}

export function activateSecret(store: Store, appId: string, secretId: string): SecretRecord {
  const secret = findSecret(store, appId, secretId);
  // Activating an ACTIVE secret is undocumented; live orgs answer 200 with the object unchanged.
  if (secret.status === "INACTIVE") {
    secret.status = "ACTIVE";
    secret.lastUpdated = oktaTimestamp();
    store.changed();
  }
  return secret;
}

export function deactivateSecret(store: Store, appId: string, secretId: string): SecretRecord {
  const app = store.app(appId);
  const secret = findSecret(store, appId, secretId);
  if (secret.status === "INACTIVE") return secret;
  if (app.secrets.filter((s) => s.status === "ACTIVE").length <= 1) {
    throw validationFailed("OAuth2ClientSecretMediated", CAUSES.deactivateOnlySecret);
  }
  secret.status = "INACTIVE";
  secret.lastUpdated = oktaTimestamp();
  store.changed();
  return secret;
}

export function deleteSecret(store: Store, appId: string, secretId: string): void {
  const app = store.app(appId);
  const secret = findSecret(store, appId, secretId);
  if (secret.status === "ACTIVE") throw validationFailed("OAuth2ClientSecretMediated", CAUSES.deleteActiveSecret);
  app.secrets = app.secrets.filter((s) => s.id !== secretId);
  store.changed();
}
