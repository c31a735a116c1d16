import type { MiddlewareHandler } from "hono";
import { accessDenied, invalidToken, ResourceChallenge } from "../errors";
import { DpopRefusal, verifyProof } from "../oauth/dpop";
import type { AccessTokenRecord } from "../state/records";
import { rolesAllow } from "../state/roles";
import type { EmulatorContext, EmulatorEnv, EmulatorHonoContext } from "./context";

/** The scopes that allow reading (GET) and changing (the rest) under a path; the first match wins. */
const SCOPES: Array<{ path: RegExp; read: string[]; manage: string[] }> = [
  {
    path: /^\/api\/v1\/apps\/[^/]+\/grants(\/|$)/,
    read: ["okta.appGrants.read", "okta.appGrants.manage"],
    manage: ["okta.appGrants.manage"],
  },
  { path: /^\/api\/v1\/apps(\/|$)/, read: ["okta.apps.read", "okta.apps.manage"], manage: ["okta.apps.manage"] },
  {
    path: /^\/oauth2\/v1\/clients\/[^/]+\/roles(\/|$)/,
    read: ["okta.roles.read", "okta.roles.manage"],
    manage: ["okta.roles.manage"],
  },
];

// Texts of Okta's OAuth error list for resource requests with DPoP-bound tokens.
const DPOP_SCHEME_REQUIRED =
  "The resource request must use the DPoP authentication scheme when using a DPoP bound token.";
const PROOF_REQUIRED = "The resource request requires a DPoP proof.";
const NOT_BOUND = "The presented access_token is not DPoP bound.";
const WRONG_KEY = "The access_token is not bound to the provided DPoP proof.";

/**
 * Management API authentication: `SSWS <api token>` (all rights), `Bearer <access token>`, or `DPoP <access token>`
 * with a DPoP proof for a token bound to a key. The token's scopes must cover the call (e.g. reads of apps need
 * okta.apps.read or okta.apps.manage, changes okta.apps.manage), and its client's admin roles too (reads of apps: a
 * Super, Org, App or Read-only Admin; changes: Super, Org or App Admin); otherwise 403 E0000006.
 */
export function managementAuth(ctx: EmulatorContext): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    const header = c.req.header("Authorization") ?? "";
    const space = header.indexOf(" ");
    const [scheme, value] = space < 0 ? [header, ""] : [header.slice(0, space), header.slice(space + 1).trim()];
    if (scheme === "SSWS" && value === ctx.apiToken) {
      c.set("scopes", "all");
    } else if ((scheme === "Bearer" || scheme === "DPoP") && value) {
      const token = ctx.store.token(value);
      const client = token && ctx.store.appByClientId(token.clientId);
      if (!token || client?.status !== "ACTIVE") throw invalidToken();
      await checkBinding(ctx, c, scheme, token);
      const rule = SCOPES.find((r) => r.path.test(c.req.path));
      const read = c.req.method === "GET" || c.req.method === "HEAD";
      const needed = read ? rule?.read : rule?.manage;
      if (!needed || !token.scopes.some((s) => needed.includes(s))) throw accessDenied();
      // Scopes say what a token may do, the client's admin roles on what: without a role that covers the call, 403.
      if (ctx.adminRoles && !rolesAllow(client, c.req.path, !read)) throw accessDenied();
      c.set("scopes", token.scopes);
    } else {
      throw invalidToken();
    }
    await next();
  };
}

/** A DPoP-bound token must come as `DPoP` with a proof made by its key for this request; a Bearer token as `Bearer`. */
async function checkBinding(
  ctx: EmulatorContext,
  c: EmulatorHonoContext,
  scheme: string,
  token: AccessTokenRecord,
): Promise<void> {
  if (token.jkt === undefined) {
    if (scheme === "DPoP") throw new ResourceChallenge(401, "invalid_token", NOT_BOUND);
    return;
  }
  if (scheme !== "DPoP") throw new ResourceChallenge(400, "invalid_request", DPOP_SCHEME_REQUIRED);
  const proof = c.req.header("DPoP");
  if (!proof) throw new ResourceChallenge(400, "invalid_request", PROOF_REQUIRED);
  let jkt: string;
  try {
    jkt = await verifyProof(
      {
        header: proof,
        method: c.req.method,
        url: `${ctx.origin}${decodeURIComponent(new URL(c.req.url).pathname)}`,
        server: "resource",
        accessToken: token.token,
        requireNonce: ctx.dpopResourceNonce,
      },
      ctx.store,
      ctx.dpopNonces,
    );
  } catch (error) {
    if (!(error instanceof DpopRefusal)) throw error;
    // RFC 9449 §9: a resource server asks for a nonce with 401; Okta answers a bad proof with 400.
    throw new ResourceChallenge(error.nonce ? 401 : 400, error.error, error.description, error.nonce);
  }
  if (jkt !== token.jkt) throw new ResourceChallenge(400, "invalid_dpop_proof", WRONG_KEY);
}
