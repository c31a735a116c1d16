import { deleteActiveApp, malformedBody, validationFailed } from "../errors";
import { oktaId, oktaTimestamp } from "../ids";
import type { OidcAppRequest, TokenEndpointAuthMethod } from "../types";
import { checkPublicJwk } from "./jwkMaterial";
import { admitJwk } from "./jwks";
import type { AppRecord } from "./records";
import { checkClientSecretValue, newSecret, usesSecrets } from "./secrets";
import type { Store } from "./store";

const AUTH_METHODS = new Set<string>([
  "client_secret_basic",
  "client_secret_post",
  "client_secret_jwt",
  "private_key_jwt",
  "none",
]);
const APPLICATION_TYPES = new Set(["web", "native", "browser", "service"]);

/** The body `createApp()` sends when given nothing: a web app with a secret and the client-credentials grant. */
export function defaultAppBody(overrides: Partial<OidcAppRequest> = {}): OidcAppRequest {
  return {
    name: "oidc_client",
    signOnMode: "OPENID_CONNECT",
    ...overrides,
    label: overrides.label ?? "Emulated OIDC app",
    credentials: {
      oauthClient: { token_endpoint_auth_method: "client_secret_basic", ...overrides.credentials?.oauthClient },
    },
    settings: {
      oauthClient: {
        application_type: "web",
        grant_types: ["client_credentials"],
        ...overrides.settings?.oauthClient,
      },
    },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The parts of an OIDC app body (`POST` or `PUT /api/v1/apps…`) the emulator reads, validated as Okta does. */
interface AppBody {
  label: string;
  credentials: Record<string, unknown>;
  /** `settings.oauthClient`. */
  settings: Record<string, unknown> & { grant_types: string[] };
  authMethod: TokenEndpointAuthMethod;
  applicationType: string;
}

/** Validates an OIDC app body; each refusal is a 400 E0000001 naming the field. */
export function parseAppBody(body: unknown): AppBody {
  if (!isObject(body)) throw malformedBody();
  if (body.name !== "oidc_client" || body.signOnMode !== "OPENID_CONNECT") {
    throw validationFailed(
      "app",
      "The emulator serves OIDC apps only: name 'oidc_client', signOnMode 'OPENID_CONNECT'.",
    );
  }
  if (typeof body.label !== "string" || body.label.trim() === "") {
    throw validationFailed("label", "label: The field cannot be left blank");
  }
  const credentials =
    isObject(body.credentials) && isObject(body.credentials.oauthClient) ? body.credentials.oauthClient : {};
  const settings =
    isObject(body.settings) && isObject(body.settings.oauthClient) ? body.settings.oauthClient : undefined;
  if (!settings || !Array.isArray(settings.grant_types) || settings.grant_types.length === 0) {
    throw validationFailed("settings.oauthClient.grant_types", "grant_types: The field cannot be left blank");
  }
  const authMethod = credentials.token_endpoint_auth_method ?? "client_secret_basic";
  if (typeof authMethod !== "string" || !AUTH_METHODS.has(authMethod)) {
    throw validationFailed(
      "token_endpoint_auth_method",
      `token_endpoint_auth_method: '${String(authMethod)}' is not supported.`,
    );
  }
  const applicationType = settings.application_type ?? "web";
  if (typeof applicationType !== "string" || !APPLICATION_TYPES.has(applicationType)) {
    throw validationFailed("application_type", "application_type: must be one of [web, native, browser, service].");
  }
  const dpop = settings.dpop_bound_access_tokens;
  if (dpop !== undefined && typeof dpop !== "boolean") {
    throw validationFailed("dpop_bound_access_tokens", "dpop_bound_access_tokens: must be true or false.");
  }
  return {
    label: body.label,
    credentials,
    settings: settings as AppBody["settings"],
    authMethod: authMethod as TokenEndpointAuthMethod,
    applicationType,
  };
}

/** `POST /api/v1/apps` for an OIDC app: validates Okta's body and stores the app with its first credential. */
export function createApp(store: Store, body: unknown, activate = true): AppRecord {
  const { label, credentials, settings, authMethod, applicationType } = parseAppBody(body);
  const id = oktaId("0oa");
  const clientId = typeof credentials.client_id === "string" ? credentials.client_id : id;
  if (clientId !== id && store.appByClientId(clientId)) {
    throw validationFailed(
      "client_id",
      "client_id: An object with this field already exists in the current organization",
    );
  }
  const now = oktaTimestamp();
  const { jwks, ...oauthSettings } = settings;
  const app: AppRecord = {
    id,
    label,
    status: activate ? "ACTIVE" : "INACTIVE",
    created: now,
    lastUpdated: now,
    clientId,
    authMethod,
    autoKeyRotation: credentials.autoKeyRotation !== false,
    pkceRequired: credentials.pkce_required === true,
    oauthSettings: {
      ...structuredClone(oauthSettings),
      application_type: applicationType,
      grant_types: settings.grant_types,
    },
    secrets: [],
    jwks: [],
    grants: [],
  };
  addInitialKeys(app, jwks);
  const givenSecret = credentials.client_secret;
  if (givenSecret !== undefined) {
    if (typeof givenSecret !== "string") throw validationFailed("client_secret", "client_secret: must be a string.");
    checkClientSecretValue(givenSecret, app.authMethod);
  }
  if (usesSecrets(app)) app.secrets.push(newSecret(givenSecret as string | undefined));
  store.addApp(app);
  return app;
}

function addInitialKeys(app: AppRecord, jwks: unknown): void {
  if (jwks === undefined) return;
  if (!isObject(jwks) || !Array.isArray(jwks.keys)) throw validationFailed("jwks", "jwks: 'keys' must be an array.");
  for (const key of jwks.keys) {
    if (!isObject(key)) throw validationFailed("JsonWebKey", "Each key must be a JSON object.");
    app.jwks.push(admitJwk(app, checkPublicJwk(key), key.status));
  }
}

/** `POST /api/v1/apps/{id}/lifecycle/activate|deactivate`. */
export function setAppStatus(store: Store, appId: string, status: "ACTIVE" | "INACTIVE"): void {
  const app = store.app(appId);
  if (app.status === status) return;
  app.status = status;
  app.lastUpdated = oktaTimestamp();
  store.changed();
}

/** `DELETE /api/v1/apps/{id}`: Okta deletes only deactivated apps. */
export function deleteApp(store: Store, appId: string): void {
  const app = store.app(appId);
  if (app.status === "ACTIVE") throw deleteActiveApp();
  store.removeApp(appId);
}
