import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FaultSpec, type OktaEmulator, startOktaEmulator } from "../../../../emulator/index";
import { proveClientCredential } from "../../../../provider/okta/clientAuthentication";
import { OktaClient } from "../../../../provider/okta/oktaClient";
import { requestClientCredentialsToken, tokenEndpoint } from "../../../../provider/okta/tokenEndpoint";
import { createServiceApp, type ServiceApp } from "../../../serviceApp";
import { fastRetry, secretsOf } from "../harness";
import { oauthClient, type SentRequest } from "./oauthClients";

// Answers no Okta API gives but a proxy or a misbehaving server in front of an org may, injected by the emulator's
// faults into every kind of request the provider makes: each is a clear error saying what was asked and what came
// back, repeats no credential that went out, and neither crashes nor hangs.
let emulator: OktaEmulator;
let service: ServiceApp;
let appId: string;
let appSecret: string;

beforeAll(async () => {
  emulator = await startOktaEmulator({ rateLimit: "off" });
  service = await createServiceApp(emulator);
});
afterAll(() => emulator.close());
beforeEach(async () => {
  emulator.faults.clear();
  const app = await emulator.createApp();
  appId = app.id;
  appSecret = app.credentials.oauthClient.client_secret as string;
  emulator.clearRequests();
});

/** Every credential a request of these tests may carry, and lines of the service app's private key. */
function credentials(sent: SentRequest[]): string[] {
  const values = [emulator.apiToken, appSecret, ...service.privateKeyPem.split("\n").filter((l) => l.length > 40)];
  for (const request of sent) {
    values.push(...Object.values(request.headers).filter((v) => v.length > 20));
    for (const [name, value] of new URLSearchParams(request.body ?? "")) {
      if (name === "client_assertion" || name === "client_secret" || name === "token") values.push(value);
    }
  }
  return values;
}

/** A fetch that records what went out, then sends it. */
function recording(sent: SentRequest[]): typeof fetch {
  return async (input, init) => {
    const headers = { ...(init?.headers as Record<string, string>) };
    sent.push({ url: String(input), headers, body: typeof init?.body === "string" ? init.body : undefined });
    return fetch(input, init);
  };
}

const faults: Array<[string, Omit<FaultSpec, "path">, RegExp]> = [
  [
    "an echo of the request's credentials",
    { echo: true },
    /HTTP 400 E0000001 Api validation failed: echo of Authorization/,
  ],
  [
    "a redirect elsewhere",
    { redirect: "https://login.example.com/signin?session=abc" },
    /redirected to https:\/\/login\.example\.com\/signin: /,
  ],
  [
    "a proxy's HTML 502 page",
    { html: true },
    /HTTP 502 Bad Gateway, and the body is an HTML page \(text\/html, \d+ bytes, titled "502 Bad Gateway"\)/,
  ],
  ["an HTML page with a 200", { html: true, status: 200 }, /HTTP 200 OK, but the body is an HTML page/],
  [
    "a truncated JSON body",
    { truncate: true },
    /(but|and) the body is JSON cut short or malformed \(application\/json/,
  ],
  [
    "a body of 8 MB",
    { hugeBytes: 8 * 1024 * 1024 },
    /the body is an answer of more than 2 MiB \(application\/json; the rest was not read\), far larger than any of Okta's/,
  ],
];

/** The kinds of request the provider makes, each run once with the fault on its path; gives the error. */
const requests: Array<{
  name: string;
  path: (id: string) => string;
  run: (sent: SentRequest[]) => Promise<unknown>;
  doing: RegExp;
}> = [
  {
    name: "reading an app (Management API, API token)",
    path: (id) => `^/api/v1/apps/${id}$`,
    run: (sent) => apiClient(sent).getApp(appId),
    doing: /\(GET \/api\/v1\/apps\/0oa\w+[,)]/,
  },
  {
    name: "listing secrets (Management API, API token)",
    path: (id) => `^/api/v1/apps/${id}/credentials/secrets$`,
    run: (sent) => apiClient(sent).listClientSecrets(appId),
    doing: /\(GET \/api\/v1\/apps\/0oa\w+\/credentials\/secrets/,
  },
  {
    name: "deactivating a secret (Management API, API token)",
    path: () => "/lifecycle/deactivate$",
    run: async (sent) => {
      const okta = apiClient(sent);
      await okta.createClientSecret(appId);
      const [first] = secretsOf(emulator, appId);
      return okta.deactivateClientSecret(appId, first?.id as string);
    },
    doing: /\(POST \/api\/v1\/apps\/0oa\w+\/credentials\/secrets\/ocs\w+\/lifecycle\/deactivate/,
  },
  {
    name: "getting the service app's token (token endpoint, private_key_jwt, DPoP)",
    path: () => "^/oauth2/v1/token$",
    run: (sent) => oauthClient(emulator, service, { sent, dpop: "always" }).listClientSecrets(appId),
    doing: /^getting an OAuth access token for service app 0oa\w+ \(okta:clientId\): .*\(POST \/oauth2\/v1\/token/,
  },
  {
    name: "listing secrets with the service app's token (Management API, Bearer)",
    path: (id) => `^/api/v1/apps/${id}/credentials/secrets$`,
    run: (sent) => oauthClient(emulator, service, { sent }).listClientSecrets(appId),
    doing: /\(GET \/api\/v1\/apps\/0oa\w+\/credentials\/secrets/,
  },
  {
    name: "proving a secret (introspection endpoint, client_secret_basic)",
    path: () => "^/oauth2/v1/introspect$",
    run: (sent) =>
      proveClientCredential(emulator.url, appId, async () => {
        // The test's own record of what this request carries (it goes out through the provider's transport).
        sent.push({ url: "", headers: {}, body: new URLSearchParams({ client_secret: appSecret }).toString() });
        return { kind: "client_secret_basic", clientId: appId, clientSecret: appSecret };
      }),
    doing: /^introspecting a random token as client 0oa\w+ at http:\/\/127\.0\.0\.1:\d+\/oauth2\/v1\/introspect: /,
  },
  {
    name: "requesting a token with a secret (token endpoint, the sdk's requestClientCredentialsToken)",
    path: () => "^/oauth2/v1/token$",
    run: (sent) =>
      requestClientCredentialsToken(
        tokenEndpoint({ orgUrl: emulator.url }),
        ["okta.apps.read"],
        { kind: "client_secret_post", clientId: appId, clientSecret: appSecret },
        recording(sent),
      ),
    doing: /^requesting a client-credentials token for client 0oa\w+ at http:\/\/127\.0\.0\.1:\d+\/oauth2\/v1\/token: /,
  },
];

function apiClient(sent: SentRequest[]): OktaClient {
  return new OktaClient(
    { orgUrl: emulator.url, auth: { kind: "apiToken", token: emulator.apiToken } },
    { retry: fastRetry(), fetch: recording(sent) },
  );
}

describe("hostile answers to every kind of request", () => {
  for (const request of requests) {
    for (const [what, fault, said] of faults) {
      it(`${request.name}: ${what}`, async () => {
        const sent: SentRequest[] = [];
        // Every attempt meets the fault: the client must give up with a clear error, not retry forever.
        emulator.faults.inject({ ...fault, path: request.path(appId), count: 50 });
        const started = Date.now();
        const error = (await request.run(sent).then(
          () => new Error("the request succeeded"),
          (e: unknown) => e,
        )) as Error;
        expect(error).toBeInstanceOf(Error);
        expect(error.message).toMatch(said);
        expect(error.message).toMatch(request.doing);
        for (const credential of credentials(sent)) expect(error.message).not.toContain(credential);
        expect(error.message).not.toContain("session=abc");
        expect(Date.now() - started).toBeLessThan(10_000);
      });
    }
  }
});

describe("a create whose answer is cut short", () => {
  it("finds the secret it made instead of posting again, and gives it", async () => {
    const sent: SentRequest[] = [];
    emulator.faults.inject({ method: "POST", path: "/credentials/secrets$", truncate: true, count: 50 });
    const created = await apiClient(sent).createClientSecret(appId);
    expect(secretsOf(emulator, appId).map((s) => s.id)).toContain(created.id);
    expect(secretsOf(emulator, appId)).toHaveLength(2);
    expect(emulator.requests().filter((r) => r.method === "POST")).toHaveLength(1);
  });
});
