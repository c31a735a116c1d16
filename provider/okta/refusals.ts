import type { OktaApiError } from "./errors";

// What Okta's refusal of an authenticated Management API request means for the credential that made it, and the fix:
// 401 E0000011 (Okta does not know the token) and 403 E0000006 (it may not do this). Okta's texts say neither which
// stack setting holds the credential nor what to change; these do. Scopes say what an OAuth token may do, the admin
// role of its app (or the API token's admin) on what (Okta's service-app guide).

const ROLE =
  "an admin role that covers apps (Super Administrator, or Application Administrator for the app; a Read-only Administrator only reads)";

/** `Authorization: SSWS`: the API token of `okta:apiToken` (or `OKTA_API_TOKEN`). */
export function explainApiTokenRefusal(error: OktaApiError): OktaApiError {
  if (error.status === 401) {
    return error.withContext(
      "Okta does not accept the API token (okta:apiToken, or OKTA_API_TOKEN when stack config has none): it was " +
        "revoked, expired (Okta ends a token unused for 30 days) or made in another org; make a new one in the Admin " +
        "Console (Security > API > Tokens) and set it with `pulumi config set --secret okta:apiToken`",
    );
  }
  if (error.status === 403) {
    return error.withContext(
      `the API token (okta:apiToken) may not do this: a token has the rights of the admin who made it, who needs ${ROLE}; ` +
        "make the token as such an admin",
    );
  }
  return error;
}

/** `Authorization: Bearer` with a token of `okta:accessToken` (or `OKTA_ACCESS_TOKEN`). */
export function explainAccessTokenRefusal(error: OktaApiError): OktaApiError {
  if (error.status === 401) {
    return error.withContext(
      "Okta does not accept the access token (okta:accessToken, or OKTA_ACCESS_TOKEN when stack config has none): " +
        "it expired (Okta's live an hour) or was revoked; set a fresh one, or set okta:clientId and okta:privateKey so " +
        "the provider gets its own",
    );
  }
  if (error.status === 403) {
    return error.withContext(
      "the access token (okta:accessToken) may not do this: reads need the scope okta.apps.read, changes " +
        `okta.apps.manage, and its app needs ${ROLE}`,
    );
  }
  return error;
}

/** A service app's access token (`okta:clientId` + `okta:privateKey`); `scopes`: what its token holds, when known. */
export function explainServiceAppRefusal(
  error: OktaApiError,
  clientId: string,
  scopes: readonly string[] | undefined,
): OktaApiError {
  if (error.status !== 403) return error;
  const held = scopes === undefined ? "" : ` (its token holds ${scopes.length > 0 ? scopes.join(", ") : "no scope"})`;
  const manage = scopes !== undefined && !scopes.includes("okta.apps.manage");
  return error.withContext(
    `service app ${clientId} (okta:clientId) may not do this${held}: ` +
      (manage
        ? "changes need the scope okta.apps.manage: add it to okta:scopes and grant it to the app (its Okta API Scopes tab); "
        : "") +
      `the app also needs ${ROLE} (its Admin roles tab)`,
  );
}
