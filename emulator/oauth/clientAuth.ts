import { timingSafeEqual } from "node:crypto";
import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  type JSONWebKeySet,
  type JWTPayload,
  jwtVerify,
} from "jose";
import { OAuthError } from "../errors";
import type { AppRecord } from "../state/records";
import type { Store } from "../state/store";

const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

// error_description texts from Okta's OAuth spec examples.
const NO_CREDENTIALS = "No client credentials found";
const INVALID_CLIENT_ID = "Invalid value for the `client_id` parameter";
const INVALID_SECRET = "The client secret supplied for a confidential client is invalid.";
const MULTIPLE_CREDENTIALS =
  "Can't supply multiple client credentials. Use one of the following: credentials in the Authorization header, credentials in the post body, or a `client_assertion` in the post body.";
const INVALID_ASSERTION_TYPE = "The `client_assertion_type` is invalid.";
// Live orgs' text when the assertion's `kid` names no ACTIVE key (or is missing while several are ACTIVE): Okta's
// support article on multiple key pairs, okta-sdk-python issue 289.
const INVALID_KID = "The client_assertion JWT kid is invalid.";

type Form = Record<string, string | undefined>;

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  if (!header?.startsWith("Basic ")) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) throw new OAuthError(401, "invalid_client", NO_CREDENTIALS);
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
  if (app?.status !== "ACTIVE") throw new OAuthError(401, "invalid_client", INVALID_CLIENT_ID);
  return app;
}

function checkSecret(app: AppRecord, secret: string): AppRecord {
  if (!app.secrets.some((s) => s.status === "ACTIVE" && sameSecret(s.secret, secret))) {
    throw new OAuthError(401, "invalid_client", INVALID_SECRET);
  }
  return app;
}

async function checkAssertion(store: Store, form: Form, tokenUrl: string): Promise<AppRecord> {
  if (form.client_assertion_type !== JWT_BEARER) throw new OAuthError(400, "invalid_request", INVALID_ASSERTION_TYPE);
  const assertion = form.client_assertion as string;
  let claims: JWTPayload;
  try {
    claims = decodeJwt(assertion);
  } catch {
    throw new OAuthError(401, "invalid_client", "The client_assertion is not a valid JWT.");
  }
  const app = knownApp(store, form.client_id ?? claims.sub);
  const invalid = (why: string) => new OAuthError(401, "invalid_client", `The client_assertion is invalid: ${why}`);
  let payload: JWTPayload;
  try {
    if (app.authMethod === "client_secret_jwt") {
      payload = await verifyWithSecrets(app, assertion, tokenUrl);
    } else if (app.authMethod === "private_key_jwt") {
      const keys = app.jwks.filter((k) => k.status === "ACTIVE" && k.key.use !== "enc").map((k) => ({ ...k.key }));
      const { kid } = decodeProtectedHeader(assertion);
      if (kid === undefined ? keys.length > 1 : !keys.some((k) => k.kid === kid)) {
        throw new OAuthError(401, "invalid_client", INVALID_KID);
      }
      const jwks = createLocalJWKSet({ keys } as JSONWebKeySet);
      ({ payload } = await jwtVerify(assertion, jwks, verifyOptions(app, tokenUrl)));
    } else {
      throw invalid(`the app authenticates with ${app.authMethod}`);
    }
  } catch (error) {
    if (error instanceof OAuthError) throw error;
    throw invalid((error as Error).message);
  }
  if (!payload.exp || !payload.jti) throw invalid("'exp' and 'jti' are required");
  if (!store.rememberAssertion(`${app.id}:${payload.jti}`, payload.exp * 1000))
    throw invalid("the 'jti' was already used");
  return app;
}

function verifyOptions(app: AppRecord, tokenUrl: string) {
  return { issuer: app.clientId, subject: app.clientId, audience: tokenUrl, requiredClaims: ["exp", "jti"] };
}

async function verifyWithSecrets(app: AppRecord, assertion: string, tokenUrl: string): Promise<JWTPayload> {
  let lastError: unknown = new Error("no active secret");
  for (const secret of app.secrets.filter((s) => s.status === "ACTIVE")) {
    try {
      return (await jwtVerify(assertion, Buffer.from(secret.secret), verifyOptions(app, tokenUrl))).payload;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/**
 * Authenticates the client of a token request by `client_secret_basic`, `client_secret_post`, or a signed
 * `client_assertion` (`private_key_jwt` against the app's ACTIVE keys, `client_secret_jwt` against its ACTIVE secrets).
 */
export async function authenticateClient(
  store: Store,
  authorization: string | undefined,
  form: Form,
  tokenUrl: string,
): Promise<AppRecord> {
  const basic = basicCredentials(authorization);
  const methods = [basic, form.client_secret, form.client_assertion].filter((m) => m !== undefined);
  if (methods.length > 1) throw new OAuthError(400, "invalid_request", MULTIPLE_CREDENTIALS);
  if (basic) return checkSecret(knownApp(store, basic.id), basic.secret);
  if (form.client_secret !== undefined) return checkSecret(knownApp(store, form.client_id), form.client_secret);
  if (form.client_assertion !== undefined) return checkAssertion(store, form, tokenUrl);
  throw new OAuthError(401, "invalid_client", NO_CREDENTIALS);
}
