import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { secretMutations, secretsOf } from "../clientSecret/oktaHistory";
import { createStack, type E2EStack } from "../harness";
import { repoRoot } from "../harness/engine";

// A stack written by release 0.1.0 (commit f2ecae5, compiled in release-0.1.0/: its provider and sdk, as a stack that
// installed it has them), then run by this code: the state it left (no resourceUrn, `okta:orgUrl` in config) must
// preview clean once the config is moved, be safe under --replace, and rotate.
const fixture = path.join(__dirname, "../clientSecret/fixture");
const type = "pulumi-nodejs:dynamic/okta:ClientSecret";

async function usePackage(s: E2EStack, folder: string): Promise<void> {
  const link = path.join(s.workDir, "node_modules", "pulumi-okta-credentials");
  await rm(link, { recursive: true, force: true });
  await symlink(folder, link, "dir");
}

describe("state written by release 0.1.0, read by this code", () => {
  let stack: E2EStack | undefined;
  afterAll(async () => {
    await stack?.cleanup();
  });

  it("previews clean after the config move, re-adopts under --replace without deleting, and rotates", async () => {
    const s = await createStack({ program: fixture, orgConfig: (url) => ({ "okta:orgUrl": url }) });
    stack = s;
    // A package.json of its own, as a user's program has: the package then resolves through the program's
    // node_modules (inside this repo, Node would otherwise resolve the name to the repo itself).
    await writeFile(path.join(s.workDir, "package.json"), '{ "name": "upgraded-stack", "private": true }\n');
    await mkdir(path.join(s.workDir, "node_modules"), { recursive: true });
    await usePackage(s, path.join(__dirname, "release-0.1.0"));
    const [initial] = secretsOf(s.emulator, s.app.id);
    await s.setConfig("adopt", initial?.id as string);
    expect((await s.up()).counts).toMatchObject({ create: 2 });
    const { deployment } = await s.exportState();
    const old = deployment.resources.find((r: { type: string }) => r.type === type);
    expect(old.inputs).not.toHaveProperty("resourceUrn");

    await usePackage(s, repoRoot);
    const refused = await s.preview({ expectFailure: true });
    expect(refused.stdout + refused.stderr).toContain(
      "okta:orgUrl is set, but it is not a key of @pulumi/okta (whose provider refuses it)",
    );
    await s.setConfig("okta-credentials:orgUrl", s.emulator.url);
    await s.pulumi(["config", "rm", "okta:orgUrl"]);
    s.emulator.clearRequests();
    expect((await s.preview()).counts).toMatchObject({ same: 2, replace: 0, update: 0 });
    expect(secretMutations(s.emulator)).toEqual([]);

    // adoptSecretId still names the held secret: a forced replacement takes it over again and deletes nothing.
    const replaced = await s.up({ args: ["--replace", s.urn(type, "managed")] });
    expect(replaced.counts).toMatchObject({ replace: 1 });
    expect(secretMutations(s.emulator)).toEqual([]);
    expect(secretsOf(s.emulator, s.app.id)).toEqual([expect.objectContaining({ id: initial?.id, status: "ACTIVE" })]);

    await s.pulumi(["config", "rm", "adopt"]);
    await s.setConfig("rotation", "2");
    s.emulator.clearRequests();
    expect((await s.up()).counts).toMatchObject({ replace: 1 });
    const base = `/api/v1/apps/${s.app.id}/credentials/secrets`;
    expect(secretMutations(s.emulator)).toEqual([
      `POST ${base} 201`,
      `POST ${base}/${initial?.id}/lifecycle/deactivate 200`,
      `DELETE ${base}/${initial?.id} 204`,
    ]);
    expect((await s.refresh()).counts).toMatchObject({ update: 0, delete: 0 });
  });
});
