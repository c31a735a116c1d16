import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fewestActive, secretMutations, secretsOf } from "../clientSecret/oktaHistory";
import { createStack, type E2EStack } from "../harness";

// examples/with-okta-app is type-checked only (the okta plugin cannot be downloaded here). What it relies on is run
// here on the real engine, with a stand-in for okta.app.OAuth (okta-app/oidcApp.ts: it makes the app through Okta's
// API): the app is created in the same `up`, so its id is unknown at preview; once it exists, the RotatingClientSecret
// lists its secrets, takes over the one it came with as the previous generation, and adds the current one.
const fixture = path.join(__dirname, "okta-app");

interface Outputs {
  appId: string;
  currentSecretId: string;
  previousSecretId: string;
  previousStatus: string;
}

describe("examples/with-okta-app's shape: an app made in the same run, its own secret taken over", () => {
  let stack: E2EStack;
  const at = (now: string) => ({ env: { OKTA_CREDENTIALS_NOW: now } });
  const outputs = async () => (await stack.outputs()) as unknown as Outputs;

  beforeAll(async () => {
    stack = await createStack({ program: fixture });
  });
  afterAll(async () => {
    await stack?.cleanup();
  });

  it("previews everything as creates without any request about secrets: the app does not exist yet", async () => {
    stack.emulator.clearRequests();
    const preview = await stack.preview(at("2026-01-02"));
    // The stack, the app, the component, its two slots and the verification.
    expect(preview.counts).toMatchObject({ create: 6, update: 0, replace: 0, delete: 0 });
    expect(stack.emulator.requests()).toEqual([]);
  });

  it("first up: the app is made, its own secret becomes the previous generation, a current one is added", async () => {
    const apps = stack.emulator.state().apps.length;
    stack.emulator.clearRequests();
    const run = await stack.up(at("2026-01-02"));
    expect(run.counts).toMatchObject({ create: 6, update: 0, replace: 0, delete: 0 });
    const out = await outputs();
    expect(stack.emulator.state().apps).toHaveLength(apps + 1);
    expect(out.appId).toMatch(/^0oa\w{17}$/);
    // What the app held when the program first looked: only the secret it was created with.
    const created = stack.emulator.requests().find((r) => r.method === "POST" && r.path === "/api/v1/apps");
    expect(created?.status).toBe(200);
    expect(secretMutations(stack.emulator)).toEqual([`POST /api/v1/apps/${out.appId}/credentials/secrets 201`]);
    const held = secretsOf(stack.emulator, out.appId);
    expect(held.map((s) => [s.id, s.status])).toEqual([
      [out.previousSecretId, "ACTIVE"],
      [out.currentSecretId, "ACTIVE"],
    ]);
    expect(out.previousStatus).toBe("ACTIVE");
  });

  it("a later up in the window changes nothing; after retireAfter the app's own secret is deactivated", async () => {
    expect((await stack.up(at("2026-01-05"))).counts).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0 });
    const { appId, previousSecretId } = await outputs();
    const before = secretsOf(stack.emulator, appId);
    stack.emulator.clearRequests();
    const run = await stack.up(at("2026-01-09"));
    expect(run.counts).toMatchObject({ create: 0, update: 2, replace: 0, delete: 0 });
    expect(secretMutations(stack.emulator)).toEqual([
      `POST /api/v1/apps/${appId}/credentials/secrets/${previousSecretId}/lifecycle/deactivate 200`,
    ]);
    expect(fewestActive(before, secretMutations(stack.emulator))).toBe(1);
    expect((await outputs()).previousStatus).toBe("INACTIVE");
  });
});
