import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServiceApp, type ServiceApp } from "../../serviceApp";
import { heldKey, keysOf } from "../clientJsonWebKey/keyHistory";
import { createStack, type E2EStack } from "../harness";
import { keyMutations } from "./keyMutations";

// verify: true under the real engine: the previous key is deactivated only after an assertion signed by the current
// key authenticated the app's client at the introspection endpoint; a failed check (a fault injected there) fails the
// up with the previous key ACTIVE. The private key reaches the check as a secret input and nothing holds it in plaintext.
const verificationType = "pulumi-nodejs:dynamic/okta:ClientJsonWebKeyVerification";

describe("RotatingClientJsonWebKey with verify", () => {
  let stack: E2EStack;
  let service: ServiceApp;
  let own: string;
  const at = (now: string) => ({ env: { OKTA_CREDENTIALS_NOW: now } });
  const jwks = () => `/api/v1/apps/${service.id}/credentials/jwks`;
  const statusOf = (keyId: string) => keysOf(stack.emulator, service.id).find((k) => k.id === keyId)?.status;

  beforeAll(async () => {
    stack = await createStack({ program: path.join(__dirname, "fixture"), config: { verify: "true" } });
    service = await createServiceApp(stack.emulator);
    own = keysOf(stack.emulator, service.id)[0]?.id ?? "";
    await stack.setConfig("appId", service.id);
  });
  afterAll(async () => {
    await stack?.cleanup();
  });

  it("proves the new current key at the introspection endpoint when it is added; no private key in plaintext in the state", async () => {
    stack.emulator.clearRequests();
    const run = await stack.up(at("2030-01-02T00:00:00Z"));
    expect(run.counts.create).toBe(5); // the stack, the component, two slots, the verification
    expect(keyMutations(stack.emulator)).toEqual([`POST ${jwks()} 201`, "POST /oauth2/v1/introspect 200"]);
    const current = heldKey((await stack.outputs()).current);
    const state = await stack.exportState();
    const verification = state.deployment.resources.find((r: { type: string }) => r.type === verificationType);
    expect(verification.outputs).toMatchObject({
      keyId: current.keyId,
      kid: current.kid,
      answer: 'HTTP 200 {"active":false}',
      checkedFor: "generation 1, previous ACTIVE",
    });
    expect(verification.outputs).not.toHaveProperty("privateKey");
    // The input is a Pulumi secret: encrypted in the stored inputs.
    expect(verification.inputs.privateKey).toHaveProperty("ciphertext");
    const pem = (await stack.outputs({ showSecrets: true })).currentPrivateKeyPem as string;
    const lines = pem.split("\n").filter((line) => line.length > 0 && !line.startsWith("-----"));
    const text = JSON.stringify(state);
    for (const line of lines) expect(text).not.toContain(line);
  });

  it("a failed check fails the up and leaves the previous key ACTIVE", async () => {
    stack.emulator.clearRequests();
    stack.emulator.faults.inject({ path: "/oauth2/v1/introspect$", status: 503 });
    const run = await stack.up({ ...at("2030-01-09T00:00:00Z"), expectFailure: true });
    expect(run.stdout + run.stderr).toContain("the previous key stays ACTIVE");
    expect(statusOf(own)).toBe("ACTIVE");
    expect(keyMutations(stack.emulator)).toEqual(["POST /oauth2/v1/introspect 503"]);
  });

  it("the next up checks again, then deactivates the previous key", async () => {
    stack.emulator.clearRequests();
    const run = await stack.up(at("2030-01-09T00:00:00Z"));
    expect(run.counts).toMatchObject({ update: 2, replace: 0 }); // the verification, then the previous slot
    expect(keyMutations(stack.emulator)).toEqual([
      "POST /oauth2/v1/introspect 200",
      `POST ${jwks()}/${own}/lifecycle/deactivate 200`,
    ]);
    expect(statusOf(own)).toBe("INACTIVE");
  });
});
