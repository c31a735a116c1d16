import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createStack, type E2EStack } from "../harness";
import { secretsOf } from "./oktaHistory";

// Okta never deactivates an app's last ACTIVE secret, so destroying the resource that holds it fails (sharedApp.test.ts).
// The two ways out that docs/troubleshooting.md gives, on the real engine: `retainOnDelete` leaves the secret in Okta,
// and `deletedWith` the app (here a stand-in for okta.app.OAuth, made by the program) skips the provider's delete when
// the app goes in the same run, so the secret goes with its app; a component passes `deletedWith` to its children.
const program = path.join(__dirname, "lastSecret");

/** The emulator's log of requests that change an app's credentials or an app, as `METHOD path status`. */
function changes(s: E2EStack): string[] {
  return s.emulator
    .requests()
    .filter((r) => r.method !== "GET" && r.path.startsWith("/api/v1/apps"))
    .map((r) => `${r.method} ${r.path} ${r.status}`);
}

describe("destroying the resource that holds an app's last ACTIVE secret", () => {
  let stack: E2EStack | undefined;
  afterEach(async () => {
    await stack?.cleanup();
    stack = undefined;
  });

  it("retainOnDelete: destroy succeeds without a change in Okta, and the secret stays ACTIVE in the app", async () => {
    const s = await createStack({ program, config: { mode: "retainOnDelete" } });
    stack = s;
    const before = secretsOf(s.emulator, s.app.id);
    expect((await s.up()).counts).toMatchObject({ create: 2 });
    s.emulator.clearRequests();
    expect((await s.destroy()).counts).toMatchObject({ delete: 2 });
    expect(changes(s)).toEqual([]);
    expect(secretsOf(s.emulator, s.app.id)).toEqual(before);
  });

  it("retainOnDelete on a RotatingClientSecret reaches its slots: both secrets stay ACTIVE", async () => {
    const s = await createStack({ program, config: { mode: "componentRetained" } });
    stack = s;
    const now = { env: { OKTA_CREDENTIALS_NOW: "2030-01-02" } };
    // The stack, the component and its two slots (one adopting the app's own secret).
    expect((await s.up(now)).counts).toMatchObject({ create: 4 });
    const held = secretsOf(s.emulator, s.app.id);
    expect(held.map((x) => x.status)).toEqual(["ACTIVE", "ACTIVE"]);
    s.emulator.clearRequests();
    expect((await s.destroy(now)).counts).toMatchObject({ delete: 4 });
    expect(changes(s)).toEqual([]);
    expect(secretsOf(s.emulator, s.app.id)).toEqual(held);
  });

  it("without either: destroy stops at Okta's refusal, which names the ways out, and the app stays", async () => {
    const s = await createStack({ program, config: { mode: "plain" } });
    stack = s;
    expect((await s.up()).counts).toMatchObject({ create: 3 });
    const app = s.emulator.state().apps.find((a) => a.label === "deleted with its credentials");
    const destroyed = await s.destroy({ expectFailure: true });
    const said = destroyed.stdout + destroyed.stderr;
    expect(said).toContain(`it is the app's only ACTIVE client secret, which Okta refuses to deactivate`);
    expect(said).toContain("`retainOnDelete: true`");
    expect(s.emulator.state().apps.map((a) => a.id)).toContain(app?.id);
  });

  it("deletedWith the app: destroy deletes the app and never calls the secret's delete", async () => {
    const s = await createStack({ program, config: { mode: "deletedWith" } });
    stack = s;
    expect((await s.up()).counts).toMatchObject({ create: 3 });
    const app = s.emulator.state().apps.find((a) => a.label === "deleted with its credentials");
    expect(app?.secrets.map((x) => x.status)).toEqual(["ACTIVE"]);
    s.emulator.clearRequests();
    expect((await s.destroy()).counts).toMatchObject({ delete: 3 });
    expect(changes(s)).toEqual([
      `POST /api/v1/apps/${app?.id}/lifecycle/deactivate 200`,
      `DELETE /api/v1/apps/${app?.id} 204`,
    ]);
    expect(s.emulator.state().apps.map((a) => a.id)).not.toContain(app?.id);
  });

  it("deletedWith on a RotatingClientSecret reaches its slots: both secrets go with the app", async () => {
    const s = await createStack({ program, config: { mode: "component" } });
    stack = s;
    const now = { env: { OKTA_CREDENTIALS_NOW: "2030-01-02" } };
    // The stack, the app, the component and its two slots (one adopting the app's own secret).
    expect((await s.up(now)).counts).toMatchObject({ create: 5 });
    const app = s.emulator.state().apps.find((a) => a.label === "deleted with its credentials");
    expect(app?.secrets.map((x) => x.status)).toEqual(["ACTIVE", "ACTIVE"]);
    s.emulator.clearRequests();
    expect((await s.destroy(now)).counts).toMatchObject({ delete: 5 });
    expect(changes(s)).toEqual([
      `POST /api/v1/apps/${app?.id}/lifecycle/deactivate 200`,
      `DELETE /api/v1/apps/${app?.id} 204`,
    ]);
  });
});
