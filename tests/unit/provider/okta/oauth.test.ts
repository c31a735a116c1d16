import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OktaEmulator, startOktaEmulator } from "../../../../emulator";
import { providers } from "../../../../provider";
import { isOktaApiError } from "../../../../provider/okta/errors";
import { OktaClient } from "../../../../provider/okta/oktaClient";
import type { ClientSecretInputs, ClientSecretOutputs } from "../../../../provider/resources/clientSecret/types";
import { configRequest, fastRetry } from "../harness";

let emulator: OktaEmulator;
let serviceAppId: string;
let webAppId: string;
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });

beforeAll(async () => {
  emulator = await startOktaEmulator({ rateLimit: "off" });
  const jwk = { ...publicKey.export({ format: "jwk" }), kid: "svc-key-1", use: "sig", alg: "RS256" };
  const service = await emulator.createApp({
    label: "pulumi automation",
    credentials: { oauthClient: { token_endpoint_auth_method: "private_key_jwt" } },
    settings: {
      oauthClient: { application_type: "service", grant_types: ["client_credentials"], jwks: { keys: [jwk] } },
    },
  } as never);
  serviceAppId = service.id;
  webAppId = (await emulator.createApp()).id;
});
afterAll(() => emulator.close());

/** A client authenticating as the service app; `mangleFirstBearer` makes the first API call carry a bad token. */
function oauthClient(key: KeyObject, options: { scopes?: string[]; mangleFirstBearer?: boolean } = {}) {
  let mangled = !options.mangleFirstBearer;
  const recordingFetch: typeof fetch = async (input, init) => {
    const headers = { ...(init?.headers as Record<string, string>) };
    if (!mangled && headers.Authorization?.startsWith("Bearer ")) {
      headers.Authorization = "Bearer an-expired-token";
      mangled = true;
    }
    return fetch(input, { ...init, headers });
  };
  return new OktaClient(
    {
      orgUrl: emulator.url,
      auth: {
        kind: "oauth",
        clientId: serviceAppId,
        privateKey: key,
        privateKeyId: "svc-key-1",
        scopes: options.scopes ?? ["okta.apps.read", "okta.apps.manage"],
      },
    },
    { retry: fastRetry(), fetch: recordingFetch },
  );
}

const tokenRequests = () => emulator.requests().filter((r) => r.path === "/oauth2/v1/token");

describe("OAuth 2.0 (private_key_jwt client credentials) against the emulator's token endpoint", () => {
  it("gets one access token, caches it, and manages secrets with it", async () => {
    emulator.clearRequests();
    const okta = oauthClient(privateKey);
    const made = await okta.createClientSecret(webAppId);
    expect((await okta.listClientSecrets(webAppId)).map((s) => s.id)).toContain(made.id);
    await okta.deactivateClientSecret(webAppId, made.id);
    await okta.deleteClientSecret(webAppId, made.id);
    expect(tokenRequests().map((r) => r.status)).toEqual([200]);
  });

  it("gets a fresh token once after a 401", async () => {
    emulator.clearRequests();
    const okta = oauthClient(privateKey, { mangleFirstBearer: true });
    expect(await okta.listClientSecrets(webAppId)).toHaveLength(1);
    expect(tokenRequests()).toHaveLength(2);
    expect(emulator.requests().map((r) => r.status)).toEqual([200, 401, 200, 200]);
  });

  it("surfaces a read-only token's 403 on changes", async () => {
    const okta = oauthClient(privateKey, { scopes: ["okta.apps.read"] });
    expect(await okta.listClientSecrets(webAppId)).toHaveLength(1);
    const error = await okta.createClientSecret(webAppId).catch((e: unknown) => e);
    expect(isOktaApiError(error) && error.status).toBe(403);
  });

  it("reports a key Okta does not know as invalid_client, without the assertion or token", async () => {
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    const error = await oauthClient(other)
      .listClientSecrets(webAppId)
      .catch((e: unknown) => e);
    if (!isOktaApiError(error)) throw error;
    expect(error).toMatchObject({ status: 401, errorCode: "invalid_client", method: "POST", path: "/oauth2/v1/token" });
    expect(error.message).toMatch(/^Okta HTTP 401 invalid_client The client_assertion is invalid/);
    expect(error.message).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  });
});

describe("the ClientSecret hooks configured for OAuth 2.0", () => {
  it("create and delete a secret with okta:clientId + okta:privateKey from the stack config", async () => {
    const pem = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    await providers.ClientSecret.configure(
      configRequest({
        "okta-credentials:orgUrl": emulator.url,
        "okta:clientId": serviceAppId,
        "okta:privateKey": pem,
        "okta:privateKeyId": "svc-key-1",
        "okta:scopes": "okta.apps.read,okta.apps.manage",
      }),
    );
    emulator.clearRequests();
    expect(
      (await providers.ClientSecret.check({} as ClientSecretInputs, { appId: webAppId })).failures,
    ).toBeUndefined();
    const created = await providers.ClientSecret.create({ appId: webAppId });
    await providers.ClientSecret.delete(created.id, created.outs as ClientSecretOutputs);
    expect(tokenRequests()).toHaveLength(1);
    expect(emulator.requests().every((r) => r.status < 300)).toBe(true);
  });
});
