import type { OAuthSettings, PublicJwk, TokenEndpointAuthMethod } from "../types";

/** The emulator's stored form of an app: what Okta would keep, not how it renders. */
export interface AppRecord {
  id: string;
  label: string;
  status: "ACTIVE" | "INACTIVE";
  created: string;
  lastUpdated: string;
  clientId: string;
  authMethod: TokenEndpointAuthMethod;
  autoKeyRotation: boolean;
  pkceRequired: boolean;
  /** `settings.oauthClient` as created, without `jwks` (those live in `jwks`). */
  oauthSettings: OAuthSettings;
  secrets: SecretRecord[];
  jwks: JwkRecord[];
  /** Okta scopes granted to the app (`/api/v1/apps/{appId}/grants`); absent in state files written before grants. */
  grants: GrantRecord[];
  /** Admin roles assigned to the app's client (`/oauth2/v1/clients/{clientId}/roles`); absent before roles. */
  roles?: RoleRecord[];
}

/** A standard admin role assigned to a client app. */
export interface RoleRecord {
  id: string;
  /** `SUPER_ADMIN`, `APP_ADMIN`, `READ_ONLY_ADMIN`, … */
  type: string;
  created: string;
  lastUpdated: string;
}

/** A scope consent grant of an app (`OAuth2ScopeConsentGrant`), as an admin gives it. */
export interface GrantRecord {
  id: string;
  scopeId: string;
  created: string;
  lastUpdated: string;
}

export interface SecretRecord {
  id: string;
  status: "ACTIVE" | "INACTIVE";
  secret: string;
  hash: string;
  created: string;
  lastUpdated: string;
}

export interface JwkRecord {
  id: string;
  status: "ACTIVE" | "INACTIVE";
  created: string;
  lastUpdated: string;
  /** The public key as given, without `status`. */
  key: Omit<PublicJwk, "status">;
}

export interface AccessTokenRecord {
  token: string;
  clientId: string;
  scopes: string[];
  /** Epoch milliseconds. */
  expiresAt: number;
  /** Epoch milliseconds; absent in state files written before introspection. */
  issuedAt?: number;
  /** JWK thumbprint of the DPoP key the token is bound to; absent for a Bearer token. */
  jkt?: string;
}

/** Everything the emulator holds; also the persisted file's shape. */
export interface StoreData {
  version: 1;
  apiToken?: string;
  apps: AppRecord[];
  tokens: AccessTokenRecord[];
}
