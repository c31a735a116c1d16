import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOktaEmulator } from "../../../emulator/index";
import { requestClientCredentialsToken } from "../../../sdk";
import { createServiceApp, type ServiceApp } from "../../serviceApp";
import type { E2EStack } from "../harness/types";
import { createPluginStack } from "./pluginStack";
import { secretsOf } from "./quickstartStory";

// `pulumi import` of a client secret (`<appId>/<secretId>`) and of a JSON Web Key (`<appId>/<keyId>`) on the provider
// plugin, the YAML host printing the code; the imported resources are ones that adopted their credential, so the code
// pasted in changes nothing, and a rotation then replaces each the usual way (new credential first, old one retired).
// This stack's default provider reads the org from `okta-credentials:orgUrl` and the token from OKTA_API_TOKEN.
const programs = path.join(__dirname, "import");
const secretType = "okta-credentials:index:ClientSecret";
const keyType = "okta-credentials:index:ClientJsonWebKey";

describe("pulumi import of a secret and a key, then a rotation of each", () => {
  let stack: E2EStack;
  let service: ServiceApp;
  let secretId: string;
  let keyId: string;
  const keysOf = () =>
    stack.emulator
      .state()
      .apps.find((a) => a.id === service.id)
      ?.jwks.map((k) => ({ id: k.id, status: k.status, alg: k.alg })) ?? [];

  beforeAll(async () => {
    const emulator = await startOktaEmulator({ port: 0, rateLimit: "off" });
    stack = await createPluginStack({
      program: path.join(programs, "empty"),
      emulator,
      env: { OKTA_API_TOKEN: emulator.apiToken },
    });
    service = await createServiceApp(emulator, { label: "orders-api client" });
    secretId = secretsOf(emulator, stack.app.id)[0]?.id as string;
    keyId = keysOf()[0]?.id as string;
    await stack.setConfig("secretId", secretId);
    await stack.setConfig("keyAppId", service.id);
    await stack.setConfig("keyId", keyId);
  }, 600_000);
  afterAll(async () => {
    await stack?.cleanup();
    await stack?.emulator.close();
  });

  it("imports the app's secret by <appId>/<secretId>: the value a secret in state, the code printed", async () => {
    const out = path.join(stack.workDir, "imported-secret.yaml");
    const run = await stack.pulumi([
      "import",
      secretType,
      "imported-secret",
      `${stack.app.id}/${secretId}`,
      "--yes",
      "--non-interactive",
      "--out",
      out,
    ]);
    expect(run.stdout).toMatch(/= +1 imported/);
    const code = await readFile(out, "utf8");
    expect(code).toContain(`adoptSecretId: ${secretId}`);
    expect(code).not.toContain("resourceUrn");
    const state = await stack.exportState();
    const resource = state.deployment.resources.find((r: { urn: string }) => r.urn.endsWith("::imported-secret"));
    expect(resource.id).toBe(`${stack.app.id}/${secretId}`);
    expect(resource.outputs.clientSecret.ciphertext).toBeDefined();
    expect(resource.inputs).toEqual({ appId: stack.app.id, adoptSecretId: secretId, status: "ACTIVE" });
    const value = stack.emulator.state().apps.find((a) => a.id === stack.app.id)?.secrets[0]?.client_secret as string;
    expect(JSON.stringify(state)).not.toContain(value);
    expect(secretsOf(stack.emulator, stack.app.id)).toEqual([{ id: secretId, status: "ACTIVE" }]);
  });

  it("imports the app's key by <appId>/<keyId>", async () => {
    const run = await stack.pulumi([
      "import",
      keyType,
      "imported-key",
      `${service.id}/${keyId}`,
      "--yes",
      "--non-interactive",
    ]);
    expect(run.stdout).toMatch(/= +1 imported/);
    expect(run.stdout).toContain(`adoptKeyId: ${keyId}`);
    expect(keysOf()).toEqual([{ id: keyId, status: "ACTIVE", alg: "RS256" }]);
  });

  it("refuses an id that names no credential, and a malformed id, naming the fix", async () => {
    const missing = await stack.pulumi(
      ["import", secretType, "nothing", `${stack.app.id}/ocs00000000000000000`, "--yes", "--non-interactive"],
      { expectFailure: true },
    );
    expect(missing.stdout + missing.stderr).toContain(`has no client secret ocs00000000000000000`);
    const malformed = await stack.pulumi(["import", secretType, "bad", "not-an-id", "--yes", "--non-interactive"], {
      expectFailure: true,
    });
    expect(malformed.stdout + malformed.stderr).toContain("not-an-id");
  });

  it("the printed code, pasted into the program, changes nothing", async () => {
    await stack.useProgram(path.join(programs, "imported"));
    const preview = await stack.preview();
    expect(preview.counts).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0 });
  });

  it("the same secret imported under a second name: the next preview refuses it, and state delete mends it", async () => {
    // The import itself cannot tell: the engine gives the plugin the id alone, not the stack's other resources.
    await stack.pulumi([
      "import",
      secretType,
      "imported-twice",
      `${stack.app.id}/${secretId}`,
      "--yes",
      "--non-interactive",
    ]);
    await stack.useProgram(path.join(programs, "importedTwice"));
    const refused = await stack.preview({ expectFailure: true });
    expect(refused.stdout + refused.stderr).toMatch(
      /ClientSecret "imported-(twice|secret)" and ClientSecret "imported-(secret|twice)" both hold client secret ocs\w+ in the stack's state; a secret is held by one resource only/,
    );
    const twice = stack.urn(secretType, "imported-twice");
    // Imported resources are protected: --force deletes it from the state all the same (never from Okta).
    await stack.pulumi(["state", "delete", twice, "--force", "--yes"]);
    await stack.useProgram(path.join(programs, "imported"));
    expect((await stack.preview()).counts).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0 });
    expect(secretsOf(stack.emulator, stack.app.id)).toEqual([{ id: secretId, status: "ACTIVE" }]);
  });

  it("a forced replacement of the imported secret takes the same secret over again, deleting nothing", async () => {
    const run = await stack.up({ args: ["--replace", stack.urn(secretType, "imported-secret")] });
    expect(run.counts).toMatchObject({ replace: 1 });
    expect(run.stdout + run.stderr).toContain("the replacement took that same secret over again");
    expect(secretsOf(stack.emulator, stack.app.id)).toEqual([{ id: secretId, status: "ACTIVE" }]);
  });

  it("a rotation of each imported resource: the new credential first, the imported one retired", async () => {
    await stack.useProgram(path.join(programs, "rotated"));
    const run = await stack.up();
    expect(run.counts).toMatchObject({ replace: 2, create: 0, delete: 0 });
    const secrets = secretsOf(stack.emulator, stack.app.id);
    expect(secrets).toHaveLength(1);
    expect(secrets[0]).toMatchObject({ status: "ACTIVE" });
    expect(secrets[0]?.id).not.toBe(secretId);
    const keys = keysOf();
    expect(keys).toEqual([{ id: expect.not.stringMatching(keyId), status: "ACTIVE", alg: "ES256" }]);
    const { kid, privateKeyPem } = (await stack.outputs({ showSecrets: true })) as Record<string, string>;
    const token = await requestClientCredentialsToken({
      orgUrl: stack.emulator.url,
      clientId: service.id,
      scopes: ["okta.apps.read"],
      privateKey: privateKeyPem as string,
      kid: kid as string,
    });
    expect(token.tokenType).toMatch(/Bearer|DPoP/);
  });
});
