import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OktaEmulator, startOktaEmulator } from "../../../emulator/index";
import * as provider from "../../../provider";

let emulator: OktaEmulator;
beforeAll(async () => {
  emulator = await startOktaEmulator({ rateLimit: "off" });
});
afterAll(() => emulator.close());

describe("pulumi-okta-credentials/provider: the frozen surface the serialized shim and the sdk call", () => {
  it("exports providers.ClientSecret, ClientJsonWebKey, ClientSecretVerification and ClientJsonWebKeyVerification, each with exactly the seven hooks, and the program-side helpers", () => {
    expect(Object.keys(provider).sort()).toEqual([
      "isOktaApiError",
      "oktaClientFromConfig",
      "oktaClientFromEnvironment",
      "providers",
      "readOktaConfig",
    ]);
    expect(Object.keys(provider.providers)).toEqual([
      "ClientSecret",
      "ClientJsonWebKey",
      "ClientSecretVerification",
      "ClientJsonWebKeyVerification",
    ]);
    for (const kind of Object.values(provider.providers)) {
      const hooks = kind as unknown as Record<string, unknown>;
      expect(Object.keys(hooks).sort()).toEqual(["check", "configure", "create", "delete", "diff", "read", "update"]);
      for (const hook of Object.values(hooks)) expect(typeof hook).toBe("function");
    }
  });

  it("readOktaConfig asks for @pulumi/okta's own okta:* keys and this package's orgUrl, nothing else", () => {
    const asked: string[] = [];
    const config = provider.readOktaConfig((key) => {
      asked.push(key);
      return key === "okta-credentials:orgUrl" ? "https://dev-1.okta.com" : undefined;
    });
    // Every okta:* key is one the @pulumi/okta provider defines (its Provider arguments), so a stack config that serves
    // both never holds a key its bridged provider would refuse as unknown.
    const pulumiOktaKeys = new Set([
      "accessToken",
      "apiToken",
      "backoff",
      "baseUrl",
      "clientId",
      "httpProxy",
      "logLevel",
      "maxApiCapacity",
      "maxRetries",
      "maxWaitSeconds",
      "minWaitSeconds",
      "orgName",
      "parallelism",
      "privateKey",
      "privateKeyId",
      "requestTimeout",
      "scopes",
    ]);
    const okta = asked.filter((key) => key.startsWith("okta:")).map((key) => key.slice("okta:".length));
    expect(okta.filter((key) => !pulumiOktaKeys.has(key))).toEqual([]);
    expect(okta).toEqual(
      expect.arrayContaining(["orgName", "baseUrl", "apiToken", "clientId", "privateKey", "scopes"]),
    );
    expect(asked.filter((key) => !key.startsWith("okta:"))).toEqual([
      "okta-credentials:orgUrl",
      "okta-credentials:dpop",
    ]);
    expect(config["okta-credentials:orgUrl"]).toBe("https://dev-1.okta.com");
  });

  it("oktaClientFromConfig reads stack-style keys, falls back to OKTA_* variables, and lists an app's secrets", async () => {
    const app = await emulator.createApp();
    // The former name stays, for programs that imported it.
    expect(provider.oktaClientFromEnvironment).toBe(provider.oktaClientFromConfig);
    const fromConfig = provider.oktaClientFromConfig({
      "okta-credentials:orgUrl": emulator.url,
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
      expect(await provider.oktaClientFromConfig().listClientSecrets(app.id)).toHaveLength(1);
      expect(() => provider.oktaClientFromConfig({ "okta-credentials:orgUrl": "https://x.okta.com/path" })).toThrow(
        /^okta-credentials:orgUrl must be the org's base URL/,
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
