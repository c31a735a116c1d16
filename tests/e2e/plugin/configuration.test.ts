import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOktaEmulator } from "../../../emulator/index";
import type { E2EStack } from "../harness/types";
import { createPluginStack } from "./pluginStack";
import { secretsOf } from "./quickstartStory";

// The plugin's default provider, configured in its own namespace (`okta-credentials:*`) with the token in the
// environment (docs/plugin.md#configuration), the plugin found through the program's `Pulumi.yaml` (no install): an unknown key is refused at preview with the list of keys, a changed
// key updates the provider and replaces nothing, and a missing credential is named in the plugin's terms.
describe("the plugin's configuration", () => {
  let stack: E2EStack;
  let token: string;
  beforeAll(async () => {
    const emulator = await startOktaEmulator({ port: 0, rateLimit: "off" });
    token = emulator.apiToken;
    stack = await createPluginStack({
      program: path.join(__dirname, "diagnostics"),
      emulator,
      env: { OKTA_API_TOKEN: token },
      via: "project",
    });
    await stack.setConfig("ownSecretId", secretsOf(emulator, stack.app.id)[0]?.id as string);
  }, 600_000);
  afterAll(async () => {
    await stack?.cleanup();
    await stack?.emulator.close();
  });

  it("refuses a key it does not read, at preview, listing the keys it takes", async () => {
    await stack.setConfig("okta-credentials:apiTokn", "x");
    const refused = await stack.preview({ expectFailure: true });
    expect(refused.stdout + refused.stderr).toContain(
      "okta-credentials:apiTokn is not a setting of the okta-credentials provider; it takes orgName, baseUrl, apiToken",
    );
    await stack.pulumi(["config", "rm", "okta-credentials:apiTokn"]);
  });

  it("names a missing credential by the plugin's own key", async () => {
    const missing = await stack.preview({ expectFailure: true, env: { OKTA_API_TOKEN: undefined } });
    expect(missing.stdout + missing.stderr).toContain(
      "no Okta credentials configured: run `pulumi config set --secret okta-credentials:apiToken <token>`",
    );
  });

  it("creates with the org from okta-credentials:orgUrl and the token from OKTA_API_TOKEN; a changed key replaces nothing", async () => {
    // The stack itself and the two secrets.
    expect((await stack.up()).counts).toMatchObject({ create: 3 });
    await stack.setConfig("okta-credentials:maxRetries", "3");
    const changed = await stack.up();
    expect(changed.counts).toMatchObject({ replace: 0, delete: 0, create: 0 });
    expect(secretsOf(stack.emulator, stack.app.id)).toHaveLength(2);
  });
});
