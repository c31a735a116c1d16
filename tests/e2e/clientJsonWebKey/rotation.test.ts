import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestClientCredentialsToken } from "../../../sdk";
import { createServiceApp, type ServiceApp } from "../../serviceApp";
import { createStack, type E2EStack } from "../harness";
import { heldKey, keyEvents, keysOf } from "./keyHistory";

// One stack through a generated ClientJsonWebKey's life on the real engine, on a private_key_jwt service app set up
// as a user does (tests/serviceApp.ts: its own key, okta.apps.* granted): a token obtained with the generated key, a
// rotation by trigger where the new key gets a token before the old one is deactivated, the old key refused after,
// --replace, drift, destroy; and no private key in plaintext in the exported state.
const type = "pulumi-nodejs:dynamic/okta:ClientJsonWebKey";
const golden = path.join(__dirname, "../../unit/sdk/clientJsonWebKey.provider.golden.txt");

describe("ClientJsonWebKey end to end: a generated key that authenticates a private_key_jwt app, rotated", () => {
  let stack: E2EStack;
  let service: ServiceApp;
  const events = () => keyEvents(stack.emulator, service.id);
  const held = async () => heldKey(((await stack.outputs()).held as Record<string, string>).signing);
  const privateKeyPem = async () =>
    ((await stack.outputs({ showSecrets: true })).privateKeys as Record<string, string>).signing as string;
  const token = (privateKey: string, kid: string) =>
    requestClientCredentialsToken({
      orgUrl: stack.emulator.url,
      clientId: service.id,
      scopes: ["okta.apps.read"],
      privateKey,
      kid,
    });
  const declare = (rotation: string) =>
    stack.setConfig("keys", JSON.stringify([{ name: "signing", generate: "RS256", rotation }]));

  beforeAll(async () => {
    stack = await createStack({ program: path.join(__dirname, "keys") });
    service = await createServiceApp(stack.emulator, { label: "signed by a ClientJsonWebKey" });
    await stack.setConfig("appId", service.id);
    await stack.setConfig("prove", "signing");
    await declare("1");
  });
  afterAll(async () => {
    await stack?.cleanup();
  });

  it("previews the key as a create without touching Okta, then adds it and gets a token with it", async () => {
    stack.emulator.clearRequests();
    const preview = await stack.preview();
    expect(preview.counts).toMatchObject({ create: 2, replace: 0, delete: 0 });
    expect(events()).toEqual([]);

    const run = await stack.up();
    expect(run.counts).toMatchObject({ create: 2 });
    // The program's proof: a token request signed by the new key, right after Okta added it.
    expect(events()).toEqual(["POST {jwks} 201", "POST /oauth2/v1/token 200"]);
    // A secret output (it comes from the private key): what the token was granted, never the token.
    expect((await stack.outputs({ showSecrets: true })).proof).toBe("Bearer okta.apps.read");
    const key = await held();
    expect(key).toMatchObject({ keyId: expect.stringMatching(/^pks\w{17}$/), status: "ACTIVE" });
    expect(keysOf(stack.emulator, service.id)).toEqual([
      { id: expect.any(String), kid: service.kid, status: "ACTIVE" },
      { id: key.keyId, kid: key.kid, status: "ACTIVE" },
    ]);
    const pem = await privateKeyPem();
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect((await token(pem, key.kid)).tokenType).toBe("Bearer");
  });

  it("stores the frozen shim, and the private key only encrypted: no PEM line and no JWK d in plaintext", async () => {
    const state = await stack.exportState();
    const text = JSON.stringify(state);
    const resource = state.deployment.resources.find((r: { type: string }) => r.type === type);
    expect(resource.inputs.__provider).toBe(await readFile(golden, "utf8"));
    expect(resource.outputs.privateKeyPem).toHaveProperty("ciphertext");
    expect(resource.outputs.privateJwk).toHaveProperty("ciphertext");
    const pem = await privateKeyPem();
    const bodyLines = pem.split("\n").filter((line) => line.length > 0 && !line.startsWith("-----"));
    expect(bodyLines.length).toBeGreaterThan(10);
    for (const line of bodyLines) expect(text).not.toContain(line);
    expect(text).not.toContain(bodyLines.join(""));
    const shown = (await stack.pulumi(["stack", "output", "--json", "--show-secrets"])).stdout;
    expect(shown).toContain(bodyLines[0]);
    const shownState = JSON.parse((await stack.pulumi(["stack", "export", "--show-secrets"])).stdout);
    const shownJwk = shownState.deployment.resources.find((r: { type: string }) => r.type === type).outputs.privateJwk;
    const d = JSON.parse(shownJwk.plaintext).d as string;
    expect(d.length).toBeGreaterThan(300);
    expect(text).not.toContain(d);
    expect(text).not.toContain(d.slice(0, 64));
  });

  it("shows a rotation as +- replace, and rotates: the new key gets a token before the old one is deactivated", async () => {
    const before = await held();
    const oldPem = await privateKeyPem();
    await declare("2");
    stack.emulator.clearRequests();
    const preview = await stack.preview({ diff: true });
    expect(preview.stdout).toContain(`+-${type}: (replace)`);
    expect(preview.stdout).toMatch(/~ rotation: "1" => "2"/);
    // What a reviewer reads, on stdout: the change note of the key's rotation (docs/client-json-web-key.md).
    expect(preview.stdout).toMatch(/\+ order\s*: "create-first"/);
    expect(preview.stdout).toContain(
      `the new key is added first, then ${before.keyId} is deactivated and deleted: clients can sign with the new key`,
    );
    expect(preview.stdout).not.toContain("resourceUrn");
    expect(preview.counts).toMatchObject({ replace: 1, create: 0, delete: 0 });
    expect(events()).toEqual([]);

    const run = await stack.up();
    expect(run.counts).toMatchObject({ replace: 1, create: 0, delete: 0 });
    expect(events()).toEqual([
      "POST {jwks} 201",
      "POST /oauth2/v1/token 200",
      `POST {jwks}/${before.keyId}/lifecycle/deactivate 200`,
      `DELETE {jwks}/${before.keyId} 204`,
    ]);
    const after = await held();
    expect(after.keyId).not.toBe(before.keyId);
    expect(after.kid).not.toBe(before.kid);
    const newPem = await privateKeyPem();
    expect(newPem).not.toBe(oldPem);
    expect((await token(newPem, after.kid)).tokenType).toBe("Bearer");
    await expect(token(oldPem, before.kid)).rejects.toThrow(
      /Okta HTTP 401 invalid_client The client_assertion JWT kid is invalid/,
    );
    expect(keysOf(stack.emulator, service.id).map((k) => k.id)).not.toContain(before.keyId);
  });

  it("--replace rotates the same way, previewed as a replace", async () => {
    const before = await held();
    const urn = stack.urn(type, "signing");
    const preview = await stack.pulumi(["preview", "--non-interactive", "--replace", urn]);
    expect(preview.stdout).toContain(`+- ${type} signing replace`);
    expect(preview.stdout).toContain("+-1 to replace");
    stack.emulator.clearRequests();
    const run = await stack.up({ args: ["--replace", urn] });
    expect(run.counts).toMatchObject({ replace: 1, create: 0, delete: 0 });
    expect(events()).toEqual([
      "POST {jwks} 201",
      "POST /oauth2/v1/token 200",
      `POST {jwks}/${before.keyId}/lifecycle/deactivate 200`,
      `DELETE {jwks}/${before.keyId} 204`,
    ]);
    expect((await held()).keyId).not.toBe(before.keyId);
  });

  it("refresh sees a deactivation made outside Pulumi, and the next up activates the key again", async () => {
    const { keyId } = await held();
    const url = `${stack.emulator.url}/api/v1/apps/${service.id}/credentials/jwks/${keyId}/lifecycle/deactivate`;
    const outside = await fetch(url, { method: "POST", headers: { Authorization: `SSWS ${stack.emulator.apiToken}` } });
    expect(outside.status).toBe(200);
    const refresh = await stack.refresh();
    expect(refresh.counts.update).toBe(1);
    const preview = await stack.preview();
    expect(preview.counts).toMatchObject({ update: 1, replace: 0 });
    stack.emulator.clearRequests();
    const run = await stack.up();
    expect(run.counts).toMatchObject({ update: 1, replace: 0 });
    expect(events()).toContain(`POST {jwks}/${keyId}/lifecycle/activate 200`);
    expect(keysOf(stack.emulator, service.id).find((k) => k.id === keyId)?.status).toBe("ACTIVE");
  });

  it("destroy deactivates and deletes the key, leaving the app's own", async () => {
    const { keyId } = await held();
    stack.emulator.clearRequests();
    const run = await stack.destroy();
    expect(run.counts.delete).toBe(2);
    expect(events()).toEqual([`POST {jwks}/${keyId}/lifecycle/deactivate 200`, `DELETE {jwks}/${keyId} 204`]);
    expect(keysOf(stack.emulator, service.id)).toEqual([
      { id: expect.any(String), kid: service.kid, status: "ACTIVE" },
    ]);
  });
});
