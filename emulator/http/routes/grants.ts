import { Hono } from "hono";
import { findGrant, grantScope, revokeGrant } from "../../state/grants";
import { renderGrant } from "../../views";
import { type EmulatorContext, type EmulatorEnv, readJsonObject } from "../context";

/** `/api/v1/apps/{appId}/grants…`: the Okta scopes an app may request at the org authorization server. */
export function grantRoutes(ctx: EmulatorContext): Hono<EmulatorEnv> {
  const routes = new Hono<EmulatorEnv>();

  routes.get("/", (c) => {
    const app = ctx.store.app(c.req.param("appId") as string);
    return c.json(app.grants.map((g) => renderGrant(app, g, ctx.origin)));
  });

  routes.post("/", async (c) => {
    const appId = c.req.param("appId") as string;
    const grant = grantScope(ctx.store, appId, await readJsonObject(c), ctx.origin);
    return c.json(renderGrant(ctx.store.app(appId), grant, ctx.origin), 201);
  });

  routes.get("/:grantId", (c) => {
    const appId = c.req.param("appId") as string;
    const grant = findGrant(ctx.store, appId, c.req.param("grantId"));
    return c.json(renderGrant(ctx.store.app(appId), grant, ctx.origin));
  });

  routes.delete("/:grantId", (c) => {
    revokeGrant(ctx.store, c.req.param("appId") as string, c.req.param("grantId"));
    return c.body(null, 204);
  });

  return routes;
}
