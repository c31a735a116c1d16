import { Hono } from "hono";
import { assignClientRole, clientApp, findClientRole, unassignClientRole } from "../../state/roles";
import { renderClientRole } from "../../views";
import { type EmulatorContext, type EmulatorEnv, readJsonObject } from "../context";

/** `/oauth2/v1/clients/{clientId}/roles…`: the standard admin roles of a client app (Okta's RoleAssignmentClient). */
export function roleRoutes(ctx: EmulatorContext): Hono<EmulatorEnv> {
  const routes = new Hono<EmulatorEnv>();
  const clientId = (c: { req: { param(name: string): string | undefined } }) => c.req.param("clientId") as string;

  routes.get("/", (c) => {
    const app = clientApp(ctx.store, clientId(c));
    return c.json((app.roles ?? []).map((r) => renderClientRole(app, r, ctx.origin)));
  });

  routes.post("/", async (c) => {
    const role = assignClientRole(ctx.store, clientId(c), await readJsonObject(c));
    // Okta answers a new assignment with 200 (its spec), not 201.
    return c.json(renderClientRole(clientApp(ctx.store, clientId(c)), role, ctx.origin), 200);
  });

  routes.get("/:roleAssignmentId", (c) => {
    const role = findClientRole(ctx.store, clientId(c), c.req.param("roleAssignmentId"));
    return c.json(renderClientRole(clientApp(ctx.store, clientId(c)), role, ctx.origin));
  });

  routes.delete("/:roleAssignmentId", (c) => {
    unassignClientRole(ctx.store, clientId(c), c.req.param("roleAssignmentId"));
    return c.body(null, 204);
  });

  return routes;
}
