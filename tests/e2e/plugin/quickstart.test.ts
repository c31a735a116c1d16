import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { requestClientCredentialsToken } from "../../../sdk";
import { createServiceApp } from "../../serviceApp";
import { createStack } from "../harness";
import { repoRoot } from "../harness/engine";
import type { E2EStack } from "../harness/types";
import { expectedStory as expected } from "./expectedStory";
import { createPluginStack } from "./pluginStack";
import { type Shape, type StoryProgram, tellStory } from "./quickstartStory";

// The quickstart's story told by the YAML program on the provider plugin, step for step as the TypeScript quickstart
// tells it on the dynamic provider (run here too, as the reference): the same previews, and the same Okta state after
// every step. Then what only the plugin's programs add here: a generated key that gets a token.
const yamlSteps: Record<Shape, number> = { adopt: 1, plain: 2, partner: 3, scheduled: 4 };
const dynamic: StoryProgram = {
  name: "TypeScript (dynamic provider)",
  secretType: "pulumi-nodejs:dynamic/okta:ClientSecret",
  enter: async (stack, shape) => {
    if (shape === "adopt") await stack.useProgram("examples/quickstart");
  },
};
const yaml: StoryProgram = {
  name: "YAML (plugin)",
  secretType: "okta-credentials:index:ClientSecret",
  enter: (stack, shape) => stack.useProgram(path.join(repoRoot, `examples/plugin-yaml/step${yamlSteps[shape]}`)),
};

const stacks: E2EStack[] = [];
afterAll(async () => {
  await Promise.all(stacks.map((s) => s.cleanup()));
});

describe("the quickstart in YAML on the provider plugin, beside the TypeScript quickstart", () => {
  it("the TypeScript quickstart on the dynamic provider (the reference)", { timeout: 600_000 }, async () => {
    const stack = await createStack({ program: "tests/e2e/plugin/dynamicQuickstart" });
    stacks.push(stack);
    expect(await tellStory(stack, dynamic)).toEqual(expected);
  });

  let yamlStack: E2EStack;
  it("the YAML program: the same steps, the same previews, the same Okta state after each", {
    timeout: 600_000,
  }, async () => {
    yamlStack = await createPluginStack({ program: "examples/plugin-yaml/step1" });
    stacks.push(yamlStack);
    expect(await tellStory(yamlStack, yaml)).toEqual(expected);
  });

  it("and a generated ClientJsonWebKey whose private key gets a token", { timeout: 300_000 }, async () => {
    const service = await createServiceApp(yamlStack.emulator, { label: "orders-api client" });
    await yamlStack.setConfig("keyAppId", service.id);
    await yamlStack.useProgram(path.join(repoRoot, "examples/plugin-yaml/step5"));
    const run = await yamlStack.up({ env: { OKTA_CREDENTIALS_NOW: "2026-02-08" } });
    expect(run.counts).toMatchObject({ create: 1, replace: 0, delete: 0 });
    const { kid, privateKeyPem } = (await yamlStack.outputs({ showSecrets: true })) as Record<string, string>;
    expect((await yamlStack.outputs()).privateKeyPem).toBe("[secret]");
    const token = await requestClientCredentialsToken({
      orgUrl: yamlStack.emulator.url,
      clientId: service.id,
      scopes: ["okta.apps.read"],
      privateKey: privateKeyPem as string,
      kid: kid as string,
    });
    expect(token.accessToken).not.toBe("");
    const state = JSON.stringify(await yamlStack.exportState());
    expect(state).not.toContain((privateKeyPem as string).split("\n")[1]);
    expect(state).not.toContain("resourceUrn");
  });
});
