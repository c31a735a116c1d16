import { generateKeyPairSync } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { OktaEmulator } from "../../../../emulator/index";
import { providers } from "../../../../provider";
import { keyCalls, newRun } from "../engineCalls";
import { keysOf, privateKeyJwtApp, startHookHarness } from "../harness";

// `heldRetired: true` on a ClientJsonWebKey, as on a ClientSecret: the caller says the ACTIVE key held is retired, so
// a replacement deletes it first while the app keeps another ACTIVE signing key. Replayed in the engine's orders.
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

const writes = () =>
  emulator
    .requests()
    .filter((r) => r.method !== "GET")
    .map((r) => `${r.method} ${r.path.replace(/^\/api\/v1\/apps\/\w+\/credentials\/jwks/, "…")}`);

describe("heldRetired on a ClientJsonWebKey", () => {
  it("a retired ACTIVE key is replaced delete-first while the app keeps another signing key: a fixed kid rotates in one up", async () => {
    const app = await privateKeyJwtApp(emulator);
    const own = await keyCalls.create(keyCalls.inputsOf("own", { appId: app, generate: { algorithm: "RS256" } }));
    const inputs = keyCalls.inputsOf("a", {
      appId: app,
      generate: { algorithm: "ES256" },
      kid: "k1",
      rotationTriggers: { r: "1" },
    });
    const a = await keyCalls.create(inputs);
    newRun();
    // Create-first, the same kid would be in the app twice: refused at preview.
    await expect(keyCalls.preview(a, { ...a.inputs, rotationTriggers: { r: "2" } })).rejects.toThrow(
      `kid: ClientJsonWebKey "a" would add its new key with kid "k1", the kid of the key it holds now`,
    );
    newRun();
    emulator.clearRequests();
    const said = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { held, diff } = await keyCalls.up(a, { ...a.inputs, rotationTriggers: { r: "2" }, heldRetired: true });
    expect(diff).toMatchObject({ replaces: ["rotationTriggers"], deleteBeforeReplace: true });
    expect(writes()).toEqual([`POST …/${a.outs.keyId}/lifecycle/deactivate`, `DELETE …/${a.outs.keyId}`, "POST …"]);
    expect(held.outs).toMatchObject({ kid: "k1", status: "ACTIVE" });
    expect(keysOf(emulator, app).map((k) => [k.id, k.status])).toEqual([
      [own.outs.keyId, "ACTIVE"],
      [held.outs.keyId, "ACTIVE"],
    ]);
    expect(said).toHaveBeenCalledWith(
      `warning: ClientJsonWebKey "a" is replaced delete-first: heldRetired says its ACTIVE signing key ${a.outs.keyId} ` +
        `is retired, and the app keeps ${own.outs.keyId} ACTIVE meanwhile`,
    );
  });

  it("an ACTIVE encryption key does not count: on the only ACTIVE signing key it adds the new key first", async () => {
    const app = await privateKeyJwtApp(emulator);
    const a = await keyCalls.create(
      keyCalls.inputsOf("a", { appId: app, generate: { algorithm: "RS256" }, rotationTriggers: { r: "1" } }),
    );
    const enc = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" });
    await keyCalls.create(keyCalls.inputsOf("enc", { appId: app, publicKey: enc.toString(), use: "enc" }));
    newRun();
    emulator.clearRequests();
    const said = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { held, diff } = await keyCalls.up(a, { ...a.inputs, rotationTriggers: { r: "2" }, heldRetired: true });
    expect(diff.deleteBeforeReplace).toBe(false);
    expect(writes()).toEqual(["POST …", `POST …/${a.outs.keyId}/lifecycle/deactivate`, `DELETE …/${a.outs.keyId}`]);
    expect(held.outs.status).toBe("ACTIVE");
    expect(said).toHaveBeenCalledWith(
      `warning: ClientJsonWebKey "a" has heldRetired, but its signing key ${a.outs.keyId} is the app's only ACTIVE ` +
        "signing key: deleting it first would leave the app without one, so the replacement makes the new signing " +
        "key first (which needs room for it)",
    );
  });

  it("changes nothing by itself, never applies to another app or a forced replacement, and must be a boolean", async () => {
    const app = await privateKeyJwtApp(emulator);
    await keyCalls.create(keyCalls.inputsOf("own", { appId: app, generate: { algorithm: "RS256" } }));
    const a = await keyCalls.create(keyCalls.inputsOf("a", { appId: app, generate: { algorithm: "ES256" } }));
    newRun();
    expect(await keyCalls.preview(a, { ...a.inputs, heldRetired: true })).toMatchObject({
      changes: false,
      replaces: [],
    });
    const other = await privateKeyJwtApp(emulator);
    newRun();
    const moved = await keyCalls.preview(a, { ...a.inputs, appId: other, heldRetired: true });
    expect(moved).toMatchObject({ replaces: ["appId"], deleteBeforeReplace: false });
    newRun();
    emulator.clearRequests();
    await keyCalls.forcedReplace(a, { ...a.inputs, heldRetired: true });
    expect(writes()).toEqual(["POST …", `POST …/${a.outs.keyId}/lifecycle/deactivate`, `DELETE …/${a.outs.keyId}`]);
    const checked = await providers.ClientJsonWebKey.check({} as never, { ...a.inputs, heldRetired: 1 as never });
    expect(checked.failures).toEqual([{ property: "heldRetired", reason: "heldRetired must be true or false, got 1" }]);
  });
});
