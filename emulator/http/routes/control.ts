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
}

/** `/__emulator/…`: no auth, not rate-limited, not logged (the server binds loopback by default). */
export function controlRoutes(actions: ControlActions): Hono<EmulatorEnv> {
  const routes = new Hono<EmulatorEnv>();
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
  return routes;
}
