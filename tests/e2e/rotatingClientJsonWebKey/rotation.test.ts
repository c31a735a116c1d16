import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestClientCredentialsToken } from "../../../sdk";
import { createServiceApp, type ServiceApp } from "../../serviceApp";
import { heldKey, keysOf } from "../clientJsonWebKey/keyHistory";
import { fewestActive } from "../clientSecret/oktaHistory";
import { createStack, type E2EStack } from "../harness";
import { keyMutations } from "./keyMutations";

// A RotatingClientJsonWebKey on a private_key_jwt service app (tests/serviceApp.ts: its own key, okta.apps.* granted),
// walked through four generations by the time override under the real engine, a retirement window skipped on the way.
// After each up: the app's keys and statuses, never none ACTIVE (the request log replayed), the current key gets a
// token. Schedule: anchor 2030-01-01, a generation every 30 days (g1 from 01-01, g2 01-31, g3 03-02, g4 04-01), the
// previous one retired 7 days into the next.
describe("RotatingClientJsonWebKey end to end: four generations with the time override", () => {
  let stack: E2EStack;
  let service: ServiceApp;
  let own: string;
  // Every private key the walk handed out, to look for in the exported state.
  const privateKeys = new Set<string>();
  const keys = () => keysOf(stack.emulator, service.id).map((k) => [k.id, k.status]);
  const at = (now: string) => ({ env: { OKTA_CREDENTIALS_NOW: now } });
  const jwks = () => `/api/v1/apps/${service.id}/credentials/jwks`;
  const outputs = async () => {
    const out = await stack.outputs({ showSecrets: true });
    return {
      generation: out.generation as number,
      current: heldKey(out.current),
      previous: heldKey(out.previous),
      pem: out.currentPrivateKeyPem as string,
    };
  };

  /** `pulumi up` at `now`; then never none ACTIVE, at most the two slots' keys, and the current key gets a token. */
  async function upAt(now: string) {
    const before = keysOf(stack.emulator, service.id);
    stack.emulator.clearRequests();
    const run = await stack.up(at(now));
    const mutations = keyMutations(stack.emulator);
    expect(fewestActive(before, mutations)).toBeGreaterThanOrEqual(1);
    expect(keysOf(stack.emulator, service.id).length).toBeLessThanOrEqual(2);
    const out = await outputs();
    privateKeys.add(out.pem);
    const token = await requestClientCredentialsToken({
      orgUrl: stack.emulator.url,
      clientId: service.id,
      scopes: ["okta.apps.read"],
      privateKey: out.pem,
      kid: out.current.kid,
    });
    expect(token.scope).toBe("okta.apps.read");
    return { run, mutations, out };
  }

  beforeAll(async () => {
    stack = await createStack({ program: path.join(__dirname, "fixture") });
    service = await createServiceApp(stack.emulator, { label: "signed by a RotatingClientJsonWebKey" });
    own = keysOf(stack.emulator, service.id)[0]?.id ?? "";
    expect(own).toMatch(/^pks/);
    await stack.setConfig("appId", service.id);
  });
  afterAll(async () => {
    await stack?.cleanup();
  });

  it("generation 1: adopts the app's own key as the previous one and adds the current one", async () => {
    const preview = await stack.preview(at("2030-01-02T00:00:00Z"));
    expect(preview.stdout).toContain(
      'RotatingClientJsonWebKey "signing": generation 1 began 2030-01-01; previous retires 2030-01-08',
    );
    expect(preview.stdout).toContain(`adoptExisting: the previous slot takes over ${own}, the app's only key`);
    const { run, mutations, out } = await upAt("2030-01-02T00:00:00Z");
    expect(run.counts.create).toBe(4); // the stack, the component, two slots
    expect(mutations).toEqual([`POST ${jwks()} 201`]);
    expect(out).toMatchObject({ generation: 1, previous: { keyId: own, status: "ACTIVE" } });
    expect(keys()).toEqual([
      [own, "ACTIVE"],
      [out.current.keyId, "ACTIVE"],
    ]);
  });

  it("after retireAfter: the adopted key is deactivated in place; the current one keeps getting tokens", async () => {
    const { run, mutations, out } = await upAt("2030-01-09T00:00:00Z");
    expect(run.counts).toMatchObject({ update: 1, replace: 0, create: 0, delete: 0 });
    expect(mutations).toEqual([`POST ${jwks()}/${own}/lifecycle/deactivate 200`]);
    expect(keys()).toEqual([
      [own, "INACTIVE"],
      [out.current.keyId, "ACTIVE"],
    ]);
  });

  it.each([
    { now: "2030-02-01T00:00:00Z", retire: "2030-02-08T00:00:00Z", g: 2, slot: "signing-slot0" },
    { now: "2030-03-03T00:00:00Z", retire: undefined, g: 3, slot: "signing-slot1" },
  ])(
    "generation $g: replaces $slot delete-first (its key INACTIVE), then retires the previous one",
    async ({ now, retire, g, slot }) => {
      const before = await outputs();
      const preview = await stack.preview({ diff: true, ...at(now) });
      expect(preview.stdout).toContain("+-pulumi-nodejs:dynamic/okta:ClientJsonWebKey: (replace)");
      expect(preview.stdout).toContain(`::${slot}]`);
      expect(preview.stdout).toContain(`~ generation: "${g - 2}" => "${g}"`);
      expect(preview.counts).toMatchObject({ replace: 1, update: 0, create: 0, delete: 0 });

      const { run, mutations, out } = await upAt(now);
      expect(run.counts).toMatchObject({ replace: 1, update: 0 });
      expect(out).toMatchObject({ generation: g, previous: { keyId: before.current.keyId, status: "ACTIVE" } });
      // The slot held g - 2, INACTIVE: deleted first (no deactivation needed), then the new key is added.
      expect(mutations).toEqual([`DELETE ${jwks()}/${before.previous.keyId} 204`, `POST ${jwks()} 201`]);
      expect(keys()).toEqual([
        [before.current.keyId, "ACTIVE"],
        [out.current.keyId, "ACTIVE"],
      ]);
      if (retire === undefined) return;
      const retired = await upAt(retire);
      expect(retired.run.counts).toMatchObject({ update: 1, replace: 0 });
      expect(retired.mutations).toEqual([`POST ${jwks()}/${before.current.keyId}/lifecycle/deactivate 200`]);
      expect(retired.out.previous).toMatchObject({ keyId: before.current.keyId, status: "INACTIVE" });
    },
  );

  it("generation 4 after a missed retirement window: the still ACTIVE generation 2 goes first, generation 3 stays ACTIVE", async () => {
    // No up between 2030-03-09 (generation 2 due to retire) and 2030-04-01: slot 0 still holds it ACTIVE.
    const before = await outputs();
    expect(before.previous.status).toBe("ACTIVE");
    const preview = await stack.preview(at("2030-04-02T00:00:00Z"));
    expect(preview.counts).toMatchObject({ replace: 1, update: 0 });
    expect(preview.stderr + preview.stdout).toContain(
      `ClientJsonWebKey "signing-slot0" is replaced delete-first: heldRetired says its ACTIVE signing key ${before.previous.keyId} is retired, and the app keeps ${before.current.keyId} ACTIVE meanwhile`,
    );
    const { mutations, out } = await upAt("2030-04-02T00:00:00Z");
    expect(mutations).toEqual([
      `POST ${jwks()}/${before.previous.keyId}/lifecycle/deactivate 200`,
      `DELETE ${jwks()}/${before.previous.keyId} 204`,
      `POST ${jwks()} 201`,
    ]);
    expect(out).toMatchObject({ generation: 4, previous: { keyId: before.current.keyId, status: "ACTIVE" } });
    expect(keys()).toEqual([
      [before.current.keyId, "ACTIVE"],
      [out.current.keyId, "ACTIVE"],
    ]);
  });

  it("keeps every private key the walk handed out out of the state in plaintext", async () => {
    expect(privateKeys.size).toBe(4); // generations 1 to 4
    const text = JSON.stringify(await stack.exportState());
    for (const pem of privateKeys) {
      const lines = pem.split("\n").filter((line) => line.length > 0 && !line.startsWith("-----"));
      expect(lines.length).toBeGreaterThan(10);
      for (const line of lines) expect(text).not.toContain(line);
    }
  });
});
