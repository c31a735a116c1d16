import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type OktaEmulator, startOktaEmulator } from "../../../../emulator/index";
import { generateClientKeyPair } from "../../../../provider/keys/generateKeyPair";
import type { PublicJwk } from "../../../../provider/keys/jwk";
import { isOktaApiError, type OktaApiError } from "../../../../provider/okta/errors";
import { OktaClient } from "../../../../provider/okta/oktaClient";
import { fastRetry } from "../harness";

let emulator: OktaEmulator;
let okta: OktaClient;

function client(retry: Record<string, unknown> = {}, fetchFn?: typeof fetch) {
  return new OktaClient(
    { orgUrl: emulator.url, auth: { kind: "apiToken", token: emulator.apiToken } },
    fetchFn ? { retry: { ...fastRetry(), ...retry }, fetch: fetchFn } : { retry: { ...fastRetry(), ...retry } },
  );
}

async function failureOf(promise: Promise<unknown>): Promise<OktaApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isOktaApiError(error)) throw new Error(`expected an OktaApiError, got ${String(error)}`);
  return error;
}

const newJwk = async (kid: string): Promise<PublicJwk> =>
  (await generateClientKeyPair({ algorithm: "ES256", kid })).publicJwk;
const keysOf = (appId: string) => emulator.state().apps.find((a) => a.id === appId)?.jwks ?? [];
const privateKeyJwtApp = async () =>
  (
    await emulator.createApp({
      credentials: { oauthClient: { token_endpoint_auth_method: "private_key_jwt" } },
      settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"] } },
    })
  ).id;

beforeAll(async () => {
  emulator = await startOktaEmulator({ rateLimit: "off" });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset();
  okta = client();
});

describe("OktaClient: client JSON Web Keys against the emulator", () => {
  it("adds, lists, gets, deactivates, activates and deletes keys", async () => {
    const appId = await privateKeyJwtApp();
    const jwk = await newJwk("first");
    const added = await okta.addClientJsonWebKey(appId, { jwk });
    expect(added).toMatchObject({ ...jwk, status: "ACTIVE", id: expect.stringMatching(/^pks[0-9A-Za-z]{17}$/) });
    const inactive = await okta.addClientJsonWebKey(appId, { jwk: await newJwk("second"), status: "INACTIVE" });
    expect(inactive.status).toBe("INACTIVE");
    expect((await okta.listClientJsonWebKeys(appId)).map((k) => [k.kid, k.status])).toEqual([
      ["first", "ACTIVE"],
      ["second", "INACTIVE"],
    ]);
    expect(await okta.getClientJsonWebKey(appId, added.id)).toEqual(added);
    expect((await okta.activateClientJsonWebKey(appId, inactive.id)).status).toBe("ACTIVE");
    expect((await okta.deactivateClientJsonWebKey(appId, added.id)).status).toBe("INACTIVE");
    expect(await okta.deleteClientJsonWebKey(appId, added.id)).toBe(true);
    expect(await okta.deleteClientJsonWebKey(appId, added.id)).toBe(false);
    expect(keysOf(appId).map((k) => k.kid)).toEqual(["second"]);
  });

  it("turns Okta's refusals into OktaApiErrors: duplicate kid, only ACTIVE key, delete ACTIVE, unknown key", async () => {
    const appId = await privateKeyJwtApp();
    const only = await okta.addClientJsonWebKey(appId, { jwk: await newJwk("only") });
    const duplicate = await failureOf(okta.addClientJsonWebKey(appId, { jwk: await newJwk("only") }));
    expect(duplicate.is(400, "must have a unique `kid`")).toBe(true);
    expect(duplicate.summary).toBe("Api validation failed: JsonWebKey");
    const deactivate = await failureOf(okta.deactivateClientJsonWebKey(appId, only.id));
    expect(deactivate.is(400, "Can't deactivate the only active JSON Web Key")).toBe(true);
    expect(deactivate.path).toBe(`/api/v1/apps/${appId}/credentials/jwks/${only.id}/lifecycle/deactivate`);
    expect(
      (await failureOf(okta.deleteClientJsonWebKey(appId, only.id))).is(400, "delete an active JSON Web Key"),
    ).toBe(true);
    const unknown = await failureOf(okta.getClientJsonWebKey(appId, "pks00000000000000000"));
    expect(unknown).toMatchObject({ status: 404, errorCode: "E0000007" });
  });

  it.each([
    ["a bare array (the spec's schema)", (keys: unknown[]) => keys],
    ['{"keys": [...]} (live orgs, the emulator)', (keys: unknown[]) => ({ keys })],
    ['{"jwks": {"keys": [...]}} (the app settings form)', (keys: unknown[]) => ({ jwks: { keys } })],
  ])("reads the list answer as %s", async (_, shape) => {
    const appId = await privateKeyJwtApp();
    await okta.addClientJsonWebKey(appId, { jwk: await newJwk("k1") });
    const reshaping: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method !== "GET" || !String(input).endsWith("/credentials/jwks")) return response;
      const { keys } = (await response.json()) as { keys: unknown[] };
      return new Response(JSON.stringify(shape(keys)), { status: 200, headers: response.headers });
    };
    const keys = await client({}, reshaping).listClientJsonWebKeys(appId);
    expect(keys.map((k) => k.kid)).toEqual(["k1"]);
  });

  it("says which request answered something that is not a key", async () => {
    const appId = await privateKeyJwtApp();
    const broken: typeof fetch = async () => new Response(JSON.stringify({ keys: [{ id: "pks1", kty: "RSA" }] }));
    await expect(client({}, broken).listClientJsonWebKeys(appId)).rejects.toThrow(
      `Okta answered GET /api/v1/apps/${appId}/credentials/jwks with an unexpected body (not a JSON Web Key object)`,
    );
    const notAList: typeof fetch = async () => new Response(JSON.stringify({ items: [] }));
    await expect(client({}, notAList).listClientJsonWebKeys(appId)).rejects.toThrow("(not a list of keys)");
  });
});

describe("adding a key is never repeated blindly", () => {
  it.each([
    { name: "502 after the change", fault: { status: 502 as const, after: true } },
    { name: "dropped answer after the change", fault: { drop: true, after: true } },
  ])("recognises its key by kid and material ($name)", async ({ fault }) => {
    const appId = await privateKeyJwtApp();
    emulator.faults.inject({ method: "POST", path: "/credentials/jwks$", ...fault });
    const jwk = await newJwk("mine");
    const added = await okta.addClientJsonWebKey(appId, { jwk, status: "INACTIVE" });
    expect(added).toMatchObject({ kid: "mine", status: "INACTIVE" });
    expect(keysOf(appId).map((k) => k.id)).toEqual([added.id]);
    expect(emulator.requests().filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("posts again when the failed POST added nothing, and does not take another key with the same kid", async () => {
    const appId = await privateKeyJwtApp();
    emulator.faults.inject({ method: "POST", path: "/credentials/jwks$", status: 503 });
    const added = await okta.addClientJsonWebKey(appId, { jwk: await newJwk("k") });
    expect(keysOf(appId).map((k) => k.id)).toEqual([added.id]);
    expect(
      emulator
        .requests()
        .filter((r) => r.method === "POST")
        .map((r) => r.status),
    ).toEqual([503, 201]);

    // A key with the same kid but other material is not ours: the retried POST meets Okta's duplicate-kid refusal.
    emulator.faults.inject({ method: "POST", path: "/credentials/jwks$", status: 500 });
    const error = await failureOf(okta.addClientJsonWebKey(appId, { jwk: await newJwk("k") }));
    expect(error.is(400, "unique `kid`")).toBe(true);
  });

  it("says so when the look after an ambiguous failure fails too", async () => {
    const appId = await privateKeyJwtApp();
    emulator.faults.inject({ method: "POST", path: "/credentials/jwks$", drop: true, after: true });
    emulator.faults.inject({ method: "GET", path: "/credentials/jwks$", status: 500, count: 10 });
    const error = await failureOf(client({ maxAttempts: 2 }).addClientJsonWebKey(appId, { jwk: await newJwk("lost") }));
    expect(error.message).toMatch(
      /^POST \/api\/v1\/apps\/\w+\/credentials\/jwks failed without a clear answer, and listing the keys to see whether it added lost failed too: Okta HTTP 500/,
    );
  });
});
