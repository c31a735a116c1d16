import { createHash, randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import type { OktaHarness } from "./harness";
import { testKey } from "./keys";

export const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
export type Token = { access_token: string; token_type: string; expires_in: number; scope: string };
type Key = ReturnType<typeof testKey>;

/** `Authorization: Basic` for a client id and secret, each form-encoded first (RFC 6749 §2.3.1). */
export const basic = (id: string, secret: string) => ({
  Authorization: `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`,
});

/** A web app authenticating with a client secret (the emulator's default app), and that secret. */
export async function secretApp(h: OktaHarness, grants = ["client_credentials"]) {
  const app = await h.emulator.createApp({ settings: { oauthClient: { grant_types: grants } } });
  return { id: app.id, secret: app.credentials.oauthClient.client_secret as string };
}

/**
 * An API Services app (`service`, `client_credentials`, `private_key_jwt` with an EC key) made through the Management
 * API, granted `scopes` through the grants API, its client given the admin `role` (none for `null`), every response
 * validated against Okta's spec.
 */
export async function serviceApp(
  h: OktaHarness,
  scopes: string[] = ["okta.apps.read", "okta.apps.manage"],
  settings: Record<string, unknown> = {},
  role: string | null = "APP_ADMIN",
) {
  const key = testKey("EC", { kid: "svc-1" });
  const created = await h.api<{ id: string }>("POST", "/api/v1/apps", {
    body: {
      name: "oidc_client",
      label: "automation",
      signOnMode: "OPENID_CONNECT",
      credentials: { oauthClient: { token_endpoint_auth_method: "private_key_jwt" } },
      settings: {
        oauthClient: {
          application_type: "service",
          grant_types: ["client_credentials"],
          jwks: { keys: [key.jwk] },
          ...settings,
        },
      },
    },
  });
  for (const scopeId of scopes) {
    await h.api("POST", `/api/v1/apps/${created.body.id}/grants`, { body: { issuer: h.emulator.url, scopeId } });
  }
  if (role !== null) await h.api("POST", `/oauth2/v1/clients/${created.body.id}/roles`, { body: { type: role } });
  return { id: created.body.id, key };
}

/** A signed `private_key_jwt` client assertion for `clientId`; `overrides` replace or add claims. */
export async function assertion(h: OktaHarness, clientId: string, key: Key, overrides: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    iss: clientId,
    sub: clientId,
    aud: `${h.emulator.url}/oauth2/v1/token`,
    iat: now,
    exp: now + 300,
    jti: randomUUID(),
    ...overrides,
  })
    .setProtectedHeader({ alg: "ES256", kid: key.jwk.kid as string })
    .sign(key.privateKey);
}

/** The form of a `client_credentials` request authenticated by `client_assertion`. */
export async function assertionForm(h: OktaHarness, app: { id: string; key: Key }, scope = "okta.apps.manage") {
  return {
    grant_type: "client_credentials",
    scope,
    client_assertion_type: JWT_BEARER,
    client_assertion: await assertion(h, app.id, app.key),
  };
}

/** A DPoP proof (RFC 9449) signed with `key`; `claims` and `header` replace or add to the usual ones. */
export async function dpopProof(
  key: Key,
  claims: { htm: string; htu: string } & Record<string, unknown>,
  header: Record<string, unknown> = {},
) {
  const { kid: _kid, use: _use, alg: _alg, ...publicJwk } = key.jwk;
  return new SignJWT({ iat: Math.floor(Date.now() / 1000), jti: randomUUID(), ...claims })
    .setProtectedHeader({ typ: "dpop+jwt", alg: "ES256", jwk: publicJwk as { kty: string }, ...header })
    .sign(key.privateKey);
}

/** base64url(SHA-256(token)): a resource request's `ath`. */
export function accessTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}
