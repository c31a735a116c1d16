import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { OktaEmulator } from "../../../../emulator/index";
import { providers } from "../../../../provider";
import { secretHash } from "../../../../provider/okta/secretHash";
import type { ClientSecretInputs, ClientSecretOutputs } from "../../../../provider/resources/clientSecret/types";
import { processOktaClient } from "../../../../provider/runState";
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

const value = "a-bring-your-own-secret-value";
const outsOf = (r: { outs?: ClientSecretOutputs }) => r.outs as ClientSecretOutputs;

describe("create", () => {
  it("POSTs a generated secret and answers the composite id and every output", async () => {
    const app = await emulator.createApp();
    const inputs = secretCalls.inputsOf("a", { appId: app.id, rotationTriggers: { r: "1" } });
    await hooks.check({} as ClientSecretInputs, inputs);
    emulator.clearRequests();
    const result = await hooks.create(inputs);
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
      __resourceUrn: secretCalls.urnOf("a"),
    });
    // check listed the app's secrets in this run: create only POSTs.
    expect(emulator.requests().map((r) => `${r.method} ${r.status}`)).toEqual(["POST 201"]);
  });

  it("creates a bring-your-own secret INACTIVE in one POST", async () => {
    const app = await emulator.createApp();
    const inputs = secretCalls.inputsOf("a", { appId: app.id, clientSecret: value, status: "INACTIVE" });
    await hooks.check({} as ClientSecretInputs, inputs);
    emulator.clearRequests();
    const outs = outsOf(await hooks.create(inputs));
    expect(outs).toMatchObject({ clientSecret: value, secretHash: secretHash(value), status: "INACTIVE" });
    expect(emulator.requests().map((r) => `${r.method} ${r.path.replace(/.*secrets/, "")} ${r.status}`)).toEqual([
      "POST  201",
    ]);
  });

  it("adopts an existing secret without a POST, applying status", async () => {
    const app = await emulator.createApp();
    await secretCalls.create(secretCalls.inputsOf("other", { appId: app.id }));
    const initial = secretsOf(emulator, app.id)[0];
    newRun();
    const inputs = secretCalls.inputsOf("a", {
      appId: app.id,
      adoptSecretId: initial?.id as string,
      status: "INACTIVE",
    });
    await hooks.check({} as ClientSecretInputs, inputs);
    emulator.clearRequests();
    const outs = outsOf(await hooks.create(inputs));
    expect(outs).toMatchObject({ secretId: initial?.id, clientSecret: initial?.client_secret, status: "INACTIVE" });
    expect(outs.adoptSecretId).toBe(initial?.id);
    expect(emulator.requests().map((r) => `${r.method} ${r.path.replace(/.*secrets/, "")}`)).toEqual([
      `POST /${initial?.id}/lifecycle/deactivate`,
    ]);
  });

  it("a replacement creates a new secret, although adoptSecretId still names the one adopted at creation", async () => {
    const app = await emulator.createApp();
    const initial = secretsOf(emulator, app.id)[0]?.id as string;
    const held = await secretCalls.create(secretCalls.inputsOf("a", { appId: app.id, adoptSecretId: initial }));
    newRun();
    const { held: rotated } = await secretCalls.up(held, { ...held.inputs, rotationTriggers: { r: "2" } });
    expect(rotated.outs.secretId).not.toBe(initial);
    expect(secretsOf(emulator, app.id).map((s) => s.id)).toEqual([rotated.outs.secretId]);
  });

  // create without this run's check: what it finds when Okta changed between the preview (or check) and the create.
  it("explains an adoptSecretId the app does not have", async () => {
    const app = await emulator.createApp();
    await expect(
      hooks.create(secretCalls.inputsOf("a", { appId: app.id, adoptSecretId: "ocs00000000000000000" })),
    ).rejects.toThrow(
      `adopting client secret ocs00000000000000000 of app ${app.id}: the app has no such secret; set adoptSecretId`,
    );
  });

  it("refuses to create on an app found full, with an explanation instead of Okta's 400", async () => {
    const app = await emulator.createApp();
    await secretCalls.create(secretCalls.inputsOf("a", { appId: app.id }));
    await expect(hooks.create(secretCalls.inputsOf("b", { appId: app.id }))).rejects.toThrow(
      `creating a client secret for app ${app.id}: the app holds 2 secrets now`,
    );
    expect(emulator.requests().filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("reports a failed INACTIVE as an init failure (id and properties) that the next update completes", async () => {
    const lonely = await emulator.createApp();
    const failed = (await hooks
      .create({
        ...secretCalls.inputsOf("a", {
          appId: lonely.id,
          adoptSecretId: secretsOf(emulator, lonely.id)[0]?.id as string,
        }),
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
    // The engine keeps the resource with those properties and runs update at the next `up`.
    newRun();
    await secretCalls.create(secretCalls.inputsOf("b", { appId: lonely.id }));
    const { id, properties } = failed as { id: string; properties: ClientSecretOutputs };
    const retried = await hooks.update(
      id,
      properties,
      secretCalls.inputsOf("a", { appId: lonely.id, status: "INACTIVE" }),
    );
    expect(retried.outs).toMatchObject({ status: "INACTIVE", clientSecret: properties.clientSecret });
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
