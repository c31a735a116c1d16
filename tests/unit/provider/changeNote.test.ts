import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OktaEmulator } from "../../../emulator/index";
import { providers } from "../../../provider";
import type { ChangeNote } from "../../../provider/resources/credential/change";
import { keyCalls, newRun, secretCalls } from "./engineCalls";
import { keysOf, privateKeyJwtApp, secretsOf, startHookHarness } from "./harness";

// The `change` input that check returns: what the run does to the credential, in the words a reviewer reads in
// `pulumi preview --diff` (the engine shows the inputs a replacement's second check returns, on stdout).
let emulator: OktaEmulator;
beforeAll(async () => {
  ({ emulator } = await startHookHarness());
});
afterAll(() => emulator.close());

/** The replacement's inputs as the engine gets them in a preview: check with olds, diff, then check without olds. */
async function replacementChange(
  hooks: typeof providers.ClientSecret | typeof providers.ClientJsonWebKey,
  held: { id: string; inputs: object; outs: object },
  news: object,
): Promise<{ change: ChangeNote | undefined; deleteBeforeReplace: boolean | undefined }> {
  // biome-ignore lint/suspicious/noExplicitAny: both kinds' hooks, called as the engine calls them.
  const h = hooks as any;
  const first = await h.check(held.inputs, news);
  const diff = await h.diff(held.id, held.outs, first.inputs);
  expect(diff.replaces.length).toBeGreaterThan(0);
  const second = await h.check({}, news);
  expect(second.failures ?? []).toEqual([]);
  return { change: second.inputs.change, deleteBeforeReplace: diff.deleteBeforeReplace };
}

describe("the change note", () => {
  it("says a new secret is created, or which one is taken over, and what is retired in which order and why", async () => {
    newRun();
    const app = await emulator.createApp();
    const [own] = secretsOf(emulator, app.id);
    const adopted = await secretCalls.create(
      secretCalls.inputsOf("a", { appId: app.id, adoptSecretId: own?.id as string }),
    );
    expect(adopted.inputs.change).toEqual({
      action: "adopt",
      adopts: own?.id,
      why: expect.stringContaining("takes over"),
    });

    newRun();
    const second = await secretCalls.checkNew(secretCalls.inputsOf("b", { appId: app.id }));
    expect(second.change).toEqual({ action: "create", why: expect.stringMatching(/^a new client secret is added/) });

    // A rotation of the app's only secret: create-first, forced by rotationTriggers.
    newRun();
    const rotate = { ...adopted.inputs, rotationTriggers: { rotation: "2" } };
    const firstRotation = await replacementChange(providers.ClientSecret, adopted, rotate);
    expect(firstRotation.deleteBeforeReplace).toBe(false);
    expect(firstRotation.change).toEqual({
      action: "rotate",
      order: "create-first",
      retires: own?.id,
      because: "rotationTriggers changed",
      why: `the new secret is made first, then ${own?.id} is deactivated and deleted: the app keeps an ACTIVE secret throughout`,
    });

    // An INACTIVE secret goes delete-first.
    newRun();
    const b = await secretCalls.create(secretCalls.inputsOf("b", { appId: app.id }));
    expect(b.inputs.change?.action).toBe("create");
    newRun();
    const { held: inactive } = await secretCalls.up(adopted, { ...adopted.inputs, status: "INACTIVE" });
    newRun();
    const deleteFirst = await replacementChange(providers.ClientSecret, inactive, {
      ...inactive.inputs,
      rotationTriggers: { rotation: "3" },
    });
    expect(deleteFirst.deleteBeforeReplace).toBe(true);
    expect(deleteFirst.change).toMatchObject({ action: "rotate", order: "delete-first", retires: own?.id });
    expect(deleteFirst.change?.why).toBe(
      `${own?.id} is INACTIVE (nothing authenticates with it): it is deleted first, then the new secret takes its slot`,
    );

    // An existing resource's check keeps the last note: an update or a no-op shows no change of it.
    newRun();
    const { change: _, ...program } = inactive.inputs;
    const kept = await providers.ClientSecret.check(inactive.inputs, program);
    expect(kept.inputs?.change).toEqual(inactive.inputs.change);
  });

  it("gives heldRetired's reason for a key's delete-first rotation, in the key's words", async () => {
    newRun();
    const keyApp = await privateKeyJwtApp(emulator);
    const k = await keyCalls.create(keyCalls.inputsOf("k", { appId: keyApp, generate: { algorithm: "ES256" } }));
    await keyCalls.create(keyCalls.inputsOf("other", { appId: keyApp, generate: { algorithm: "ES256" } }));
    newRun();
    const { change, deleteBeforeReplace } = await replacementChange(providers.ClientJsonWebKey, k, {
      ...k.inputs,
      heldRetired: true,
      rotationTriggers: { r: "2" },
    });
    expect(deleteBeforeReplace).toBe(true);
    expect(change).toMatchObject({ action: "rotate", order: "delete-first", retires: k.outs.keyId });
    const other = keysOf(emulator, keyApp).find((key) => key.id !== k.outs.keyId)?.id;
    expect(change?.why).toBe(
      `heldRetired: ${k.outs.keyId} is retired, so it is deleted first while the app keeps ${other} ACTIVE`,
    );
    // Each value fits a line of the engine's display, which cuts longer ones.
    for (const value of Object.values(change ?? {})) expect(String(value).length).toBeLessThanOrEqual(150);
    // Nothing in the note is a credential: ids and words only.
    expect(JSON.stringify(change)).not.toContain(k.outs.privateKeyPem as string);
  });
});
