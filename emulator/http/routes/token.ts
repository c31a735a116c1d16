import { Hono } from "hono";
import { OAuthError } from "../../errors";
import { accessTokenValue } from "../../ids";
import { authenticateClient } from "../../oauth/clientAuth";
import type { EmulatorContext, EmulatorEnv } from "../context";

const SUPPORTED_SCOPES = new Set(["okta.apps.read", "okta.apps.manage"]);
const TOKEN_LIFETIME_SECONDS = 3600;

/** `POST /oauth2/v1/token` of the org authorization server, `client_credentials` grant only. */
export function tokenRoutes(ctx: EmulatorContext): Hono<EmulatorEnv> {
  const routes = new Hono<EmulatorEnv>();
  routes.post("/token", async (c) => {
    const form = Object.fromEntries(new URLSearchParams(await c.req.text()));
    if (form.grant_type !== "client_credentials") {
      throw new OAuthError(400, "unsupported_grant_type", "The grant type in the request isn't supported.");
    }
    const app = await authenticateClient(
      ctx.store,
      c.req.header("Authorization"),
      form,
      `${ctx.origin}/oauth2/v1/token`,
    );
    const grants = Array.isArray(app.oauthSettings.grant_types) ? app.oauthSettings.grant_types : [];
    if (!grants.includes("client_credentials")) {
      throw new OAuthError(
        400,
        "unauthorized_client",
        `The client isn't authorized to use the provided grant type. Configured grant types: [${grants.join(", ")}].`,
      );
    }
    const scopes = (form.scope ?? "").split(" ").filter(Boolean);
    if (scopes.length === 0) throw new OAuthError(400, "invalid_scope", "No scopes were requested.");
    if (!scopes.every((s) => SUPPORTED_SCOPES.has(s))) {
      throw new OAuthError(
        400,
        "invalid_scope",
        "One or more scopes are not configured for the authorization server resource.",
      );
    }
    const token = accessTokenValue();
    ctx.store.addToken({
      token,
      clientId: app.clientId,
      scopes,
      expiresAt: Date.now() + TOKEN_LIFETIME_SECONDS * 1000,
    });
    c.header("Cache-Control", "no-store");
    c.header("Pragma", "no-cache");
    return c.json({
      token_type: "Bearer",
      expires_in: TOKEN_LIFETIME_SECONDS,
      access_token: token,
      scope: scopes.join(" "),
    });
  });
  return routes;
}
