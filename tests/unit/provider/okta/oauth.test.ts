import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type OktaEmulator, startOktaEmulator } from "../../../../emulator/index";
import { providers } from "../../../../provider";
import { isOktaApiError } from "../../../../provider/okta/errors";
import type { ClientSecretInputs, ClientSecretOutputs } from "../../../../provider/resources/clientSecret/types";
import { createServiceApp, type ServiceApp } from "../../../serviceApp";
import { configRequest } from "../harness";
import { oauthClient, tokenStatuses } from "./oauthClients";

let emulator: OktaEmulator;
let service: ServiceApp;
let webAppId: string;

beforeAll(async () => {
  emulator = await startOktaEmulator({ rateLimit: "off" });
  service = await createServiceApp(emulator, { label: "pulumi automation" });
  webAppId = (await emulator.createApp()).id;
});
afterAll(() => emulator.close());
beforeEach(() => emulator.clearRequests());

describe("OAuth 2.0 (private_key_jwt client credentials) against the emulator's token endpoint", () => {
  it("gets one access token, caches it, and manages secrets with it", async () => {
    const okta = oauthClient(emulator, service);
    const made = await okta.createClientSecret(webAppId);
    expect((await okta.listClientSecrets(webAppId)).map((s) => s.id)).toContain(made.id);
    await okta.deactivateClientSecret(webAppId, made.id);
    await okta.deleteClientSecret(webAppId, made.id);
    expect(tokenStatuses(emulator)).toEqual([200]);
  });

  it("shares one token request among parallel requests", async () => {
    const okta = oauthClient(emulator, service);
    await Promise.all([okta.listClientSecrets(webAppId), okta.getApp(webAppId), okta.listClientSecrets(webAppId)]);
    expect(tokenStatuses(emulator)).toEqual([200]);
  });

  it("gets a fresh token once after a 401", async () => {
    const okta = oauthClient(emulator, service, { mangleFirstToken: true });
    expect(await okta.listClientSecrets(webAppId)).toHaveLength(1);
    expect(tokenStatuses(emulator)).toHaveLength(2);
    expect(emulator.requests().map((r) => r.status)).toEqual([200, 401, 200, 200]);
  });

  it("surfaces a read-only token's 403 on changes", async () => {
    const okta = oauthClient(emulator, service, { scopes: ["okta.apps.read"] });
    expect(await okta.listClientSecrets(webAppId)).toHaveLength(1);
    const error = await okta.createClientSecret(webAppId).catch((e: unknown) => e);
    expect(isOktaApiError(error) && error.status).toBe(403);
  });

  it("reports a key Okta does not know as invalid_client, without the assertion or token", async () => {
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    const error = await oauthClient(emulator, { ...service, privateKey: other })
      .listClientSecrets(webAppId)
      .catch((e: unknown) => e);
    if (!isOktaApiError(error)) throw error;
    expect(error).toMatchObject({ status: 401, errorCode: "invalid_client", method: "POST", path: "/oauth2/v1/token" });
    expect(error.message).toMatch(/Okta HTTP 401 invalid_client The client_assertion signature is invalid\./);
    expect(error.message).toContain("matches none of the app's ACTIVE public keys");
    expect(error.message).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  });
});

describe("the ClientSecret hooks configured for OAuth 2.0", () => {
  it("create and delete a secret with okta:clientId + okta:privateKey from the stack config", async () => {
    await providers.ClientSecret.configure(
      configRequest({
        "okta-credentials:orgUrl": emulator.url,
        "okta:clientId": service.id,
        "okta:privateKey": service.privateKeyPem,
        "okta:privateKeyId": service.kid,
        "okta:scopes": "okta.apps.read,okta.apps.manage",
      }),
    );
    expect(
      (await providers.ClientSecret.check({} as ClientSecretInputs, { appId: webAppId })).failures,
    ).toBeUndefined();
    const created = await providers.ClientSecret.create({ appId: webAppId });
    await providers.ClientSecret.delete(created.id, created.outs as ClientSecretOutputs);
    expect(tokenStatuses(emulator)).toHaveLength(1);
    expect(emulator.requests().every((r) => r.status < 300)).toBe(true);
  });
});
