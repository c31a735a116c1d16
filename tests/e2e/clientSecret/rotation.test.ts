import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStack, type E2EStack } from "../harness";
import { fewestActive, secretMutations, secretsOf } from "./oktaHistory";

// One stack through a ClientSecret's life, under the real engine: adopt the app's own secret, rotate it with zero
// downtime, toggle its status in place, drift outside Pulumi, and destroy.
const type = "pulumi-nodejs:dynamic/okta:ClientSecret";
const golden = path.join(__dirname, "../../unit/sdk/clientSecret.provider.golden.txt");

describe("ClientSecret end to end: adopt, rotate, update, drift", () => {
  let stack: E2EStack;
  let initial: string;
  const secrets = () => secretsOf(stack.emulator, stack.app.id);
  const outputs = async () => (await stack.outputs()) as { secretId: string; secretStatus: string; secretHash: string };
  // Refresh updates the resources in state, not the stack outputs (the program does not run): read the resource.
  const stored = async () => {
    const { deployment } = await stack.exportState();
    return deployment.resources.find((r: { type: string }) => r.type === type)?.outputs as
      | { status: string }
      | undefined;
  };
  const okta = async (method: string, suffix: string) => {
    const url = `${stack.emulator.url}/api/v1/apps/${stack.app.id}/credentials/secrets${suffix}`;
    const response = await fetch(url, { method, headers: { Authorization: `SSWS ${stack.emulator.apiToken}` } });
    if (!response.ok) throw new Error(`${method} ${suffix}: ${response.status}`);
    return response.status === 204 ? undefined : ((await response.json()) as { id: string });
  };

  beforeAll(async () => {
    stack = await createStack({ program: path.join(__dirname, "fixture") });
    initial = secrets()[0]?.id ?? "";
    expect(initial).toMatch(/^ocs/);
  });
  afterAll(async () => {
    await stack?.cleanup();
  });

  it("adopts the secret Okta made with the app: no POST, the same id", async () => {
    await stack.setConfig("adopt", initial);
    const run = await stack.up();
    expect(run.counts.create).toBe(2);
    expect(secretMutations(stack.emulator)).toEqual([]);
    expect((await outputs()).secretId).toBe(initial);
  });

  it("stores the frozen provider shim, and neither a secret value nor the API token in plaintext", async () => {
    const state = await stack.exportState();
    const text = JSON.stringify(state);
    const resource = state.deployment.resources.find((r: { type: string }) => r.type === type);
    expect(resource.inputs.__provider).toBe(await readFile(golden, "utf8"));
    expect(resource.outputs.clientSecret).toHaveProperty("ciphertext");
    for (const app of stack.emulator.state().apps) {
      for (const s of app.secrets) expect(text).not.toContain(s.client_secret);
    }
    expect(text).not.toContain(stack.emulator.apiToken);
  });

  it("shows a rotation as +- replace in `pulumi preview --diff`, before changing anything", async () => {
    await stack.setConfig("rotation", "2");
    stack.emulator.clearRequests();
    const run = await stack.preview({ diff: true });
    expect(run.stdout).toContain(`+-${type}: (replace)`);
    expect(run.stdout).toMatch(/~ rotation: "1" => "2"/);
    expect(run.counts.replace).toBe(1);
    expect(secretMutations(stack.emulator)).toEqual([]);
  });

  it("rotates with zero downtime: POST the new secret, then deactivate and delete the adopted one", async () => {
    const before = secrets();
    stack.emulator.clearRequests();
    const run = await stack.up();
    expect(run.counts.replace).toBe(1);
    const { secretId } = await outputs();
    expect(secretId).not.toBe(initial);
    const base = `/api/v1/apps/${stack.app.id}/credentials/secrets`;
    expect(secretMutations(stack.emulator)).toEqual([
      `POST ${base} 201`,
      `POST ${base}/${initial}/lifecycle/deactivate 200`,
      `DELETE ${base}/${initial} 204`,
    ]);
    expect(fewestActive(before, secretMutations(stack.emulator))).toBeGreaterThanOrEqual(1);
    expect(secrets()).toEqual([expect.objectContaining({ id: secretId, status: "ACTIVE" })]);
    // `pulumi up` with its preview: one list of the app's secrets in each process, then the three writes.
    expect(stack.emulator.requests().map((r) => `${r.method} ${r.path.replace(base, "…")}`)).toEqual([
      "GET …",
      "GET …",
      "POST …",
      `POST …/${initial}/lifecycle/deactivate`,
      `DELETE …/${initial}`,
    ]);
  });

  it("asks Okta nothing for a no-op up, and one list per app for a refresh", async () => {
    stack.emulator.clearRequests();
    expect((await stack.up()).counts).toMatchObject({ same: 2 });
    expect(stack.emulator.requests()).toEqual([]);
    await stack.refresh();
    // The refresh's preview and the refresh itself: one process each, one list each.
    expect(stack.emulator.requests().map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /api/v1/apps/${stack.app.id}/credentials/secrets`,
      `GET /api/v1/apps/${stack.app.id}/credentials/secrets`,
    ]);
  });

  it("a second rotation creates a new secret again (adoption is not repeated)", async () => {
    const { secretId: previous } = await outputs();
    await stack.setConfig("rotation", "3");
    await stack.up();
    const { secretId } = await outputs();
    expect(secretId).not.toBe(previous);
    expect(secrets().map((s) => s.id)).toEqual([secretId]);
  });

  it("changes status in place: an update through the lifecycle endpoint, not a replacement", async () => {
    // Okta never deactivates an app's only ACTIVE secret: give the app another one first, outside Pulumi.
    const spare = await okta("POST", "");
    const { secretId } = await outputs();
    await stack.setConfig("status", "INACTIVE");
    const preview = await stack.preview({ diff: true });
    expect(preview.counts).toMatchObject({ update: 1, replace: 0 });
    // The engine shows input diffs: status was not an input before, so it appears as added.
    expect(preview.stdout).toMatch(/\+ status\s*: "INACTIVE"/);
    stack.emulator.clearRequests();
    const run = await stack.up();
    expect(run.counts).toMatchObject({ update: 1, replace: 0, create: 0, delete: 0 });
    const base = `/api/v1/apps/${stack.app.id}/credentials/secrets`;
    expect(secretMutations(stack.emulator)).toEqual([`POST ${base}/${secretId}/lifecycle/deactivate 200`]);
    expect((await outputs()).secretStatus).toBe("INACTIVE");

    await stack.setConfig("status", "ACTIVE");
    await stack.up();
    expect(secrets().find((s) => s.id === secretId)?.status).toBe("ACTIVE");
    expect(spare?.id).toMatch(/^ocs/);
  });

  it("refresh sees a deactivation made outside Pulumi, and the next up restores ACTIVE", async () => {
    const { secretId } = await outputs();
    await okta("POST", `/${secretId}/lifecycle/deactivate`);
    const refresh = await stack.refresh();
    expect(refresh.counts.update).toBe(1);
    expect((await stored())?.status).toBe("INACTIVE");
    const run = await stack.up();
    expect(run.counts).toMatchObject({ update: 1, replace: 0 });
    expect(secrets().find((s) => s.id === secretId)?.status).toBe("ACTIVE");
  });

  it("refresh drops a secret deleted outside Pulumi, and the next up creates a new one", async () => {
    const { secretId } = await outputs();
    await okta("POST", `/${secretId}/lifecycle/deactivate`);
    await okta("DELETE", `/${secretId}`);
    const refresh = await stack.refresh();
    expect(refresh.counts.delete).toBe(1);
    expect(await stored()).toBeUndefined();
    // The program still names the long-gone adopted secret: a new resource would try to adopt it (a clear error
    // at preview); without it, the next up creates a new secret.
    const preview = await stack.preview({ expectFailure: true });
    expect(preview.stdout + preview.stderr).toContain(`has no client secret ${initial}`);
    await stack.pulumi(["config", "rm", "adopt"]);
    const run = await stack.up();
    expect(run.counts.create).toBe(1);
    const { secretId: recreated } = await outputs();
    expect(recreated).not.toBe(secretId);
    expect(secrets().find((s) => s.id === recreated)?.status).toBe("ACTIVE");
  });

  it("destroy deactivates and deletes the managed secret and leaves the others", async () => {
    const { secretId } = await outputs();
    const others = secrets().filter((s) => s.id !== secretId);
    const run = await stack.destroy();
    expect(run.counts.delete).toBe(2);
    expect(secrets()).toEqual(others);
  });
});
