import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { OktaEmulator } from "../../../../emulator/index";
import { providers } from "../../../../provider";
import { secretHash } from "../../../../provider/okta/secretHash";
import type { ClientSecretInputs, ClientSecretOutputs } from "../../../../provider/resources/clientSecret/types";
import { unknownValue } from "../../../../provider/resources/previewUnknowns";
import { newRun, secretCalls } from "../engineCalls";
import { secretsOf, startHookHarness } from "../harness";

let emulator: OktaEmulator;
const hooks = {
  ...providers.ClientSecret,
  // An update's diff, as the engine calls it: after the resource's own check (with its old inputs).
  diff: async (id: string, olds: ClientSecretOutputs, news: ClientSecretInputs) => {
    await providers.ClientSecret.check({ appId: olds.appId } as ClientSecretInputs, news);
    return providers.ClientSecret.diff(id, olds, news);
  },
};

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

const value = "a-bring-your-own-secret-value";
const appId = "0oa1b2c3d4e5f6g7h8i9";
const olds: ClientSecretOutputs = {
  appId,
  secretId: "ocs1b2c3d4e5f6g7h8i9",
  clientSecret: value,
  secretHash: secretHash(value),
  status: "ACTIVE",
  created: "2026-01-01T00:00:00.000Z",
  lastUpdated: "2026-01-01T00:00:00.000Z",
  rotationTriggers: { b: "2", a: "1" },
  adoptSecretId: "ocs00000000000000000",
  __provider: "shim",
};
const id = `${appId}/${olds.secretId}`;
const same = secretCalls.inputsOf("a", {
  appId,
  clientSecret: value,
  rotationTriggers: { a: "1", b: "2" },
  adoptSecretId: "ocs00000000000000000",
});

/** An app whose two secrets are the app's own and one a ClientSecret "a" created (ACTIVE, or INACTIVE). */
async function fullApp(status: "ACTIVE" | "INACTIVE" = "ACTIVE") {
  const app = await emulator.createApp();
  const held = await secretCalls.create(secretCalls.inputsOf("a", { appId: app.id, status }));
  newRun();
  emulator.clearRequests();
  return { app, held };
}

describe("diff: what changes", () => {
  it("reports no change for the same inputs (trigger order, __provider and the URN ignored)", async () => {
    expect(await hooks.diff(id, olds, { ...same, __provider: "other" })).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect(emulator.requests()).toEqual([]);
  });

  it("updates in place on status; absent status means ACTIVE", async () => {
    expect(await hooks.diff(id, olds, { ...same, status: "INACTIVE" })).toMatchObject({ changes: true, replaces: [] });
    expect(await hooks.diff(id, { ...olds, status: "INACTIVE" }, same)).toMatchObject({ changes: true, replaces: [] });
    expect(await hooks.diff(id, olds, { ...same, status: unknownValue as "ACTIVE" })).toMatchObject({ changes: true });
  });

  it("replaces on rotationTriggers, clientSecret and another adoptSecretId; removing it or naming the held one changes nothing", async () => {
    const app = await emulator.createApp();
    const initial = secretsOf(emulator, app.id)[0]?.id as string;
    const here = { ...olds, appId: app.id };
    const replaces = async (news: Record<string, unknown>) => {
      newRun();
      return (await hooks.diff(`${app.id}/${olds.secretId}`, here, { ...same, appId: app.id, ...news })).replaces;
    };
    expect(await replaces({ rotationTriggers: { a: "1", b: "3" } })).toEqual(["rotationTriggers"]);
    expect(await replaces({ rotationTriggers: undefined })).toEqual(["rotationTriggers"]);
    expect(await replaces({ clientSecret: "another-secret-value-1" })).toEqual(["clientSecret"]);
    expect(await replaces({ clientSecret: unknownValue })).toEqual(["clientSecret"]);
    expect(await replaces({ adoptSecretId: initial })).toEqual(["adoptSecretId"]);
    expect(await replaces({ adoptSecretId: undefined })).toEqual([]);
    expect(await replaces({ adoptSecretId: olds.secretId })).toEqual([]);
  });

  it("replaces on appId, also when it is unknown at preview (then without asking Okta)", async () => {
    expect((await hooks.diff(id, olds, { ...same, appId: unknownValue })).replaces).toEqual(["appId"]);
    expect(emulator.requests()).toEqual([]);
  });

  it("a bring-your-own secret whose live hash no longer matches is replaced, and the reason is printed", async () => {
    const { app } = await fullApp();
    const said = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const drifted = { ...olds, appId: app.id, status: "INACTIVE" as const, secretHash: "otherhash0000000000000" };
    const diff = await hooks.diff(`${app.id}/${olds.secretId}`, drifted, { ...same, appId: app.id });
    expect(diff).toMatchObject({ replaces: ["clientSecret"], deleteBeforeReplace: true });
    expect(said).toHaveBeenCalledWith(
      `warning: ClientSecret "a" is replaced: the program's clientSecret is not the value Okta holds for ${olds.secretId} (changed in the program, or outside Pulumi, as a refresh shows)`,
    );
  });
});

describe("diff during a refresh", () => {
  it("reports drift without planning or refusing anything, even where an update would be refused", async () => {
    const { held } = await fullApp();
    const said = vi.spyOn(console, "error").mockImplementation(() => undefined);
    // The engine's refresh: refreshed outputs against the stored inputs, and no check before.
    const drift = await providers.ClientSecret.diff(held.id, held.outs, {
      ...held.inputs,
      rotationTriggers: { r: "2" },
    });
    expect(drift).toEqual({ changes: true, replaces: ["rotationTriggers"], deleteBeforeReplace: false });
    expect(said).not.toHaveBeenCalled();
    expect(emulator.requests()).toEqual([]);
  });
});

describe("diff: room in the app for a replacement", () => {
  it("lets a create-first rotation through when the app has a free slot", async () => {
    const app = await emulator.createApp();
    const held = await secretCalls.create(
      secretCalls.inputsOf("a", { appId: app.id, adoptSecretId: secretsOf(emulator, app.id)[0]?.id as string }),
    );
    newRun();
    const result = await hooks.diff(held.id, held.outs, { ...held.inputs, rotationTriggers: { r: "2" } });
    expect(result).toEqual({ changes: true, replaces: ["rotationTriggers"], deleteBeforeReplace: false });
  });

  it("refuses a create-first rotation of an ACTIVE secret in a full app, naming the two-run fix", async () => {
    const { app, held } = await fullApp();
    const error = (await hooks
      .diff(held.id, held.outs, { ...held.inputs, rotationTriggers: { r: "2" } })
      .catch((e: Error) => e)) as Error;
    const initial = secretsOf(emulator, app.id).find((s) => s.id !== held.outs.secretId);
    expect(error.message).toContain(`app ${app.id} held 2 client secrets when this run looked`);
    expect(error.message).toContain(
      `${held.outs.secretId} ACTIVE, created ${held.outs.created} (held by ClientSecret "a", deleted only after its replacement exists)`,
    );
    expect(error.message).toContain(`${initial?.id} ACTIVE`);
    expect(error.message).toContain('rotate ClientSecret "a" in two runs: first set `status: "INACTIVE"`');
    expect(error.message).not.toContain(held.outs.clientSecret);
    expect(error.stack).toBe("");
  });

  it("checks the app's rules when a replacement brings a new value or another app, and only then", async () => {
    const app = await emulator.createApp({
      credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_jwt" } },
    });
    const held = await secretCalls.create(
      secretCalls.inputsOf("a", { appId: app.id, adoptSecretId: secretsOf(emulator, app.id)[0]?.id as string }),
    );
    newRun();
    emulator.clearRequests();
    await hooks.diff(held.id, held.outs, { ...held.inputs, rotationTriggers: { r: "2" } });
    expect(emulator.requests().map((r) => r.path)).toEqual([`/api/v1/apps/${app.id}/credentials/secrets`]);
    newRun();
    await expect(
      hooks.diff(held.id, held.outs, { ...held.inputs, clientSecret: "twenty-characters-ok" }),
    ).rejects.toThrow("clientSecret: clientSecret is 20 characters long; it must be 32 to 100");
  });

  it("replaces an INACTIVE secret delete-first: no slot needed, even in a full app", async () => {
    const { held } = await fullApp("INACTIVE");
    const result = await hooks.diff(held.id, held.outs, {
      ...held.inputs,
      status: "ACTIVE",
      rotationTriggers: { r: "2" },
    });
    expect(result).toEqual({ changes: true, replaces: ["rotationTriggers"], deleteBeforeReplace: true });
  });

  it("needs no slot for a replacement that adopts another secret, which must exist", async () => {
    const { app, held } = await fullApp();
    const initial = secretsOf(emulator, app.id).find((s) => s.id !== held.outs.secretId)?.id as string;
    const result = await hooks.diff(held.id, held.outs, { ...held.inputs, adoptSecretId: initial });
    expect(result).toMatchObject({ replaces: ["adoptSecretId"], deleteBeforeReplace: false });
    newRun();
    await expect(
      hooks.diff(held.id, held.outs, { ...held.inputs, adoptSecretId: "ocs00000000000000000" }),
    ).rejects.toThrow(`adoptSecretId: app ${app.id} has no client secret ocs00000000000000000`);
  });

  it("refuses a new resource's adoption of a secret an existing resource holds, in either order", async () => {
    const { app, held } = await fullApp();
    const mine = held.outs.secretId;
    // diff first, then the new resource's check.
    await hooks.diff(held.id, held.outs, held.inputs);
    const late = await hooks.check(
      {} as ClientSecretInputs,
      secretCalls.inputsOf("b", { appId: app.id, adoptSecretId: mine }),
    );
    expect(late.failures?.[0]?.reason).toBe(
      `ClientSecret "b" would take over client secret ${mine}, but ClientSecret "a" already holds it; a secret is held by one resource only: remove adoptSecretId from one of them`,
    );
    // The new resource's check first, then diff.
    newRun();
    expect(
      (await hooks.check({} as ClientSecretInputs, secretCalls.inputsOf("b", { appId: app.id, adoptSecretId: mine })))
        .failures,
    ).toBeUndefined();
    await expect(hooks.diff(held.id, held.outs, held.inputs)).rejects.toThrow(
      `adoptSecretId: ClientSecret "b" would take over client secret ${mine}, which ClientSecret "a" holds`,
    );
  });
});
