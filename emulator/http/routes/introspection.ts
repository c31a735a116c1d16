import { Hono } from "hono";
import { OAuthError } from "../../errors";
import { authenticateClient, presentedClientAuth } from "../../oauth/clientAuth";
import type { AccessTokenRecord } from "../../state/records";
import { type EmulatorContext, type EmulatorEnv, type EmulatorHonoContext, readForm } from "../context";

// error_description texts: Okta's OAuth spec examples (`OAuthError400InvalidRequest_MissingToken`) where they have
// one; the refusal to revoke another client's token is the emulator's own (Okta: "A client may only revoke its own
// tokens", with no example).
const MISSING_TOKEN = "The `token` parameter is required.";
const ANOTHER_CLIENTS_TOKEN = "The token was issued to another client, and a client may only revoke its own tokens.";

/**
 * `POST /oauth2/v1/introspect` (RFC 7662) and `POST /oauth2/v1/revoke` (RFC 7009) of the org authorization server, as
 * Okta's OAuth spec has them: a form body (`token`, optional `token_type_hint`), the client authenticated the way it
 * authenticates at the token endpoint (an assertion's `aud` naming this endpoint), a public client by its `client_id`
 * in the query. Neither asks for a DPoP proof, also of an app that requires DPoP: Okta's setting requires DPoP "in token
 * requests", and its DPoP guide has resource servers introspect DPoP-bound tokens (inferred; Okta documents no DPoP
 * rule for either endpoint). The client is authenticated before the `token` parameter is looked at (inferred).
 */
export function introspectionRoutes(ctx: EmulatorContext): Hono<EmulatorEnv> {
  const routes = new Hono<EmulatorEnv>();
  routes.post("/introspect", async (c) => {
    const { token } = await authenticated(ctx, c);
    const record = ctx.store.token(token);
    c.header("Cache-Control", "no-store");
    c.header("Pragma", "no-cache");
    // RFC 7662 §2.2: a token unknown, expired or revoked is only inactive, never an error.
    return c.json(record ? activeToken(ctx, record) : { active: false });
  });
  routes.post("/revoke", async (c) => {
    const { client, token } = await authenticated(ctx, c);
    const record = ctx.store.token(token);
    if (record && record.clientId !== client) throw new OAuthError(400, "invalid_request", ANOTHER_CLIENTS_TOKEN);
    // Okta's spec: revoking an invalid, expired or revoked token "is still considered a success".
    ctx.store.revokeToken(token);
    return c.body(null, 200);
  });
  return routes;
}

/** The request's client (its client id) and the `token` it asks about, or Okta's OAuth error. */
async function authenticated(ctx: EmulatorContext, c: EmulatorHonoContext): Promise<{ client: string; token: string }> {
  const form = await readForm(c);
  // A public client names itself in the query (Okta's spec), and may in the form.
  const queryClient = c.req.query("client_id");
  const fields = form.client_id === undefined && queryClient !== undefined ? { ...form, client_id: queryClient } : form;
  c.set("clientAuth", presentedClientAuth(c.req.header("Authorization"), fields));
  const app = await authenticateClient(ctx.store, c.req.header("Authorization"), fields, `${ctx.origin}${c.req.path}`, {
    publicClients: true,
  });
  if (!form.token) throw new OAuthError(400, "invalid_request", MISSING_TOKEN);
  return { client: app.clientId, token: form.token };
}

/**
 * An active token as Okta's `IntrospectionResponse` describes it. The emulator's tokens come from the
 * `client_credentials` grant, so the subject is the client; a DPoP-bound token also carries `cnf.jkt` (RFC 9449 §6.2;
 * Okta's spec lists no `cnf` and says `token_type` "is always Bearer").
 */
function activeToken(ctx: EmulatorContext, record: AccessTokenRecord): Record<string, unknown> {
  const seconds = (ms: number) => Math.floor(ms / 1000);
  const answer: Record<string, unknown> = {
    active: true,
    token_type: "Bearer",
    scope: record.scopes.join(" "),
    client_id: record.clientId,
    exp: seconds(record.expiresAt),
    iat: seconds(record.issuedAt ?? record.expiresAt - ctx.accessTokenLifetimeSeconds * 1000),
    sub: record.clientId,
    aud: ctx.origin,
    iss: ctx.origin,
  };
  if (record.jkt !== undefined) answer.cnf = { jkt: record.jkt };
  return answer;
}
