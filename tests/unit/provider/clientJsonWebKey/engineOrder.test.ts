import { generateKeyPairSync } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { OktaEmulator } from "../../../../emulator/index";
import { providers } from "../../../../provider";
import { clientJsonWebKeyKind } from "../../../../provider/resources/clientJsonWebKey/kind";
import type {
  ClientJsonWebKeyInputs,
  ClientJsonWebKeyOutputs,
} from "../../../../provider/resources/clientJsonWebKey/types";
import type { Held } from "../engineCalls";
import { keyCalls, newRun } from "../engineCalls";
import { keysOf, privateKeyJwtApp, startHookHarness } from "../harness";

type HeldKey = Held<ClientJsonWebKeyInputs, ClientJsonWebKeyOutputs>;

// Whole runs replayed in the engine's call orders: every decision comes from the resource's own inputs and outputs
// and from Okta's answers, so it holds across runs (each a new provider process) and whatever the order in which the
// hooks of different resources are called.
let emulator: OktaEmulator;
const hooks = providers.ClientJsonWebKey;

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

const ids = (appId: string) => keysOf(emulator, appId).map((k) => k.id);
const writes = () =>
  emulator
    .requests()
    .filter((r) => r.method !== "GET")
    .map((r) => `${r.method} ${r.path.replace(/^\/api\/v1\/apps\/\w+\/credentials\/jwks/, "…")}`);
const generated = (name: string, appId: string, extra: Partial<ClientJsonWebKeyInputs> = {}) =>
  keyCalls.inputsOf(name, { appId, generate: { algorithm: "ES256" }, rotationTriggers: { r: "1" }, ...extra });

/** An app with one key of its own (so a resource's key is never its only ACTIVE one), and resource "a" on it. */
async function appWithKey(extra: Partial<ClientJsonWebKeyInputs> = {}): Promise<{ app: string; a: HeldKey }> {
  const app = await privateKeyJwtApp(emulator);
  await keyCalls.create(keyCalls.inputsOf("own", { appId: app, generate: { algorithm: "RS256" } }));
  newRun();
  const a = await keyCalls.create(generated("a", app, extra));
  newRun();
  emulator.clearRequests();
  return { app, a };
}

describe("rotation across runs", () => {
  it("a trigger change adds the new key, then deactivates and deletes the old one; INACTIVE goes delete-first", async () => {
    const { app, a } = await appWithKey();
    const { held, diff } = await keyCalls.up(a, { ...a.inputs, rotationTriggers: { r: "2" } });
    expect(diff).toMatchObject({ changes: true, replaces: ["rotationTriggers"], deleteBeforeReplace: false });
    expect(held.outs.keyId).not.toBe(a.outs.keyId);
    expect(held.outs.privateKeyPem).not.toBe(a.outs.privateKeyPem);
    expect(writes()).toEqual(["POST …", `POST …/${a.outs.keyId}/lifecycle/deactivate`, `DELETE …/${a.outs.keyId}`]);
    expect(ids(app)).toContain(held.outs.keyId);
    expect(ids(app)).not.toContain(a.outs.keyId);

    newRun();
    const { held: inactive } = await keyCalls.up(held, { ...held.inputs, status: "INACTIVE" });
    newRun();
    emulator.clearRequests();
    const next = await keyCalls.up(inactive, { ...inactive.inputs, rotationTriggers: { r: "3" } });
    expect(next.diff.deleteBeforeReplace).toBe(true);
    expect(writes()).toEqual([`DELETE …/${held.outs.keyId}`, "POST …"]);
    expect(next.held.outs.status).toBe("INACTIVE");
  });

  it("a no-op up asks Okta nothing; status alone is an update; generate and kid changes replace", async () => {
    const { a } = await appWithKey({ kid: "k1" });
    const same = await keyCalls.up(a, a.inputs);
    expect(same.diff).toMatchObject({ changes: false, replaces: [] });
    expect(emulator.requests()).toEqual([]);
    const cases: [Partial<ClientJsonWebKeyInputs>, string[]][] = [
      [{ generate: { algorithm: "ES384" } }, ["generate"]],
      [{ generate: { algorithm: "ES256", rsaBits: undefined } as never }, []],
      [{ kid: "k2" }, ["kid"]],
      // Unset, a generated key's kid is its thumbprint: not "k1".
      [{ kid: undefined } as never, ["kid"]],
      [{ appId: "0oa00000000000000000" }, ["appId"]],
      [{ adoptKeyId: "pks00000000000000000" }, ["adoptKeyId"]],
      [{ status: "INACTIVE" }, []],
    ];
    for (const [change, replaces] of cases) {
      // A diff in a run that did not check the resource only reports: each case stands alone.
      newRun();
      const diff = await hooks.diff(a.id, a.outs, { ...a.inputs, ...change } as ClientJsonWebKeyInputs);
      expect({ change, replaces: diff.replaces }).toEqual({ change, replaces });
    }
  });

  it("a brought key's use and algorithm replace it; the same key in another form changes nothing", async () => {
    const app = await privateKeyJwtApp(emulator);
    const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pem = publicKey.export({ type: "spki", format: "pem" }).toString();
    const a = await keyCalls.create(keyCalls.inputsOf("a", { appId: app, publicKey: pem }));
    newRun();
    const diffOf = async (change: Partial<ClientJsonWebKeyInputs>) =>
      (await hooks.diff(a.id, a.outs, { ...a.inputs, ...change } as ClientJsonWebKeyInputs)).replaces;
    expect(await diffOf({ algorithm: "RS384" })).toEqual(["algorithm"]);
    // An encryption key has no RS256: its alg changes with it.
    expect(await diffOf({ use: "enc" })).toEqual(["use", "algorithm"]);
    const asJwk = { ...publicKey.export({ format: "jwk" }), kid: a.outs.kid } as Record<string, string>;
    expect(await diffOf({ publicKey: asJwk })).toEqual([]);
  });

  it("a fixed kid cannot rotate create-first (Okta keeps each kid once): refused at preview with the fix", async () => {
    const { a } = await appWithKey({ kid: "k1" });
    await expect(keyCalls.preview(a, { ...a.inputs, rotationTriggers: { r: "2" } })).rejects.toThrow(
      `kid: ClientJsonWebKey "a" would add its new key with kid "k1", the kid of the key it holds now (${a.outs.keyId}), while that key is still in the app`,
    );
    await expect(keyCalls.preview(a, { ...a.inputs, rotationTriggers: { r: "2" } })).rejects.toThrow(
      "give the new key a kid of its own (e.g. one that names the rotation), or leave kid unset",
    );
    // With the kid changed too, it rotates.
    newRun();
    const { held } = await keyCalls.up(a, { ...a.inputs, kid: "k2", rotationTriggers: { r: "2" } });
    expect(held.outs.kid).toBe("k2");
    // Or in two runs, as the docs say: INACTIVE first, then the rotation with ACTIVE again, delete-first, same kid.
    newRun();
    const { held: inactive } = await keyCalls.up(held, { ...held.inputs, status: "INACTIVE" });
    newRun();
    emulator.clearRequests();
    const next = await keyCalls.up(inactive, { ...inactive.inputs, status: "ACTIVE", rotationTriggers: { r: "3" } });
    expect(next.diff.deleteBeforeReplace).toBe(true);
    expect(writes()).toEqual([`DELETE …/${held.outs.keyId}`, "POST …"]);
    expect(next.held.outs).toMatchObject({ kid: "k2", status: "ACTIVE" });
    expect(next.held.outs.keyId).not.toBe(held.outs.keyId);
  });

  it("a brought key cannot be rotated into itself: a trigger change without a new publicKey is refused", async () => {
    const app = await privateKeyJwtApp(emulator);
    await keyCalls.create(keyCalls.inputsOf("own", { appId: app, generate: { algorithm: "RS256" } }));
    const pem = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ type: "spki", format: "pem" });
    const a = await keyCalls.create(
      keyCalls.inputsOf("a", { appId: app, publicKey: pem.toString(), rotationTriggers: { r: "1" } }),
    );
    newRun();
    await expect(keyCalls.preview(a, { ...a.inputs, rotationTriggers: { r: "2" } })).rejects.toThrow(
      `publicKey: ClientJsonWebKey "a" would add the key it holds now (${a.outs.keyId}) again: the same key material`,
    );
    newRun();
    const next = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ format: "jwk" });
    const { held, diff } = await keyCalls.up(a, { ...a.inputs, publicKey: next as Record<string, string> });
    expect(diff.replaces).toEqual(["publicKey", "kid"]);
    expect(held.outs.publicJwk.x).toBe(next.x);
  });

  it("an adopted key with generate rotates to a generated key, retiring the adopted one", async () => {
    const { app, a } = await appWithKey();
    const own = keysOf(emulator, app).find((k) => k.id !== a.outs.keyId);
    const adopted = await keyCalls.create(
      keyCalls.inputsOf("b", { appId: app, adoptKeyId: own?.id as string, generate: { algorithm: "RS256" } }),
    );
    expect(adopted.outs).toMatchObject({ keyId: own?.id, kid: own?.kid });
    expect(adopted.outs.privateKeyPem).toBeUndefined();
    newRun();
    const same = await keyCalls.preview(adopted, adopted.inputs);
    expect(same.changes).toBe(false);
    newRun();
    const { held } = await keyCalls.up(adopted, { ...adopted.inputs, rotationTriggers: { r: "2" } });
    expect(held.outs).toMatchObject({ algorithm: "RS256", privateKeyPem: expect.stringContaining("PRIVATE KEY") });
    expect(ids(app)).toEqual([a.outs.keyId, held.outs.keyId]);
  });

  it("an adopted key with neither publicKey nor generate cannot be rotated: the preview says what to set", async () => {
    const { app, a } = await appWithKey();
    const own = keysOf(emulator, app).find((k) => k.id !== a.outs.keyId);
    const adopted = await keyCalls.create(
      keyCalls.inputsOf("b", { appId: app, adoptKeyId: own?.id as string, rotationTriggers: { r: "1" } }),
    );
    newRun();
    await expect(keyCalls.preview(adopted, { ...adopted.inputs, rotationTriggers: { r: "2" } })).rejects.toThrow(
      'ClientJsonWebKey "b" is replaced, which adds a new key, but it has neither publicKey nor generate',
    );
  });
});

describe("forced replacement (--replace, taint): check without olds, no diff", () => {
  it("without adoptKeyId it rotates; with it, takes the same key over again and deletes nothing", async () => {
    const { app, a } = await appWithKey();
    const rotated = await keyCalls.forcedReplace(a, a.inputs);
    expect(rotated.outs.keyId).not.toBe(a.outs.keyId);
    expect(ids(app)).not.toContain(a.outs.keyId);

    newRun();
    const printed = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const adopting = { ...rotated.inputs, adoptKeyId: rotated.outs.keyId };
    const { held } = await keyCalls.up(rotated, adopting);
    newRun();
    emulator.clearRequests();
    const again = await keyCalls.forcedReplace(held, adopting);
    expect(again.outs.keyId).toBe(rotated.outs.keyId);
    expect(again.outs.privateKeyPem).toBeUndefined();
    expect(writes()).toEqual([]);
    expect(ids(app)).toContain(rotated.outs.keyId);
    expect(printed).toHaveBeenCalledWith(
      expect.stringContaining(`was replaced (by --replace or a taint) while adoptKeyId still names its key`),
    );
  });

  it("a brought key cannot be force-replaced by itself: the preview says to bring a new key or adopt it", async () => {
    const app = await privateKeyJwtApp(emulator);
    await keyCalls.create(keyCalls.inputsOf("own", { appId: app, generate: { algorithm: "RS256" } }));
    const pem = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ type: "spki", format: "pem" });
    const a = await keyCalls.create(keyCalls.inputsOf("a", { appId: app, publicKey: pem.toString() }));
    newRun();
    emulator.clearRequests();
    const replacing = keyCalls.forcedReplace(a, a.inputs);
    await expect(replacing).rejects.toThrow(
      `publicKey: ClientJsonWebKey "a" would add a key with this key material (under kid "${a.outs.kid}"), but app ${app} holds it already as key ${a.outs.keyId}`,
    );
    await expect(replacing).rejects.toThrow(
      `If it is the key this resource holds now (replaced by --replace or a taint), a replacement needs a new key: bring a new publicKey, or keep this one with \`adoptKeyId: "${a.outs.keyId}"\``,
    );
    expect(writes()).toEqual([]);
  });

  it("a pending delete left by an interrupted forced replacement never deletes the key the live resource holds", async () => {
    const { app, a } = await appWithKey();
    const own = keysOf(emulator, app).find((k) => k.id !== a.outs.keyId)?.id as string;
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const adopting = keyCalls.inputsOf("b", { appId: app, adoptKeyId: own });
    const old = await keyCalls.create(adopting);
    newRun();
    // --replace: the replacement takes the same key over, and the run stops before the old one's delete.
    const live = await keyCalls.create(old.inputs);
    // The next run: the live resource's check and diff, then the engine's pending deletes, at the end.
    newRun();
    await keyCalls.up(live, live.inputs);
    await hooks.delete(old.id, old.outs);
    expect(keysOf(emulator, app).find((k) => k.id === own)?.status).toBe("ACTIVE");
  });
});

describe("two resources meeting in one run, in either order", () => {
  it("never lets two resources hold one key", async () => {
    const { app, a } = await appWithKey();
    const b = keyCalls.inputsOf("b", { appId: app, adoptKeyId: a.outs.keyId });
    await keyCalls.preview(a, a.inputs);
    await expect(keyCalls.create(b)).rejects.toThrow(
      `ClientJsonWebKey "b" would take over JSON Web Key ${a.outs.keyId}, but ClientJsonWebKey "a" already holds it`,
    );
    newRun();
    expect((await hooks.check({} as ClientJsonWebKeyInputs, b)).failures).toBeUndefined();
    await expect(keyCalls.preview(a, a.inputs)).rejects.toThrow(`which ClientJsonWebKey "a" holds`);
    expect(ids(app)).toContain(a.outs.keyId);
  });

  it("refuses one kid planned by a rotation and a new resource, whichever hook comes first", async () => {
    const { app, a } = await appWithKey({ kid: "k1" });
    const rotation = { ...a.inputs, kid: "k2", rotationTriggers: { r: "2" } };
    const b = generated("b", app, { kid: "k2" });
    await keyCalls.preview(a, rotation);
    const refused = await hooks.check({} as ClientJsonWebKeyInputs, b);
    expect(refused.failures).toEqual([
      {
        property: "kid",
        reason: `ClientJsonWebKey "b" and ClientJsonWebKey "a" would both add a key with kid "k2" to app ${app}; Okta keeps each kid and each key once per app: give them different kids`,
      },
    ]);
    newRun();
    expect((await hooks.check({} as ClientJsonWebKeyInputs, b)).failures).toBeUndefined();
    await expect(keyCalls.preview(a, rotation)).rejects.toThrow(
      `kid: ClientJsonWebKey "a" and ClientJsonWebKey "b" would both add a key with kid "k2"`,
    );
    expect(emulator.requests().filter((r) => r.method !== "GET")).toEqual([]);
  });

  it("counts a rotation's new key and a new resource's together against the 50", async () => {
    const { app, a } = await appWithKey();
    for (let i = 0; i < 47; i++) {
      await hooks.create(keyCalls.inputsOf(`seed${i}`, { appId: app, generate: { algorithm: "ES256" } }));
    }
    newRun();
    // 49 keys: a's create-first rotation takes the last place, so b cannot have it too.
    await keyCalls.preview(a, { ...a.inputs, rotationTriggers: { r: "2" } });
    await expect(keyCalls.create(generated("b", app))).rejects.toThrow(
      `app ${app} held 49 JSON Web Keys when this run looked, and this run would add 2 more before retiring any`,
    );
    newRun();
    // Delete-first (a INACTIVE) needs no room.
    const { held } = await keyCalls.up(a, { ...a.inputs, status: "INACTIVE" });
    newRun();
    await keyCalls.preview(held, { ...held.inputs, rotationTriggers: { r: "2" } });
    await keyCalls.create(generated("b", app));
    expect(ids(app)).toHaveLength(50);
  }, 60_000);
});

describe("refresh", () => {
  it("its diff (no check before it) plans nothing and refuses nothing", async () => {
    const { app, a } = await appWithKey({ kid: "k1" });
    const read = await hooks.read(a.id, a.outs);
    // The stored inputs against the refreshed outputs; here a kid that would clash, which a refresh only reports.
    const diff = await hooks.diff(a.id, read.props as never, { ...a.inputs, rotationTriggers: { r: "2" } });
    expect(diff).toMatchObject({ changes: true, replaces: ["rotationTriggers"] });
    expect(clientJsonWebKeyKind.ledger(app).plans.size).toBe(0);
    expect(clientJsonWebKeyKind.ledger(app).holders.size).toBe(0);
    expect(emulator.requests().map((r) => r.method)).toEqual(["GET"]);
  });
});
