import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { OktaEmulator } from "../../../../emulator/index";
import { providers } from "../../../../provider";
import { clientJsonWebKeyKind } from "../../../../provider/resources/clientJsonWebKey/kind";
import type {
  ClientJsonWebKeyInputs,
  ClientJsonWebKeyOutputs,
} from "../../../../provider/resources/clientJsonWebKey/types";
import type {
  ClientJsonWebKeyVerificationInputs,
  ClientJsonWebKeyVerificationOutputs,
} from "../../../../provider/resources/clientJsonWebKeyVerification/types";
import type { Held } from "../engineCalls";
import { keyCalls, newRun } from "../engineCalls";
import { privateKeyJwtApp, startHookHarness } from "../harness";

type HeldKey = Held<ClientJsonWebKeyInputs, ClientJsonWebKeyOutputs>;

// The key verification's hooks against the emulator's strict org authorization server: an assertion signed with the
// key's private half authenticates the introspection of a random token, and the answer decides whether the `up` may go
// on.
const hooks = providers.ClientJsonWebKeyVerification;
let emulator: OktaEmulator;

beforeAll(async () => {
  ({ emulator } = await startHookHarness());
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset();
  newRun();
});

const urn =
  "urn:pulumi:test::unit::pulumi-okta-credentials:index:RotatingClientJsonWebKey$pulumi-nodejs:dynamic/okta:ClientJsonWebKeyVerification::signing-verify";
const INTROSPECT = "/oauth2/v1/introspect";
const checks = () => emulator.requests().filter((r) => r.path.startsWith("/oauth2/"));

/** The lines of a PEM's body, and a JWK's `d`: none may appear in anything the hooks answer. */
function secretParts(key: HeldKey): string[] {
  const pem = key.outs.privateKeyPem ?? "";
  return [...pem.split("\n").filter((l) => l.length > 0 && !l.startsWith("-----")), key.outs.privateJwk?.d ?? "x"];
}

/** A private_key_jwt service app with generated keys (`count`), and the inputs proving the first. */
async function appWithKeys(count = 1) {
  const appId = await privateKeyJwtApp(emulator);
  const keys: HeldKey[] = [];
  for (let i = 0; i < count; i++) {
    keys.push(
      await keyCalls.create(keyCalls.inputsOf(`k${i}`, { appId, generate: { algorithm: i ? "ES256" : "RS256" } })),
    );
  }
  newRun();
  emulator.clearRequests();
  const [key] = keys as [HeldKey];
  const inputs: ClientJsonWebKeyVerificationInputs = {
    appId,
    keyId: key.outs.keyId,
    kid: key.outs.kid,
    privateKey: key.outs.privateKeyPem as string,
    checkedFor: "generation 2, previous ACTIVE",
    resourceUrn: urn,
  };
  return { appId, keys, key, inputs };
}

describe("ClientJsonWebKeyVerification against the introspection endpoint", () => {
  it("accepts a key whose signed assertion the introspection endpoint authenticates, and records no private key", async () => {
    const { key, inputs } = await appWithKeys();
    const created = await hooks.create(inputs);
    expect(created.id).toBe(`${inputs.appId}/key-verification`);
    expect(created.outs).toEqual({
      appId: inputs.appId,
      keyId: key.outs.keyId,
      kid: key.outs.kid,
      checkedFor: inputs.checkedFor,
      verifiedAt: expect.any(String),
      answer: 'HTTP 200 {"active":false}',
      endpoint: `${emulator.url}${INTROSPECT}`,
      resourceUrn: urn,
    });
    const text = JSON.stringify(created);
    for (const part of secretParts(key)) expect(text).not.toContain(part);
    // One request: the assertion in the form (no Authorization header).
    expect(checks()).toEqual([
      expect.objectContaining({ method: "POST", path: INTROSPECT, status: 200, clientAuth: "client_assertion" }),
    ]);
    expect(checks()[0]?.auth).toBeUndefined();
  });

  it("takes the private key as a JWK too (a generated key's privateJwk)", async () => {
    const { key, inputs } = await appWithKeys(2);
    const created = await hooks.create({ ...inputs, privateKey: key.outs.privateJwk as never });
    expect(created.outs?.answer).toBe('HTTP 200 {"active":false}');
  });

  it("proves a key of an app that requires DPoP (no proof asked) and of an app without the grant", async () => {
    const { key, inputs } = await appWithKeys();
    // The same public key on other apps: only the app's settings differ.
    for (const [settings, answer] of [
      [{ dpop_bound_access_tokens: true }, 'HTTP 200 {"active":false}'],
      [{ grant_types: ["authorization_code"], redirect_uris: ["https://example.com/cb"] }, 'HTTP 200 {"active":false}'],
    ] as const) {
      const other = await emulator.createApp({
        credentials: { oauthClient: { token_endpoint_auth_method: "private_key_jwt" } },
        settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"], ...settings } },
      } as never);
      const jwk = { ...key.outs.publicJwk };
      const added = await fetch(`${emulator.url}/api/v1/apps/${other.id}/credentials/jwks`, {
        method: "POST",
        headers: { Authorization: `SSWS ${emulator.apiToken}`, "Content-Type": "application/json" },
        body: JSON.stringify(jwk),
      });
      expect(added.status).toBe(201);
      const { id: keyId } = (await added.json()) as { id: string };
      const created = await hooks.create({ ...inputs, appId: other.id, keyId });
      expect(created.outs?.answer).toBe(answer);
    }
  });

  it("fails when Okta refuses the assertion (invalid_client), saying the previous key stays ACTIVE", async () => {
    const { appId, key, inputs } = await appWithKeys(2);
    // This run read the app's keys; then the key is deactivated outside Pulumi, so its assertion is refused.
    await clientJsonWebKeyKind.ledger(appId).itemsNow();
    const outside = await fetch(
      `${emulator.url}/api/v1/apps/${appId}/credentials/jwks/${key.outs.keyId}/lifecycle/deactivate`,
      { method: "POST", headers: { Authorization: `SSWS ${emulator.apiToken}` } },
    );
    expect(outside.status).toBe(200);
    const error = (await hooks.create(inputs).catch((e: Error) => e)) as Error;
    expect(error.message).toContain(
      `verifying JSON Web Key ${key.outs.keyId} (kid "${key.outs.kid}") of app ${appId}: Okta refused it at the introspection endpoint (HTTP 401 invalid_client: The client_assertion JWT kid is invalid.); nothing that depends on this check ran: the previous key stays ACTIVE`,
    );
    for (const part of secretParts(key)) expect(error.message).not.toContain(part);
  });

  it("fails when the introspection endpoint cannot answer (a 5xx), without retrying and without the key", async () => {
    const { key, inputs } = await appWithKeys();
    emulator.faults.inject({ path: `${INTROSPECT}$`, status: 503 });
    const error = (await hooks.create(inputs).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(
      /^verifying JSON Web Key .* \(nothing that depends on this check ran: the previous key stays ACTIVE; run `pulumi up` again when Okta answers\): introspecting a random token as client .*: Okta HTTP 503 /,
    );
    for (const part of secretParts(key)) expect(error.message).not.toContain(part);
    expect(checks()).toHaveLength(1);
  });

  it("refuses another key's private half, a kid Okta does not hold, or an INACTIVE key, before asking Okta", async () => {
    const { appId, keys, key, inputs } = await appWithKeys(2);
    const other = keys[1] as HeldKey;
    const wrong = (await hooks
      .create({ ...inputs, privateKey: other.outs.privateKeyPem as string })
      .catch((e: Error) => e)) as Error;
    expect(wrong.message).toContain(
      `privateKey is not the private half of the key Okta holds under ${key.outs.keyId} (the key is not shown)`,
    );
    for (const part of secretParts(other)) expect(wrong.message).not.toContain(part);
    await expect(hooks.create({ ...inputs, kid: "not-its-kid" })).rejects.toThrow(
      `Okta holds that key under kid "${key.outs.kid}", not "not-its-kid"`,
    );
    await fetch(`${emulator.url}/api/v1/apps/${appId}/credentials/jwks/${key.outs.keyId}/lifecycle/deactivate`, {
      method: "POST",
      headers: { Authorization: `SSWS ${emulator.apiToken}` },
    });
    newRun();
    await expect(hooks.update("x", {} as ClientJsonWebKeyVerificationOutputs, inputs)).rejects.toThrow(
      "the key is INACTIVE in Okta, so it cannot authenticate",
    );
    expect(checks()).toEqual([]);
  });

  it("checks again whenever what it checks changes, never replaces, and leaves Okta alone on refresh and delete", async () => {
    const { inputs } = await appWithKeys();
    const created = await hooks.create(inputs);
    const outs = created.outs as ClientJsonWebKeyVerificationOutputs;
    const same = await hooks.diff(created.id, outs, inputs);
    expect(same).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    for (const change of [{ checkedFor: "generation 2, previous INACTIVE" }, { keyId: "pks00000000000000000" }]) {
      const diff = await hooks.diff(created.id, outs, { ...inputs, ...change });
      expect(diff).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    }
    emulator.clearRequests();
    expect(await hooks.read(created.id, outs)).toEqual({ id: created.id, props: outs });
    await hooks.delete(created.id, outs);
    expect(emulator.requests()).toEqual([]);
  });

  it("fails when Okta cannot verify the assertion (the key under that kid replaced after the run read it)", async () => {
    const { appId, key, inputs } = await appWithKeys(2);
    // The app's copy of the key is replaced outside Pulumi after this run read it: same kid, other material.
    await clientJsonWebKeyKind.ledger(appId).itemsNow();
    const auth = { Authorization: `SSWS ${emulator.apiToken}` };
    const jwks = `${emulator.url}/api/v1/apps/${appId}/credentials/jwks`;
    await fetch(`${jwks}/${key.outs.keyId}/lifecycle/deactivate`, { method: "POST", headers: auth });
    await fetch(`${jwks}/${key.outs.keyId}`, { method: "DELETE", headers: auth });
    const other = await keyCalls.create(keyCalls.inputsOf("other", { appId, generate: { algorithm: "RS256" } }));
    const renamed = { ...other.outs.publicJwk, kid: key.outs.kid };
    await fetch(`${jwks}/${other.outs.keyId}/lifecycle/deactivate`, { method: "POST", headers: auth });
    await fetch(`${jwks}/${other.outs.keyId}`, { method: "DELETE", headers: auth });
    const added = await fetch(jwks, {
      method: "POST",
      headers: { ...auth, "Content-Type": "application/json" },
      body: JSON.stringify(renamed),
    });
    expect(added.status).toBe(201);
    const error = (await hooks.create(inputs).catch((e: Error) => e)) as Error;
    expect(error.message).toContain(
      "Okta refused it at the introspection endpoint (HTTP 401 invalid_client: The client_assertion signature is invalid.)",
    );
    for (const part of [...secretParts(key), ...secretParts(other)]) expect(error.message).not.toContain(part);
  });

  it("stops before any request when the app does not authenticate with private_key_jwt", async () => {
    const { key, inputs } = await appWithKeys();
    const web = await emulator.createApp();
    const added = await fetch(`${emulator.url}/api/v1/apps/${web.id}/credentials/jwks`, {
      method: "POST",
      headers: { Authorization: `SSWS ${emulator.apiToken}`, "Content-Type": "application/json" },
      body: JSON.stringify(key.outs.publicJwk),
    });
    const { id: keyId } = (await added.json()) as { id: string };
    newRun();
    emulator.clearRequests();
    const error = (await hooks.create({ ...inputs, appId: web.id, keyId }).catch((e: Error) => e)) as Error;
    expect(error.message).toContain(
      `app ${web.id} authenticates with client_secret_basic (its token_endpoint_auth_method), which takes no client key`,
    );
    expect(checks()).toEqual([]);
  });

  it("check names each bad input, never shows a key, and lets values unknown at preview through", async () => {
    const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    const { key } = await appWithKeys();
    const publicPem = `-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----`;
    const bad = { appId: "my-app", keyId: 7, kid: "", checkedFor: unknown, privateKey: publicPem };
    const { failures } = await hooks.check({} as never, bad as never);
    expect(failures).toEqual([
      {
        property: "appId",
        reason: 'appId must be an Okta id of 20 letters and digits, like 0oa1b2c3d4e5f6g7h8i9, got "my-app"',
      },
      {
        property: "keyId",
        reason: "keyId must be an Okta id of 20 letters and digits, like pks1b2c3d4e5f6g7h8i9, got 7",
      },
      { property: "kid", reason: "kid is required: the key's kid (a ClientJsonWebKey's kid output)" },
      { property: "", reason: expect.stringMatching(/^privateKey is a public key or certificate; signing needs/) },
    ]);
    const damaged = (key.outs.privateKeyPem as string).replace(/\n[A-Za-z0-9+/]{20}/, "\n");
    const refused = await hooks.check({} as never, { ...bad, appId: key.outs.appId, privateKey: damaged } as never);
    const reason = refused.failures?.find((f) => f.property === "")?.reason ?? "";
    expect(reason).toMatch(/^privateKey is not a usable private key \(the value is not shown\)/);
    for (const part of secretParts(key)) expect(reason).not.toContain(part);
    const later = { appId: key.outs.appId, keyId: unknown, kid: unknown, checkedFor: "g", privateKey: unknown };
    expect((await hooks.check({} as never, later as never)).failures).toBeUndefined();
  });
});
