import { errorId } from "./ids";

/** The JSON body of an Okta Management API error. */
export interface OktaErrorBody {
  errorCode: string;
  errorSummary: string;
  errorLink: string;
  errorId: string;
  errorCauses: Array<{ errorSummary: string }>;
}

/** A failed Management API call: thrown by the state store and handlers, rendered once by the HTTP layer. */
export class OktaApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    readonly errorSummary: string,
    readonly causes: readonly string[] = [],
  ) {
    super(`${status} ${errorCode} ${errorSummary}`);
    this.name = "OktaApiError";
  }

  body(): OktaErrorBody {
    return {
      errorCode: this.errorCode,
      errorSummary: this.errorSummary,
      errorLink: this.errorCode,
      errorId: errorId(),
      errorCauses: this.causes.map((errorSummary) => ({ errorSummary })),
    };
  }
}

// Cause texts copied byte for byte from components/examples of Okta's management spec.
export const CAUSES = {
  secretTooLong: "client_secret: 'client_secret' can't be more than '100' characters long.",
  secretTooShort: "client_secret: 'client_secret' must be at least '14' characters long.",
  secretTooShortJwt:
    "client_secret: 'client_secret' must be at least '32' characters long when 'token_endpoint_auth_method' is 'client_secret_jwt'.",
  secretWithPrivateKeyJwt: "'client_secret' can't be used when 'token_endpoint_auth_method' is 'private_key_jwt'.",
  secretNonAscii: "client_secret: ''client_secret'' must only contain printable ASCII: [x20-x7E]+",
  maxSecrets: "You've reached the maximum number of client secrets per client.",
  deleteActiveSecret: "You can't delete an active client secret. Deactivate the secret before deleting it.",
  deactivateOnlySecret: "You can't deactivate the only active client secret.",
  jwkNonUniqueKid:
    "Each key should have a unique kid when adding multiple keys. Use the Apps API to update the JWKS to add a kid for the existing key, or delete the existing key and re-add the key with a kid using the JWKS APIs.",
  jwkDuplicateKid: "All keys in the 'jwks' must have a unique `kid`.",
  jwkRsaTooShort: "RSA key length in the 'jwks' is less than '2,048' bits for the given key.",
  jwkTooMany:
    "You can't create a new key. You have reached the maximum number of keys allowed (50). To add another key, you must first delete an existing one.",
  jwkOneActiveEncryption: "The client can have only one active encryption key in the 'jwks'.",
  deleteActiveJwk: "You can't delete an active JSON Web Key. Deactivate the key before deleting it.",
  deactivateOnlyJwkPrivateKeyJwt:
    "Can't deactivate the only active JSON Web Key when the value for `token_endpoint_auth_method` is `private_key_jwt`.",
  deactivateOnlyJwkRequestObject:
    "The `jwks` must contain at least one key with an algorithm matching the `request_object_signature_algorithm`.",
  deactivateEncryptionJwk: "You can't deactivate the active encryption key.",
} as const;

/** E0000001 400 `Api validation failed: {what}` with the given causes. */
export function validationFailed(what: string, ...causes: string[]): OktaApiError {
  return new OktaApiError(400, "E0000001", `Api validation failed: ${what}`, causes);
}

/** E0000003 400: the body is not JSON (or not an object). */
export function malformedBody(): OktaApiError {
  return new OktaApiError(400, "E0000003", "The request body was not well-formed.");
}

/** E0000006 403: the caller's token lacks the scope. */
export function accessDenied(): OktaApiError {
  return new OktaApiError(403, "E0000006", "You do not have permission to perform the requested action");
}

/** E0000007 404 `Not found: Resource not found: {id} ({type})`. */
export function notFound(
  id: string,
  type:
    | "AppInstance"
    | "OAuth2ClientSecretMediated"
    | "JsonWebKey"
    | "OAuth2ScopeConsentGrant"
    | "Client"
    | "RoleAssignment",
): OktaApiError {
  return new OktaApiError(404, "E0000007", `Not found: Resource not found: ${id} (${type})`);
}

/** E0000007 404 for a path the emulator does not serve. */
export function unknownPath(path: string): OktaApiError {
  return new OktaApiError(404, "E0000007", `Not found: Resource not found: ${path} (Path)`);
}

/** E0000011 401: missing, malformed or unknown API token. */
export function invalidToken(): OktaApiError {
  return new OktaApiError(401, "E0000011", "Invalid token provided");
}

/** E0000047 429: the rate-limit bucket or the concurrency limit is exhausted. */
export function rateLimited(): OktaApiError {
  return new OktaApiError(429, "E0000047", "API call exceeded rate limit due to too many requests.");
}

/** The body Okta's gateway answers for an injected 5xx. */
export function serverError(status: 500 | 502 | 503): OktaApiError {
  if (status === 503) return new OktaApiError(503, "E0000010", "Service is temporarily unavailable.");
  return new OktaApiError(status, "E0000009", "Internal Server Error");
}

/** An OAuth 2.0 endpoint error (`/oauth2/v1/token`): a different body shape from the Management API's. */
export class OAuthError extends Error {
  constructor(
    readonly status: 400 | 401,
    readonly error: string,
    readonly description: string,
    /** Extra response headers, e.g. the `DPoP-Nonce` of a `use_dpop_nonce` answer. */
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${error}: ${description}`);
    this.name = "OAuthError";
  }

  body(): { error: string; error_description: string } {
    return { error: this.error, error_description: this.description };
  }
}

/**
 * A resource server's refusal of an OAuth access token or its DPoP proof: the error goes in `WWW-Authenticate`, and the
 * body is empty (as Okta answers a refused DPoP proof on the Management API: okta-sdk-dotnet issue 852, "400 and an
 * empty body"; okta-sdk-nodejs issue 453 shows the header).
 */
export class ResourceChallenge extends Error {
  constructor(
    readonly status: 400 | 401,
    readonly error: string,
    readonly description: string,
    /** A fresh `DPoP-Nonce` to send along (a `use_dpop_nonce` challenge). */
    readonly nonce?: string,
  ) {
    super(`${status} ${error}: ${description}`);
    this.name = "ResourceChallenge";
  }

  /** `WWW-Authenticate` (and `DPoP-Nonce`) as Okta sends them; `realm` is the org's origin. */
  headers(realm: string): Record<string, string> {
    const challenge = `DPoP algs="RS256 RS384 RS512 ES256 ES384 ES512", realm="${realm}", error="${this.error}", error_description="${this.description}"`;
    return this.nonce ? { "WWW-Authenticate": challenge, "DPoP-Nonce": this.nonce } : { "WWW-Authenticate": challenge };
  }
}

/** E0000022 405: a known path, another method (Okta's error-code list). */
export function methodNotAllowed(): OktaApiError {
  return new OktaApiError(405, "E0000022", "The endpoint does not support the provided HTTP method");
}

/** E0000056: Okta deletes only deactivated apps (status inferred from live orgs: 403). */
export function deleteActiveApp(): OktaApiError {
  return new OktaApiError(403, "E0000056", "Delete application forbidden.");
}

// Causes for JSON Web Key rules Okta enforces without a spec example: the emulator's own texts, in Okta's envelope
// (400 E0000001 `Api validation failed: JsonWebKey`) and in the `field: reason` form of its documented causes.
export const JWK_SHAPE_CAUSES = {
  notString: (field: string) => `${field}: '${field}' must be a string.`,
  privateKey: "The JSON Web Key must be a public key.",
  use: "use: 'use' must be one of [sig, enc].",
  kty: "kty: 'kty' must be one of [RSA, EC].",
  rsaMembers: "An RSA key requires 'n' and 'e'.",
  ecMembers: "An EC key requires 'crv' (P-256, P-384 or P-521), 'x' and 'y'.",
  notBase64url: (field: string) => `${field}: '${field}' must be base64url-encoded, without padding.`,
  exponent: "e: 'e' must be an odd RSA public exponent of at most 64 bits.",
  coordinateSize: (field: string, curve: string, bytes: number) =>
    `${field}: '${field}' must be the ${bytes}-byte ${field} coordinate of a ${curve} point.`,
  notOnCurve: (curve: string) => `The 'x' and 'y' coordinates are not a point on ${curve}.`,
  ecEncryption: "Okta supports only RSA keys for encryption.",
  algForRsaSigning: "alg: 'alg' must be one of [RS256, RS384, RS512] for an RSA signing key.",
  algForRsaEncryption:
    "alg: 'alg' must be one of [RSA-OAEP, RSA-OAEP-256, RSA-OAEP-384, RSA-OAEP-512] for an RSA encryption key.",
  algForCurve: (alg: string, curve: string) => `alg: 'alg' must be '${alg}' for ${curve}.`,
  status: "status: 'status' must be one of [ACTIVE, INACTIVE].",
  sameMaterial: (kid: string | null | undefined) =>
    `The key material is already in the 'jwks'${kid ? ` under kid '${kid}'` : ""}. Each key may be added once; to rotate, add a new key.`,
} as const;

/** E0000001 400 `Api validation failed: JsonWebKey` with one cause: a JWK Okta would not accept. */
export function invalidJsonWebKey(cause: string): OktaApiError {
  return validationFailed("JsonWebKey", cause);
}
