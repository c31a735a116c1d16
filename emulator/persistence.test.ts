import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startOktaEmulator } from "./index";

describe("--data persistence", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("keeps apps, secrets, keys and the API token across a restart, written atomically and owner-only", async () => {
    dir = mkdtempSync(join(tmpdir(), "okta-emulator-"));
    const dataFile = join(dir, "state.json");
    const first = await startOktaEmulator({ dataFile, rateLimit: "off" });
    const app = await first.createApp({ label: "kept" });
    const headers = { Authorization: `SSWS ${first.apiToken}`, "Content-Type": "application/json" };
    const created = await fetch(`${first.url}/api/v1/apps/${app.id}/credentials/secrets`, {
      method: "POST",
      headers,
      body: "{}",
    });
    expect(created.status).toBe(201);
    const grant = await fetch(`${first.url}/api/v1/apps/${app.id}/grants`, {
      method: "POST",
      headers,
      body: JSON.stringify({ issuer: first.url, scopeId: "okta.apps.read" }),
    });
    expect(grant.status).toBe(201);
    const before = first.state();
    expect(before.apps[0]?.grants).toHaveLength(1);
    const token = first.apiToken;
    await first.close();

    expect(readdirSync(dir)).toEqual(["state.json"]);
    expect(statSync(dataFile).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(dataFile, "utf8")).version).toBe(1);

    const second = await startOktaEmulator({ dataFile, rateLimit: "off" });
    try {
      expect(second.apiToken).toBe(token);
      const origin = (s: string) => s.replaceAll(/http:\/\/127\.0\.0\.1:\d+/g, "ORIGIN");
      expect(origin(JSON.stringify(second.state()))).toBe(origin(JSON.stringify(before)));
      const listed = await fetch(`${second.url}/api/v1/apps/${app.id}/credentials/secrets`, {
        headers: { Authorization: `SSWS ${token}` },
      });
      expect(((await listed.json()) as unknown[]).length).toBe(2);
      second.reset();
      expect(JSON.parse(readFileSync(dataFile, "utf8")).apps).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it("loads a state file written before apps had grants", async () => {
    dir = mkdtempSync(join(tmpdir(), "okta-emulator-"));
    const dataFile = join(dir, "state.json");
    const first = await startOktaEmulator({ dataFile, rateLimit: "off" });
    await first.createApp({ label: "old" });
    await first.close();
    const data = JSON.parse(readFileSync(dataFile, "utf8"));
    for (const app of data.apps) delete app.grants;
    require("node:fs").writeFileSync(dataFile, JSON.stringify(data));
    const second = await startOktaEmulator({ dataFile, rateLimit: "off" });
    try {
      expect(second.state().apps[0]?.grants).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it("refuses a file that is not an emulator state file", async () => {
    dir = mkdtempSync(join(tmpdir(), "okta-emulator-"));
    const dataFile = join(dir, "state.json");
    require("node:fs").writeFileSync(dataFile, '{"hello": 1}');
    await expect(startOktaEmulator({ dataFile })).rejects.toThrow(/not an okta-emulator state file/);
  });
});
