import { Hono } from "hono";
import { createApp, deleteApp, setAppStatus } from "../../state/apps";
import type { AppRecord } from "../../state/records";
import { replaceApp } from "../../state/replaceApp";
import { renderApp } from "../../views";
import { type EmulatorContext, type EmulatorEnv, readJsonObject } from "../context";

const DEFAULT_PAGE = 20;
const MAX_PAGE = 200;

function page(apps: AppRecord[], after: string | undefined, limitParam: string | undefined): AppRecord[] {
  const start = after ? apps.findIndex((a) => a.id === after) + 1 : 0;
  const limit = Math.min(Math.max(Number(limitParam) || DEFAULT_PAGE, 1), MAX_PAGE);
  return apps.slice(start, start + limit);
}

/** `/api/v1/apps` and `/api/v1/apps/{appId}` (get, replace, delete) with its lifecycle: the routes the credentials live under. */
export function appRoutes(ctx: EmulatorContext): Hono<EmulatorEnv> {
  const routes = new Hono<EmulatorEnv>();

  routes.post("/", async (c) => {
    const app = createApp(ctx.store, await readJsonObject(c), c.req.query("activate") !== "false");
    return c.json(renderApp(app, ctx.origin, true), 200);
  });

  routes.get("/", (c) => {
    const q = c.req.query("q");
    const matches = (a: AppRecord) => !q || a.id === q || a.label.toLowerCase().startsWith(q.toLowerCase());
    const all = ctx.store.listApps().filter(matches);
    const result = page(all, c.req.query("after"), c.req.query("limit"));
    const last = result.at(-1);
    const self = new URL(c.req.url);
    const links = [`<${ctx.origin}/api/v1/apps${self.search}>; rel="self"`];
    if (last && last !== all.at(-1)) {
      const next = new URLSearchParams(self.search);
      next.set("after", last.id);
      links.push(`<${ctx.origin}/api/v1/apps?${next}>; rel="next"`);
    }
    c.header("Link", links.join(", "));
    return c.json(result.map((a) => renderApp(a, ctx.origin)));
  });

  routes.get("/:appId", (c) => c.json(renderApp(ctx.store.app(c.req.param("appId")), ctx.origin)));

  routes.put("/:appId", async (c) =>
    c.json(renderApp(replaceApp(ctx.store, c.req.param("appId"), await readJsonObject(c)), ctx.origin)),
  );

  routes.post("/:appId/lifecycle/activate", (c) => {
    setAppStatus(ctx.store, c.req.param("appId"), "ACTIVE");
    return c.json({});
  });

  routes.post("/:appId/lifecycle/deactivate", (c) => {
    setAppStatus(ctx.store, c.req.param("appId"), "INACTIVE");
    return c.json({});
  });

  routes.delete("/:appId", (c) => {
    deleteApp(ctx.store, c.req.param("appId"));
    return c.body(null, 204);
  });

  return routes;
}
