import { createPrivateKey, createPublicKey, generateKeyPairSync } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { OktaEmulator } from "../../../../emulator/index";
import { providers } from "../../../../provider";
import { jwkThumbprint } from "../../../../provider/keys/clientJwk";
import { setProcessOktaClientOptions } from "../../../../provider/runState";
import { keyCalls, newRun } from "../engineCalls";
import { fastRetry, keysOf, privateKeyJwtApp, startHookHarness } from "../harness";

let emulator: OktaEmulator;
const hooks = providers.ClientJsonWebKey;

beforeAll(async () => {
  ({ emulator } = await startHookHarness());
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset();
  newRun();
});
afterEach(() => {
  vi.restoreAllMocks();
  setProcessOktaClientOptions({ retry: fastRetry() });
});

const writes = () =>
  emulator
    .requests()
    .filter((r) => r.method !== "GET")
    .map((r) => `${r.method} ${r.path.replace(/^\/api\/v1\/apps\/\w+\/credentials\/jwks/, "…")} ${r.status}`);

describe("create", () => {
  it("generates the pair once, sends Okta only the public half, and keeps the private half in the outputs", async () => {
    const bodies: string[] = [];
    setProcessOktaClientOptions({
      retry: fastRetry(),
      fetch: async (input, init) => {
        if (typeof init?.body === "string") bodies.push(init.body);
        return fetch(input, init);
      },
    });
    const app = await privateKeyJwtApp(emulator);
    const held = await keyCalls.create(keyCalls.inputsOf("a", { appId: app, generate: { algorithm: "RS256" } }));
    const { outs } = held;
    expect(held.id).toBe(`${app}/${outs.keyId}`);
    expect(outs).toMatchObject({ appId: app, algorithm: "RS256", use: "sig", status: "ACTIVE" });
    expect(outs.generate).toEqual({ algorithm: "RS256" });
    // The private half is the key Okta holds the public half of, and the kid is its thumbprint.
    const derived = createPublicKey(createPrivateKey(outs.privateKeyPem as string)).export({ format: "jwk" });
    expect(outs.publicJwk).toMatchObject({ kty: "RSA", n: derived.n, e: derived.e, kid: outs.kid, alg: "RS256" });
    expect(outs.kid).toBe(await jwkThumbprint({ kty: "RSA", n: derived.n as string, e: derived.e as string }));
    expect(outs.privateJwk).toMatchObject({ n: derived.n, kid: outs.kid, d: expect.any(String) });
    const [stored] = keysOf(emulator, app);
    expect(stored).toMatchObject({ id: outs.keyId, kid: outs.kid, n: derived.n, status: "ACTIVE" });
    expect(writes()).toEqual(["POST … 201"]);
    expect(bodies).toHaveLength(1);
    const body = bodies[0] as string;
    expect(JSON.parse(body)).not.toHaveProperty("d");
    expect(body).not.toContain(outs.privateJwk?.d);
    expect(body).not.toContain("PRIVATE KEY");
  });

  it("adds a brought key in the desired status with one POST; kid defaults to its thumbprint", async () => {
    const app = await privateKeyJwtApp(emulator);
    const { publicKey } = generateKeyPairSync("ec", { namedCurve: "P-384" });
    const pem = publicKey.export({ type: "spki", format: "pem" }).toString();
    const { outs } = await keyCalls.create(keyCalls.inputsOf("a", { appId: app, publicKey: pem, status: "INACTIVE" }));
    const jwk = publicKey.export({ format: "jwk" });
    expect(outs).toMatchObject({ algorithm: "ES384", use: "sig", status: "INACTIVE" });
    expect(outs.kid).toBe(await jwkThumbprint({ kty: "EC", crv: "P-384", x: jwk.x as string, y: jwk.y as string }));
    expect(outs).not.toHaveProperty("privateKeyPem");
    expect(outs).not.toHaveProperty("privateJwk");
    expect(writes()).toEqual(["POST … 201"]);
  });

  it("adopts a key without a POST, setting its status, and keeps no private half", async () => {
    const app = await privateKeyJwtApp(emulator);
    const first = await keyCalls.create(keyCalls.inputsOf("seed", { appId: app, generate: { algorithm: "ES256" } }));
    const second = await keyCalls.create(keyCalls.inputsOf("seed2", { appId: app, generate: { algorithm: "ES256" } }));
    newRun();
    emulator.clearRequests();
    const adopted = await keyCalls.create(
      keyCalls.inputsOf("a", { appId: app, adoptKeyId: first.outs.keyId, status: "INACTIVE" }),
    );
    expect(adopted.outs).toMatchObject({ keyId: first.outs.keyId, status: "INACTIVE", kid: first.outs.kid });
    expect(adopted.outs).not.toHaveProperty("privateKeyPem");
    expect(writes()).toEqual([`POST …/${first.outs.keyId}/lifecycle/deactivate 200`]);
    expect(second.outs.status).toBe("ACTIVE");
  });
});

describe("read (refresh)", () => {
  it("lists each app once however many of its keys are refreshed, reflects the live status, keeps the private half", async () => {
    const app = await privateKeyJwtApp(emulator);
    const a = await keyCalls.create(keyCalls.inputsOf("a", { appId: app, generate: { algorithm: "ES256" } }));
    const b = await keyCalls.create(keyCalls.inputsOf("b", { appId: app, generate: { algorithm: "ES256" } }));
    const base = `${emulator.url}/api/v1/apps/${app}/credentials/jwks`;
    await fetch(`${base}/${a.outs.keyId}/lifecycle/deactivate`, {
      method: "POST",
      headers: { Authorization: `SSWS ${emulator.apiToken}` },
    });
    newRun();
    emulator.clearRequests();
    const readA = await hooks.read(a.id, a.outs);
    const readB = await hooks.read(b.id, b.outs);
    expect(emulator.requests().map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /api/v1/apps/${app}/credentials/jwks`,
    ]);
    expect(readA.props).toMatchObject({ status: "INACTIVE", privateKeyPem: a.outs.privateKeyPem });
    expect(readA.inputs).toMatchObject({ appId: app, status: "INACTIVE", generate: { algorithm: "ES256" } });
    expect(readB).toEqual({ id: b.id, props: b.outs });
  });

  it("answers an empty id for a key or an app that is gone, and reads an id alone (import)", async () => {
    const app = await privateKeyJwtApp(emulator);
    const a = await keyCalls.create(keyCalls.inputsOf("a", { appId: app, generate: { algorithm: "ES256" } }));
    newRun();
    expect(await hooks.read(`${app}/pks00000000000000000`, {} as never)).toEqual({ id: "" });
    expect(await hooks.read(`0oa00000000000000000/${a.outs.keyId}`, {} as never)).toEqual({ id: "" });
    const imported = await hooks.read(a.id);
    expect(imported.props).toMatchObject({ keyId: a.outs.keyId, kid: a.outs.kid, status: "ACTIVE" });
    await expect(hooks.read("not-an-id")).rejects.toThrow(
      'invalid ClientJsonWebKey id "not-an-id": expected "<appId>/<id>", like "0oa1b2c3d4e5f6g7h8i9/pks1b2c3d4e5f6g7h8i9"',
    );
  });
});

describe("update and delete", () => {
  it("changes status in place, and refuses to deactivate a private_key_jwt app's only ACTIVE key, naming the fix", async () => {
    const app = await privateKeyJwtApp(emulator);
    const a = await keyCalls.create(keyCalls.inputsOf("a", { appId: app, generate: { algorithm: "ES256" } }));
    newRun();
    await expect(keyCalls.up(a, { ...a.inputs, status: "INACTIVE" })).rejects.toThrow(
      `deactivating JSON Web Key ${a.outs.keyId} of app ${app}: it is the only ACTIVE key of an app that authenticates with private_key_jwt, which Okta refuses to deactivate (the app could no longer get tokens): add or activate another signing key of the app first (e.g. another ClientJsonWebKey), then set status INACTIVE`,
    );
    await keyCalls.create(keyCalls.inputsOf("b", { appId: app, generate: { algorithm: "ES256" } }));
    newRun();
    emulator.clearRequests();
    const { held, diff } = await keyCalls.up(a, { ...a.inputs, status: "INACTIVE" });
    expect(diff).toMatchObject({ changes: true, replaces: [] });
    expect(held.outs).toMatchObject({ keyId: a.outs.keyId, status: "INACTIVE", privateKeyPem: a.outs.privateKeyPem });
    expect(writes()).toEqual([`POST …/${a.outs.keyId}/lifecycle/deactivate 200`]);
  });

  it("deactivates then deletes; gone already is success; the last ACTIVE key's refusal names retainOnDelete", async () => {
    const app = await privateKeyJwtApp(emulator);
    const a = await keyCalls.create(keyCalls.inputsOf("a", { appId: app, generate: { algorithm: "ES256" } }));
    const b = await keyCalls.create(keyCalls.inputsOf("b", { appId: app, generate: { algorithm: "ES256" } }));
    newRun();
    emulator.clearRequests();
    await hooks.delete(a.id, a.outs);
    expect(writes()).toEqual([`POST …/${a.outs.keyId}/lifecycle/deactivate 200`, `DELETE …/${a.outs.keyId} 204`]);
    await hooks.delete(a.id, a.outs);
    const refused = hooks.delete(b.id, b.outs);
    await expect(refused).rejects.toThrow(
      "add or activate another signing key of the app first (another ClientJsonWebKey, applied before this one is deleted), or keep this key in Okta by deleting the resource with the `retainOnDelete: true` option",
    );
    await expect(refused).rejects.toThrow("Can't deactivate the only active JSON Web Key");
    expect(keysOf(emulator, app).map((k) => k.id)).toEqual([b.outs.keyId]);
  });

  it("says how to retire an ACTIVE encryption key, which Okta never deactivates directly", async () => {
    const app = await privateKeyJwtApp(emulator);
    const pem = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" });
    const a = await keyCalls.create(keyCalls.inputsOf("enc", { appId: app, publicKey: pem.toString(), use: "enc" }));
    expect(a.outs).toMatchObject({ use: "enc", algorithm: "" });
    newRun();
    await expect(hooks.delete(a.id, a.outs)).rejects.toThrow(
      `deactivating JSON Web Key ${a.outs.keyId} of app ${app}: it is the app's ACTIVE encryption key, which Okta never deactivates directly: activate another encryption key of the app first (Okta then deactivates this one), or keep this key in Okta by deleting the resource with the \`retainOnDelete: true\` option`,
    );
  });

  it("deletes a key whose state says INACTIVE but that was activated outside Pulumi", async () => {
    const app = await privateKeyJwtApp(emulator);
    await keyCalls.create(keyCalls.inputsOf("keep", { appId: app, generate: { algorithm: "ES256" } }));
    const a = await keyCalls.create(
      keyCalls.inputsOf("a", { appId: app, generate: { algorithm: "ES256" }, status: "INACTIVE" }),
    );
    await fetch(`${emulator.url}/api/v1/apps/${app}/credentials/jwks/${a.outs.keyId}/lifecycle/activate`, {
      method: "POST",
      headers: { Authorization: `SSWS ${emulator.apiToken}` },
    });
    newRun();
    await hooks.delete(a.id, a.outs);
    expect(keysOf(emulator, app).map((k) => k.id)).not.toContain(a.outs.keyId);
  });
});
