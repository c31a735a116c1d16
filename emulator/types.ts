/** Options of {@link startOktaEmulator}. */
export interface OktaEmulatorOptions {
  /** Port to listen on; default 0 (a free port). The CLI defaults to 8080. */
  port?: number;
  /** Interface to bind; default `127.0.0.1`. */
  host?: string;
  /** The SSWS token the Management API accepts; generated when absent. */
  apiToken?: string;
  /** The `/api/v1/apps` bucket in requests per minute (default 100), or `"off"`. */
  rateLimit?: number | "off";
  /** Requests handled at once before 429 (default 75), or `"off"`. */
  concurrencyLimit?: number | "off";
  /**
   * The part of each bucket one API token or OAuth app may use, e.g. `0.5` (Okta's default per-token/per-app share);
   * default: no share, one client may use a whole bucket.
   */
  rateLimitShare?: number;
  /** Lifetime of the token endpoint's access tokens in seconds; default 3600 (Okta's, fixed at one hour). For tests. */
  accessTokenLifetimeSeconds?: number;
  /** DPoP: how long a nonce stays valid (default 86400 s), and whether the Management API demands one too (default no, as Okta). */
  dpop?: { nonceLifetimeSeconds?: number; resourceNonce?: boolean };
  /** Persist the state to this JSON file (written atomically after each change) and load it at start. */
  dataFile?: string;
  /**
   * Whether a service app's access token also needs an admin role that covers the call (its client's roles,
   * `/oauth2/v1/clients/{clientId}/roles`), as on Okta; default true. An API token may do everything either way.
   */
  adminRoles?: boolean;
  /** Serve HTTPS with this PEM key and certificate instead of plain HTTP (as a real org, whose URL is https). */
  tls?: { key: string; cert: string };
  /**
   * The host name clients reach it by, in its URL (links, the token endpoint's audience); default the bound
   * address. With `tls`, the name the certificate is for, e.g. `dev-1.localhost` to stand for `dev-1.okta.com`.
   */
  hostname?: string;
}

/** A running emulator. */
export interface OktaEmulator {
  /** Origin of the server, e.g. `http://127.0.0.1:43121` (no trailing slash). */
  url: string;
  /** The SSWS API token. */
  apiToken: string;
  /** Creates an OIDC app exactly as `POST /api/v1/apps` does; default: a web service app, `client_secret_basic`, `client_credentials`. */
  createApp(body?: Partial<OidcAppRequest>): Promise<OktaApp>;
  /**
   * Gives a client secret a new value in place (same id), as a change made outside the Management API would (e.g.
   * regenerated in the Admin Console): for drift tests. Throws Okta's 404 error for an unknown app or secret.
   */
  regenerateSecret(appId: string, secretId: string): OktaClientSecret;
  /** A deep copy of everything: apps with their secrets (plaintext included), JSON Web Keys and scope grants. */
  state(): EmulatorSnapshot;
  /** Every Management API and OAuth request in order (control API excluded). */
  requests(): RequestLogEntry[];
  clearRequests(): void;
  /**
   * Every client secret value and access token the emulator ever issued or was given, deleted and revoked ones
   * included, kept through `reset()`: what a leak scan searches a run's output for.
   */
  issuedCredentials(): IssuedCredential[];
  faults: { inject(fault: FaultSpec): void; clear(): void; pending(): FaultSpec[] };
  /** Empties state, request log, faults and rate-limit buckets; keeps `url` and `apiToken`. */
  reset(): void;
  close(): Promise<void>;
}

/** A credential value the emulator issued or was given. */
export interface IssuedCredential {
  kind: "client secret" | "access token";
  value: string;
}

/** One answered request, as the request log holds it. `status` 0 means the connection was dropped. */
export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  time: string;
  durationMs: number;
  requestId: string;
  /** The scheme of the request's `Authorization` header (`SSWS`, `Bearer`, `DPoP`, `Basic`), never its value. */
  auth?: string;
  /**
   * For the OAuth endpoints: how the request presented its client's credentials (a Basic header, a secret or an
   * assertion in the form, or only a `client_id`), never the value.
   */
  clientAuth?: "client_secret_basic" | "client_secret_post" | "client_assertion" | "client_id";
  /**
   * For a request other than GET under `/api/v1/apps/{appId}/credentials/`: the app's secrets and keys (ids and
   * statuses only, never a value) as they stood once the request was handled, whatever answer the client then got
   * (an `after` fault's change shows here though the client saw 502 or nothing). Absent when the app does not exist.
   */
  credentials?: CredentialsAfter;
}

/** An app's credentials by id and status, as a request log entry records them after a change. */
export interface CredentialsAfter {
  appId: string;
  secrets: { id: string; status: "ACTIVE" | "INACTIVE" }[];
  jwks: { id: string; status: "ACTIVE" | "INACTIVE" }[];
}

/** A fault injected into the next `count` requests matching `method` and `path`. */
export interface FaultSpec {
  /** HTTP method; default any. */
  method?: string;
  /** A RegExp source tested against the URL pathname; default any (the control API never matches). */
  path?: string;
  /** How many matching requests it hits; default 1. */
  count?: number;
  /**
   * Answer this status with Okta's error body (429: E0000047 with rate-limit headers; 404: E0000007, a path the org
   * does not serve); with `redirect`, `html` or `hugeBytes`, the status of that answer.
   */
  status?: 200 | 301 | 302 | 303 | 307 | 308 | 404 | 429 | 500 | 502 | 503;
  /** For 429: `X-Rate-Limit-Reset` = now + this many seconds (default 1). */
  resetAfterSeconds?: number;
  /** Delay before handling (alone: then handle normally). */
  delayMs?: number;
  /** Destroy the socket without answering. */
  drop?: boolean;
  /** With `status`/`drop`: apply after the real handler ran (the change happened, the answer is lost). */
  after?: boolean;
  /**
   * Answer 400 E0000001 with the request's `Authorization` header in the summary and its body in the causes, as a
   * careless proxy or API might: for testing that a client never repeats such an answer's credentials.
   */
  echo?: boolean;
  /** Answer a redirect (`status` 301, 302 (default), 303, 307 or 308) with this absolute URL as `Location`. */
  redirect?: string;
  /** Answer an HTML error page (`text/html`) as a proxy or load balancer in front of the org does; `status` default 502. */
  html?: boolean;
  /**
   * Handle the request, then send its answer cut to half its length (status and headers kept): a JSON body that ends
   * before it is complete, as a connection closed early by a proxy leaves it. The change happens.
   */
  truncate?: boolean;
  /** Answer this many bytes of JSON (a valid array; `status` default 200), as a misbehaving proxy or API might. */
  hugeBytes?: number;
}

/** `token_endpoint_auth_method` values Okta accepts for OIDC apps. */
export type TokenEndpointAuthMethod =
  | "client_secret_basic"
  | "client_secret_post"
  | "client_secret_jwt"
  | "private_key_jwt"
  | "none";

/** A public JSON Web Key as sent to Okta. */
export interface PublicJwk {
  kid?: string | null;
  kty: string;
  alg?: string;
  use?: string;
  e?: string;
  n?: string;
  crv?: string;
  x?: string;
  y?: string;
  status?: "ACTIVE" | "INACTIVE";
}

/** Okta's body for creating an OIDC app (`POST /api/v1/apps`); only the fields the emulator reads are typed. */
export interface OidcAppRequest {
  name: "oidc_client";
  label: string;
  signOnMode: "OPENID_CONNECT";
  credentials: {
    oauthClient: {
      token_endpoint_auth_method?: TokenEndpointAuthMethod;
      client_id?: string;
      client_secret?: string;
      autoKeyRotation?: boolean;
    };
  };
  settings: {
    oauthClient: {
      application_type?: "web" | "native" | "browser" | "service";
      grant_types: string[];
      redirect_uris?: string[];
      response_types?: string[];
      jwks_uri?: string;
      jwks?: { keys: PublicJwk[] };
      request_object_signing_alg?: string;
      [key: string]: unknown;
    };
  };
}

/** An app's `settings.oauthClient` as Okta renders it (keys other than these are kept as given). */
export interface OAuthSettings {
  application_type: string;
  grant_types: string[];
  request_object_signing_alg?: string;
  [key: string]: unknown;
}

/** A HAL link as Okta renders it. */
export interface OktaLink {
  href: string;
  title?: string;
  hints?: { allow: string[] };
}

/** Okta's JSON for a scope grant of an app (`OAuth2ScopeConsentGrant`). */
export interface OktaScopeGrant {
  id: string;
  status: "ACTIVE";
  created: string;
  lastUpdated: string;
  issuer: string;
  clientId: string;
  scopeId: string;
  source: "ADMIN";
  _embedded: { scope: { id: string } };
  _links: Record<string, OktaLink>;
}

/** Okta's JSON for a standard admin role assigned to a client app (`StandardRole`). */
export interface OktaClientRole {
  id: string;
  label: string;
  type: string;
  status: "ACTIVE";
  created: string;
  lastUpdated: string;
  assignmentType: "CLIENT";
  _links: Record<string, OktaLink>;
}

/** Okta's JSON for an OIDC app. */
export interface OktaApp {
  id: string;
  name: "oidc_client";
  label: string;
  status: "ACTIVE" | "INACTIVE";
  created: string;
  lastUpdated: string;
  signOnMode: "OPENID_CONNECT";
  credentials: {
    oauthClient: {
      autoKeyRotation: boolean;
      client_id: string;
      client_secret?: string;
      pkce_required: boolean;
      token_endpoint_auth_method: TokenEndpointAuthMethod;
    };
  };
  settings: { oauthClient: OAuthSettings & { jwks?: { keys: PublicJwk[] } } };
  _links: Record<string, OktaLink>;
}

/** Okta's JSON for a client secret (`OAuth2ClientSecret`). */
export interface OktaClientSecret {
  id: string;
  status: "ACTIVE" | "INACTIVE";
  client_secret: string;
  secret_hash: string;
  created: string;
  lastUpdated: string;
  _links: Record<string, OktaLink>;
}

/** Okta's JSON for a client JSON Web Key. */
export interface OktaJsonWebKey extends Omit<PublicJwk, "status"> {
  id: string;
  status: "ACTIVE" | "INACTIVE";
  created: string;
  lastUpdated: string;
  _links?: Record<string, OktaLink>;
}

/**
 * What {@link OktaEmulator.state} answers: each app as `GET /api/v1/apps/{id}` renders it, plus its secrets, keys,
 * scope grants and its client's admin roles.
 */
export interface EmulatorSnapshot {
  apps: Array<
    OktaApp & { secrets: OktaClientSecret[]; jwks: OktaJsonWebKey[]; grants: OktaScopeGrant[]; roles: OktaClientRole[] }
  >;
}
