import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { OktaEmulator } from "../../../../emulator/index";
import { providers } from "../../../../provider";
import { generateClientKeyPair } from "../../../../provider/keys/generateKeyPair";
import type { ClientJsonWebKeyInputs } from "../../../../provider/resources/clientJsonWebKey/types";
import { unknownValue } from "../../../../provider/resources/previewUnknowns";
import { keyCalls, newRun } from "../engineCalls";
import { keysOf, privateKeyJwtApp, startHookHarness } from "../harness";

let emulator: OktaEmulator;
// The engine hands check whatever the program sent: loose on purpose.
const check = (news: object, olds: object = {}) =>
  providers.ClientJsonWebKey.check(olds as ClientJsonWebKeyInputs, news as ClientJsonWebKeyInputs);

beforeAll(async () => {
  ({ emulator } = await startHookHarness());
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset();
  newRun();
});

const appId = "0oa1b2c3d4e5f6g7h8i9";
const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const publicPem = rsa.publicKey.export({ type: "spki", format: "pem" }).toString();
const privatePem = rsa.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const privateBody = privatePem.split("\n")[1] as string;
const reasonsOf = (result: { failures?: { property: string; reason: string }[] }) =>
  (result.failures ?? []).map((f) => `${f.property}: ${f.reason}`);

describe("check: inputs alone, before any request", () => {
  it("names each bad property and its fix", async () => {
    const result = await check({
      appId: "my-app",
      generate: { algorithm: "HS256" },
      kid: 7,
      status: "DISABLED",
      rotationTriggers: { when: 2026 },
      adoptKeyId: "pks-bad",
    });
    const byProperty = Object.fromEntries((result.failures ?? []).map((f) => [f.property, f.reason]));
    expect(Object.keys(byProperty).sort()).toEqual([
      "adoptKeyId",
      "appId",
      "generate.algorithm",
      "kid",
      "rotationTriggers.when",
      "status",
    ]);
    expect(byProperty.appId).toContain('appId "my-app" is not an Okta app id');
    expect(byProperty["generate.algorithm"]).toBe(
      'generate.algorithm must be one of RS256, RS384, RS512, ES256, ES384, ES512, got "HS256"',
    );
    expect(byProperty.adoptKeyId).toContain("is not an Okta JSON Web Key id");
    expect(byProperty.kid).toBe("kid must be a non-empty string, got a number");
    expect(emulator.requests()).toEqual([]);
  });

  it("refuses a private key as publicKey with property '' (the engine would print the value), never quoting it", async () => {
    for (const publicKey of [privatePem, rsa.privateKey.export({ format: "jwk" })]) {
      const result = await check({ appId, publicKey });
      expect(result.failures).toHaveLength(1);
      const [failure] = result.failures ?? [];
      expect(failure?.property).toBe("");
      expect(failure?.reason).toMatch(/^publicKey is a private (key|or symmetric JWK)/);
      expect(failure?.reason).toContain("generate: { algorithm }");
      expect(JSON.stringify(result.failures)).not.toContain(privateBody);
      expect(JSON.stringify(result.failures)).not.toContain((publicKey as { d?: string }).d ?? privateBody);
    }
    // Every publicKey failure goes without a property: a value that is not a key may be a secret too.
    const weak = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ type: "spki", format: "pem" });
    expect(reasonsOf(await check({ appId, publicKey: weak.toString() }))).toEqual([
      expect.stringMatching(/^: publicKey is a 1024-bit RSA key; Okta requires at least 2048 bits/),
    ]);
    expect(emulator.requests()).toEqual([]);
  });

  it("takes publicKey or generate, not both and not neither (unless adopting); generate signs", async () => {
    expect(reasonsOf(await check({ appId, publicKey: publicPem, generate: { algorithm: "RS256" } }))).toEqual([
      "generate: set either publicKey (bring the public half of a key pair you keep) or generate (the provider makes the pair), not both",
    ]);
    expect(reasonsOf(await check({ appId }))).toEqual([expect.stringMatching(/^: publicKey or generate is required/)]);
    expect(reasonsOf(await check({ appId, generate: { algorithm: "ES256" }, use: "enc", algorithm: "ES256" }))).toEqual(
      [
        'use: a generated key signs client assertions: use must be "sig" or unset, got "enc"',
        "algorithm: algorithm is for a brought publicKey; a generated key's algorithm is generate.algorithm",
      ],
    );
    expect(reasonsOf(await check({ appId, generate: { algorithm: "ES256", rsaBits: 2048 } }))).toEqual([
      expect.stringMatching(/^generate.rsaBits: generate.rsaBits applies to RS256, RS384 and RS512 only/),
    ]);
    expect(emulator.requests()).toEqual([]);
  });

  it("passes unknown values at preview without calling Okta, still checking a known publicKey", async () => {
    const news = { appId: unknownValue, generate: { algorithm: unknownValue }, kid: unknownValue, __provider: "shim" };
    const result = await check(news);
    expect(result.failures).toBeUndefined();
    expect(result.inputs).toEqual(news);
    expect(reasonsOf(await check({ appId, publicKey: privatePem, kid: unknownValue }))).toEqual([
      expect.stringMatching(/^: publicKey is a private key/),
    ]);
    expect((await check({ appId: unknownValue, publicKey: unknownValue })).failures).toBeUndefined();
    expect(emulator.requests()).toEqual([]);
  });
});

describe("check of a new resource: against the app's keys and this run's plans", () => {
  it("makes no key pair: only the app's list is read, and the inputs come back as given", async () => {
    const app = await privateKeyJwtApp(emulator);
    const inputs = keyCalls.inputsOf("a", { appId: app, generate: { algorithm: "RS256" } });
    expect(await keyCalls.checkNew(inputs)).toEqual({
      ...inputs,
      change: expect.objectContaining({ action: "create" }),
    });
    expect(emulator.requests().map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /api/v1/apps/${app}/credentials/jwks`,
    ]);
    expect(keysOf(emulator, app)).toEqual([]);
  });

  it("refuses an app that does not exist, and an adoptKeyId the app does not have", async () => {
    expect(reasonsOf(await check(keyCalls.inputsOf("a", { appId, generate: { algorithm: "RS256" } })))).toEqual([
      `appId: app ${appId} does not exist in ${emulator.url} (Okta answered 404)`,
    ]);
    const app = await privateKeyJwtApp(emulator);
    expect(reasonsOf(await check(keyCalls.inputsOf("a", { appId: app, adoptKeyId: "pks1b2c3d4e5f6g7h8i9" })))).toEqual([
      `adoptKeyId: app ${app} has no JSON Web Key pks1b2c3d4e5f6g7h8i9; set adoptKeyId to one of its keys (see listClientJsonWebKeys), or remove adoptKeyId to add a new key`,
    ]);
  });

  it("refuses a kid or a key the app holds already, naming the key and the fix", async () => {
    const app = await privateKeyJwtApp(emulator);
    const held = await keyCalls.create(keyCalls.inputsOf("a", { appId: app, publicKey: publicPem }));
    newRun();
    const other = (await generateClientKeyPair({ algorithm: "ES256" })).publicJwk;
    const sameKid = await check(keyCalls.inputsOf("b", { appId: app, publicKey: { ...other, kid: held.outs.kid } }));
    expect(reasonsOf(sameKid)).toEqual([
      `: kid: ClientJsonWebKey "b" would add a key with kid "${held.outs.kid}", but app ${app} holds it already as key ${held.outs.keyId} (ACTIVE, held by no ClientJsonWebKey this run has seen); Okta keeps each kid and each key once per app. Fix: give the new key another kid (or leave kid unset: the key's thumbprint), or take ${held.outs.keyId} over with \`adoptKeyId: "${held.outs.keyId}"\` (one resource holds a key)`,
    ]);
    const explicit = await check(
      keyCalls.inputsOf("b", { appId: app, generate: { algorithm: "ES256" }, kid: held.outs.kid }),
    );
    expect(explicit.failures?.[0]?.property).toBe("kid");
    const sameKey = await check(keyCalls.inputsOf("b", { appId: app, publicKey: publicPem, kid: "another" }));
    expect(reasonsOf(sameKey)).toEqual([
      expect.stringMatching(/^: publicKey: ClientJsonWebKey "b" would add a key with this key material \(under kid /),
    ]);
    expect(keysOf(emulator, app)).toHaveLength(1);
  });

  it("refuses an adopted key that is not the key publicKey, kid or use describe", async () => {
    const app = await privateKeyJwtApp(emulator);
    const held = await keyCalls.create(
      keyCalls.inputsOf("a", { appId: app, generate: { algorithm: "ES256" }, kid: "k1" }),
    );
    newRun();
    const adopt = held.outs.keyId;
    expect(
      reasonsOf(await check(keyCalls.inputsOf("b", { appId: app, adoptKeyId: adopt, publicKey: publicPem }))),
    ).toEqual([
      `: publicKey is not the key of JSON Web Key ${adopt} (adoptKeyId): other key material; set publicKey to that key's public half, or remove publicKey to keep the adopted key as Okta holds it`,
    ]);
    expect(
      reasonsOf(await check(keyCalls.inputsOf("b", { appId: app, adoptKeyId: adopt, kid: "k2", use: "enc" }))),
    ).toEqual([
      `kid: kid is "k2", but JSON Web Key ${adopt} (adoptKeyId) has kid "k1": set it to the adopted key's, or remove it (the adopted key is kept as Okta holds it)`,
      `use: use is "enc", but JSON Web Key ${adopt} (adoptKeyId) has use "sig": set it to the adopted key's, or remove it (the adopted key is kept as Okta holds it)`,
    ]);
    const publicJwk = held.outs.publicJwk;
    expect(
      (await check(keyCalls.inputsOf("b", { appId: app, adoptKeyId: adopt, publicKey: publicJwk }))).failures,
    ).toBe(undefined);
  });

  it("keeps one ACTIVE encryption key per app: a second is refused unless added INACTIVE", async () => {
    const app = await privateKeyJwtApp(emulator);
    const encryptionKey = () =>
      generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString();
    const first = await keyCalls.create(
      keyCalls.inputsOf("enc1", { appId: app, publicKey: encryptionKey(), use: "enc" }),
    );
    newRun();
    const second = await check(keyCalls.inputsOf("enc2", { appId: app, publicKey: encryptionKey(), use: "enc" }));
    expect(reasonsOf(second)).toEqual([
      `: use: ClientJsonWebKey "enc2" would add an ACTIVE encryption key to app ${app}, which has one already: key ${first.outs.keyId} (kid "${first.outs.kid}"); Okta keeps one ACTIVE encryption key per app. Fix: add this key with status "INACTIVE", then activate it (Okta deactivates the other one then)`,
    ]);
    const inactive = keyCalls.inputsOf("enc2", {
      appId: app,
      publicKey: encryptionKey(),
      use: "enc",
      status: "INACTIVE",
    });
    expect((await check(inactive)).failures).toBeUndefined();
  });

  it("refuses two new resources with one kid, whichever is checked first", async () => {
    const app = await privateKeyJwtApp(emulator);
    for (const [first, second] of [
      ["a", "b"],
      ["b", "a"],
    ] as const) {
      newRun();
      await keyCalls.checkNew(
        keyCalls.inputsOf(first, { appId: app, generate: { algorithm: "ES256" }, kid: "shared" }),
      );
      const refused = await check(
        keyCalls.inputsOf(second, { appId: app, generate: { algorithm: "RS256" }, kid: "shared" }),
      );
      expect(reasonsOf(refused)).toEqual([
        `kid: ClientJsonWebKey "${second}" and ClientJsonWebKey "${first}" would both add a key with kid "shared" to app ${app}; Okta keeps each kid and each key once per app: give them different kids`,
      ]);
    }
  });

  it("counts every key this run adds to an app together against Okta's 50", async () => {
    const app = await privateKeyJwtApp(emulator);
    for (let i = 0; i < 48; i++) {
      await providers.ClientJsonWebKey.create(
        keyCalls.inputsOf(`seed${i}`, { appId: app, generate: { algorithm: "ES256" } }),
      );
    }
    newRun();
    await keyCalls.checkNew(keyCalls.inputsOf("a", { appId: app, generate: { algorithm: "ES256" } }));
    await keyCalls.checkNew(keyCalls.inputsOf("b", { appId: app, generate: { algorithm: "ES256" } }));
    const third = await check(keyCalls.inputsOf("c", { appId: app, generate: { algorithm: "ES256" } }));
    const [failure] = third.failures ?? [];
    expect(failure?.property).toBe("appId");
    expect(failure?.reason).toContain(
      `app ${app} held 48 JSON Web Keys when this run looked, and this run would add 3 more before retiring any, over Okta's maximum of 50:`,
    );
    for (const name of ["a", "b", "c"]) {
      expect(failure?.reason).toContain(`ClientJsonWebKey "${name}": add a key (a new resource, or one replaced`);
    }
    expect(failure?.reason).toContain("48 of the app's keys are held by no ClientJsonWebKey this run has seen");
    // The refused resource's plan does not count: a fourth that fits is not refused for the third's sake...
    // but two are planned already, so nothing else fits.
    expect(keysOf(emulator, app)).toHaveLength(48);
  }, 60_000);
});
