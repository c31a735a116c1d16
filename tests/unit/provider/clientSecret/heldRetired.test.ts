import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { OktaEmulator } from "../../../../emulator/index";
import { providers } from "../../../../provider";
import type { ClientSecretInputs, ClientSecretOutputs } from "../../../../provider/resources/clientSecret/types";
import type { Held } from "../engineCalls";
import { newRun, secretCalls } from "../engineCalls";
import { secretsOf, startHookHarness } from "../harness";

type HeldSecret = Held<ClientSecretInputs, ClientSecretOutputs>;

// `heldRetired: true`: the caller says the ACTIVE secret a resource holds is retired, so its replacement deletes it
// first (no free slot needed) while the app keeps another ACTIVE secret. Replayed in the engine's orders, each run a
// new provider process, the request log replayed to show the app never had zero ACTIVE secrets.
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
    .map((r) => `${r.method} ${r.path.replace(/^\/api\/v1\/apps\/\w+\/credentials\/secrets/, "…")}`);
const warnings = () => {
  const printed = vi.spyOn(console, "error").mockImplementation(() => undefined);
  return () => printed.mock.calls.map((call) => String(call[0])).filter((line) => line.startsWith("warning: "));
};

/** The fewest ACTIVE secrets the app had at any moment of the logged writes, starting from `before`. */
function fewestActive(before: { id: string; status: string }[]): number {
  const status = new Map(before.map((s) => [s.id, s.status]));
  const active = () => [...status.values()].filter((s) => s === "ACTIVE").length;
  let fewest = active();
  for (const r of emulator.requests()) {
    const id = /\/credentials\/secrets\/(\w+)/.exec(r.path)?.[1];
    if (r.status >= 300 || r.method === "GET" || !r.path.includes("/credentials/secrets")) continue;
    if (!id) status.set(`new-${status.size}`, "ACTIVE");
    else if (r.path.endsWith("/deactivate")) status.set(id, "INACTIVE");
    else if (r.path.endsWith("/activate")) status.set(id, "ACTIVE");
    else if (r.method === "DELETE") status.delete(id);
    fewest = Math.min(fewest, active());
  }
  return fewest;
}

/** A full app: resource "a" adopted the app's own secret, "b" made the second; both ACTIVE. */
async function fullApp(): Promise<{ appId: string; a: HeldSecret; b: HeldSecret }> {
  const app = await emulator.createApp();
  const own = secretsOf(emulator, app.id)[0]?.id as string;
  const a = await secretCalls.create(
    secretCalls.inputsOf("a", { appId: app.id, adoptSecretId: own, rotationTriggers: { g: "1" } }),
  );
  newRun();
  const b = await secretCalls.create(secretCalls.inputsOf("b", { appId: app.id, rotationTriggers: { g: "2" } }));
  newRun();
  emulator.clearRequests();
  return { appId: app.id, a, b };
}

describe("heldRetired: a replacement of a retired ACTIVE secret goes delete-first", () => {
  it("in a full app: without it the preview stops at the two-secret limit; with it, one up rotates", async () => {
    const { appId, a, b } = await fullApp();
    await expect(secretCalls.preview(a, { ...a.inputs, rotationTriggers: { g: "3" } })).rejects.toThrow(
      `app ${appId} held 2 client secrets when this run looked, and this run would add 1 more before retiring any`,
    );

    newRun();
    const said = warnings();
    const before = secretsOf(emulator, appId);
    const news = { ...a.inputs, rotationTriggers: { g: "3" }, heldRetired: true };
    const preview = await secretCalls.preview(a, news);
    expect(preview).toMatchObject({ replaces: ["rotationTriggers"], deleteBeforeReplace: true });
    newRun();
    const { held, diff } = await secretCalls.up(a, news);
    expect(diff.deleteBeforeReplace).toBe(true);
    // Deactivated (b stays ACTIVE), deleted, then the new one: never a third secret, never none ACTIVE.
    expect(writes()).toEqual([
      `POST …/${a.outs.secretId}/lifecycle/deactivate`,
      `DELETE …/${a.outs.secretId}`,
      "POST …",
    ]);
    expect(fewestActive(before)).toBe(1);
    expect(secretsOf(emulator, appId).map((s) => [s.id, s.status])).toEqual([
      [b.outs.secretId, "ACTIVE"],
      [held.outs.secretId, "ACTIVE"],
    ]);
    // The preview and the update each say why, since the engine's display shows no reason for the order.
    expect(said()).toEqual(
      Array(2).fill(
        `warning: ClientSecret "a" is replaced delete-first: heldRetired says its ACTIVE secret ${a.outs.secretId} ` +
          `is retired, and the app keeps ${b.outs.secretId} ACTIVE meanwhile`,
      ),
    );
  });

  it("decides from the app as the run found it, whichever resource's hooks come first", async () => {
    // The rotating components' missed window: a's slot is needed for a new generation while b is deactivated in the
    // same run; a's decision does not depend on whether b's hooks ran before it.
    const { appId, a, b } = await fullApp();
    warnings();
    const aNews = { ...a.inputs, rotationTriggers: { g: "3" }, heldRetired: true };
    const bNews = { ...b.inputs, status: "INACTIVE" as const };
    await secretCalls.preview(b, bNews);
    expect((await secretCalls.preview(a, aNews)).deleteBeforeReplace).toBe(true);
    newRun();
    expect((await secretCalls.preview(a, aNews)).deleteBeforeReplace).toBe(true);
    await secretCalls.preview(b, bNews);

    // The update, as the component orders it: a's replacement, then b's deactivation (it depends on a).
    newRun();
    const before = secretsOf(emulator, appId);
    const { held } = await secretCalls.up(a, aNews);
    await secretCalls.up(b, bNews);
    expect(fewestActive(before)).toBe(1);
    expect(secretsOf(emulator, appId).map((s) => [s.id, s.status])).toEqual([
      [b.outs.secretId, "INACTIVE"],
      [held.outs.secretId, "ACTIVE"],
    ]);
  });

  it("never deletes both of an app's ACTIVE secrets first: the second to decide counts the first as going", async () => {
    for (const order of ["a first", "b first"]) {
      const { appId, a, b } = await fullApp();
      warnings();
      const [first, second] = order === "a first" ? [a, b] : [b, a];
      const news = (held: HeldSecret) => ({ ...held.inputs, rotationTriggers: { g: "9" }, heldRetired: true });
      expect((await secretCalls.preview(first, news(first))).deleteBeforeReplace).toBe(true);
      // The other secret is the one leaving: this one would need a free slot, which the full app does not have.
      await expect(secretCalls.preview(second, news(second))).rejects.toThrow(
        `app ${appId} held 2 client secrets when this run looked`,
      );
      newRun();
    }
  });

  it("on the app's only ACTIVE secret it creates first, says why, and a full app's preview still stops", async () => {
    const { appId, a, b } = await fullApp();
    newRun();
    const { held: inactive } = await secretCalls.up(b, { ...b.inputs, status: "INACTIVE" });
    newRun();
    const said = warnings();
    await expect(
      secretCalls.preview(a, { ...a.inputs, rotationTriggers: { g: "3" }, heldRetired: true }),
    ).rejects.toThrow(
      `app ${appId} held 2 client secrets when this run looked, and this run would add 1 more before retiring any`,
    );
    // The run says why heldRetired did not delete first, before the room check refuses.
    const onlyActive =
      `warning: ClientSecret "a" has heldRetired, but its secret ${a.outs.secretId} is the app's only ACTIVE secret: ` +
      "deleting it first would leave the app without one, so the replacement makes the new secret first (which " +
      "needs room for it)";
    expect(said()).toEqual([onlyActive]);
    // With room (b gone), the rotation creates first.
    newRun();
    await providers.ClientSecret.delete(inactive.id, inactive.outs);
    newRun();
    emulator.clearRequests();
    const { diff } = await secretCalls.up(a, { ...a.inputs, rotationTriggers: { g: "3" }, heldRetired: true });
    expect(diff.deleteBeforeReplace).toBe(false);
    expect(writes()).toEqual([
      "POST …",
      `POST …/${a.outs.secretId}/lifecycle/deactivate`,
      `DELETE …/${a.outs.secretId}`,
    ]);
    expect(said()).toContain(onlyActive);
  });

  it("changes nothing by itself, and never applies to a move to another app or to a forced replacement", async () => {
    const { a, b } = await fullApp();
    const hooks = providers.ClientSecret;
    expect(await hooks.diff(a.id, a.outs, { ...a.inputs, heldRetired: true })).toMatchObject({
      changes: false,
      replaces: [],
    });
    const other = await emulator.createApp();
    newRun();
    const moved = await secretCalls.preview(a, { ...a.inputs, appId: other.id, heldRetired: true });
    expect(moved).toMatchObject({ replaces: ["appId"], deleteBeforeReplace: false });
    // --replace: the engine calls no diff, so nothing can ask to delete first: the full app has no room.
    newRun();
    await expect(secretCalls.forcedReplace(b, { ...b.inputs, heldRetired: true })).rejects.toThrow(
      "this run would add 1 more before retiring any",
    );
    expect(emulator.requests().filter((r) => r.method !== "GET")).toEqual([]);
  });

  it("refuses a value that is not a boolean, at check, naming the input", async () => {
    const app = await emulator.createApp();
    const checked = await providers.ClientSecret.check(
      {} as never,
      secretCalls.inputsOf("a", {
        appId: app.id,
        heldRetired: "yes" as never,
      }),
    );
    expect(checked.failures).toEqual([
      { property: "heldRetired", reason: 'heldRetired must be true or false, got "yes"' },
    ]);
  });
});
