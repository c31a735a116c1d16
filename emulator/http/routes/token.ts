import { Hono } from "hono";
import { OAuthError } from "../../errors";
import { accessTokenValue } from "../../ids";
import { authenticateClient, presentedClientAuth } from "../../oauth/clientAuth";
import { DpopRefusal, verifyProof } from "../../oauth/dpop";
import { grantedScopes } from "../../state/grants";
import type { AppRecord } from "../../state/records";
import { type EmulatorContext, type EmulatorEnv, readForm } from "../context";

const OIDC_SCOPES = new Set(["openid", "profile", "email", "address", "phone", "offline_access"]);

// error_description texts: Okta's OAuth spec examples where they have one, else Okta's OAuth error list.
const TEXT = {
  unsupportedGrant: "The grant type in the request isn't supported.",
  noScopes: "No scopes were requested.",
  openid: "Cannot request 'openid' scopes using client credentials.",
  notConfigured: "One or more scopes are not configured for the authorization server resource.",
  privateKeyJwtOnly:
    "Client Credentials requests to the Org Authorization Server must use the private_key_jwt token_endpoint_auth_method.",
  serviceOnly:
    "Only clients with 'application_type' of 'service' may use the client_credentials 'grant_type' with the Org Authorization Server.",
  noneGranted: "You are not allowed any of the requested scopes.",
} as const;

/**
 * `POST /oauth2/v1/token` of the org authorization server, `client_credentials` grant. Checks, in this order: the grant
 * type, the client's authentication, that the app may use the grant, its DPoP proof when the app requires DPoP
 * (`settings.oauthClient.dpop_bound_access_tokens`), the scopes. Okta scopes go only to `private_key_jwt` service apps,
 * and only those granted to the app (`/api/v1/apps/{appId}/grants`); the token holds the granted ones.
 */
export function tokenRoutes(ctx: EmulatorContext): Hono<EmulatorEnv> {
  const routes = new Hono<EmulatorEnv>();
  routes.post("/token", async (c) => {
    const form = await readForm(c);
    c.set("clientAuth", presentedClientAuth(c.req.header("Authorization"), form));
    if (form.grant_type !== "client_credentials") {
      throw new OAuthError(400, "unsupported_grant_type", TEXT.unsupportedGrant);
    }
    const tokenUrl = `${ctx.origin}/oauth2/v1/token`;
    const app = await authenticateClient(ctx.store, c.req.header("Authorization"), form, tokenUrl);
    const grants = Array.isArray(app.oauthSettings.grant_types) ? app.oauthSettings.grant_types : [];
    if (!grants.includes("client_credentials")) {
      throw new OAuthError(
        400,
        "unauthorized_client",
        `The client isn't authorized to use the provided grant type. Configured grant types: [${grants.join(", ")}].`,
      );
    }
    const jkt = requiresDpop(app) ? await proofKey(ctx, c.req.header("DPoP"), tokenUrl) : undefined;
    const scopes = grantedOktaScopes(app, (form.scope ?? "").split(" ").filter(Boolean));
    const token = accessTokenValue();
    const lifetime = ctx.accessTokenLifetimeSeconds;
    const now = Date.now();
    const record = { token, clientId: app.clientId, scopes, issuedAt: now, expiresAt: now + lifetime * 1000 };
    ctx.store.addToken(jkt === undefined ? record : { ...record, jkt });
    c.header("Cache-Control", "no-store");
    c.header("Pragma", "no-cache");
    return c.json({
      token_type: jkt === undefined ? "Bearer" : "DPoP",
      expires_in: lifetime,
      access_token: token,
      scope: scopes.join(" "),
    });
  });
  return routes;
}

/** Okta's app setting "Require Demonstrating Proof of Possession (DPoP) header in token requests". */
function requiresDpop(app: AppRecord): boolean {
  return app.oauthSettings.dpop_bound_access_tokens === true;
}

async function proofKey(ctx: EmulatorContext, header: string | undefined, tokenUrl: string): Promise<string> {
  try {
    const check = { header, method: "POST", url: tokenUrl, server: "authorization" as const, requireNonce: true };
    return await verifyProof(check, ctx.store, ctx.dpopNonces);
  } catch (error) {
    if (!(error instanceof DpopRefusal)) throw error;
    throw new OAuthError(400, error.error, error.description, error.nonce ? { "DPoP-Nonce": error.nonce } : {});
  }
}

/** The requested Okta scopes the app may have: all must be Okta scopes, the app a private_key_jwt service app. */
function grantedOktaScopes(app: AppRecord, requested: string[]): string[] {
  if (requested.length === 0) throw new OAuthError(400, "invalid_scope", TEXT.noScopes);
  if (requested.some((s) => OIDC_SCOPES.has(s))) throw new OAuthError(400, "invalid_scope", TEXT.openid);
  // The org authorization server has no custom scopes: anything but an Okta scope is unknown to it.
  if (!requested.every((s) => s.startsWith("okta."))) throw new OAuthError(400, "invalid_scope", TEXT.notConfigured);
  if (app.authMethod !== "private_key_jwt") throw new OAuthError(401, "invalid_client", TEXT.privateKeyJwtOnly);
  if (app.oauthSettings.application_type !== "service") throw new OAuthError(401, "invalid_client", TEXT.serviceOnly);
  const granted = grantedScopes(app.grants, requested);
  if (granted.length === 0) throw new OAuthError(400, "consent_required", TEXT.noneGranted);
  return granted;
}
