import type { MiddlewareHandler } from "hono";
import { accessDenied, invalidToken } from "../errors";
import type { EmulatorContext, EmulatorEnv } from "./context";

const READ_SCOPES = ["okta.apps.read", "okta.apps.manage"];
const MANAGE_SCOPES = ["okta.apps.manage"];

/**
 * Management API authentication: `SSWS <api token>` (all rights) or `Bearer <access token>` from the token endpoint,
 * whose scopes must cover the call: reads need okta.apps.read or okta.apps.manage, changes need okta.apps.manage.
 */
export function managementAuth(ctx: EmulatorContext): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    const header = c.req.header("Authorization") ?? "";
    const [scheme, value] = [header.slice(0, header.indexOf(" ")), header.slice(header.indexOf(" ") + 1).trim()];
    if (scheme === "SSWS" && value === ctx.apiToken) {
      c.set("scopes", "all");
    } else if (scheme === "Bearer" && value) {
      const token = ctx.store.token(value);
      if (!token || ctx.store.appByClientId(token.clientId)?.status !== "ACTIVE") throw invalidToken();
      const needed = c.req.method === "GET" || c.req.method === "HEAD" ? READ_SCOPES : MANAGE_SCOPES;
      if (!token.scopes.some((s) => needed.includes(s))) throw accessDenied();
      c.set("scopes", token.scopes);
    } else {
      throw invalidToken();
    }
    await next();
  };
}
