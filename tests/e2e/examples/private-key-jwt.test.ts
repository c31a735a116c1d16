import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestClientCredentialsToken } from "../../../sdk";
import { createServiceApp, type ServiceApp } from "../../serviceApp";
import { keyEvents, keysOf } from "../clientJsonWebKey/keyHistory";
import { createStack, type E2EStack } from "../harness";
import { repoRoot } from "../harness/engine";
import { oktaStyleOrg } from "./oktaStyleOrg";

// examples/private-key-jwt, its three steps as a user deploys them (each step's index.ts copied over the program), on
// a private_key_jwt service app set up as a user does (tests/serviceApp.ts): a key rotation with overlap across
// deploys. The new key is added beside the old one and gets a token while the old one still works; the old key is
// removed last, and refused from then on.
const example = path.join(repoRoot, "examples/private-key-jwt");

interface Outputs {
  kid: string;
  privateKeyPem: string;
  previousKid?: string;
  granted: string;
}

describe("examples/private-key-jwt: a key rotation with overlap across three deploys", () => {
  let stack: E2EStack;
  let service: ServiceApp;
  let first: { kid: string; pem: string };
  let second: { kid: string; pem: string };
  const outputs = async () => (await stack.outputs({ showSecrets: true })) as unknown as Outputs;
  const token = (key: { kid: string; pem: string }) =>
    requestClientCredentialsToken({
      orgUrl: stack.emulator.url,
      clientId: service.id,
      scopes: ["okta.apps.read"],
      privateKey: key.pem,
      kid: key.kid,
    });
  const kids = () => keysOf(stack.emulator, service.id).map((k) => [k.kid, k.status]);
  const step = async (n: number) => {
    await stack.useProgram(path.join(example, `step${n}`));
    stack.emulator.clearRequests();
    const preview = await stack.preview();
    const run = await stack.up();
    return { preview: preview.counts, run: run.counts, events: keyEvents(stack.emulator, service.id) };
  };

  beforeAll(async () => {
    stack = await createStack({ program: example });
    service = await createServiceApp(stack.emulator, { label: "orders-api client" });
    await stack.setConfig("appId", service.id);
  });
  afterAll(async () => {
    await stack?.cleanup();
  });

  it("step 1: one generated key beside the app's own, and a token obtained with it", async () => {
    const { preview, run, events } = await step(1);
    expect(preview).toMatchObject({ create: 2, update: 0, replace: 0, delete: 0 });
    expect(run).toMatchObject({ create: 2, update: 0, replace: 0, delete: 0 });
    // The preview asked Okta for nothing (the key does not exist yet); the up added the key, then got the token.
    expect(events).toEqual(["POST {jwks} 201", "POST /oauth2/v1/token 200"]);
    const out = await outputs();
    expect(out.granted).toBe("Bearer okta.apps.read");
    expect(out.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    first = { kid: out.kid, pem: out.privateKeyPem };
    expect(kids()).toEqual([
      [service.kid, "ACTIVE"],
      [first.kid, "ACTIVE"],
    ]);
    expect((await token(first)).scope).toBe("okta.apps.read");
  });

  it("step 2: a second key added beside the first; it gets a token, and the first one still works", async () => {
    const { preview, run, events } = await step(2);
    expect(preview).toMatchObject({ create: 1, update: 0, replace: 0, delete: 0 });
    expect(run).toMatchObject({ create: 1, update: 0, replace: 0, delete: 0 });
    // Nothing in the preview (the new key does not exist yet, so no token either); the up adds it, then gets its token.
    expect(events).toEqual(["POST {jwks} 201", "POST /oauth2/v1/token 200"]);
    const out = await outputs();
    expect(out.previousKid).toBe(first.kid);
    expect(out.kid).not.toBe(first.kid);
    expect(out.granted).toBe("Bearer okta.apps.read");
    second = { kid: out.kid, pem: out.privateKeyPem };
    expect(second.pem).not.toBe(first.pem);
    expect(kids()).toEqual([
      [service.kid, "ACTIVE"],
      [first.kid, "ACTIVE"],
      [second.kid, "ACTIVE"],
    ]);
    expect((await token(second)).scope).toBe("okta.apps.read");
    expect((await token(first)).scope).toBe("okta.apps.read");
  });

  it("step 3: the first key removed: deactivated, deleted, and refused from then on; the second one works", async () => {
    const firstKeyId = keysOf(stack.emulator, service.id).find((k) => k.kid === first.kid)?.id;
    const { preview, run, events } = await step(3);
    expect(preview).toMatchObject({ create: 0, update: 0, replace: 0, delete: 1 });
    expect(run).toMatchObject({ create: 0, update: 0, replace: 0, delete: 1 });
    // The program gets its token with the second key each time it runs (the preview, the up's own preview, the
    // update), then the first key is retired.
    expect(events).toEqual([
      "POST /oauth2/v1/token 200",
      "POST /oauth2/v1/token 200",
      "POST /oauth2/v1/token 200",
      `POST {jwks}/${firstKeyId}/lifecycle/deactivate 200`,
      `DELETE {jwks}/${firstKeyId} 204`,
    ]);
    expect((await outputs()).kid).toBe(second.kid);
    expect(kids()).toEqual([
      [service.kid, "ACTIVE"],
      [second.kid, "ACTIVE"],
    ]);
    await expect(token(first)).rejects.toThrow(/Okta HTTP 401 invalid_client The client_assertion JWT kid is invalid/);
    expect((await token(second)).scope).toBe("okta.apps.read");
  });

  it("no private key in plaintext in the state", async () => {
    const text = JSON.stringify(await stack.exportState());
    for (const { pem } of [first, second]) {
      const lines = pem.split("\n").filter((line) => line.length > 0 && !line.startsWith("-----"));
      for (const line of lines) expect(text).not.toContain(line);
    }
  });
});

describe("examples/private-key-jwt against an org configured as its README says: okta:orgName and okta:baseUrl", () => {
  it("step 1 finds the org's token endpoint from them and gets its token", async () => {
    const org = await oktaStyleOrg("pkjwt-org");
    const stack = await createStack({ program: example, ...org.stackOptions }).catch(async (e) => {
      await org.cleanup();
      throw e;
    });
    try {
      expect(stack.emulator.url).toMatch(/^https:\/\/pkjwt-org\.localhost:\d+$/);
      const service = await org.createServiceApp(stack.emulator);
      await stack.setConfig("appId", service.id);
      await stack.useProgram(path.join(example, "step1"));
      expect((await stack.up()).counts).toMatchObject({ create: 2 });
      expect((await stack.outputs()).granted).toBe("Bearer okta.apps.read");
      expect(keyEvents(stack.emulator, service.id)).toEqual(["POST {jwks} 201", "POST /oauth2/v1/token 200"]);
    } finally {
      await stack.cleanup();
      await org.cleanup();
    }
  });
});
