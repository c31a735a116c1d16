import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { OktaEmulator } from "../../../../emulator/index";
import { providers } from "../../../../provider";
import { newRun, secretCalls } from "../engineCalls";
import { secretsOf, startHookHarness } from "../harness";

// Whole runs replayed in the engine's call orders: every decision comes from the resource's own inputs and outputs
// and from Okta's answers, so it holds across runs (each a new provider process) and whatever the order in which the
// hooks of different resources are called.
let emulator: OktaEmulator;

beforeAll(async () => {
  ({ emulator } = await startHookHarness());
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset();
  newRun();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const ids = (appId: string) => secretsOf(emulator, appId).map((s) => s.id);

describe("adoption and replacement across runs", () => {
  it("adopts once; each rotation then creates a new secret, also after the adopted one is gone", async () => {
    const app = await emulator.createApp();
    const initial = ids(app.id)[0] as string;
    let held = await secretCalls.create(
      secretCalls.inputsOf("a", { appId: app.id, adoptSecretId: initial, rotationTriggers: { r: "1" } }),
    );
    expect(held.outs.secretId).toBe(initial);
    for (const r of ["2", "3"]) {
      newRun();
      const before = held.outs.secretId;
      ({ held } = await secretCalls.up(held, { ...held.inputs, rotationTriggers: { r } }));
      expect(held.outs.secretId).not.toBe(before);
      expect(ids(app.id)).toEqual([held.outs.secretId]);
    }
  });

  it("a forced replacement without adoptSecretId rotates; with it, takes the same secret over and deletes nothing", async () => {
    const app = await emulator.createApp();
    const initial = ids(app.id)[0] as string;
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const adopted = await secretCalls.create(secretCalls.inputsOf("a", { appId: app.id, adoptSecretId: initial }));
    newRun();
    const again = await secretCalls.forcedReplace(adopted, adopted.inputs);
    expect(again.outs.secretId).toBe(initial);
    expect(ids(app.id)).toEqual([initial]);

    newRun();
    const { held: plain } = await secretCalls.up(again, { ...again.inputs, adoptSecretId: undefined } as never);
    newRun();
    const rotated = await secretCalls.forcedReplace(plain, plain.inputs);
    expect(rotated.outs.secretId).not.toBe(initial);
    expect(ids(app.id)).toEqual([rotated.outs.secretId]);
  });

  it("a pending delete left by an interrupted forced replacement never deletes the secret the live resource holds", async () => {
    const app = await emulator.createApp();
    const initial = ids(app.id)[0] as string;
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const old = await secretCalls.create(secretCalls.inputsOf("a", { appId: app.id, adoptSecretId: initial }));
    newRun();
    // --replace: the replacement takes the same secret over, and the run stops before the old one's delete.
    const live = await secretCalls.create(old.inputs);
    // The next run: the live resource's check and diff, then the engine's pending deletes, at the end.
    newRun();
    await secretCalls.up(live, live.inputs);
    await providers.ClientSecret.delete(old.id, old.outs);
    expect(secretsOf(emulator, app.id)).toEqual([expect.objectContaining({ id: initial, status: "ACTIVE" })]);
  });

  it("never lets two resources hold one secret, whichever resource's hooks come first", async () => {
    const app = await emulator.createApp();
    const initial = ids(app.id)[0] as string;
    const a = await secretCalls.create(secretCalls.inputsOf("a", { appId: app.id, adoptSecretId: initial }));
    // b, new, names the secret a holds: refused at preview whether a's diff or b's check runs first.
    newRun();
    await secretCalls.preview(a, a.inputs);
    await expect(
      secretCalls.create(secretCalls.inputsOf("b", { appId: app.id, adoptSecretId: initial })),
    ).rejects.toThrow(
      `ClientSecret "b" would take over client secret ${initial}, but ClientSecret "a" already holds it`,
    );
    newRun();
    const b = secretCalls.inputsOf("b", { appId: app.id, adoptSecretId: initial });
    expect((await providers.ClientSecret.check({} as never, b)).failures).toBeUndefined();
    await expect(secretCalls.preview(a, a.inputs)).rejects.toThrow(`which ClientSecret "a" holds`);
    expect(ids(app.id)).toEqual([initial]);
  });

  it("a rotation's replacement and a new resource on one app are counted together", async () => {
    const app = await emulator.createApp();
    const a = await secretCalls.create(
      secretCalls.inputsOf("a", { appId: app.id, adoptSecretId: ids(app.id)[0] as string }),
    );
    newRun();
    // One free slot: a's create-first rotation takes it, so b cannot have it too.
    await secretCalls.preview(a, { ...a.inputs, rotationTriggers: { r: "2" } });
    await expect(secretCalls.create(secretCalls.inputsOf("b", { appId: app.id }))).rejects.toThrow(
      "this run would add 2 more before retiring any",
    );
    expect(ids(app.id)).toHaveLength(1);
  });
});
