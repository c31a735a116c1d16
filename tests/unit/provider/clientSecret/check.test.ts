import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { OktaEmulator } from "../../../../emulator";
import { providers } from "../../../../provider";
import type { ClientSecretInputs } from "../../../../provider/resources/clientSecret/types";
import { unknownValue } from "../../../../provider/resources/fullProvider";
import { configRequest, startHookHarness } from "../harness";

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
beforeEach(() => emulator.reset());

const byo = "a-bring-your-own-secret-with-40-chars!!!";

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
    const reasons = async (news: Record<string, unknown>) =>
      ((await hooks.check({}, news)).failures ?? []).map((f) => `${f.property}: ${f.reason}`);
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
    const result = await hooks.check({}, news);
    expect(result).toEqual({ inputs: news });
    expect(emulator.requests()).toEqual([]);
  });
});

describe("check: the app in Okta", () => {
  it("accepts a valid create after looking at the app and its slots", async () => {
    const app = await emulator.createApp();
    const result = await hooks.check({}, { appId: app.id, rotationTriggers: { r: "1" } });
    expect(result.failures).toBeUndefined();
    expect(emulator.requests().map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /api/v1/apps/${app.id}`,
      `GET /api/v1/apps/${app.id}/credentials/secrets`,
    ]);
  });

  it("needs 32 characters when the app uses client_secret_jwt", async () => {
    const app = await emulator.createApp({
      credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_jwt" } },
    });
    const result = await hooks.check({}, { appId: app.id, clientSecret: "twenty-characters-ok" });
    expect(result.failures).toEqual([
      {
        property: "clientSecret",
        reason: expect.stringContaining("it must be 32 to 100 because the app authenticates with client_secret_jwt"),
      },
    ]);
    expect((await hooks.check({}, { appId: app.id, clientSecret: byo })).failures).toBeUndefined();
  });

  it("refuses any secret for a private_key_jwt app", async () => {
    const app = await emulator.createApp({
      credentials: { oauthClient: { token_endpoint_auth_method: "private_key_jwt" } },
      settings: { oauthClient: { grant_types: ["client_credentials"], jwks_uri: "https://example.com/jwks" } },
    } as never);
    const result = await hooks.check({}, { appId: app.id });
    expect(result.failures?.[0]?.reason).toContain(
      "authenticates with private_key_jwt, so Okta allows it no client secrets",
    );
  });

  it("reports an app that does not exist on appId", async () => {
    const result = await hooks.check({}, { appId: "0oa00000000000000000" });
    expect(result.failures).toEqual([
      { property: "appId", reason: `app 0oa00000000000000000 does not exist in ${emulator.url} (Okta answered 404)` },
    ]);
  });

  it("fails a create in preview when the app already holds two secrets, listing them and the fix", async () => {
    const app = await emulator.createApp();
    const created = await hooks.create({ appId: app.id });
    const result = await hooks.check({}, { appId: app.id });
    const reason = result.failures?.[0]?.reason ?? "";
    const [initial] = emulator.state().apps[0]?.secrets ?? [];
    expect(result.failures?.[0]?.property).toBe("appId");
    expect(reason).toContain(`app ${app.id} already holds 2 client secrets, Okta's maximum`);
    expect(reason).toContain(`${initial?.id} ACTIVE, created ${initial?.created} (not managed by this stack)`);
    expect(reason).toContain(`${created.outs?.secretId} ACTIVE`);
    expect(reason).toContain("(managed by this stack)");
    expect(reason).toContain(`adoptSecretId: "${initial?.id}"`);
    expect(reason).toContain("deactivate and delete a secret that is not needed first");
  });

  it("checks that the secret to adopt exists, and not again once an existing resource adopted it", async () => {
    const app = await emulator.createApp();
    const [initial] = emulator.state().apps[0]?.secrets ?? [];
    const missing = await hooks.check({}, { appId: app.id, adoptSecretId: "ocs00000000000000000" });
    expect(missing.failures?.[0]).toEqual({
      property: "adoptSecretId",
      reason: expect.stringContaining(`app ${app.id} has no client secret ocs00000000000000000`),
    });
    const adopt = { appId: app.id, adoptSecretId: initial?.id };
    expect(await hooks.check({}, adopt)).toEqual({ inputs: adopt });
    emulator.clearRequests();
    const later = await hooks.check(adopt, { ...adopt, rotationTriggers: { r: "2" } });
    expect(later).toEqual({ inputs: { ...adopt, rotationTriggers: { r: "2" } } });
    expect(emulator.requests().filter((r) => r.path.includes(`/secrets/${initial?.id}`))).toEqual([]);
  });

  it("does not call Okta for an unchanged existing resource", async () => {
    const app = await emulator.createApp();
    const olds = { appId: app.id, status: "ACTIVE" };
    await hooks.check(olds, { ...olds, status: "INACTIVE" });
    expect(emulator.requests()).toEqual([]);
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
