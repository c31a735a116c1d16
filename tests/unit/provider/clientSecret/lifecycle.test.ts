import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { OktaEmulator } from "../../../../emulator";
import { providers } from "../../../../provider";
import type { ClientSecretOutputs } from "../../../../provider/resources/clientSecret/types";
import { secretsOf, startHookHarness } from "../harness";

let emulator: OktaEmulator;
const hooks = providers.ClientSecret;

beforeAll(async () => {
  ({ emulator } = await startHookHarness());
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const outsOf = (r: { outs?: ClientSecretOutputs }) => r.outs as ClientSecretOutputs;

describe("read", () => {
  it("answers an empty id when the secret or the app is gone", async () => {
    const app = await emulator.createApp();
    const created = await hooks.create({ appId: app.id });
    expect(await hooks.read(`${app.id}/ocs00000000000000000`, outsOf(created))).toEqual({ id: "" });
    expect(await hooks.read(`0oa00000000000000000/${outsOf(created).secretId}`, outsOf(created))).toEqual({ id: "" });
  });

  it("reports status drift in outputs and inputs (only then), keeping the value Pulumi holds", async () => {
    const app = await emulator.createApp();
    const created = await hooks.create({ appId: app.id, rotationTriggers: { r: "1" } });
    const outs = outsOf(created);
    await fetch(`${emulator.url}/api/v1/apps/${app.id}/credentials/secrets/${outs.secretId}/lifecycle/deactivate`, {
      method: "POST",
      headers: { Authorization: `SSWS ${emulator.apiToken}` },
    });
    const read = await hooks.read(created.id, outs);
    expect(read.id).toBe(created.id);
    expect(read.props).toMatchObject({
      status: "INACTIVE",
      clientSecret: outs.clientSecret,
      rotationTriggers: { r: "1" },
    });
    expect(read.inputs).toEqual({ appId: app.id, status: "INACTIVE", rotationTriggers: { r: "1" } });
    expect((await hooks.read(created.id, read.props)).inputs).toBeUndefined();
    const diff = await hooks.diff(created.id, read.props as ClientSecretOutputs, {
      appId: app.id,
      rotationTriggers: { r: "1" },
    });
    expect(diff).toMatchObject({ changes: true, replaces: [] });
  });

  it("shows a changed secret_hash as drift that the next diff replaces", async () => {
    const app = await emulator.createApp();
    const [initial] = secretsOf(emulator, app.id);
    const adoptSecretId = initial?.id as string;
    const created = await hooks.create({ appId: app.id, adoptSecretId });
    const outs = outsOf(created);
    // State holds a value whose hash is not the live one: the secret was changed outside Pulumi.
    const read = await hooks.read(created.id, { ...outs, clientSecret: "the-value-pulumi-knew-before" });
    expect(read.props).toMatchObject({ secretHash: outs.secretHash, clientSecret: "the-value-pulumi-knew-before" });
    const diff = await hooks.diff(created.id, read.props as ClientSecretOutputs, {
      appId: app.id,
      adoptSecretId,
    });
    expect(diff.replaces).toEqual(["secretHash"]);
  });

  it("imports from the id alone", async () => {
    const app = await emulator.createApp();
    const [initial] = secretsOf(emulator, app.id);
    const read = await hooks.read(`${app.id}/${initial?.id}`, {} as ClientSecretOutputs);
    expect(read.props).toMatchObject({ appId: app.id, secretId: initial?.id, clientSecret: initial?.client_secret });
    expect(read.inputs).toEqual({ appId: app.id, status: "ACTIVE" });
  });

  it("refuses a malformed id, quoting it", async () => {
    await expect(hooks.read("0oa1b2c3d4e5f6g7h8i9", {} as ClientSecretOutputs)).rejects.toThrow(
      'invalid ClientSecret id "0oa1b2c3d4e5f6g7h8i9": expected "<appId>/<id>"',
    );
  });
});

describe("update and delete", () => {
  it("deactivates and activates in place", async () => {
    const app = await emulator.createApp();
    const created = await hooks.create({ appId: app.id, rotationTriggers: { r: "1" } });
    const off = await hooks.update(created.id, outsOf(created), {
      appId: app.id,
      status: "INACTIVE",
      rotationTriggers: { r: "1" },
    });
    expect(off.outs).toMatchObject({
      status: "INACTIVE",
      clientSecret: outsOf(created).clientSecret,
      rotationTriggers: { r: "1" },
    });
    const on = await hooks.update(created.id, off.outs as ClientSecretOutputs, { appId: app.id });
    expect(on.outs?.status).toBe("ACTIVE");
    expect(on.outs?.rotationTriggers).toBeUndefined();
    expect(secretsOf(emulator, app.id).every((s) => s.status === "ACTIVE")).toBe(true);
  });

  it("explains Okta's refusal to deactivate the only ACTIVE secret on update", async () => {
    const app = await emulator.createApp();
    const [initial] = secretsOf(emulator, app.id);
    const adopted = await hooks.create({ appId: app.id, adoptSecretId: initial?.id as string });
    await expect(hooks.update(adopted.id, outsOf(adopted), { appId: app.id, status: "INACTIVE" })).rejects.toThrow(
      `deactivating client secret ${initial?.id} of app ${app.id}: it is the app's only ACTIVE client secret`,
    );
  });

  it("deactivates then deletes; already gone is success", async () => {
    const app = await emulator.createApp();
    const created = await hooks.create({ appId: app.id });
    emulator.clearRequests();
    await hooks.delete(created.id, outsOf(created));
    expect(emulator.requests().map((r) => `${r.method} ${r.status}`)).toEqual(["GET 200", "POST 200", "DELETE 204"]);
    expect(secretsOf(emulator, app.id)).toHaveLength(1);
    await hooks.delete(created.id, outsOf(created));
    await hooks.delete(`0oa00000000000000000/${outsOf(created).secretId}`, outsOf(created));
  });

  it("deletes an INACTIVE secret without deactivating it", async () => {
    const app = await emulator.createApp();
    const created = await hooks.create({ appId: app.id, status: "INACTIVE" });
    emulator.clearRequests();
    await hooks.delete(created.id, outsOf(created));
    expect(emulator.requests().map((r) => r.method)).toEqual(["GET", "DELETE"]);
  });

  it("explains what to do when the secret is the app's only ACTIVE one", async () => {
    const app = await emulator.createApp();
    const [initial] = secretsOf(emulator, app.id);
    const adopted = await hooks.create({ appId: app.id, adoptSecretId: initial?.id as string });
    const error = (await hooks.delete(adopted.id, outsOf(adopted)).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain(
      `deactivating client secret ${initial?.id} of app ${app.id}: it is the app's only ACTIVE`,
    );
    expect(error.message).toContain("create or activate another secret of the app before deleting this one");
    expect(error.message).toContain("retainOnDelete: true");
    expect(error.message).not.toContain(initial?.client_secret as string);
    expect(secretsOf(emulator, app.id)).toHaveLength(1);
  });
});
