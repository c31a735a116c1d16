import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OktaEmulator, startOktaEmulator } from "../../../emulator";
import * as provider from "../../../provider";

let emulator: OktaEmulator;
beforeAll(async () => {
  emulator = await startOktaEmulator({ rateLimit: "off" });
});
afterAll(() => emulator.close());

describe("pulumi-okta-credentials/provider: the frozen surface the serialized shim and the sdk call", () => {
  it("exports providers.ClientSecret with exactly the seven hooks, and the program-side helpers", () => {
    expect(Object.keys(provider).sort()).toEqual([
      "isOktaApiError",
      "oktaClientFromEnvironment",
      "providers",
      "readOktaConfig",
    ]);
    expect(Object.keys(provider.providers)).toEqual(["ClientSecret"]);
    const hooks = provider.providers.ClientSecret as unknown as Record<string, unknown>;
    expect(Object.keys(hooks).sort()).toEqual(["check", "configure", "create", "delete", "diff", "read", "update"]);
    for (const hook of Object.values(hooks)) expect(typeof hook).toBe("function");
  });

  it("readOktaConfig asks for exactly the okta:* keys of @pulumi/okta", () => {
    const asked: string[] = [];
    const config = provider.readOktaConfig((key) => {
      asked.push(key);
      return key === "okta:orgUrl" ? "https://dev-1.okta.com" : undefined;
    });
    expect(asked).toEqual([
      "okta:orgUrl",
      "okta:orgName",
      "okta:baseUrl",
      "okta:apiToken",
      "okta:clientId",
      "okta:privateKey",
      "okta:privateKeyId",
      "okta:scopes",
    ]);
    expect(config["okta:orgUrl"]).toBe("https://dev-1.okta.com");
  });

  it("oktaClientFromEnvironment reads stack-style keys, falls back to OKTA_* variables, and lists an app's secrets", async () => {
    const app = await emulator.createApp();
    const fromConfig = provider.oktaClientFromEnvironment({
      "okta:orgUrl": emulator.url,
      "okta:apiToken": emulator.apiToken,
    });
    const [secret] = await fromConfig.listClientSecrets(app.id);
    expect(secret).toMatchObject({
      status: "ACTIVE",
      secret_hash: expect.any(String),
      client_secret: expect.any(String),
    });
    const saved = { url: process.env.OKTA_ORG_URL, token: process.env.OKTA_API_TOKEN };
    process.env.OKTA_ORG_URL = emulator.url;
    process.env.OKTA_API_TOKEN = emulator.apiToken;
    try {
      expect(await provider.oktaClientFromEnvironment().listClientSecrets(app.id)).toHaveLength(1);
      expect(() => provider.oktaClientFromEnvironment({ "okta:orgUrl": "https://x.okta.com/path" })).toThrow(
        /^okta:orgUrl must be the org's base URL/,
      );
    } finally {
      for (const [name, value] of [
        ["OKTA_ORG_URL", saved.url],
        ["OKTA_API_TOKEN", saved.token],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});
