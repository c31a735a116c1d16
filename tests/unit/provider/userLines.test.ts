import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { OktaEmulator } from "../../../emulator/index";
import { setUserLineSink } from "../../../provider/resources/hookErrors";
import { keyCalls, newRun, secretCalls } from "./engineCalls";
import { keysOf, privateKeyJwtApp, secretsOf, startHookHarness } from "./harness";

// The lines the hooks say to the person running Pulumi name the resource they are about: a provider plugin attaches
// each to its resource through the engine's log service, where the dynamic provider can only print them.
let emulator: OktaEmulator;
beforeAll(async () => {
  ({ emulator } = await startHookHarness());
});
afterAll(() => emulator.close());
afterEach(() => setUserLineSink(undefined));

describe("lines for the person running Pulumi", () => {
  it("carry the URN of the resource they are about, for both credential kinds", async () => {
    const said: { line: string; urn: string | undefined }[] = [];
    setUserLineSink((line, urn) => said.push({ line, urn }));
    const app = await emulator.createApp();
    const [secret] = secretsOf(emulator, app.id);
    const held = await secretCalls.create(
      secretCalls.inputsOf("a", { appId: app.id, adoptSecretId: secret?.id as string }),
    );
    await secretCalls.forcedReplace(held, held.inputs);
    expect(said).toEqual([
      {
        line: expect.stringContaining(`ClientSecret "a" was replaced (by --replace or a taint) while adoptSecretId`),
        urn: secretCalls.urnOf("a"),
      },
    ]);

    newRun();
    said.length = 0;
    const keyApp = await privateKeyJwtApp(emulator);
    const first = await keyCalls.create(keyCalls.inputsOf("k", { appId: keyApp, generate: { algorithm: "ES256" } }));
    await keyCalls.create(keyCalls.inputsOf("other", { appId: keyApp, generate: { algorithm: "ES256" } }));
    newRun();
    const retired = { ...first.inputs, heldRetired: true, rotationTriggers: { r: "2" } };
    const { diff } = await keyCalls.up(first, retired);
    expect(diff.deleteBeforeReplace).toBe(true);
    expect(said).toEqual([
      {
        line: expect.stringMatching(/^ClientJsonWebKey "k" is replaced delete-first: heldRetired/),
        urn: keyCalls.urnOf("k"),
      },
    ]);
    expect(keysOf(emulator, keyApp).map((k) => k.status)).toEqual(["ACTIVE", "ACTIVE"]);
  });

  it("go to stderr as warnings when no sink is set (the dynamic provider's only way)", async () => {
    setUserLineSink(undefined);
    const app = await emulator.createApp();
    const [secret] = secretsOf(emulator, app.id);
    const printed: string[] = [];
    const original = console.error;
    console.error = (line: string) => printed.push(line);
    try {
      newRun();
      const held = await secretCalls.create(
        secretCalls.inputsOf("b", { appId: app.id, adoptSecretId: secret?.id as string }),
      );
      await secretCalls.forcedReplace(held, held.inputs);
    } finally {
      console.error = original;
    }
    expect(printed).toEqual([expect.stringMatching(/^warning: ClientSecret "b" was replaced/)]);
  });
});
