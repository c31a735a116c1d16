import { generateKeyPairSync, type KeyObject } from "node:crypto";

/** An API Services app set up for OAuth 2.0 to the Management API, with the private key a user keeps. */
export interface ServiceApp {
  id: string;
  /** The `kid` of its public key (`okta:privateKeyId`). */
  kid: string;
  privateKey: KeyObject;
  /** The private key as PKCS#8 PEM, as `okta:privateKey` takes it. */
  privateKeyPem: string;
}

/**
 * What to set up; default: RSA key, scopes okta.apps.read and okta.apps.manage, the App Admin role, DPoP not
 * required.
 */
export interface ServiceAppOptions {
  label?: string;
  scopes?: string[];
  /** The admin role given to the app's client (its Admin roles tab); `null` for none. Default `APP_ADMIN`. */
  role?: string | null;
  /** `settings.oauthClient.dpop_bound_access_tokens`: the app requires DPoP ("Require DPoP" in the Admin Console). */
  dpop?: boolean;
  keyType?: "RSA" | "EC";
}

/**
 * Sets up a service app in an org (the emulator) the way a user does in Okta, through the Management API with an API
 * token: `POST /api/v1/apps` (API Services: `service`, `client_credentials`, `private_key_jwt` with the public key),
 * one `POST /api/v1/apps/{appId}/grants` per scope, then `POST /oauth2/v1/clients/{clientId}/roles` with the admin role
 * (without one, Okta refuses the app's tokens on the Management API). Throws with Okta's answer when a step is refused.
 */
export async function createServiceApp(
  org: { url: string; apiToken: string },
  options: ServiceAppOptions = {},
): Promise<ServiceApp> {
  const { publicKey, privateKey } =
    options.keyType === "EC"
      ? generateKeyPairSync("ec", { namedCurve: "P-256" })
      : generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = `pulumi-${options.keyType === "EC" ? "ec" : "rsa"}-1`;
  const jwk = {
    ...publicKey.export({ format: "jwk" }),
    kid,
    use: "sig",
    alg: options.keyType === "EC" ? "ES256" : "RS256",
  };
  const app = (await call(org, "POST", "/api/v1/apps", {
    name: "oidc_client",
    label: options.label ?? "Pulumi automation",
    signOnMode: "OPENID_CONNECT",
    credentials: { oauthClient: { token_endpoint_auth_method: "private_key_jwt" } },
    settings: {
      oauthClient: {
        application_type: "service",
        grant_types: ["client_credentials"],
        dpop_bound_access_tokens: options.dpop ?? false,
        jwks: { keys: [jwk] },
      },
    },
  })) as { id: string };
  for (const scopeId of options.scopes ?? ["okta.apps.read", "okta.apps.manage"]) {
    await call(org, "POST", `/api/v1/apps/${app.id}/grants`, { issuer: org.url, scopeId });
  }
  const role = options.role === undefined ? "APP_ADMIN" : options.role;
  if (role !== null) await call(org, "POST", `/oauth2/v1/clients/${app.id}/roles`, { type: role });
  const privateKeyPem = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
  return { id: app.id, kid, privateKey, privateKeyPem };
}

async function call(org: { url: string; apiToken: string }, method: string, path: string, body: unknown) {
  const response = await fetch(`${org.url}${path}`, {
    method,
    headers: { Authorization: `SSWS ${org.apiToken}`, "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
  });
  const answer: unknown = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}
