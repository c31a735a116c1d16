import { createPublicKey } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type OktaEmulator, startOktaEmulator } from "../../../../emulator/index";
import { isOktaApiError, type OktaApiError } from "../../../../provider/okta/errors";
import { OktaClient } from "../../../../provider/okta/oktaClient";
import { createServiceApp, type ServiceApp } from "../../../serviceApp";
import { fastRetry } from "../harness";
import { assertionOf, oauthClient, type SentRequest, tokenStatuses } from "./oauthClients";

let emulator: OktaEmulator;
let service: ServiceApp;
let target: string;

beforeAll(async () => {
  emulator = await startOktaEmulator({ rateLimit: "off", accessTokenLifetimeSeconds: 2 });
  service = await createServiceApp(emulator);
  target = (await emulator.createApp()).id;
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.clearRequests();
  emulator.faults.clear();
});

async function failure(promise: Promise<unknown>): Promise<OktaApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isOktaApiError(error)) throw new Error(`expected an OktaApiError, got ${String(error)}`);
  return error;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("access tokens: cached until shortly before they expire", () => {
  it("reuses the token within its life and gets a new one once it is about to expire", async () => {
    const okta = oauthClient(emulator, service);
    await okta.listClientSecrets(target);
    await okta.listClientSecrets(target);
    expect(tokenStatuses(emulator)).toEqual([200]);
    await sleep(1100); // a 2 s token is renewed after half its life
    await okta.listClientSecrets(target);
    expect(tokenStatuses(emulator)).toEqual([200, 200]);
  });

  it("gets one new token and retries once when Okta answers 401 for an expired token", async () => {
    let offset = 0;
    const okta = oauthClient(emulator, service, { retry: { now: () => Date.now() + offset } });
    await okta.listClientSecrets(target);
    offset = -5000; // this machine's clock lags: the cached token looks fresh, Okta finds it expired
    await sleep(2100);
    await okta.listClientSecrets(target);
    expect(emulator.requests().map((r) => `${r.path.startsWith("/oauth2") ? "token" : "api"} ${r.status}`)).toEqual([
      "token 200",
      "api 200",
      "api 401",
      "token 200",
      "api 200",
    ]);
  });
});

describe("a fresh client assertion for every token attempt (Okta refuses a replayed jti)", () => {
  for (const fault of [{ status: 502 as const }, { drop: true }]) {
    it(`survives a token answer lost after Okta used the assertion (${JSON.stringify(fault)})`, async () => {
      emulator.faults.inject({ path: "^/oauth2/v1/token$", after: true, ...fault });
      const sent: SentRequest[] = [];
      await oauthClient(emulator, service, { sent }).listClientSecrets(target);
      expect(tokenStatuses(emulator)).toEqual([fault.drop ? 0 : 502, 200]);
      const [lost, retried] = sent.filter((s) => s.url.endsWith("/token")).map(assertionOf);
      expect(retried?.jti).not.toBe(lost?.jti);
      expect(retried?.iat).toBeGreaterThanOrEqual(lost?.iat as number);
    });
  }

  it("also after a 429 and a 503 from the token endpoint", async () => {
    emulator.faults.inject({ path: "^/oauth2/v1/token$", status: 429, resetAfterSeconds: 0 });
    emulator.faults.inject({ path: "^/oauth2/v1/token$", status: 503 });
    const sent: SentRequest[] = [];
    await oauthClient(emulator, service, { sent }).listClientSecrets(target);
    expect(tokenStatuses(emulator)).toEqual([429, 503, 200]);
    expect(new Set(sent.filter((s) => s.url.endsWith("/token")).map((s) => assertionOf(s).jti)).size).toBe(3);
  });
});

describe("token endpoint refusals, each a clear error", () => {
  it("names a scope the app was not granted, and the admin role it also needs", async () => {
    const readOnly = await createServiceApp(emulator, { scopes: ["okta.apps.read"] });
    const error = await failure(oauthClient(emulator, readOnly).listClientSecrets(target)).catch((e: Error) => e);
    expect(error.message).toContain(
      `service app ${readOnly.id} (okta:clientId): the scope okta.apps.manage is not granted`,
    );
    expect(error.message).toContain(`POST /api/v1/apps/${readOnly.id}/grants`);
    expect(error.message).toContain("also needs an admin role");
  });

  it("explains an app granted none of the scopes (Okta's consent_required)", async () => {
    const bare = await createServiceApp(emulator, { scopes: [] });
    const error = await failure(oauthClient(emulator, bare).listClientSecrets(target));
    expect(error).toMatchObject({ status: 400, errorCode: "consent_required" });
    expect(error.message).toContain("the scopes okta.apps.read, okta.apps.manage are not granted to the app");
    expect(error.message).toContain("You are not allowed any of the requested scopes.");
  });

  it("explains an unknown client and a wrong kid", async () => {
    const unknown = await failure(oauthClient(emulator, { ...service, id: "0oanotanapp000000000" }).getApp(target));
    expect(unknown.message).toContain("Okta knows no active app with client ID 0oanotanapp000000000");
    const wrongKid = await failure(oauthClient(emulator, { ...service, kid: "old-key" }).getApp(target));
    expect(wrongKid.message).toContain('no ACTIVE public key with kid "old-key" (okta:privateKeyId)');
    expect(wrongKid.message).toContain("The client_assertion JWT kid is invalid.");
  });

  it("explains scopes the org authorization server does not serve, and an app without the client_credentials grant", async () => {
    const custom = await failure(
      oauthClient(emulator, service, { scopes: ["okta.apps.read", "billing.read"] }).getApp(target),
    );
    expect(custom).toMatchObject({ status: 400, errorCode: "invalid_scope" });
    expect(custom.message).toContain("okta:scopes (okta.apps.read, billing.read) must list Okta scopes only");
    const jwk = { ...createPublicKey(service.privateKey).export({ format: "jwk" }), kid: service.kid, use: "sig" };
    const body = {
      credentials: { oauthClient: { token_endpoint_auth_method: "private_key_jwt" as const } },
      settings: {
        oauthClient: {
          application_type: "service" as const,
          grant_types: ["authorization_code"],
          jwks: { keys: [jwk as never] },
        },
      },
    };
    const noGrant = await emulator.createApp(body);
    const error = await failure(oauthClient(emulator, { ...service, id: noGrant.id }).getApp(target));
    expect(error).toMatchObject({ status: 400, errorCode: "unauthorized_client" });
    expect(error.message).toContain("may not use the client_credentials grant: use an API Services app");
  });

  it("explains an app that authenticates with a client secret", async () => {
    const web = await emulator.createApp({
      settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"] } },
    });
    const error = await failure(oauthClient(emulator, { ...service, id: web.id }).getApp(target));
    expect(error.message).toContain('set its Client authentication to "Public key / Private key"');
  });

  it("never puts the private key, an assertion or a token in an error", async () => {
    const unknown = await failure(oauthClient(emulator, { ...service, id: "0oanotanapp000000000" }).getApp(target));
    expect(unknown.message).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    expect(unknown.message).not.toContain(service.privateKeyPem.split("\n")[1]);
  });
});

describe("redirects", () => {
  let redirector: Server;
  let landed = 0;
  let target3xx: Server;
  let origin = "";

  beforeAll(async () => {
    target3xx = createServer((_req, res) => {
      landed++;
      res.end("{}");
    });
    await new Promise<void>((resolve) => target3xx.listen(0, "127.0.0.1", resolve));
    const elsewhere = `http://127.0.0.1:${(target3xx.address() as AddressInfo).port}`;
    redirector = createServer((req, res) => {
      res.writeHead(301, { Location: `${elsewhere}${req.url}` });
      res.end();
    });
    await new Promise<void>((resolve) => redirector.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    redirector.close();
    target3xx.close();
  });

  it("are a clear error, never followed with the credentials, never retried", async () => {
    const okta = new OktaClient(
      { orgUrl: origin, auth: { kind: "apiToken", token: "00-a-token-that-must-stay-here" } },
      { retry: fastRetry() },
    );
    const error = await failure(okta.getApp("0oa1"));
    expect(error).toMatchObject({ status: 301, method: "GET", path: "/api/v1/apps/0oa1" });
    expect(error.message).toContain(`redirected to ${origin.replace(/:\d+$/, "")}`);
    expect(error.message).toContain("credentials never follow a redirect");
    expect(landed).toBe(0);
  });
});

describe("credentials in errors", () => {
  it("never repeats a client assertion, a DPoP proof or a token that an answer echoes back", async () => {
    const sent: SentRequest[] = [];
    emulator.faults.inject({ path: "/oauth2/v1/token$", echo: true });
    const refused = await failure(oauthClient(emulator, service, { sent, dpop: "always" }).listClientSecrets(target));
    const body = new URLSearchParams(sent[0]?.body);
    const assertion = body.get("client_assertion") as string;
    const proof = sent[0]?.headers.DPoP as string;
    expect(assertion).toMatch(/^ey/);
    expect(refused.message).toContain("request body:");
    for (const credential of [assertion, proof]) expect(refused.message).not.toContain(credential);

    emulator.faults.inject({ path: `/apps/${target}/credentials/secrets$`, echo: true });
    const echoed = await failure(oauthClient(emulator, service, { sent }).listClientSecrets(target));
    const token = String(sent.at(-1)?.headers.Authorization).split(" ")[1] as string;
    expect(echoed.message).toContain("echo of Authorization: Bearer [redacted]");
    expect(echoed.message).not.toContain(token);
  });
});
