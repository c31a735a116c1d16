import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { OktaEmulator } from "../../../../emulator";
import { providers } from "../../../../provider";
import { processOktaClient } from "../../../../provider/okta/processClient";
import { secretHash } from "../../../../provider/okta/secretHash";
import type { ClientSecretOutputs } from "../../../../provider/resources/clientSecret/types";
import { secretsOf, startHookHarness } from "../harness";

let emulator: OktaEmulator;
const hooks = providers.ClientSecret;

beforeAll(async () => {
  ({ emulator } = await startHookHarness());
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const value = "a-bring-your-own-secret-value";
const outsOf = (r: { outs?: ClientSecretOutputs }) => r.outs as ClientSecretOutputs;

describe("create", () => {
  it("POSTs a generated secret and answers the composite id and every output", async () => {
    const app = await emulator.createApp();
    const result = await hooks.create({ appId: app.id, rotationTriggers: { r: "1" } });
    const outs = outsOf(result);
    const stored = secretsOf(emulator, app.id).find((s) => s.id === outs.secretId);
    expect(result.id).toBe(`${app.id}/${outs.secretId}`);
    expect(outs).toEqual({
      appId: app.id,
      secretId: stored?.id,
      clientSecret: stored?.client_secret,
      secretHash: stored?.secret_hash,
      status: "ACTIVE",
      created: stored?.created,
      lastUpdated: stored?.lastUpdated,
      rotationTriggers: { r: "1" },
    });
    expect(emulator.requests().map((r) => `${r.method} ${r.status}`)).toEqual(["GET 200", "POST 201"]);
  });

  it("POSTs a bring-your-own secret, and creates INACTIVE by creating then deactivating", async () => {
    const app = await emulator.createApp();
    const outs = outsOf(await hooks.create({ appId: app.id, clientSecret: value, status: "INACTIVE" }));
    expect(outs).toMatchObject({ clientSecret: value, secretHash: secretHash(value), status: "INACTIVE" });
    expect(emulator.requests().map((r) => r.method + r.path.replace(/.*secrets/, ""))).toEqual([
      "GET",
      "POST",
      `POST/${outs.secretId}/lifecycle/deactivate`,
    ]);
  });

  it("adopts an existing secret without a POST, applying status", async () => {
    const app = await emulator.createApp();
    await hooks.create({ appId: app.id });
    const initial = secretsOf(emulator, app.id)[0];
    emulator.clearRequests();
    const outs = outsOf(
      await hooks.create({ appId: app.id, adoptSecretId: initial?.id as string, status: "INACTIVE" }),
    );
    expect(outs).toMatchObject({ secretId: initial?.id, clientSecret: initial?.client_secret, status: "INACTIVE" });
    expect(outs.adoptSecretId).toBe(initial?.id);
    expect(emulator.requests().map((r) => r.method)).toEqual(["GET", "POST"]);
    expect(emulator.requests()[1]?.path).toMatch(/lifecycle\/deactivate$/);
  });

  it("creates a new secret instead of adopting again when check marked the adoption done", async () => {
    const app = await emulator.createApp();
    const initial = secretsOf(emulator, app.id)[0];
    const outs = outsOf(await hooks.create({ appId: app.id, adoptSecretId: initial?.id as string, adopted: true }));
    expect(outs.secretId).not.toBe(initial?.id);
    expect(secretsOf(emulator, app.id)).toHaveLength(2);
  });

  it("explains an adoptSecretId the app does not have", async () => {
    const app = await emulator.createApp();
    await expect(hooks.create({ appId: app.id, adoptSecretId: "ocs00000000000000000" })).rejects.toThrow(
      `adopting client secret ocs00000000000000000 of app ${app.id}: the app has no such secret; set adoptSecretId`,
    );
  });

  it("refuses to create on a full app with the slot explanation instead of Okta's 400", async () => {
    const app = await emulator.createApp();
    await hooks.create({ appId: app.id });
    await expect(hooks.create({ appId: app.id })).rejects.toThrow(`app ${app.id} already holds 2 client secrets`);
    expect(emulator.requests().filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("reports a failed INACTIVE as an init failure with the id, so the engine keeps the secret", async () => {
    const lonely = await emulator.createApp();
    const failed = (await hooks
      .create({
        appId: lonely.id,
        adoptSecretId: secretsOf(emulator, lonely.id)[0]?.id as string,
        status: "INACTIVE",
        __provider: "shim",
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      )) as Error & { id?: string; properties?: ClientSecretOutputs; reasons?: string[] };
    expect(failed.message).toContain("it is the app's only ACTIVE client secret, which Okta refuses to deactivate");
    expect(failed.id).toBe(`${lonely.id}/${secretsOf(emulator, lonely.id)[0]?.id}`);
    expect(failed.properties).toMatchObject({ status: "ACTIVE", __provider: "shim" });
    expect(failed.reasons).toEqual([failed.message]);
  });
});

describe("read", () => {
  it("answers an empty id when the secret or the app is gone", async () => {
    const app = await emulator.createApp();
    const created = await hooks.create({ appId: app.id });
    expect(await hooks.read(`${app.id}/ocs00000000000000000`, outsOf(created))).toEqual({ id: "" });
    expect(await hooks.read(`0oa00000000000000000/${outsOf(created).secretId}`, outsOf(created))).toEqual({ id: "" });
  });

  it("reports status drift, keeps Pulumi's status in the inputs, and keeps the value Pulumi holds", async () => {
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
    expect(read.inputs).toEqual({ appId: app.id, status: "ACTIVE", rotationTriggers: { r: "1" } });
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
      adopted: true,
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

describe("Okta's own refusals of a bring-your-own secret (the client, without the hooks' validation)", () => {
  it.each([
    ["client_secret_basic", "x".repeat(101), "'client_secret' can't be more than '100' characters long."],
    ["client_secret_basic", "short-secret", "'client_secret' must be at least '14' characters long."],
    ["client_secret_basic", "non-ascii-secret-é-value", "must only contain printable ASCII"],
    [
      "client_secret_jwt",
      "twenty-char-secret!!",
      "must be at least '32' characters long when 'token_endpoint_auth_method' is 'client_secret_jwt'.",
    ],
    [
      "private_key_jwt",
      "a-bring-your-own-secret-value",
      "'client_secret' can't be used when 'token_endpoint_auth_method' is 'private_key_jwt'.",
    ],
  ] as const)(
    "%s app, secret %#: the message carries Okta's cause and what was being done",
    async (method, secret, cause) => {
      const body =
        method === "private_key_jwt"
          ? {
              credentials: { oauthClient: { token_endpoint_auth_method: method } },
              settings: { oauthClient: { grant_types: ["client_credentials"], jwks_uri: "https://example.com/jwks" } },
            }
          : { credentials: { oauthClient: { token_endpoint_auth_method: method } } };
      const app = await emulator.createApp(body as never);
      // check and create validate first; here Okta's own answer is under test.
      const error = await processOktaClient()
        .createClientSecret(app.id, { clientSecret: secret })
        .catch((e: unknown) => e);
      const message = (error as Error).message;
      expect(message).toContain("Okta HTTP 400 E0000001 Api validation failed: client_secret: ");
      expect(message).toContain(cause);
      expect(message).toContain(`(POST /api/v1/apps/${app.id}/credentials/secrets, request id `);
      expect(message).not.toContain(secret);
    },
  );
});
