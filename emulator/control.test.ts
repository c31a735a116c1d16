import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OktaEmulator, startOktaEmulator } from "./index";

describe("the control API", () => {
  let emulator: OktaEmulator;
  beforeAll(async () => {
    emulator = await startOktaEmulator({ rateLimit: 1 });
  });
  afterAll(() => emulator.close());
  const control = (method: string, path: string, body?: unknown) =>
    fetch(`${emulator.url}/__emulator${path}`, {
      method,
      headers: { "Content-Type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it("creates apps, reads state and the request log, injects and clears faults, resets; never rate-limited", async () => {
    const created = await control("POST", "/apps", { label: "via control" });
    expect(created.status).toBe(201);
    const app = (await created.json()) as { id: string; label: string };
    expect(app.label).toBe("via control");

    const state = (await (await control("GET", "/state")).json()) as {
      apps: Array<{ id: string; secrets: unknown[] }>;
    };
    expect(state.apps.map((a) => [a.id, a.secrets.length])).toEqual([[app.id, 1]]);

    expect((await control("POST", "/faults", { path: "^/api/v1/apps/", status: 503, count: 2 })).status).toBe(201);
    expect(await (await control("GET", "/faults")).json()).toEqual([{ path: "^/api/v1/apps/", status: 503, count: 2 }]);
    const bad = await control("POST", "/faults", { status: 418 });
    expect(bad.status).toBe(400);
    const faulted = await fetch(`${emulator.url}/api/v1/apps/${app.id}`, {
      headers: { Authorization: `SSWS ${emulator.apiToken}` },
    });
    expect(faulted.status).toBe(503);
    expect((await control("DELETE", "/faults")).status).toBe(204);
    expect(emulator.faults.pending()).toEqual([]);

    const log = (await (await control("GET", "/requests")).json()) as Array<{ path: string; status: number }>;
    expect(log).toEqual([expect.objectContaining({ path: `/api/v1/apps/${app.id}`, status: 503 })]);
    expect((await control("DELETE", "/requests")).status).toBe(204);
    expect(emulator.requests()).toEqual([]);

    expect((await control("POST", "/reset")).status).toBe(204);
    expect(emulator.state()).toEqual({ apps: [] });
  });
});
