import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isLoopback } from "./http/routes/control";
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

describe("isLoopback", () => {
  it("admits 127.0.0.0/8 and ::1 (also IPv4-mapped) and nothing else", () => {
    for (const a of ["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"]) expect(isLoopback(a), a).toBe(true);
    for (const a of ["10.0.0.1", "192.168.1.1", "::ffff:10.0.0.1", "fe80::1", "1127.0.0.1", "", undefined]) {
      expect(isLoopback(a), String(a)).toBe(false);
    }
  });
});

describe("regenerating a secret in place (a change made outside the API)", () => {
  it("keeps the id, changes value, hash and lastUpdated, over HTTP and programmatically; 404 for unknown ids", async () => {
    const emulator = await startOktaEmulator({ rateLimit: "off" });
    try {
      const app = await emulator.createApp();
      const [before] = emulator.state().apps[0]?.secrets ?? [];
      const response = await fetch(`${emulator.url}/__emulator/apps/${app.id}/secrets/${before?.id}/regenerate`, {
        method: "POST",
      });
      expect(response.status).toBe(200);
      const after = (await response.json()) as { id: string; client_secret: string; secret_hash: string };
      expect(after.id).toBe(before?.id);
      expect(after.client_secret).not.toBe(before?.client_secret);
      expect(after.secret_hash).not.toBe(before?.secret_hash);
      expect(emulator.state().apps[0]?.secrets[0]?.secret_hash).toBe(after.secret_hash);

      const again = emulator.regenerateSecret(app.id, after.id);
      expect(again.secret_hash).not.toBe(after.secret_hash);
      const missing = await fetch(`${emulator.url}/__emulator/apps/${app.id}/secrets/ocs00000000000000000/regenerate`, {
        method: "POST",
      });
      expect(missing.status).toBe(404);
      expect(emulator.requests()).toEqual([]);
    } finally {
      await emulator.close();
    }
  });
});
