import type { OAuthSettings } from "./clientCredentials";
import { explainedError, type OktaApiError } from "./errors";

const ROLE_HINT =
  "the app also needs an admin role that covers apps (its Admin roles tab, e.g. Application Administrator)";

/**
 * Okta's refusal of a token request, prefixed with what it means for this configuration and the fix. The texts Okta
 * answers are those of its OAuth error list (developer.okta.com/docs/reference/error-codes, OAuth 2.0 section).
 */
export function explainTokenError(error: OktaApiError, auth: OAuthSettings, usedDpop: boolean): OktaApiError {
  const app = `service app ${auth.clientId} (okta:clientId)`;
  const text = [error.summary, ...error.causes].join(" ").toLowerCase();
  const code = error.errorCode;
  let why: string | undefined;
  if (code === "invalid_client") {
    if (text.includes("client_id")) {
      why = `Okta knows no active app with client ID ${auth.clientId}: set okta:clientId to the Client ID of the API Services app, and check the app is ACTIVE`;
    } else if (text.includes("kid")) {
      why = `the app has no ACTIVE public key with kid "${auth.privateKeyId ?? ""}" (okta:privateKeyId): set it to the Key ID shown under the app's Public keys, or leave it unset`;
    } else if (text.includes("signature")) {
      why = `the private key (okta:privateKey) matches none of the app's ACTIVE public keys: register its public key on the app (General tab, Public keys), or set the key that belongs to the app`;
    } else if (
      text.includes("private_key_jwt") ||
      text.includes("jwkset") ||
      text.includes("client authentication failed")
    ) {
      why = `the app does not authenticate with a public/private key pair: set its Client authentication to "Public key / Private key" and add the public key of okta:privateKey`;
    } else if (text.includes("application_type")) {
      why = `the app is not an API Services (service) app; only those may get tokens for Okta scopes: create an API Services app`;
    } else if (text.includes("already been used")) {
      why = `Okta had seen this signed client assertion before (each is single use), which this provider never repeats: report this`;
    } else if (text.includes("expir") || text.includes("issued")) {
      why = `Okta refused the time in the signed client assertion (valid five minutes from now): check this machine's clock`;
    }
  } else if (code === "unauthorized_client") {
    why = `the app may not use the client_credentials grant: use an API Services app (it has that grant)`;
  } else if (code === "invalid_scope") {
    why = `okta:scopes (${auth.scopes.join(", ")}) must list Okta scopes only, like okta.apps.read and okta.apps.manage: the org authorization server serves no others`;
  } else if (code === "consent_required" || code === "access_denied") {
    why = `${scopeList(auth.scopes)} not granted to the app: grant ${auth.scopes.join(" and ")} on its Okta API Scopes tab (or POST /api/v1/apps/${auth.clientId}/grants); ${ROLE_HINT}`;
  } else if (code === "invalid_dpop_proof" || code === "use_dpop_nonce") {
    why = usedDpop
      ? `Okta refused this provider's DPoP proof (the app requires DPoP): check this machine's clock, and report the error if it persists`
      : "the app requires DPoP proofs, and this request carried none";
  }
  const head = `getting an OAuth access token for ${app}`;
  return error.withContext(why ? `${head}: ${why}` : head);
}

/** An error naming the requested scopes the token lacks (Okta leaves out scopes the app was not granted), or undefined. */
export function missingScopes(auth: OAuthSettings, granted: string): Error | undefined {
  const got = new Set(granted.split(/\s+/).filter(Boolean));
  const missing = auth.scopes.filter((s) => !got.has(s));
  if (missing.length === 0) return undefined;
  return explainedError(
    `getting an OAuth access token for service app ${auth.clientId} (okta:clientId): ${scopeList(missing)} not ` +
      `granted to the app (${got.size > 0 ? `its token holds only ${[...got].join(", ")}` : "its token holds no scope"}): grant ${missing.join(" and ")} ` +
      `on its Okta API Scopes tab (or POST /api/v1/apps/${auth.clientId}/grants), or leave ${missing.length === 1 ? "it" : "them"} ` +
      `out of okta:scopes; ${ROLE_HINT}`,
  );
}

function scopeList(scopes: readonly string[]): string {
  return scopes.length === 1 ? `the scope ${scopes[0]} is` : `the scopes ${scopes.join(", ")} are`;
}
