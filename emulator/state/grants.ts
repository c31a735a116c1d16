import { notFound, validationFailed } from "../errors";
import { oktaId, oktaTimestamp } from "../ids";
import type { GrantRecord } from "./records";
import type { Store } from "./store";

// Okta's scopes are `okta.<resource>.<action>` (developer.okta.com/docs/api/oauth2/); the emulator accepts any of
// that shape rather than keeping Okta's whole list, and enforces the apps and app-grants ones.
const OKTA_SCOPE = /^okta\.[A-Za-z]+(\.[A-Za-z]+)*\.(read|manage)$/;

/**
 * `POST /api/v1/apps/{appId}/grants`: grants the app an Okta scope at the org authorization server, whose issuer is
 * the org's URL (`origin`). Causes of refusals are the emulator's own (Okta's spec gives no example).
 */
export function grantScope(store: Store, appId: string, body: Record<string, unknown>, origin: string): GrantRecord {
  const app = store.app(appId);
  const { issuer, scopeId } = body;
  if (typeof issuer !== "string" || issuer.trim() === "") {
    throw validationFailed("issuer", "issuer: The field cannot be left blank");
  }
  if (issuer.replace(/\/+$/, "") !== origin) {
    throw validationFailed("issuer", `issuer: must be the org authorization server's issuer, ${origin}`);
  }
  if (typeof scopeId !== "string" || scopeId.trim() === "") {
    throw validationFailed("scopeId", "scopeId: The field cannot be left blank");
  }
  if (!OKTA_SCOPE.test(scopeId)) {
    throw validationFailed("scopeId", `scopeId: '${scopeId}' is not an Okta scope (okta.<resource>.read|manage)`);
  }
  if (app.grants.some((g) => g.scopeId === scopeId)) {
    throw validationFailed("scopeId", `scopeId: '${scopeId}' is already granted to this app`);
  }
  const now = oktaTimestamp();
  const grant: GrantRecord = { id: oktaId("oag"), scopeId, created: now, lastUpdated: now };
  app.grants.push(grant);
  store.changed();
  return grant;
}

/** One grant of an app, or Okta's 404. */
export function findGrant(store: Store, appId: string, grantId: string): GrantRecord {
  const grant = store.app(appId).grants.find((g) => g.id === grantId);
  if (!grant) throw notFound(grantId, "OAuth2ScopeConsentGrant");
  return grant;
}

/** `DELETE /api/v1/apps/{appId}/grants/{grantId}`: revokes the grant; tokens already issued keep their scopes. */
export function revokeGrant(store: Store, appId: string, grantId: string): void {
  const app = store.app(appId);
  findGrant(store, appId, grantId);
  app.grants = app.grants.filter((g) => g.id !== grantId);
  store.changed();
}

/** The requested scopes the app holds a grant for, in the order requested. */
export function grantedScopes(grants: readonly GrantRecord[], requested: readonly string[]): string[] {
  const held = new Set(grants.map((g) => g.scopeId));
  return requested.filter((s) => held.has(s));
}
