import { generateKeyPairSync } from "node:crypto";
import path from "node:path";
import { calculateJwkThumbprint } from "jose";
import { afterEach, describe, expect, it } from "vitest";
import { createServiceApp } from "../../serviceApp";
import { createStack, type E2EStack } from "../harness";
import { heldKey, keyEvents, keysOf } from "./keyHistory";

// Adoption, forced replacement and the refusals a user meets, on the real engine with its preview: a forced
// replacement (`--replace`) calls check without old inputs, skips diff, and creates before it deletes.
const program = path.join(__dirname, "keys");
const type = "pulumi-nodejs:dynamic/okta:ClientJsonWebKey";

async function serviceStack(): Promise<{ s: E2EStack; appId: string; ownKey: string }> {
  const s = await createStack({ program });
  const service = await createServiceApp(s.emulator, { label: "adopted" });
  await s.setConfig("appId", service.id);
  const ownKey = keysOf(s.emulator, service.id)[0]?.id as string;
  return { s, appId: service.id, ownKey };
}

describe("ClientJsonWebKey: adoption, --replace, and what Okta refuses", () => {
  let stack: E2EStack | undefined;
  afterEach(async () => {
    await stack?.cleanup();
    stack = undefined;
  });

  it("--replace while adoptKeyId names the held key takes it over again; without it, rotates; the last ACTIVE key stays", async () => {
    const { s, appId, ownKey } = await serviceStack();
    stack = s;
    const declare = (spec: object) => s.setConfig("keys", JSON.stringify([{ name: "k", generate: "ES256", ...spec }]));
    const urn = s.urn(type, "k");
    await declare({ adopt: ownKey });
    s.emulator.clearRequests();
    expect((await s.preview()).counts).toMatchObject({ create: 2 });
    expect((await s.up()).counts).toMatchObject({ create: 2 });
    expect(keyEvents(s.emulator, appId)).toEqual([]);
    const outputs = await s.outputs({ showSecrets: true });
    expect(heldKey((outputs.held as Record<string, string>).k).keyId).toBe(ownKey);
    // An adopted key's private half was never the provider's.
    expect((outputs.privateKeys as Record<string, unknown>).k).toBeUndefined();

    const replaced = await s.up({ args: ["--replace", urn] });
    expect(replaced.counts).toMatchObject({ replace: 1, create: 0, delete: 0 });
    expect(keyEvents(s.emulator, appId)).toEqual([]);
    expect(replaced.stdout).toContain(
      `ClientJsonWebKey "k" was replaced (by --replace or a taint) while adoptKeyId still names its key ${ownKey}`,
    );
    expect(keysOf(s.emulator, appId).map((k) => k.id)).toEqual([ownKey]);

    // Without adoptKeyId (removing it changes nothing), --replace is a rotation to a generated key.
    await declare({});
    expect((await s.preview()).counts).toMatchObject({ same: 2, replace: 0 });
    expect((await s.up()).counts).toMatchObject({ same: 2 });
    const rotated = await s.up({ args: ["--replace", urn] });
    expect(rotated.counts).toMatchObject({ replace: 1 });
    expect(keyEvents(s.emulator, appId)).toEqual([
      "POST {jwks} 201",
      `POST {jwks}/${ownKey}/lifecycle/deactivate 200`,
      `DELETE {jwks}/${ownKey} 204`,
    ]);
    const [only] = keysOf(s.emulator, appId);
    expect(only?.status).toBe("ACTIVE");

    // Now the app's only key: Okta will not deactivate it, and destroy says what to do instead.
    s.emulator.clearRequests();
    const destroy = await s.destroy({ expectFailure: true });
    const said = destroy.stdout + destroy.stderr;
    expect(said).toContain(
      `deactivating JSON Web Key ${only?.id} of app ${appId}: it is the only ACTIVE key of an app that authenticates with private_key_jwt`,
    );
    expect(said).toContain("or keep this key in Okta by deleting the resource with the `retainOnDelete: true` option");
    expect(keysOf(s.emulator, appId)).toEqual([only]);
  });

  it("refuses two keys with one kid at preview with nothing changed; a brought PEM key gets its thumbprint as kid", async () => {
    const { s, appId, ownKey } = await serviceStack();
    stack = s;
    await s.setConfig(
      "keys",
      JSON.stringify([
        { name: "a", generate: "ES256", kid: "shared" },
        { name: "b", generate: "RS256", kid: "shared" },
      ]),
    );
    s.emulator.clearRequests();
    const preview = await s.preview({ expectFailure: true });
    expect(preview.stdout + preview.stderr).toMatch(
      /ClientJsonWebKey "[ab]" and ClientJsonWebKey "[ab]" would both add a key with kid "shared"/,
    );
    const up = await s.up({ expectFailure: true });
    expect(up.counts).toMatchObject({ create: 0 });
    expect(keyEvents(s.emulator, appId)).toEqual([]);

    const { publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const pem = publicKey.export({ type: "spki", format: "pem" }).toString();
    await s.setConfig("keys", JSON.stringify([{ name: "a", publicKey: pem }]));
    expect((await s.preview()).counts).toMatchObject({ create: 2 });
    expect((await s.up()).counts).toMatchObject({ create: 2 });
    const jwk = publicKey.export({ format: "jwk" });
    const thumbprint = await calculateJwkThumbprint(
      { kty: "EC", crv: "P-256", x: jwk.x as string, y: jwk.y as string },
      "sha256",
    );
    const held = heldKey(((await s.outputs()).held as Record<string, string>).a);
    expect(held.kid).toBe(thumbprint);
    expect(keysOf(s.emulator, appId)).toEqual([
      expect.objectContaining({ id: ownKey }),
      { id: held.keyId, kid: thumbprint, status: "ACTIVE" },
    ]);
  });
});
