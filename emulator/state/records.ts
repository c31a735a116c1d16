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
}

/** Everything the emulator holds; also the persisted file's shape. */
export interface StoreData {
  version: 1;
  apiToken?: string;
  apps: AppRecord[];
  tokens: AccessTokenRecord[];
}
