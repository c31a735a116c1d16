import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { OktaEmulator } from "../../../../emulator/index";
import { providers } from "../../../../provider";
import type { ClientSecretInputs } from "../../../../provider/resources/clientSecret/types";
import { unknownValue } from "../../../../provider/resources/previewUnknowns";
import { newRun, secretCalls } from "../engineCalls";
import { configRequest, secretsOf, startHookHarness } from "../harness";

let emulator: OktaEmulator;
const hooks = {
  ...providers.ClientSecret,
  // The engine hands check whatever the program sent: loose on purpose.
  check: (olds: object, news: object) =>
    providers.ClientSecret.check(olds as ClientSecretInputs, news as ClientSecretInputs),
};

beforeAll(async () => {
  ({ emulator } = await startHookHarness());
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset();
  newRun();
});

const byo = "a-bring-your-own-secret-with-40-chars!!!";
const reasonsOf = (result: { failures?: { property: string; reason: string }[] }) =>
  (result.failures ?? []).map((f) => `${f.property}: ${f.reason}`);

describe("check: inputs alone, before any request", () => {
  it("names each bad property and its fix", async () => {
    const result = await hooks.check(
      {},
      {
        appId: "my-app",
        clientSecret: "short",
        status: "DISABLED",
        rotationTriggers: { when: 2026, ok: "x" },
        adoptSecretId: "ocs-bad",
      },
    );
    const byProperty = Object.fromEntries((result.failures ?? []).map((f) => [f.property, f.reason]));
    expect(Object.keys(byProperty).sort()).toEqual([
      "adoptSecretId",
      "appId",
      "clientSecret",
      "rotationTriggers.when",
      "status",
    ]);
    expect(byProperty.appId).toContain('appId "my-app" is not an Okta app id');
    expect(byProperty.clientSecret).toContain("clientSecret is 5 characters long; it must be 14 to 100");
    expect(byProperty.clientSecret).not.toContain("short");
    expect(byProperty.status).toBe('status must be "ACTIVE" or "INACTIVE", got "DISABLED"');
    expect(byProperty["rotationTriggers.when"]).toContain("must be a string, got a number");
    expect(emulator.requests()).toEqual([]);
  });

  it("refuses non-ASCII and over-long secrets, a missing appId, triggers that are not a map, and secret + adopt", async () => {
    const reasons = async (news: Record<string, unknown>) => reasonsOf(await hooks.check({}, news));
    expect((await reasons({ appId: "0oa1b2c3d4e5f6g7h8i9", clientSecret: "ünïcödé-secret-value" }))[0]).toContain(
      "outside printable ASCII",
    );
    expect((await reasons({ appId: "0oa1b2c3d4e5f6g7h8i9", clientSecret: "x".repeat(101) }))[0]).toContain(
      "101 characters long",
    );
    expect(await reasons({})).toEqual([expect.stringMatching(/^appId: appId is required/)]);
    expect(await reasons({ appId: "0oa1b2c3d4e5f6g7h8i9", rotationTriggers: ["a"] })).toEqual([
      expect.stringMatching(/^rotationTriggers: rotationTriggers must be a map of strings/),
    ]);
    expect(
      await reasons({ appId: "0oa1b2c3d4e5f6g7h8i9", clientSecret: byo, adoptSecretId: "ocs1b2c3d4e5f6g7h8i9" }),
    ).toEqual([expect.stringMatching(/^adoptSecretId: set either clientSecret .* or adoptSecretId .*, not both$/)]);
  });

  it("passes unknown values at preview without calling Okta, and passes __provider through", async () => {
    const news = {
      appId: unknownValue,
      clientSecret: unknownValue,
      rotationTriggers: unknownValue,
      __provider: "shim",
    };
    expect(await hooks.check({}, news)).toEqual({ inputs: news });
    expect(emulator.requests()).toEqual([]);
  });

  it("leaves a resource that exists to diff, without a request", async () => {
    const app = await emulator.createApp();
    const olds = secretCalls.inputsOf("a", { appId: app.id, status: "ACTIVE" });
    await hooks.check(olds, { ...olds, status: "INACTIVE", rotationTriggers: { r: "2" } });
    expect(emulator.requests()).toEqual([]);
  });
});

describe("check of a new resource: the app in Okta", () => {
  it("accepts a create after looking at the app and its secrets, once per app and run", async () => {
    const app = await emulator.createApp();
    expect((await hooks.check({}, secretCalls.inputsOf("a", { appId: app.id }))).failures).toBeUndefined();
    expect(
      (
        await hooks.check(
          {},
          secretCalls.inputsOf("b", { appId: app.id, adoptSecretId: secretsOf(emulator, app.id)[0]?.id as string }),
        )
      ).failures,
    ).toBeUndefined();
    expect(emulator.requests().map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /api/v1/apps/${app.id}`,
      `GET /api/v1/apps/${app.id}/credentials/secrets`,
    ]);
  });

  it("needs 32 characters when the app uses client_secret_jwt", async () => {
    const app = await emulator.createApp({
      credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_jwt" } },
    });
    const result = await hooks.check(
      {},
      secretCalls.inputsOf("a", { appId: app.id, clientSecret: "twenty-characters-ok" }),
    );
    expect(result.failures).toEqual([
      {
        property: "clientSecret",
        reason: expect.stringContaining("it must be 32 to 100 because the app authenticates with client_secret_jwt"),
      },
    ]);
    expect(
      (await hooks.check({}, secretCalls.inputsOf("b", { appId: app.id, clientSecret: byo }))).failures,
    ).toBeUndefined();
  });

  it("refuses any secret for a private_key_jwt app", async () => {
    const app = await emulator.createApp({
      credentials: { oauthClient: { token_endpoint_auth_method: "private_key_jwt" } },
      settings: { oauthClient: { grant_types: ["client_credentials"], jwks_uri: "https://example.com/jwks" } },
    } as never);
    const result = await hooks.check({}, secretCalls.inputsOf("a", { appId: app.id }));
    expect(result.failures?.[0]?.reason).toContain(
      "authenticates with private_key_jwt, so Okta allows it no client secrets",
    );
  });

  it("reports an app that does not exist on appId", async () => {
    const result = await hooks.check({}, secretCalls.inputsOf("a", { appId: "0oa00000000000000000" }));
    expect(result.failures).toEqual([
      { property: "appId", reason: `app 0oa00000000000000000 does not exist in ${emulator.url} (Okta answered 404)` },
    ]);
  });

  it("fails a create when the app already holds two secrets, listing them, the plan and the fix", async () => {
    const app = await emulator.createApp();
    const made = await secretCalls.create(secretCalls.inputsOf("first", { appId: app.id }));
    newRun();
    const reason = reasonsOf(await hooks.check({}, secretCalls.inputsOf("second", { appId: app.id })))[0] ?? "";
    const [initial] = secretsOf(emulator, app.id);
    expect(reason).toMatch(/^appId: /);
    expect(reason).toContain(`app ${app.id} held 2 client secrets when this run looked, and this run would add 1 more`);
    expect(reason).toContain(`${initial?.id} ACTIVE, created ${initial?.created} (not held by any ClientSecret`);
    expect(reason).toContain(`${made.outs.secretId} ACTIVE`);
    expect(reason).toContain('ClientSecret "second": create a secret');
    expect(reason).toContain("free a slot first");
    expect(reason).toContain("`adoptSecretId`");
  });

  it("counts every new secret of one run together, in either order; a refused plan counts no more", async () => {
    for (const order of [
      ["a", "b"],
      ["b", "a"],
    ]) {
      newRun();
      const app = await emulator.createApp();
      const [first, second] = order as [string, string];
      // The same inputs but for the resource's own URN: two resources, two slots.
      expect((await hooks.check({}, secretCalls.inputsOf(first, { appId: app.id }))).failures).toBeUndefined();
      const refused = reasonsOf(await hooks.check({}, secretCalls.inputsOf(second, { appId: app.id })));
      expect(refused[0]).toContain("this run would add 2 more before retiring any");
      // An adoption needs no slot, even now.
      const initial = secretsOf(emulator, app.id)[0]?.id as string;
      expect(
        (await hooks.check({}, secretCalls.inputsOf("c", { appId: app.id, adoptSecretId: initial }))).failures,
      ).toBeUndefined();
    }
  });

  it("checks that the secret to adopt exists, and that no other resource of the run claims it", async () => {
    const app = await emulator.createApp();
    const missing = await hooks.check(
      {},
      secretCalls.inputsOf("a", { appId: app.id, adoptSecretId: "ocs00000000000000000" }),
    );
    expect(missing.failures?.[0]).toEqual({
      property: "adoptSecretId",
      reason: expect.stringContaining(`app ${app.id} has no client secret ocs00000000000000000`),
    });
    const initial = secretsOf(emulator, app.id)[0]?.id as string;
    expect(
      (await hooks.check({}, secretCalls.inputsOf("a", { appId: app.id, adoptSecretId: initial }))).failures,
    ).toBeUndefined();
    const twice = reasonsOf(
      await hooks.check({}, secretCalls.inputsOf("b", { appId: app.id, adoptSecretId: initial })),
    );
    expect(twice).toEqual([
      `adoptSecretId: ClientSecret "b" would take over client secret ${initial}, but ClientSecret "a" names it in adoptSecretId too; a secret is held by one resource only: remove adoptSecretId from one of them`,
    ]);
  });

  it("asks Okta nothing at the engine's second check of a replacement diff planned", async () => {
    const app = await emulator.createApp();
    const held = await secretCalls.create(
      secretCalls.inputsOf("a", { appId: app.id, adoptSecretId: secretsOf(emulator, app.id)[0]?.id as string }),
    );
    newRun();
    const news = secretCalls.inputsOf("a", { appId: app.id, rotationTriggers: { r: "2" } });
    await hooks.check(held.inputs, news);
    await hooks.diff(held.id, held.outs, news);
    emulator.clearRequests();
    // The inputs come back as given, with the plan's note for the reviewer (tests/unit/provider/changeNote.test.ts).
    expect(await hooks.check({}, news)).toEqual({
      inputs: { ...news, change: expect.objectContaining({ action: "rotate", order: "create-first" }) },
    });
    expect(emulator.requests()).toEqual([]);
    expect(secretCalls.urnOf("a")).toBe(news.__resourceUrn);
  });

  it("surfaces configuration errors at check, naming the key to set", async () => {
    await hooks.configure(configRequest({ "okta-credentials:orgUrl": emulator.url }));
    await expect(hooks.check({}, { appId: unknownValue })).rejects.toThrow(
      "pulumi config set --secret okta:apiToken <token>",
    );
    await hooks.configure(
      configRequest({ "okta-credentials:orgUrl": "http://okta.example.com", "okta:apiToken": emulator.apiToken }),
    );
    await expect(hooks.check({}, { appId: unknownValue })).rejects.toThrow(
      /okta-credentials:orgUrl uses plain http:\/\//,
    );
    await hooks.configure(
      configRequest({ "okta-credentials:orgUrl": emulator.url, "okta:apiToken": emulator.apiToken }),
    );
  });
});
