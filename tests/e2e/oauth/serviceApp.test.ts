import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { RequestLogEntry } from "../../../emulator/index";
import { createServiceApp } from "../../serviceApp";
import { createStack, type E2EStack } from "../harness";

// The quickstart's program (examples/quickstart) run by the real engine, authenticated as an API Services app that
// requires DPoP, set up the way a user does in Okta: the app with private_key_jwt and a public key,
// dpop_bound_access_tokens on, okta.apps.read and okta.apps.manage granted through the grants API. No API token.
const program = path.join(__dirname, "program");

/** Each engine command runs a new provider process: a new DPoP key, so a new handshake at the token endpoint. */
function tokenHandshakes(log: RequestLogEntry[]): number[][] {
  const runs: number[][] = [];
  for (const entry of log) {
    if (entry.path !== "/oauth2/v1/token") continue;
    const current = runs.at(-1);
    if (current && current.at(-1) !== 200) current.push(entry.status);
    else runs.push([entry.status]);
  }
  return runs;
}

describe("the quickstart authenticated as a service app that requires DPoP", () => {
  let stack: E2EStack | undefined;
  afterEach(async () => {
    await stack?.cleanup();
    stack = undefined;
  });

  it("previews, creates, rotates and destroys a ClientSecret with okta:clientId + okta:privateKey, the key kept secret", async () => {
    const s = await createStack({ program });
    stack = s;
    await s.useProgram(path.resolve(__dirname, "../../../examples/quickstart"));
    const service = await createServiceApp(s.emulator, { dpop: true, label: "pulumi" });
    await s.pulumi(["config", "rm", "okta:apiToken"]);
    await s.setConfig("okta:clientId", service.id);
    await s.setConfig("okta:privateKeyId", service.kid);
    await s.setConfig("okta:privateKey", service.privateKeyPem, { secret: true });
    s.emulator.clearRequests();
    const printed: string[] = [];
    const keep = <T extends { stdout: string; stderr: string }>(run: T) => {
      printed.push(run.stdout, run.stderr);
      return run;
    };

    const preview = keep(await s.preview({ diff: true }));
    expect(preview.counts.create).toBe(2);
    const created = keep(await s.up());
    expect(created.counts.create).toBe(2);
    const out = (await s.outputs()) as { secretId: string };
    expect(out.secretId).toMatch(/^ocs\w{17}$/);

    // The rotation, as the quickstart makes it: retire the app's own secret (a free slot), change the trigger.
    const initial = s.emulator
      .state()
      .apps.find((a) => a.id === s.app.id)
      ?.secrets.find((x) => x.id !== out.secretId);
    const auth = { Authorization: `SSWS ${s.emulator.apiToken}` };
    const secretUrl = `${s.emulator.url}/api/v1/apps/${s.app.id}/credentials/secrets/${initial?.id}`;
    await fetch(`${secretUrl}/lifecycle/deactivate`, { method: "POST", headers: auth });
    await fetch(secretUrl, { method: "DELETE", headers: auth });
    await s.setConfig("rotation", "2026-12");
    const rotationPreview = keep(await s.preview({ diff: true }));
    expect(rotationPreview.stdout).toContain("+-pulumi-nodejs:dynamic/okta:ClientSecret: (replace)");
    const rotated = keep(await s.up());
    expect(rotated.counts.replace).toBe(1);
    const after = (await s.outputs()) as { secretId: string };
    expect(after.secretId).not.toBe(out.secretId);

    const state = JSON.stringify(await s.exportState());
    // Okta never lets an app lose its last ACTIVE secret: give it one of its own before the stack's goes.
    const secretsUrl = `${s.emulator.url}/api/v1/apps/${s.app.id}/credentials/secrets`;
    const kept = await fetch(secretsUrl, {
      method: "POST",
      headers: { ...auth, "Content-Type": "application/json" },
      body: "{}",
    });
    expect(kept.status).toBe(201);
    const destroyed = keep(await s.destroy());
    expect(destroyed.counts.delete).toBe(2);
    expect(
      s.emulator
        .state()
        .apps.find((a) => a.id === s.app.id)
        ?.secrets.map((x) => x.id),
    ).not.toContain(after.secretId);

    // Every Management API call went with a DPoP-bound token; every command proved its key at the token endpoint.
    const log = s.emulator.requests();
    const api = log.filter((e) => e.path.startsWith("/api/v1/apps") && e.auth !== "SSWS");
    expect(api.length).toBeGreaterThan(5);
    expect(api.every((e) => e.auth === "DPoP" && e.status < 300)).toBe(true);
    const handshakes = tokenHandshakes(log);
    expect(handshakes.length).toBeGreaterThanOrEqual(4);
    for (const handshake of handshakes) expect(handshake).toEqual([400, 400, 200]);

    // The private key appears nowhere in plaintext: not in the state, the stack's config file, or anything printed.
    const keyBody = service.privateKeyPem.split("\n").slice(1, -2).join("");
    const keyLines = service.privateKeyPem.split("\n").filter((line) => line.length > 40);
    const stackFile = await readFile(path.join(s.workDir, "Pulumi.e2e.yaml"), "utf8");
    for (const text of [state, stackFile, ...printed]) {
      expect(text).not.toContain(keyBody);
      for (const line of keyLines) expect(text).not.toContain(line);
    }
    expect(stackFile).toContain("okta:privateKey:\n    secure:");
  });
});
