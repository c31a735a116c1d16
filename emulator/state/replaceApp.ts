import { validationFailed } from "../errors";
import { oktaTimestamp } from "../ids";
import { parseAppBody } from "./apps";
import type { AppRecord } from "./records";
import type { Store } from "./store";

/**
 * `PUT /api/v1/apps/{appId}` (Okta's replaceApplication) for an OIDC app: the body replaces the label and
 * `settings.oauthClient` (grant types, application type, `dpop_bound_access_tokens`, …), and `autoKeyRotation` /
 * `pkce_required`. The client's identity and way of authenticating stay: the emulator refuses a changed `client_id` or
 * `token_endpoint_auth_method`, and neither applies `settings.oauthClient.jwks` (keys change through
 * `/credentials/jwks`) nor a `client_secret` (secrets change through `/credentials/secrets`).
 */
export function replaceApp(store: Store, appId: string, body: unknown): AppRecord {
  const app = store.app(appId);
  const { label, credentials, settings, authMethod, applicationType } = parseAppBody(body);
  if (credentials.client_id !== undefined && credentials.client_id !== app.clientId) {
    throw validationFailed("client_id", "client_id: The client_id of an app cannot be changed.");
  }
  if (credentials.token_endpoint_auth_method !== undefined && authMethod !== app.authMethod) {
    throw validationFailed(
      "token_endpoint_auth_method",
      `token_endpoint_auth_method: the emulator does not change it (the app uses '${app.authMethod}'); create an app with '${authMethod}' instead.`,
    );
  }
  const { jwks: _keysManagedElsewhere, ...oauthSettings } = settings;
  app.label = label;
  app.oauthSettings = {
    ...structuredClone(oauthSettings),
    application_type: applicationType,
    grant_types: settings.grant_types,
  };
  if (typeof credentials.autoKeyRotation === "boolean") app.autoKeyRotation = credentials.autoKeyRotation;
  if (typeof credentials.pkce_required === "boolean") app.pkceRequired = credentials.pkce_required;
  app.lastUpdated = oktaTimestamp();
  store.changed();
  return app;
}
