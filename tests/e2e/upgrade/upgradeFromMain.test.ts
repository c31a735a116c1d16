import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createServiceApp } from "../../serviceApp";
import { keysOf } from "../clientJsonWebKey/keyHistory";
import { fewestActive, secretsOf } from "../clientSecret/oktaHistory";
import { createStack, type E2EStack } from "../harness";
import { repoRoot } from "../harness/engine";

// A stack of every resource kind written by main before the credential core (commit fdfed6f, compiled in
// main-fdfed6f/, as a stack that installed it has it), then run by this code: the state it left must preview clean,
// update (a retirement, a verification checked again), delete (resources removed from the program), replace (a rotation,
// a new generation) and refresh, with Okta's state as the same code would have left it, and the serialized provider
// of every resource the same text.
const program = path.join(__dirname, "everyKind");
type Resource = { type: string; urn: string; inputs: Record<string, unknown> };

async function usePackage(s: E2EStack, folder: string): Promise<void> {
  const link = path.join(s.workDir, "node_modules", "pulumi-okta-credentials");
  await rm(link, { recursive: true, force: true });
  await symlink(folder, link, "dir");
}

describe("state written by main at fdfed6f, read by this code", () => {
  let stack: E2EStack | undefined;
  afterAll(async () => {
    await stack?.cleanup();
  });

  it("previews clean, updates, deletes, replaces and refreshes every kind, the serialized providers unchanged", async () => {
    const s = await createStack({ program });
    stack = s;
    await writeFile(path.join(s.workDir, "package.json"), '{ "name": "upgraded-stack", "private": true }\n');
    await mkdir(path.join(s.workDir, "node_modules"), { recursive: true });
    await usePackage(s, path.join(__dirname, "main-fdfed6f"));
    const secretsApp = await s.emulator.createApp();
    const keyApp = await createServiceApp(s.emulator);
    const [initial] = secretsOf(s.emulator, s.app.id);
    for (const [key, value] of Object.entries({
      adopt: initial?.id as string,
      secretsAppId: secretsApp.id,
      keyAppId: keyApp.id,
    })) {
      await s.setConfig(key, value);
    }
    const at = (now: string) => ({ env: { OKTA_CREDENTIALS_NOW: now } });
    // The stack, 2 ClientSecrets, 2 components with 2 slots and a verification each, a ClientJsonWebKey.
    expect((await s.up(at("2030-01-02T00:00:00Z"))).counts).toMatchObject({ create: 12 });
    const old = (await s.exportState()).deployment.resources as Resource[];
    const providerTexts = new Map(old.filter((r) => r.inputs?.__provider).map((r) => [r.type, r.inputs.__provider]));
    expect(providerTexts.size).toBe(4);

    await usePackage(s, repoRoot);
    s.emulator.clearRequests();
    expect((await s.preview(at("2030-01-02T12:00:00Z"))).counts).toMatchObject({ same: 12 });
    expect(s.emulator.requests().filter((r) => r.method !== "GET")).toEqual([]);

    // Updates and deletes on the old state: the previous slots retire, their verifications check again, and the
    // resources dropped from the program are deleted.
    await s.setConfig("extra", "false");
    const before = { secrets: secretsOf(s.emulator, secretsApp.id), keys: keysOf(s.emulator, keyApp.id) };
    s.emulator.clearRequests();
    expect((await s.up(at("2030-01-10T00:00:00Z"))).counts).toMatchObject({ update: 4, delete: 2, create: 0 });
    expect(secretsOf(s.emulator, s.app.id)).toEqual([expect.objectContaining({ id: initial?.id, status: "ACTIVE" })]);
    expect(
      secretsOf(s.emulator, secretsApp.id)
        .map((x) => x.status)
        .sort(),
    ).toEqual(["ACTIVE", "INACTIVE"]);
    expect(
      keysOf(s.emulator, keyApp.id)
        .map((k) => k.status)
        .sort(),
    ).toEqual(["ACTIVE", "INACTIVE"]);
    const mutations = s.emulator.requests().map((r) => `${r.method} ${r.path} ${r.status}`);
    expect(fewestActive(before.secrets, mutations)).toBeGreaterThan(0);
    expect(fewestActive(before.keys, mutations)).toBeGreaterThan(0);

    // Replacements on the old state: the adopted secret rotates create-first, each component's slot 0 takes the new
    // generation delete-first (its credential INACTIVE), and the verifications check the new current credentials.
    await s.setConfig("rotation", "2");
    s.emulator.clearRequests();
    const third = await s.up(at("2030-02-01T00:00:00Z"));
    expect(third.counts).toMatchObject({ replace: 3, update: 2, delete: 0 });
    const [rotated] = secretsOf(s.emulator, s.app.id);
    expect(secretsOf(s.emulator, s.app.id)).toHaveLength(1);
    expect(rotated?.id).not.toBe(initial?.id);
    expect(secretsOf(s.emulator, secretsApp.id).map((x) => x.status)).toEqual(["ACTIVE", "ACTIVE"]);
    expect(keysOf(s.emulator, keyApp.id).map((k) => k.status)).toEqual(["ACTIVE", "ACTIVE"]);
    expect((await s.outputs()).generation).toBe(2);

    expect((await s.refresh()).counts).toMatchObject({ update: 0, delete: 0 });
    const now = (await s.exportState()).deployment.resources as Resource[];
    for (const r of now.filter((x) => x.inputs?.__provider))
      expect(r.inputs.__provider).toBe(providerTexts.get(r.type));
  });
});
