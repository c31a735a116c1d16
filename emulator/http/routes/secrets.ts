import { Hono } from "hono";
import { activateSecret, createSecret, deactivateSecret, deleteSecret, findSecret } from "../../state/secrets";
import { renderSecret } from "../../views";
import { type EmulatorContext, type EmulatorEnv, readJsonObject } from "../context";

/** The six operations on `/api/v1/apps/{appId}/credentials/secrets…`. */
export function secretRoutes(ctx: EmulatorContext): Hono<EmulatorEnv> {
  const routes = new Hono<EmulatorEnv>();

  routes.get("/", (c) => {
    const appId = c.req.param("appId") as string;
    return c.json(ctx.store.app(appId).secrets.map((s) => renderSecret(appId, s, ctx.origin)));
  });

  routes.post("/", async (c) => {
    const appId = c.req.param("appId") as string;
    const body = await readJsonObject(c);
    return c.json(renderSecret(appId, createSecret(ctx.store, appId, body), ctx.origin), 201);
  });

  routes.get("/:secretId", (c) => {
    const appId = c.req.param("appId") as string;
    return c.json(renderSecret(appId, findSecret(ctx.store, appId, c.req.param("secretId")), ctx.origin));
  });

  routes.post("/:secretId/lifecycle/activate", (c) => {
    const appId = c.req.param("appId") as string;
    return c.json(renderSecret(appId, activateSecret(ctx.store, appId, c.req.param("secretId")), ctx.origin));
  });

  routes.post("/:secretId/lifecycle/deactivate", (c) => {
    const appId = c.req.param("appId") as string;
    return c.json(renderSecret(appId, deactivateSecret(ctx.store, appId, c.req.param("secretId")), ctx.origin));
  });

  routes.delete("/:secretId", (c) => {
    deleteSecret(ctx.store, c.req.param("appId") as string, c.req.param("secretId"));
    return c.body(null, 204);
  });

  return routes;
}
