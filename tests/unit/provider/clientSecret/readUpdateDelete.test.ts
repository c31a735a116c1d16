import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { OktaEmulator } from "../../../../emulator/index";
import { providers } from "../../../../provider";
import type { ClientSecretOutputs } from "../../../../provider/resources/clientSecret/types";
import { newRun, secretCalls } from "../engineCalls";
import { secretsOf, startHookHarness } from "../harness";

let emulator: OktaEmulator;
const hooks = providers.ClientSecret;

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

const lifecycle = (appId: string, secretId: string, action: string) =>
  fetch(`${emulator.url}/api/v1/apps/${appId}/credentials/secrets/${secretId}/lifecycle/${action}`, {
    method: "POST",
    headers: { Authorization: `SSWS ${emulator.apiToken}` },
  });
const calls = () => emulator.requests().map((r) => `${r.method} ${r.path.replace(/.*\/apps\/\w+/, "")} ${r.status}`);

/** A created resource, as the next run finds it in state. */
async function created(name: string, args: Parameters<typeof secretCalls.inputsOf>[1]) {
  const held = await secretCalls.create(secretCalls.inputsOf(name, args));
  newRun();
  emulator.clearRequests();
  return held;
}

describe("read (refresh)", () => {
  it("answers an empty id when the secret or the app is gone", async () => {
    const app = await emulator.createApp();
    const { outs } = await created("a", { appId: app.id });
    expect(await hooks.read(`${app.id}/ocs00000000000000000`, outs)).toEqual({ id: "" });
    expect(await hooks.read(`0oa00000000000000000/${outs.secretId}`, outs)).toEqual({ id: "" });
  });

  it("reports status drift in outputs and inputs (only then)", async () => {
    const app = await emulator.createApp();
    const held = await created("a", { appId: app.id, rotationTriggers: { r: "1" } });
    await lifecycle(app.id, held.outs.secretId, "deactivate");
    const read = await hooks.read(held.id, held.outs);
    expect(read.id).toBe(held.id);
    expect(read.props).toMatchObject({
      status: "INACTIVE",
      clientSecret: held.outs.clientSecret,
      __resourceUrn: secretCalls.urnOf("a"),
    });
    expect(read.inputs).toEqual({ appId: app.id, status: "INACTIVE", rotationTriggers: { r: "1" } });
    expect((await hooks.read(held.id, read.props)).inputs).toBeUndefined();
    const diff = await hooks.diff(held.id, read.props as ClientSecretOutputs, held.inputs);
    expect(diff).toMatchObject({ changes: true, replaces: [] });
  });

  it("reflects the live value and hash, so outputs hand out the secret that works, and nothing is replaced", async () => {
    const app = await emulator.createApp();
    const held = await created("a", { appId: app.id });
    emulator.regenerateSecret(app.id, held.outs.secretId);
    const live = secretsOf(emulator, app.id).find((s) => s.id === held.outs.secretId);
    const read = await hooks.read(held.id, held.outs);
    expect(read.props).toMatchObject({ clientSecret: live?.client_secret, secretHash: live?.secret_hash });
    expect(read.props?.clientSecret).not.toBe(held.outs.clientSecret);
    expect(await hooks.diff(held.id, read.props as ClientSecretOutputs, held.inputs)).toMatchObject({ changes: false });
  });

  it("reads every secret of an app from one list per run", async () => {
    const apps = [await emulator.createApp(), await emulator.createApp()];
    const held = [];
    for (const app of apps) {
      held.push(await secretCalls.create(secretCalls.inputsOf(`${app.id}-a`, { appId: app.id })));
      held.push(
        await secretCalls.create(
          secretCalls.inputsOf(`${app.id}-b`, {
            appId: app.id,
            adoptSecretId: secretsOf(emulator, app.id)[0]?.id as string,
          }),
        ),
      );
    }
    newRun();
    emulator.clearRequests();
    for (const h of held) expect((await hooks.read(h.id, h.outs)).id).toBe(h.id);
    expect(calls()).toEqual(["GET /credentials/secrets 200", "GET /credentials/secrets 200"]);
  });

  it("refuses a malformed id, quoting it", async () => {
    await expect(hooks.read("0oa1b2c3d4e5f6g7h8i9", {} as ClientSecretOutputs)).rejects.toThrow(
      'invalid ClientSecret id "0oa1b2c3d4e5f6g7h8i9": expected "<appId>/<id>"',
    );
  });
});

describe("update", () => {
  it("deactivates and activates in place", async () => {
    const app = await emulator.createApp();
    const held = await created("a", { appId: app.id, rotationTriggers: { r: "1" } });
    const off = await hooks.update(held.id, held.outs, { ...held.inputs, status: "INACTIVE" });
    expect(off.outs).toMatchObject({
      status: "INACTIVE",
      clientSecret: held.outs.clientSecret,
      rotationTriggers: { r: "1" },
    });
    const on = await hooks.update(
      held.id,
      off.outs as ClientSecretOutputs,
      secretCalls.inputsOf("a", { appId: app.id }),
    );
    expect(on.outs?.status).toBe("ACTIVE");
    expect(on.outs?.rotationTriggers).toBeUndefined();
    expect(calls()).toEqual([
      `POST /credentials/secrets/${held.outs.secretId}/lifecycle/deactivate 200`,
      `POST /credentials/secrets/${held.outs.secretId}/lifecycle/activate 200`,
    ]);
  });

  it("explains Okta's refusal to deactivate the only ACTIVE secret", async () => {
    const app = await emulator.createApp();
    const [initial] = secretsOf(emulator, app.id);
    const held = await created("a", { appId: app.id, adoptSecretId: initial?.id as string });
    await expect(hooks.update(held.id, held.outs, { ...held.inputs, status: "INACTIVE" })).rejects.toThrow(
      `deactivating client secret ${initial?.id} of app ${app.id}: it is the app's only ACTIVE client secret`,
    );
  });
});

describe("delete", () => {
  it("deactivates then deletes in two requests; already gone is success", async () => {
    const app = await emulator.createApp();
    const held = await created("a", { appId: app.id });
    await hooks.delete(held.id, held.outs);
    const base = `/credentials/secrets/${held.outs.secretId}`;
    expect(calls()).toEqual([`POST ${base}/lifecycle/deactivate 200`, `DELETE ${base} 204`]);
    expect(secretsOf(emulator, app.id)).toHaveLength(1);
    await hooks.delete(held.id, held.outs);
    await hooks.delete(`0oa00000000000000000/${held.outs.secretId}`, held.outs);
  });

  it("deletes an INACTIVE secret without deactivating it, and one activated outside Pulumi after a refusal", async () => {
    const app = await emulator.createApp();
    const held = await created("a", { appId: app.id, status: "INACTIVE" });
    await hooks.delete(held.id, held.outs);
    expect(calls()).toEqual([`DELETE /credentials/secrets/${held.outs.secretId} 204`]);

    newRun();
    const stale = await created("b", { appId: app.id, status: "INACTIVE" });
    await lifecycle(app.id, stale.outs.secretId, "activate");
    emulator.clearRequests();
    await hooks.delete(stale.id, stale.outs);
    const base = `/credentials/secrets/${stale.outs.secretId}`;
    expect(calls()).toEqual([`DELETE ${base} 400`, `POST ${base}/lifecycle/deactivate 200`, `DELETE ${base} 204`]);
  });

  it("explains what to do when the secret is the app's only ACTIVE one, never quoting it", async () => {
    const app = await emulator.createApp();
    const [initial] = secretsOf(emulator, app.id);
    const held = await created("a", { appId: app.id, adoptSecretId: initial?.id as string });
    const error = (await hooks.delete(held.id, held.outs).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain(
      `deactivating client secret ${initial?.id} of app ${app.id}: it is the app's only ACTIVE`,
    );
    expect(error.message).toContain("create or activate another secret of the app before deleting this one");
    expect(error.message).toContain("retainOnDelete: true");
    expect(error.message).not.toContain(initial?.client_secret as string);
    expect(secretsOf(emulator, app.id)).toHaveLength(1);
  });

  it("never deletes a secret that a resource of this run took over: a forced replacement that adopted it again", async () => {
    const app = await emulator.createApp();
    const [initial] = secretsOf(emulator, app.id);
    const held = await created("a", { appId: app.id, adoptSecretId: initial?.id as string });
    const said = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const replaced = await secretCalls.forcedReplace(held, held.inputs);
    expect(replaced.id).toBe(held.id);
    expect(calls().filter((c) => !c.startsWith("GET"))).toEqual([]);
    expect(secretsOf(emulator, app.id)).toEqual([expect.objectContaining({ id: initial?.id, status: "ACTIVE" })]);
    expect(said).toHaveBeenCalledWith(
      expect.stringContaining(
        `warning: ClientSecret "a" was replaced (by --replace or a taint) while adoptSecretId still names its secret ${initial?.id}`,
      ),
    );
  });
});
