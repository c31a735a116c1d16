import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { OktaEmulator } from "../../../../emulator";
import { providers } from "../../../../provider";
import { secretHash } from "../../../../provider/okta/secretHash";
import type { ClientSecretOutputs } from "../../../../provider/resources/clientSecret/types";
import { unknownValue } from "../../../../provider/resources/fullProvider";
import { startHookHarness } from "../harness";

let emulator: OktaEmulator;
const hooks = providers.ClientSecret;

beforeAll(async () => {
  ({ emulator } = await startHookHarness());
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const value = "a-bring-your-own-secret-value";
const adoptSecretId = "ocs00000000000000000";
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
  adoptSecretId,
  __provider: "shim",
};
const id = `${appId}/${olds.secretId}`;
const same = { appId, clientSecret: value, rotationTriggers: { a: "1", b: "2" }, adoptSecretId };

describe("diff", () => {
  it("reports no change for the same inputs (trigger order and __provider ignored)", async () => {
    expect(await hooks.diff(id, olds, { ...same, __provider: "other" })).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  it("updates in place on status; absent status means ACTIVE", async () => {
    expect(await hooks.diff(id, olds, { ...same, status: "INACTIVE" })).toMatchObject({ changes: true, replaces: [] });
    expect(await hooks.diff(id, { ...olds, status: "INACTIVE" }, same)).toMatchObject({ changes: true, replaces: [] });
    expect(await hooks.diff(id, olds, { ...same, status: unknownValue as "ACTIVE" })).toMatchObject({ changes: true });
  });

  it("replaces on rotationTriggers, clientSecret and a new adoptSecretId; removing adoptSecretId changes nothing", async () => {
    // A real app with a free slot: a rotation creates a secret, so diff looks at the app's slots.
    const app = await emulator.createApp();
    const replaces = async (news: Record<string, unknown>) =>
      (await hooks.diff(id, { ...olds, appId: app.id }, { ...same, appId: app.id, ...news })).replaces;
    expect(await replaces({ rotationTriggers: { a: "1", b: "3" } })).toEqual(["rotationTriggers"]);
    expect(await replaces({ rotationTriggers: undefined })).toEqual(["rotationTriggers"]);
    expect(await replaces({ clientSecret: "another-secret-value-1" })).toEqual(["clientSecret"]);
    expect(await replaces({ clientSecret: unknownValue })).toEqual(["clientSecret"]);
    expect(await replaces({ adoptSecretId: "ocs99999999999999999" })).toEqual(["adoptSecretId"]);
    expect(await replaces({ adoptSecretId: undefined })).toEqual([]);
  });

  it("replaces on appId, also when it is unknown at preview", async () => {
    expect((await hooks.diff(id, olds, { ...same, appId: unknownValue })).replaces).toEqual(["appId"]);
  });

  it("replaces a generated secret whose hash drifted (rotated outside Pulumi)", async () => {
    const { clientSecret: _c, ...generated } = same;
    const drifted = { ...olds, appId: unknownValue, secretHash: "otherhash0000000000000" };
    expect((await hooks.diff(id, drifted, { ...generated, appId: unknownValue })).replaces).toEqual(["secretHash"]);
  });

  it("refuses to adopt again the secret this resource holds in a replacement", async () => {
    await expect(
      hooks.diff(id, olds, { ...same, adoptSecretId: olds.secretId, rotationTriggers: { a: "9" } }),
    ).rejects.toThrow(`adoptSecretId names ${olds.secretId}, the secret this resource already holds`);
    expect((await hooks.diff(id, olds, { ...same, adoptSecretId: olds.secretId })).replaces).toEqual([]);
  });
});

describe("diff: slots for a replacement (create before delete)", () => {
  it("lets a rotation through when the app has a free slot", async () => {
    const app = await emulator.createApp();
    const created = await hooks.create({
      appId: app.id,
      adoptSecretId: emulator.state().apps[0]?.secrets[0]?.id as string,
    });
    const result = await hooks.diff(created.id, created.outs as ClientSecretOutputs, {
      appId: app.id,
      adoptSecretId: created.outs?.adoptSecretId as string,
      rotationTriggers: { r: "2" },
    });
    expect(result).toEqual({ changes: true, replaces: ["rotationTriggers"], deleteBeforeReplace: false });
  });

  it("fails in preview when both slots are taken, naming the secret this resource holds", async () => {
    const app = await emulator.createApp();
    const created = await hooks.create({ appId: app.id });
    const outs = created.outs as ClientSecretOutputs;
    const initial = emulator.state().apps[0]?.secrets.find((s) => s.id !== outs.secretId);
    const error = await hooks
      .diff(created.id, outs, { appId: app.id, rotationTriggers: { r: "2" } })
      .catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain(`cannot replace this ClientSecret (create before delete): app ${app.id} already holds 2`);
    expect(message).toContain(`${outs.secretId} ACTIVE, created ${outs.created} (held by this resource`);
    expect(message).toContain(`${initial?.id} ACTIVE, created ${initial?.created} (not managed by this stack)`);
    expect(message).toContain(`adoptSecretId: "${initial?.id}"`);
    expect(message).not.toContain(outs.clientSecret);
    // The dynamic-provider plugin prints `${e}: ${e.stack}` before the engine shows the message: no third copy.
    expect((error as Error).stack).toBe("");
  });

  it("does not need a slot when the replacement adopts a secret", async () => {
    const app = await emulator.createApp();
    const created = await hooks.create({ appId: app.id });
    const outs = created.outs as ClientSecretOutputs;
    const initial = emulator.state().apps[0]?.secrets.find((s) => s.id !== outs.secretId);
    const result = await hooks.diff(created.id, outs, { appId: app.id, adoptSecretId: initial?.id as string });
    expect(result.replaces).toEqual(["adoptSecretId"]);
  });
});
