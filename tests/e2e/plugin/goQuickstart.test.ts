import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { requestClientCredentialsToken } from "../../../sdk";
import { createServiceApp } from "../../serviceApp";
import { repoRoot } from "../harness/engine";
import type { E2EStack } from "../harness/types";
import { expectedStory } from "./expectedStory";
import { createPluginStack } from "./pluginStack";
import { type StoryProgram, tellStory } from "./quickstartStory";

// The quickstart's story told by a Go program (examples/plugin-go) on the provider plugin, through the Go SDK
// generated from the schema (sdk-go/): the same previews and the same Okta state after each step as the TypeScript
// quickstart, then a generated key that gets a token.
const run = promisify(execFile);
const go: StoryProgram = {
  name: "Go (plugin)",
  secretType: "okta-credentials:index:ClientSecret",
  enter: async () => {},
};

describe("the quickstart in Go on the provider plugin, through the generated Go SDK", () => {
  let stack: E2EStack;
  afterAll(async () => {
    await stack?.cleanup();
  });

  it("the same steps, the same previews, the same Okta state after each", { timeout: 900_000 }, async () => {
    stack = await createPluginStack({ program: "examples/plugin-go" });
    // The program uses this checkout's sdk-go/ (a `replace`): point it there from the stack's own folder.
    const sdk = "github.com/pulumi-okta-credentials/pulumi-okta-credentials/sdk-go";
    await run("go", ["mod", "edit", `-replace=${sdk}=${path.join(repoRoot, "sdk-go")}`], { cwd: stack.workDir });
    // Built once here, not by the language host before each of the story's commands (`runtime.options.binary`).
    await run("go", ["build", "-o", "quickstart-go", "."], { cwd: stack.workDir, timeout: 600_000 });
    const project = path.join(stack.workDir, "Pulumi.yaml");
    const yaml = (await readFile(project, "utf8")).replace(
      /^runtime: go$/m,
      "runtime:\n  name: go\n  options:\n    binary: ./quickstart-go",
    );
    await writeFile(project, yaml);
    expect(await tellStory(stack, go)).toEqual(expectedStory);
  });

  it("and a generated ClientJsonWebKey whose private key gets a token", { timeout: 300_000 }, async () => {
    const service = await createServiceApp(stack.emulator, { label: "orders-api client" });
    await stack.setConfig("keyAppId", service.id);
    const up = await stack.up({ env: { OKTA_CREDENTIALS_NOW: "2026-02-08" } });
    expect(up.counts).toMatchObject({ create: 1, replace: 0, delete: 0 });
    const { kid, privateKeyPem } = (await stack.outputs({ showSecrets: true })) as Record<string, string>;
    const token = await requestClientCredentialsToken({
      orgUrl: stack.emulator.url,
      clientId: service.id,
      scopes: ["okta.apps.read"],
      privateKey: privateKeyPem as string,
      kid: kid as string,
    });
    expect(token.accessToken).not.toBe("");
  });
});
