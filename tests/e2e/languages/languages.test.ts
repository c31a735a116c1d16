import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStack, type E2EStack } from "../harness";

// The YAML and Go language hosts scripts/engine.sh builds and caches (pulumi-yaml v1.25.0, the Go host of sdk/v3
// v3.52.0), run by the real CLI on a tiny program each: `pulumi up` with its preview, then `pulumi stack output`.
// The provider plugin for other languages (issue 19) stands on these hosts; here they run programs without it.
const run = promisify(execFile);
const hidden = "not-a-secret-only-marked-as-one";

interface AboutPlugin {
  name: string;
  version: string;
  kind: string;
}

async function languagePlugin(stack: E2EStack): Promise<AboutPlugin | undefined> {
  const { stdout } = await stack.pulumi(["about", "--json"]);
  return (JSON.parse(stdout) as { plugins: AboutPlugin[] }).plugins.find((plugin) => plugin.kind === "language");
}

describe("a YAML program on the YAML language host", () => {
  let stack: E2EStack;

  beforeAll(async () => {
    stack = await createStack({ program: path.join(__dirname, "yaml") });
  });
  afterAll(async () => {
    await stack?.cleanup();
  });

  it("`pulumi up` creates the stack with the program's outputs, the stack config's appId among them", async () => {
    const { counts, stdout } = await stack.up();
    expect(counts).toEqual({ create: 1, update: 0, replace: 0, delete: 0, same: 0 });
    expect(stdout).toContain("hidden  : [secret]");
  });

  it("`pulumi stack output` shows them, the secret one only with --show-secrets", async () => {
    expect(await stack.outputs()).toEqual({ language: "yaml", appId: stack.app.id, hidden: "[secret]" });
    expect(await stack.outputs({ showSecrets: true })).toEqual({ language: "yaml", appId: stack.app.id, hidden });
  });

  it("ran on the host built by scripts/engine.sh", async () => {
    expect(await languagePlugin(stack)).toEqual({ name: "yaml", version: "1.25.0", kind: "language" });
  });
});

describe("a Go program on the Go language host", () => {
  let stack: E2EStack;
  let goVersion: string;

  beforeAll(async () => {
    stack = await createStack({ program: path.join(__dirname, "go") });
    goVersion = (
      await run("go", ["env", "GOVERSION"], { env: { ...process.env, GOTOOLCHAIN: "local" } })
    ).stdout.trim();
  });
  afterAll(async () => {
    await stack?.cleanup();
  });

  // The host compiles the program with `go build`, in the preview and again in the update: with a cold Go build
  // cache the first compile of sdk/v3 and its dependencies takes minutes on 2 busy cores (docs/development.md).
  it("`pulumi up` compiles and runs it: the program's outputs, the stack config's appId among them", async () => {
    const { counts, stdout } = await stack.up({ timeoutMs: 900_000 });
    expect(counts).toEqual({ create: 1, update: 0, replace: 0, delete: 0, same: 0 });
    expect(stdout).toContain("hidden   : [secret]");
  }, 960_000);

  it("`pulumi stack output` shows them, the secret one only with --show-secrets; the local Go compiled it", async () => {
    const expected = { language: "go", appId: stack.app.id, goVersion };
    expect(await stack.outputs()).toEqual({ ...expected, hidden: "[secret]" });
    expect(await stack.outputs({ showSecrets: true })).toEqual({ ...expected, hidden });
  });

  it("a second `pulumi up` with new config runs the program again: the output follows", async () => {
    await stack.setConfig("appId", "0oa-not-an-app");
    const { counts } = await stack.up();
    expect(counts).toEqual({ create: 0, update: 0, replace: 0, delete: 0, same: 1 });
    expect((await stack.outputs()).appId).toBe("0oa-not-an-app");
  });

  it("ran on the host built by scripts/engine.sh", async () => {
    expect(await languagePlugin(stack)).toEqual({ name: "go", version: "3.52.0", kind: "language" });
  });
});
