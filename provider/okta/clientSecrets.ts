import { credentialObject } from "./credentialObjects";
import { isRecord } from "./transport";

// Okta's client secret objects and their paths, as the Management API gives them.

/** Status of a client secret. */
export type OktaSecretStatus = "ACTIVE" | "INACTIVE";

/** Okta's client secret object (`OAuth2ClientSecret`), as the Management API returns it. */
export interface OktaClientSecret {
  id: string;
  status: OktaSecretStatus;
  /** The secret in plaintext: Okta returns it from every read. */
  client_secret?: string;
  secret_hash?: string;
  created: string;
  lastUpdated: string;
}

/** `/api/v1/apps/{appId}/credentials/secrets[/{secretId}]`. */
export function secretsPath(appPath: string, secretId?: string): string {
  const base = `${appPath}/credentials/secrets`;
  return secretId === undefined ? base : `${base}/${encodeURIComponent(secretId)}`;
}

/** The secrets of a list answer, or an error naming the request when it is not a list of them. */
export function secretsOfListAnswer(body: unknown, method: string, path: string): OktaClientSecret[] {
  if (!Array.isArray(body)) throw malformedSecret(method, path, "not a list of client secrets");
  return body.map((s) => toSecret(s, method, path));
}

/** Okta's answer as an {@link OktaClientSecret}, or an error naming the request when it is not one. */
export function toSecret(value: unknown, method: string, path: string): OktaClientSecret {
  const secret: OktaClientSecret = credentialObject(value, () =>
    malformedSecret(method, path, "not a client secret object"),
  );
  if (isRecord(value) && typeof value.client_secret === "string") secret.client_secret = value.client_secret;
  if (isRecord(value) && typeof value.secret_hash === "string") secret.secret_hash = value.secret_hash;
  return secret;
}

function malformedSecret(method: string, path: string, what: string): Error {
  return new Error(`Okta answered ${method} ${path} with an unexpected body (${what})`);
}
