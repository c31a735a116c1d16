// The Okta client: one class with every Management API call the provider makes (an app's client secrets and JSON
// Web Keys: list, get, add, change status, delete), each a few lines over the transport. It is longer than most
// files because the calls belong together: one place shows every request the package can send to an org.
import { type PublicJwk, sameKeyMaterial } from "../keys/jwk";
import { OAuthAuthorizer, staticAuthorizer } from "./authorizers";
import {
  type OktaClientSecret,
  type OktaSecretStatus,
  secretsOfListAnswer,
  secretsPath,
  toSecret,
} from "./clientSecrets";
import type { OktaSettings, OktaTuning } from "./config";
import { isOktaApiError, withContext } from "./errors";
import {
  jwksPath,
  keysOfListAnswer,
  type OktaJsonWebKey,
  type OktaJsonWebKeyStatus,
  toJsonWebKey,
} from "./jsonWebKeys";
import { RateLimitPacer } from "./rateLimitPacer";
import { defaultRetryPolicy, type RetryPolicy } from "./retryPolicy";
import { secretHash } from "./secretHash";
import { type Authorizer, isRecord, OktaTransport } from "./transport";

export type { OktaClientSecret, OktaSecretStatus } from "./clientSecrets";

/** The fields of an OIDC app this package reads. */
export interface OktaAppInfo {
  id: string;
  label?: string;
  status?: string;
  /** `client_secret_basic`, `client_secret_post`, `client_secret_jwt`, `private_key_jwt` or `none`. */
  tokenEndpointAuthMethod?: string;
  /** `credentials.oauthClient.client_id`: the app's id unless its creator chose one. */
  clientId?: string;
}

/** Options of {@link OktaClient}, for tests and tuning. */
export interface OktaClientOptions {
  retry?: Partial<RetryPolicy>;
  fetch?: typeof fetch;
  /** The org's rate-limit pacer that this client shares with the others of the process; else one of its own. */
  pacer?: RateLimitPacer;
}

/**
 * The Okta Management API calls this package makes, with auth, retries and errors handled. Every call is safe to
 * retry except creating a secret, which recognises its own result after an ambiguous failure instead of repeating.
 *
 * @example
 * ```ts
 * const okta = oktaClientFromConfig({ "okta:orgName": "dev-123", "okta:apiToken": token });
 * const secrets = await okta.listClientSecrets("0oa1b2c3d4e5f6g7h8i9");
 * ```
 */
export class OktaClient {
  /** The org's origin, e.g. `https://dev-123.okta.com`. */
  readonly orgUrl: string;
  private readonly transport: OktaTransport;

  constructor(settings: OktaSettings, options: OktaClientOptions = {}) {
    this.orgUrl = settings.orgUrl;
    const policy = { ...defaultRetryPolicy, ...fromTuning(settings.tuning ?? {}), ...options.retry };
    // Every client of this org in the process paces its requests in one view of Okta's rate-limit buckets, each held to
    // its own share of them.
    const pacer = (options.pacer ?? new RateLimitPacer()).share(settings.tuning?.maxApiCapacity);
    let authorizer: Authorizer;
    if (settings.auth.kind === "apiToken") {
      authorizer = staticAuthorizer("SSWS", settings.auth.token);
    } else if (settings.auth.kind === "accessToken") {
      authorizer = staticAuthorizer("Bearer", settings.auth.token);
    } else {
      const tokenTransport = new OktaTransport(settings.orgUrl, undefined, policy, options.fetch, pacer);
      authorizer = new OAuthAuthorizer(settings.auth, settings.orgUrl, tokenTransport, policy.now);
    }
    this.transport = new OktaTransport(settings.orgUrl, authorizer, policy, options.fetch, pacer);
  }

  /** `GET /api/v1/apps/{appId}`. */
  async getApp(appId: string): Promise<OktaAppInfo> {
    const { body } = await this.transport.send({ method: "GET", path: appPath(appId) });
    if (!isRecord(body) || typeof body.id !== "string") throw malformed("GET", appPath(appId));
    const app: OktaAppInfo = { id: body.id };
    if (typeof body.label === "string") app.label = body.label;
    if (typeof body.status === "string") app.status = body.status;
    const credentials = isRecord(body.credentials) ? body.credentials : {};
    const oauthClient = isRecord(credentials.oauthClient) ? credentials.oauthClient : {};
    if (typeof oauthClient.token_endpoint_auth_method === "string") {
      app.tokenEndpointAuthMethod = oauthClient.token_endpoint_auth_method;
    }
    if (typeof oauthClient.client_id === "string") app.clientId = oauthClient.client_id;
    return app;
  }

  /** `GET /api/v1/apps/{appId}/credentials/secrets`: the app's secrets (at most two). */
  async listClientSecrets(appId: string): Promise<OktaClientSecret[]> {
    const path = secretsPath(appPath(appId));
    return secretsOfListAnswer((await this.transport.send({ method: "GET", path })).body, "GET", path);
  }

  /** `GET /api/v1/apps/{appId}/credentials/secrets/{secretId}`. */
  async getClientSecret(appId: string, secretId: string): Promise<OktaClientSecret> {
    const path = secretsPath(appPath(appId), secretId);
    return toSecret((await this.transport.send({ method: "GET", path })).body, "GET", path);
  }

  /**
   * `POST /api/v1/apps/{appId}/credentials/secrets`: a generated secret, or `clientSecret` (bring your own), in
   * `status` (Okta's default: ACTIVE) in one request.
   * After an ambiguous failure it lists the app's secrets and takes the one this request made (by `secret_hash` of
   * the value, or as the only id absent from `before`, the list taken just before) instead of posting again.
   */
  async createClientSecret(
    appId: string,
    request: { clientSecret?: string; status?: OktaSecretStatus; before?: OktaClientSecret[] } = {},
  ): Promise<OktaClientSecret> {
    const path = secretsPath(appPath(appId));
    const before = new Set((request.before ?? (await this.listClientSecrets(appId))).map((s) => s.id));
    const value = request.clientSecret;
    const recover = () =>
      this.lookAgain(
        path,
        "the secrets to see whether it created one",
        () => this.listClientSecrets(appId),
        (after) => {
          const fresh = after.filter((s) => !before.has(s.id));
          if (value !== undefined) {
            const hash = secretHash(value);
            return fresh.find((s) => s.secret_hash === hash || s.client_secret === value);
          }
          if (fresh.length > 1) {
            throw new Error(
              `POST ${path} failed without a clear answer and ${fresh.length} new secrets appeared meanwhile ` +
                `(${fresh.map((s) => s.id).join(", ")}): another client is changing this app; check its secrets`,
            );
          }
          return fresh[0];
        },
      );
    const response = await this.transport.send({
      method: "POST",
      path,
      json: {
        ...(value === undefined ? {} : { client_secret: value }),
        ...(request.status === undefined ? {} : { status: request.status }),
      },
      recover,
      redact: value === undefined ? [] : [value],
    });
    return toSecret(response.body, "POST", path);
  }

  /** `POST …/secrets/{secretId}/lifecycle/activate`. */
  async activateClientSecret(appId: string, secretId: string): Promise<OktaClientSecret> {
    return this.lifecycle(appId, secretId, "activate");
  }

  /** `POST …/secrets/{secretId}/lifecycle/deactivate`; Okta refuses for the app's only ACTIVE secret. */
  async deactivateClientSecret(appId: string, secretId: string): Promise<OktaClientSecret> {
    return this.lifecycle(appId, secretId, "deactivate");
  }

  /** `DELETE …/secrets/{secretId}` of an INACTIVE secret; false when it was already gone (404). */
  async deleteClientSecret(appId: string, secretId: string): Promise<boolean> {
    return this.deleteIfPresent(secretsPath(appPath(appId), secretId));
  }

  /**
   * After a create's ambiguous failure (`path`), the app's list again, read by `find`, which takes what the create made
   * or says none: the one look that keeps a create from being repeated blindly. `listing` says what was looked for.
   */
  private async lookAgain<T>(
    path: string,
    listing: string,
    list: () => Promise<T[]>,
    find: (items: T[]) => T | undefined,
  ): Promise<T | undefined> {
    let items: T[];
    try {
      items = await list();
    } catch (e) {
      throw withContext(e, `POST ${path} failed without a clear answer, and listing ${listing} failed too`);
    }
    return find(items);
  }

  /** `DELETE path`: true when it deleted, false when the object was already gone (404). */
  private async deleteIfPresent(path: string): Promise<boolean> {
    try {
      await this.transport.send({ method: "DELETE", path });
      return true;
    } catch (e) {
      if (isOktaApiError(e) && e.status === 404) return false;
      throw e;
    }
  }

  private async lifecycle(appId: string, secretId: string, action: "activate" | "deactivate") {
    const path = `${secretsPath(appPath(appId), secretId)}/lifecycle/${action}`;
    return toSecret((await this.transport.send({ method: "POST", path })).body, "POST", path);
  }

  /** `GET /api/v1/apps/{appId}/credentials/jwks`: the app's keys (at most 50), read from any list shape Okta gives. */
  async listClientJsonWebKeys(appId: string): Promise<OktaJsonWebKey[]> {
    const path = jwksPath(appPath(appId));
    return keysOfListAnswer((await this.transport.send({ method: "GET", path })).body, "GET", path);
  }

  /** `GET …/credentials/jwks/{keyId}`. */
  async getClientJsonWebKey(appId: string, keyId: string): Promise<OktaJsonWebKey> {
    const path = jwksPath(appPath(appId), keyId);
    return toJsonWebKey((await this.transport.send({ method: "GET", path })).body, "GET", path);
  }

  /**
   * `POST …/credentials/jwks`: adds a public JWK (its `kid` unique in the app), ACTIVE unless `status` says otherwise.
   * After an ambiguous failure it lists the app's keys and takes the one with this `kid` and this key material
   * instead of posting again.
   */
  async addClientJsonWebKey(
    appId: string,
    request: { jwk: PublicJwk; status?: OktaJsonWebKeyStatus },
  ): Promise<OktaJsonWebKey> {
    const path = jwksPath(appPath(appId));
    const { jwk } = request;
    const recover = () =>
      this.lookAgain(
        path,
        `the keys to see whether it added ${jwk.kid}`,
        () => this.listClientJsonWebKeys(appId),
        (keys) => keys.find((key) => key.kid === jwk.kid && sameKeyMaterial(key, jwk)),
      );
    const json = request.status === undefined ? jwk : { ...jwk, status: request.status };
    const response = await this.transport.send({ method: "POST", path, json, recover });
    return toJsonWebKey(response.body, "POST", path);
  }

  /** `POST …/jwks/{keyId}/lifecycle/activate` (activating an encryption key deactivates the app's current one). */
  async activateClientJsonWebKey(appId: string, keyId: string): Promise<OktaJsonWebKey> {
    return this.keyLifecycle(appId, keyId, "activate");
  }

  /**
   * `POST …/jwks/{keyId}/lifecycle/deactivate`; Okta refuses for the only ACTIVE key of a `private_key_jwt` app and
   * for an ACTIVE encryption key.
   */
  async deactivateClientJsonWebKey(appId: string, keyId: string): Promise<OktaJsonWebKey> {
    return this.keyLifecycle(appId, keyId, "deactivate");
  }

  /** `DELETE …/jwks/{keyId}` of an INACTIVE key; false when it was already gone (404). */
  async deleteClientJsonWebKey(appId: string, keyId: string): Promise<boolean> {
    return this.deleteIfPresent(jwksPath(appPath(appId), keyId));
  }

  private async keyLifecycle(appId: string, keyId: string, action: "activate" | "deactivate") {
    const path = `${jwksPath(appPath(appId), keyId)}/lifecycle/${action}`;
    return toJsonWebKey((await this.transport.send({ method: "POST", path })).body, "POST", path);
  }
}

function fromTuning(tuning: OktaTuning): Partial<RetryPolicy> {
  const policy: Partial<RetryPolicy> = {};
  if (tuning.maxRetries !== undefined) policy.maxAttempts = tuning.maxRetries + 1;
  if (tuning.requestTimeoutMs !== undefined) policy.requestTimeoutMs = tuning.requestTimeoutMs;
  if (tuning.maxRateLimitWaitMs !== undefined) policy.maxRateLimitWaitMs = tuning.maxRateLimitWaitMs;
  return policy;
}

function appPath(appId: string): string {
  return `/api/v1/apps/${encodeURIComponent(appId)}`;
}

function malformed(method: string, path: string): Error {
  return new Error(`Okta answered ${method} ${path} with an unexpected body (not a client secret or app object)`);
}
