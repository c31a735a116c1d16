import { Hono } from "hono";
import type { FaultSpec } from "../../types";
import { type EmulatorEnv, readJsonObject } from "../context";

/** What the control API drives; the same functions the programmatic handle exposes. */
export interface ControlActions {
  state(): unknown;
  reset(): void;
  requests(): unknown;
  clearRequests(): void;
  injectFault(fault: FaultSpec): void;
  clearFaults(): void;
  pendingFaults(): FaultSpec[];
  createApp(body: Record<string, unknown>): unknown;
  regenerateSecret(appId: string, secretId: string): unknown;
}

/** Whether a peer address is this machine (127.0.0.0/8 or ::1, also IPv4-mapped). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  return address === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** `/__emulator/…`: no auth, not rate-limited, not logged (the server binds loopback by default). */
export function controlRoutes(actions: ControlActions): Hono<EmulatorEnv> {
  const routes = new Hono<EmulatorEnv>();
  // Unauthenticated by design, so only for callers on this machine, even when the server binds a wider interface.
  routes.use("*", async (c, next) => {
    if (!isLoopback(c.env.incoming.socket.remoteAddress))
      return c.json({ error: "the control API answers loopback only" }, 403);
    await next();
  });
  routes.get("/state", (c) => c.json(actions.state()));
  routes.post("/reset", (c) => {
    actions.reset();
    return c.body(null, 204);
  });
  routes.get("/requests", (c) => c.json(actions.requests()));
  routes.delete("/requests", (c) => {
    actions.clearRequests();
    return c.body(null, 204);
  });
  routes.get("/faults", (c) => c.json(actions.pendingFaults()));
  routes.post("/faults", async (c) => {
    const body = await readJsonObject(c);
    try {
      actions.injectFault(body as FaultSpec);
    } catch (error) {
      return c.json({ error: (error as Error).message }, 400);
    }
    return c.json(actions.pendingFaults(), 201);
  });
  routes.delete("/faults", (c) => {
    actions.clearFaults();
    return c.body(null, 204);
  });
  routes.post("/apps", async (c) => c.json(actions.createApp(await readJsonObject(c)), 201));
  routes.post("/apps/:appId/secrets/:secretId/regenerate", (c) =>
    c.json(actions.regenerateSecret(c.req.param("appId"), c.req.param("secretId"))),
  );
  return routes;
}
