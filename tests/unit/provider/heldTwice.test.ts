import { describe, expect, it } from "vitest";
import { keyCalls, newRun, secretCalls } from "./engineCalls";
import { keysOf, privateKeyJwtApp, secretsOf, useHookHarness } from "./harness";

// State that holds one credential twice (e.g. `pulumi import` of the same id under two names): a status change or a
// rotation of either would act on the other's credential, so the preview stops, naming both and the way out, before
// any write. One rule in the core's ledger, for both kinds. (A delete never takes a credential another resource of the
// run holds: deleteCredential.)
const harness = useHookHarness();

describe("two existing resources holding one credential", () => {
  it("a client secret: refused at the second one's preview, naming both and `pulumi state delete`", async () => {
    const app = await harness.emulator.createApp();
    const a = await secretCalls.create(secretCalls.inputsOf("a", { appId: app.id }));
    newRun();
    const b = { ...a, inputs: secretCalls.inputsOf("b", { appId: app.id }) };
    expect((await secretCalls.preview(a, a.inputs)).changes).toBe(false);
    harness.emulator.clearRequests();
    await expect(secretCalls.preview(b, b.inputs)).rejects.toThrow(
      `ClientSecret "b" and ClientSecret "a" both hold client secret ${a.outs.secretId} in the stack's state; a secret is held by one resource only (a status change or a rotation of either acts on the other's): keep one: \`pulumi state delete '${secretCalls.urnOf("a")}'\` (Okta unchanged), then remove ClientSecret "a" from the program`,
    );
    expect(harness.emulator.requests().filter((r) => r.method !== "GET")).toEqual([]);
    expect(secretsOf(harness.emulator, app.id)).toHaveLength(2);
  });

  it("a JSON Web Key: the same rule", async () => {
    const app = await privateKeyJwtApp(harness.emulator);
    const a = await keyCalls.create(keyCalls.inputsOf("a", { appId: app, generate: { algorithm: "ES256" } }));
    newRun();
    const b = { ...a, inputs: keyCalls.inputsOf("b", { appId: app, generate: { algorithm: "ES256" } }) };
    expect((await keyCalls.preview(a, a.inputs)).changes).toBe(false);
    await expect(keyCalls.preview(b, b.inputs)).rejects.toThrow(
      `ClientJsonWebKey "b" and ClientJsonWebKey "a" both hold JSON Web Key ${a.outs.keyId} in the stack's state`,
    );
    expect(keysOf(harness.emulator, app).map((k) => k.id)).toContain(a.outs.keyId);
  });

  it("a replacement that retires the credential another resource keeps is not this case (a rotation's handover)", async () => {
    const app = await harness.emulator.createApp();
    // INACTIVE, so that its rotation goes delete-first and needs no room on the full app.
    const a = await secretCalls.create(secretCalls.inputsOf("a", { appId: app.id, status: "INACTIVE" }));
    newRun();
    const b = { ...a, inputs: secretCalls.inputsOf("b", { appId: app.id, status: "INACTIVE" }) };
    const rotated = secretCalls.inputsOf("a", { appId: app.id, status: "INACTIVE", rotationTriggers: { r: "2" } });
    expect((await secretCalls.preview(a, rotated)).replaces).toEqual(["rotationTriggers"]);
    expect((await secretCalls.preview(b, b.inputs)).changes).toBe(false);
  });
});
