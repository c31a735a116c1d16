import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOktaEmulator } from "../../../emulator/index";
import type { E2EStack } from "../harness/types";
import { createPluginStack } from "./pluginStack";
import { secretsOf } from "./quickstartStory";
import { heldNow, replaySecrets } from "./secretReplay";

// The reliability suite's invariants, a reduced set, for the provider plugin: through rotations, a scheduled walk, a
// create whose answer is lost and a CLI killed in the middle of a rotation, replayed from the emulator's request log,
// no app ever holds more than its two secrets or none ACTIVE; and once a run has finished, Okta and the state agree.
const secretType = "okta-credentials:index:ClientSecret";

describe("reliability invariants of the plugin's rotations and crashes", () => {
  let stack: E2EStack;
  let apps: string[];

  /** Runs `action` and holds every app to the invariants over the requests it made. */
  async function step(action: () => Promise<unknown>): Promise<void> {
    const before = apps.map((app) => heldNow(stack.emulator, app));
    stack.emulator.clearRequests();
    await action();
    const log = stack.emulator.requests();
    apps.forEach((app, i) => {
      expect(replaySecrets(before[i] as Map<string, string>, log, app, heldNow(stack.emulator, app)), app).toEqual([]);
    });
  }

  /** The state's ClientSecrets, by app, against what Okta holds. */
  async function expectAgreement(): Promise<void> {
    const state = await stack.exportState();
    const held = (state.deployment.resources as { type: string; delete?: boolean; outputs?: Record<string, string> }[])
      .filter((r) => r.type === secretType && !r.delete)
      .map((r) => `${r.outputs?.appId}/${r.outputs?.secretId}`)
      .sort();
    const okta = apps.flatMap((app) => secretsOf(stack.emulator, app).map((s) => `${app}/${s.id}`)).sort();
    expect(held).toEqual(okta);
  }

  beforeAll(async () => {
    const emulator = await startOktaEmulator({ port: 0, rateLimit: "off" });
    stack = await createPluginStack({
      program: path.join(__dirname, "reliability"),
      emulator,
      env: { OKTA_API_TOKEN: emulator.apiToken },
    });
    const scheduled = await emulator.createApp({ label: "scheduled" });
    apps = [stack.app.id, scheduled.id];
    await stack.setConfig("ownSecretId", secretsOf(emulator, stack.app.id)[0]?.id as string);
    await stack.setConfig("rotatingAppId", scheduled.id);
  }, 600_000);
  afterAll(async () => {
    await stack?.cleanup();
    await stack?.emulator.close();
  });

  it("rotations and a scheduled walk through two generations", { timeout: 600_000 }, async () => {
    await step(() => stack.up({ env: { OKTA_CREDENTIALS_NOW: "2026-01-02" } }));
    await stack.setConfig("rotation", "r1");
    for (const now of ["2026-01-09", "2026-01-31", "2026-02-08"]) {
      await step(() => stack.up({ env: { OKTA_CREDENTIALS_NOW: now } }));
    }
    await expectAgreement();
  });

  it("a create whose answer is lost is recognised, never repeated", { timeout: 300_000 }, async () => {
    await stack.setConfig("rotation", "r2");
    const path = `^/api/v1/apps/${stack.app.id}/credentials/secrets$`;
    stack.emulator.faults.inject({ method: "POST", path, status: 500, after: true });
    await step(() => stack.up({ env: { OKTA_CREDENTIALS_NOW: "2026-02-08" } }));
    expect(secretsOf(stack.emulator, stack.app.id)).toHaveLength(1);
    await expectAgreement();
  });

  it("the CLI killed in the middle of a rotation, then `pulumi up` again", { timeout: 600_000 }, async () => {
    await stack.setConfig("rotation", "r3");
    const deactivate = `^/api/v1/apps/${stack.app.id}/credentials/secrets/\\w+/lifecycle/deactivate$`;
    stack.emulator.faults.inject({ method: "POST", path: deactivate, delayMs: 40_000 });
    await step(async () => {
      // Killed (SIGKILL) while the old secret's deactivation waits; the plugin's request may still finish after.
      const killed = await stack.up({
        env: { OKTA_CREDENTIALS_NOW: "2026-02-08" },
        timeoutMs: 30_000,
        expectFailure: true,
      });
      expect(killed.stderr).toContain("killed after 30000 ms");
      const answered = () => stack.emulator.requests().some((r) => r.path.endsWith("/lifecycle/deactivate"));
      for (let waited = 0; waited < 60_000 && !answered(); waited += 1_000) {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
      // What a user does after a killed run: the file backend's lock stays until `pulumi cancel` removes it.
      await stack.pulumi(["cancel", "--yes", "--non-interactive"]);
      await stack.up({ env: { OKTA_CREDENTIALS_NOW: "2026-02-08" } });
    });
    expect(secretsOf(stack.emulator, stack.app.id)).toEqual([{ id: expect.any(String), status: "ACTIVE" }]);
    await expectAgreement();
  });
});
