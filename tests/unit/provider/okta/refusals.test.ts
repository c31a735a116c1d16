import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type OktaEmulator, startOktaEmulator } from "../../../../emulator/index";
import { OktaClient } from "../../../../provider/okta/oktaClient";
import { createServiceApp } from "../../../serviceApp";
import { fastRetry } from "../harness";
import { oauthClient } from "./oauthClients";

// Okta's 401 and 403 to an authenticated Management API request, explained for the credential that made it: which
// stack setting holds it and what to change, never the credential itself.
let emulator: OktaEmulator;
let appId: string;

beforeAll(async () => {
  emulator = await startOktaEmulator({ rateLimit: "off" });
});
afterAll(() => emulator.close());
beforeEach(async () => {
  emulator.reset();
  appId = (await emulator.createApp()).id;
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => new Error("no error"),
    (e: Error) => e,
  );
const tokenClient = (kind: "apiToken" | "accessToken", token: string) =>
  new OktaClient({ orgUrl: emulator.url, auth: { kind, token } }, { retry: fastRetry() });

describe("a refused API token or access token", () => {
  it("401: names okta:apiToken, why Okta forgets tokens and how to make one, never the token", async () => {
    const token = "00-a-token-this-org-never-issued-1234567890";
    const error = await failure(tokenClient("apiToken", token).getApp(appId));
    expect(error.message).toMatch(
      /^Okta does not accept the API token \(okta:apiToken, or OKTA_API_TOKEN when stack config has none\): .*Security > API > Tokens.*: Okta HTTP 401 E0000011 Invalid token provided \(GET \/api\/v1\/apps\/0oa\w+/,
    );
    expect(error.message).not.toContain(token);
  });

  it("an access token: 401 names okta:accessToken; 403 on a change names the scope it lacks", async () => {
    const expired = await failure(tokenClient("accessToken", "an-access-token-that-expired").listClientSecrets(appId));
    expect(expired.message).toMatch(/^Okta does not accept the access token \(okta:accessToken/);
    const service = await createServiceApp(emulator, { scopes: ["okta.apps.read"] });
    const readOnly = oauthClient(emulator, service, { scopes: ["okta.apps.read"] });
    expect(await readOnly.listClientSecrets(appId)).toHaveLength(1);
    const refused = await failure(readOnly.createClientSecret(appId));
    expect(refused.message).toMatch(
      /^service app 0oa\w+ \(okta:clientId\) may not do this \(its token holds okta\.apps\.read\): changes need the scope okta\.apps\.manage: add it to okta:scopes and grant it to the app .*: Okta HTTP 403 E0000006/,
    );
    expect(emulator.state().apps.find((a) => a.id === appId)?.secrets).toHaveLength(1);
  });
});

describe("a service app without the admin role", () => {
  it("is refused its first read, with the role it needs and where to give it", async () => {
    const service = await createServiceApp(emulator, { role: null });
    const error = await failure(oauthClient(emulator, service).getApp(appId));
    expect(error.message).toMatch(
      /^service app 0oa\w+ \(okta:clientId\) may not do this \(its token holds okta\.apps\.read, okta\.apps\.manage\): the app also needs an admin role that covers apps \(Super Administrator, or Application Administrator for the app; a Read-only Administrator only reads\) \(its Admin roles tab\): Okta HTTP 403 E0000006 /,
    );
  });

  it("a Read-only Administrator reads, and is refused the first change with the same explanation", async () => {
    const service = await createServiceApp(emulator, { role: "READ_ONLY_ADMIN" });
    const client = oauthClient(emulator, service);
    expect((await client.getApp(appId)).id).toBe(appId);
    const error = await failure(client.createClientSecret(appId));
    expect(error.message).toContain("the app also needs an admin role that covers apps");
    expect(error.message).toContain("(POST /api/v1/apps/");
  });
});
