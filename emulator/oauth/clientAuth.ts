import { timingSafeEqual } from "node:crypto";
import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from "jose";
import { OAuthError } from "../errors";
import type { AppRecord } from "../state/records";
import type { Store } from "../state/store";
import type { RequestLogEntry } from "../types";

const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const MAX_ASSERTION_LIFETIME_SECONDS = 3600;
const CLOCK_SKEW_SECONDS = 10;

// error_description texts: Okta's OAuth spec examples where they have one, else Okta's OAuth error list
// (developer.okta.com/docs/reference/error-codes, OAuth 2.0 section; okta-developer-docs data/oauth2-error-codes.json).
const NO_CREDENTIALS = "No client credentials found";
const INVALID_CLIENT_ID = "Invalid value for the `client_id` parameter";
const INVALID_SECRET = "The client secret supplied for a confidential client is invalid.";
const MULTIPLE_CREDENTIALS =
  "Can't supply multiple client credentials. Use one of the following: credentials in the Authorization header, credentials in the post body, or a `client_assertion` in the post body.";
const INVALID_ASSERTION_TYPE = "The `client_assertion_type` is invalid.";
const WRONG_METHOD = "Client authentication failed. Either the client or the client credentials are invalid.";
const ASSERTION = {
  unparsable: "The parsing of the client_assertion failed.",
  issuer: "The issuer claim for client_assertion is not a valid client_id.",
  subject: "The subject claim for client_assertion is not a valid client_id.",
  audience: "The audience claim for client_assertion must be the endpoint invoked for the request.",
  noExp: "The client_assertion must contain the 'exp' claim as seconds since epoch.",
  expired: "The client_assertion token is expired.",
  tooFar: "The client_assertion token has an expiration too far into the future.",
  future: "The client_assertion token must be issued before the current time.",
  used: "The client_assertion token has already been used.",
  signature: "The client_assertion signature is invalid.",
  // Live orgs' text when the assertion's `kid` names no ACTIVE key, or is missing while several are ACTIVE: Okta's
  // support article on multiple key pairs, okta-sdk-python issue 289.
  kid: "The client_assertion JWT kid is invalid.",
  noJwks: "The client does not have a JWKSet configured, but the client_assertion requires one.",
} as const;

type Form = Record<string, string | undefined>;

const invalidClient = (description: string) => new OAuthError(401, "invalid_client", description);

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  if (!header?.startsWith("Basic ")) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) throw invalidClient(NO_CREDENTIALS);
  // RFC 6749 2.3.1: both parts are form-urlencoded before base64.
  const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, " "));
  return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function knownApp(store: Store, clientId: string | undefined): AppRecord {
  const app = clientId ? store.appByClientId(clientId) : undefined;
  if (app?.status !== "ACTIVE") throw invalidClient(INVALID_CLIENT_ID);
  return app;
}

function checkSecret(app: AppRecord, secret: string): AppRecord {
  if (app.authMethod === "private_key_jwt" || app.authMethod === "none") throw invalidClient(WRONG_METHOD);
  if (!app.secrets.some((s) => s.status === "ACTIVE" && sameSecret(s.secret, secret))) {
    throw invalidClient(INVALID_SECRET);
  }
  return app;
}

async function checkAssertion(store: Store, form: Form, endpointUrl: string): Promise<AppRecord> {
  if (form.client_assertion_type !== JWT_BEARER) throw new OAuthError(400, "invalid_request", INVALID_ASSERTION_TYPE);
  const assertion = form.client_assertion as string;
  let claims: JWTPayload;
  let kid: string | undefined;
  try {
    claims = decodeJwt(assertion);
    kid = decodeProtectedHeader(assertion).kid;
  } catch {
    throw invalidClient(ASSERTION.unparsable);
  }
  const app = knownApp(store, form.client_id ?? claims.iss);
  const payload = await verifiedPayload(app, assertion, kid);
  if (payload.iss !== app.clientId) throw invalidClient(ASSERTION.issuer);
  if (payload.sub !== app.clientId) throw invalidClient(ASSERTION.subject);
  const audience = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audience.includes(endpointUrl)) throw invalidClient(ASSERTION.audience);
  const now = Math.floor(Date.now() / 1000);
  if (typeof payload.exp !== "number") throw invalidClient(ASSERTION.noExp);
  if (payload.exp <= now - CLOCK_SKEW_SECONDS) throw invalidClient(ASSERTION.expired);
  // Okta's service-app guide: `exp` "must be a maximum of only one hour in the future".
  if (payload.exp > now + MAX_ASSERTION_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) throw invalidClient(ASSERTION.tooFar);
  if (typeof payload.iat === "number" && payload.iat > now + CLOCK_SKEW_SECONDS) throw invalidClient(ASSERTION.future);
  // `jti` is optional for Okta, and single use when present.
  if (typeof payload.jti === "string" && !store.rememberAssertion(`${app.id}:${payload.jti}`, payload.exp * 1000)) {
    throw invalidClient(ASSERTION.used);
  }
  return app;
}

/** The assertion's claims once its signature checks out against the app's ACTIVE keys (or secrets, for HMAC). */
async function verifiedPayload(app: AppRecord, assertion: string, kid: string | undefined): Promise<JWTPayload> {
  if (app.authMethod === "client_secret_jwt") {
    for (const secret of app.secrets.filter((s) => s.status === "ACTIVE")) {
      const payload = await signedBy(assertion, Buffer.from(secret.secret));
      if (payload) return payload;
    }
    throw invalidClient(ASSERTION.signature);
  }
  if (app.authMethod !== "private_key_jwt") throw invalidClient(WRONG_METHOD);
  const keys = app.jwks.filter((k) => k.status === "ACTIVE" && k.key.use !== "enc").map((k) => ({ ...k.key }));
  if (keys.length === 0) throw invalidClient(ASSERTION.noJwks);
  if (kid === undefined ? keys.length > 1 : !keys.some((k) => k.kid === kid)) throw invalidClient(ASSERTION.kid);
  const payload = await signedBy(assertion, createLocalJWKSet({ keys } as JSONWebKeySet));
  if (!payload) throw invalidClient(ASSERTION.signature);
  return payload;
}

/** The claims when the signature verifies with `key`, else undefined; claims are checked afterwards with Okta's texts. */
async function signedBy(assertion: string, key: Uint8Array | JWTVerifyGetKey): Promise<JWTPayload | undefined> {
  try {
    return (await (typeof key === "function" ? jwtVerify(assertion, key) : jwtVerify(assertion, key))).payload;
  } catch (error) {
    if (error instanceof errors.JWTClaimValidationFailed || error instanceof errors.JWTExpired) {
      return decodeJwt(assertion);
    }
    return undefined;
  }
}

/** How a request presented its client's credentials, as the request log records it (never the value). */
export type PresentedClientAuth = NonNullable<RequestLogEntry["clientAuth"]>;

/** The way of authenticating a request tried, read from its header and form; undefined when it tried none. */
export function presentedClientAuth(authorization: string | undefined, form: Form): PresentedClientAuth | undefined {
  if (authorization?.startsWith("Basic ")) return "client_secret_basic";
  if (form.client_assertion !== undefined) return "client_assertion";
  if (form.client_secret !== undefined) return "client_secret_post";
  return form.client_id === undefined ? undefined : "client_id";
}

/**
 * Authenticates the client of a request to an endpoint that requires client authentication (`endpointUrl`, which a
 * client assertion's `aud` must name): `client_secret_basic`, `client_secret_post`, or a signed `client_assertion`
 * (`private_key_jwt` against the app's ACTIVE keys, `client_secret_jwt` against its ACTIVE secrets). With
 * `publicClients` (introspection, revocation), a public client (`token_endpoint_auth_method: none`) authenticates by
 * its `client_id` alone; a confidential client sending only its id is refused as Okta refuses it (Okta devforum,
 * "Introspection endpoint does not work with service integration token": `Client authentication failed. Either the
 * client or the client credentials are invalid.`).
 */
export async function authenticateClient(
  store: Store,
  authorization: string | undefined,
  form: Form,
  endpointUrl: string,
  options: { publicClients?: boolean } = {},
): Promise<AppRecord> {
  const basic = basicCredentials(authorization);
  const methods = [basic, form.client_secret, form.client_assertion].filter((m) => m !== undefined);
  if (methods.length > 1) throw new OAuthError(400, "invalid_request", MULTIPLE_CREDENTIALS);
  if (basic) return checkSecret(knownApp(store, basic.id), basic.secret);
  if (form.client_secret !== undefined) return checkSecret(knownApp(store, form.client_id), form.client_secret);
  if (form.client_assertion !== undefined) return checkAssertion(store, form, endpointUrl);
  if (options.publicClients && form.client_id !== undefined) {
    const app = knownApp(store, form.client_id);
    if (app.authMethod !== "none") throw invalidClient(WRONG_METHOD);
    return app;
  }
  throw invalidClient(NO_CREDENTIALS);
}
