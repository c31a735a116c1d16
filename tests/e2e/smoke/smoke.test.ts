import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStack, type E2EStack } from "../harness";

// The chain every other end-to-end test stands on: the real CLI runs a TypeScript program folder through ts-node,
// the dynamic-provider plugin runs the program's own serialized provider, and the counts come from the engine.
const fixture = path.join(__dirname, "fixture");
const recorderType = "pulumi-nodejs:dynamic/smoke:Recorder";

describe("smoke: a TypeScript program with a dynamic resource, under the real engine", () => {
  let stack: E2EStack;
  const journal = async () => (await readFile(path.join(stack.workDir, "recorder-journal.log"), "utf8")).split("\n");

  beforeAll(async () => {
    stack = await createStack({ program: path.join(fixture, "step1") });
  });
  afterAll(async () => {
    await stack?.cleanup();
  });

  it("keeps the Okta API token out of the stack's config file", async () => {
    const config = await readFile(path.join(stack.workDir, "Pulumi.e2e.yaml"), "utf8");
    expect(config).toContain(`okta-credentials:orgUrl: ${stack.emulator.url}`);
    expect(config).toMatch(/okta:apiToken:\n\s+secure: v1:/);
    expect(config).not.toContain(stack.emulator.apiToken);
  });

  it("previews the first deployment: the stack and three resources to create", async () => {
    const run = await stack.preview({ diff: true });
    expect(run.counts).toEqual({ create: 4, update: 0, replace: 0, delete: 0, same: 0 });
    expect(run.stdout).toContain(`+ ${recorderType}: (create)`);
  });

  it("creates them with `up`; the provider runs in the program folder", async () => {
    const run = await stack.up();
    expect(run.counts).toEqual({ create: 4, update: 0, replace: 0, delete: 0, same: 0 });
    expect((await journal()).sort()).toEqual(["", "create rec-one-a", "create rec-r-a", "create rec-x-a"]);
    expect(await stack.outputs()).toEqual({
      appId: stack.app.id,
      labels: { replaced: "r", updated: "one", removed: "x" },
    });
  });

  it("previews step2 with a diff: one create, update, replace and delete each", async () => {
    await stack.useProgram(path.join(fixture, "step2"));
    const run = await stack.preview({ diff: true });
    expect(run.counts).toEqual({ create: 1, update: 1, replace: 1, delete: 1, same: 1 });
    expect(run.stdout).toContain(`+-${recorderType}: (replace)`);
    expect(run.stdout).toMatch(/~ label\s*: "one" => "two"/);
    expect(run.stdout).toContain(`- ${recorderType}: (delete)`);
    // The plan-file counts agree with the engine's own change summary.
    const json = await stack.pulumi(["preview", "--json", "--non-interactive"]);
    expect(JSON.parse(json.stdout).changeSummary).toEqual({ create: 1, update: 1, replace: 1, delete: 1, same: 1 });
  });

  it("applies step2: the replacement is created before the old one is deleted", async () => {
    const run = await stack.up();
    expect(run.counts).toEqual({ create: 1, update: 1, replace: 1, delete: 1, same: 1 });
    const lines = await journal();
    expect(lines.slice(3).sort()).toEqual(
      ["", "create rec-r-b", "delete rec-r-a", "update rec-one-a label=two", "create rec-y-a", "delete rec-x-a"].sort(),
    );
    expect(lines.indexOf("create rec-r-b")).toBeLessThan(lines.indexOf("delete rec-r-a"));
  });

  it("refresh records drift made behind the engine's back", async () => {
    const storeFile = path.join(stack.workDir, "recorder-store.json");
    const objects = JSON.parse(await readFile(storeFile, "utf8"));
    objects["rec-one-a"].label = "drifted";
    await writeFile(storeFile, JSON.stringify(objects));
    const run = await stack.refresh();
    expect(run.counts).toEqual({ create: 0, update: 1, replace: 0, delete: 0, same: 3 });
    const state = await stack.exportState();
    const updated = state.deployment.resources.find((r: { urn: string }) => r.urn.endsWith("::updated"));
    expect(updated.outputs.label).toBe("drifted");
  });

  it("destroys everything", async () => {
    const run = await stack.destroy();
    expect(run.counts).toEqual({ create: 0, update: 0, replace: 0, delete: 4, same: 0 });
    expect(JSON.parse(await readFile(path.join(stack.workDir, "recorder-store.json"), "utf8"))).toEqual({});
  });

  it("a failing command throws with its output, and never with the passphrase or token", async () => {
    const failed = await stack.pulumi(["config", "get", "missing-key"], { expectFailure: true });
    expect(failed.code).not.toBe(0);
    const error = await stack.pulumi(["config", "get", "missing-key"]).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain("`pulumi config get missing-key` failed with code");
    // `config get` prints a secret in plaintext: an unexpected outcome must not carry it into the error.
    const token = stack.emulator.apiToken;
    expect((await stack.pulumi(["config", "get", "okta:apiToken"])).stdout.trim()).toBe(token);
    const leaked = await stack
      .pulumi(["config", "get", "okta:apiToken"], { expectFailure: true })
      .catch((e: Error) => e);
    expect((leaked as Error).message).toContain("expected to fail, but it succeeded");
    expect((leaked as Error).message).toContain("[redacted]");
    expect((leaked as Error).message).not.toContain(token);
  });
});
