import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOktaEmulator } from "../../../emulator/index";
import type { E2EStack } from "../harness/types";
import { createPluginStack } from "./pluginStack";
import { secretsOf } from "./quickstartStory";

// What the core tells the person running Pulumi (here: why a replacement goes delete-first) reaches the engine as a
// diagnostic of the resource it concerns: under the resource in the preview, with its URN in `pulumi preview --json`.
// (The dynamic provider can only print such a line for the whole run, with no resource.)
interface Diagnostic {
  urn?: string;
  message: string;
  severity: string;
}

describe("the plugin's diagnostics are attached to their resource", () => {
  let stack: E2EStack;
  beforeAll(async () => {
    const emulator = await startOktaEmulator({ port: 0, rateLimit: "off" });
    stack = await createPluginStack({
      program: path.join(__dirname, "diagnostics"),
      emulator,
      env: { OKTA_API_TOKEN: emulator.apiToken },
    });
    await stack.setConfig("ownSecretId", secretsOf(emulator, stack.app.id)[0]?.id as string);
    await stack.up();
    expect(secretsOf(emulator, stack.app.id)).toHaveLength(2);
  }, 600_000);
  afterAll(async () => {
    await stack?.cleanup();
    await stack?.emulator.close();
  });

  it("why a replacement goes delete-first: on the resource, in preview --json and in the text view", async () => {
    await stack.setConfig("rotation", "2026-12");
    const json = await stack.pulumi(["preview", "--json", "--non-interactive"]);
    const { diagnostics } = JSON.parse(json.stdout) as { diagnostics: Diagnostic[] };
    const note = diagnostics.find((d) => d.message.includes("is replaced delete-first"));
    expect(note).toMatchObject({
      urn: stack.urn("okta-credentials:index:ClientSecret", "retired"),
      severity: "warning",
    });
    expect(note?.message).toContain('ClientSecret "retired" is replaced delete-first: heldRetired says its ACTIVE');
    const text = await stack.preview();
    // Listed under the resource in the preview's Diagnostics, not under the stack.
    expect(text.stdout).toMatch(
      /okta-credentials:index:ClientSecret \(retired\):\n\s+warning: ClientSecret "retired" is replaced delete-first/,
    );
    const run = await stack.up();
    expect(run.counts).toMatchObject({ replace: 1 });
    const held = secretsOf(stack.emulator, stack.app.id);
    expect(held).toHaveLength(2);
    expect(held.every((s) => s.status === "ACTIVE")).toBe(true);
  });
});
