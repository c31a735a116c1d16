import { Hono } from "hono";
import { activateJwk, addJwk, deactivateJwk, deleteJwk, findJwk } from "../../state/jwks";
import { renderJwk } from "../../views";
import { type EmulatorContext, type EmulatorEnv, readJsonObject } from "../context";

/** The six operations on `/api/v1/apps/{appId}/credentials/jwks…`; the list answers `{"keys": [...]}` as live orgs do. */
export function jwkRoutes(ctx: EmulatorContext): Hono<EmulatorEnv> {
  const routes = new Hono<EmulatorEnv>();

  routes.get("/", (c) => {
    const appId = c.req.param("appId") as string;
    return c.json({ keys: ctx.store.app(appId).jwks.map((k) => renderJwk(appId, k, ctx.origin)) });
  });

  routes.post("/", async (c) => {
    const appId = c.req.param("appId") as string;
    const body = await readJsonObject(c);
    return c.json(renderJwk(appId, addJwk(ctx.store, appId, body), ctx.origin), 201);
  });

  routes.get("/:keyId", (c) => {
    const appId = c.req.param("appId") as string;
    return c.json(renderJwk(appId, findJwk(ctx.store, appId, c.req.param("keyId")), ctx.origin));
  });

  routes.post("/:keyId/lifecycle/activate", (c) => {
    const appId = c.req.param("appId") as string;
    return c.json(renderJwk(appId, activateJwk(ctx.store, appId, c.req.param("keyId")), ctx.origin));
  });

  routes.post("/:keyId/lifecycle/deactivate", (c) => {
    const appId = c.req.param("appId") as string;
    return c.json(renderJwk(appId, deactivateJwk(ctx.store, appId, c.req.param("keyId")), ctx.origin));
  });

  routes.delete("/:keyId", (c) => {
    deleteJwk(ctx.store, c.req.param("appId") as string, c.req.param("keyId"));
    return c.body(null, 204);
  });

  return routes;
}
