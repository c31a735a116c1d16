import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OktaEmulator } from "../../../../emulator";
import { providers } from "../../../../provider";
import type { ClientSecretInputs, ClientSecretOutputs } from "../../../../provider/resources/clientSecret/types";
import { secretsOf, startHookHarness } from "../harness";

let emulator: OktaEmulator;
const hooks = providers.ClientSecret;

beforeAll(async () => {
  ({ emulator } = await startHookHarness());
});
afterAll(() => emulator.close());

// The order in which the engine calls the hooks for a replacement (seen in `pulumi up`): check with the old inputs,
// diff, then check again with NO old inputs (as for a new resource), then create with what that second check returned.
async function replace(olds: ClientSecretOutputs, oldInputs: ClientSecretInputs, news: ClientSecretInputs) {
  const first = await hooks.check(oldInputs, news);
  const diff = await hooks.diff(`${olds.appId}/${olds.secretId}`, olds, first.inputs as ClientSecretInputs);
  expect(diff.replaces?.length).toBeGreaterThan(0);
  emulator.clearRequests();
  const second = await hooks.check({} as ClientSecretInputs, news);
  expect(second.failures ?? []).toEqual([]);
  // diff has just read the app and verified its slots for these inputs: the second check asks Okta nothing.
  expect(emulator.requests()).toEqual([]);
  return (await hooks.create(second.inputs as ClientSecretInputs)).outs as ClientSecretOutputs;
}

describe("adoption across replacements, in the engine's call order", () => {
  it("adopts once; each rotation then creates a new secret, also after the adopted one is gone", async () => {
    const app = await emulator.createApp();
    const [initial] = secretsOf(emulator, app.id);
    const adopt: ClientSecretInputs = {
      appId: app.id,
      adoptSecretId: initial?.id as string,
      rotationTriggers: { r: "1" },
    };
    const checked = await hooks.check({} as ClientSecretInputs, adopt);
    const adopted = (await hooks.create(checked.inputs as ClientSecretInputs)).outs as ClientSecretOutputs;
    expect(adopted.secretId).toBe(initial?.id);

    const rotated = { ...adopt, rotationTriggers: { r: "2" } };
    const first = await replace(adopted, adopt, rotated);
    expect(first.secretId).not.toBe(initial?.id);
    await hooks.delete(`${app.id}/${adopted.secretId}`, adopted);
    expect(secretsOf(emulator, app.id).map((s) => s.id)).toEqual([first.secretId]);

    // The adopted secret no longer exists: the second rotation must neither adopt nor fail on it.
    const again = { ...adopt, rotationTriggers: { r: "3" } };
    const second = await replace(first, rotated, again);
    expect(second.secretId).not.toBe(first.secretId);
    expect(secretsOf(emulator, app.id).map((s) => s.id)).toEqual([first.secretId, second.secretId]);
  });

  it("a new resource with the same inputs as nothing diff planned is still checked against Okta", async () => {
    const app = await emulator.createApp();
    emulator.clearRequests();
    await hooks.check({} as ClientSecretInputs, { appId: app.id, rotationTriggers: { r: "fresh" } });
    expect(emulator.requests().map((r) => r.method)).toEqual(["GET", "GET"]);
  });
});
