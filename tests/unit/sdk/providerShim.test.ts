import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The __provider text is a frozen public API: these tests compare what Pulumi serializes from the *built* package
// (plain Node, no vitest transform) with the committed golden text, from a checkout and from an npm-installed tarball.
const run = promisify(execFile);
const repo = resolve(__dirname, "../../..");
const script = join(__dirname, "shimText.cjs");
// Each kind's shim, its export in sdk/providerShim.ts and its golden text. The ClientSecret text is in users' states
// since the first release: it never changes.
const kinds = [
  {
    kind: "ClientSecret",
    shim: "clientSecretProvider",
    goldenFile: join(__dirname, "clientSecret.provider.golden.txt"),
  },
  {
    kind: "ClientJsonWebKey",
    shim: "clientJsonWebKeyProvider",
    goldenFile: join(__dirname, "clientJsonWebKey.provider.golden.txt"),
  },
  {
    kind: "ClientSecretVerification",
    shim: "clientSecretVerificationProvider",
    goldenFile: join(__dirname, "clientSecretVerification.provider.golden.txt"),
  },
  {
    kind: "ClientJsonWebKeyVerification",
    shim: "clientJsonWebKeyVerificationProvider",
    goldenFile: join(__dirname, "clientJsonWebKeyVerification.provider.golden.txt"),
  },
];

async function serializeFrom(cwd: string, shim: string): Promise<string> {
  const { stdout } = await run(process.execPath, [script, "serialize", "pulumi-okta-credentials", shim], { cwd });
  return stdout;
}

describe.each(kinds)("the serialized $kind provider (__provider)", ({ kind, shim, goldenFile }) => {
  let golden: string;
  let installed: string;

  beforeAll(async () => {
    if (!existsSync(join(repo, "dist/sdk/providerShim.js")))
      throw new Error("dist/ is missing: run `npm run build` first");
    golden = await readFile(goldenFile, "utf8");
    // A user's layout: the packed tarball unpacked into node_modules (a real folder, not a link to the checkout).
    installed = await mkdtemp(join(tmpdir(), "okcred-layout-"));
    const { stdout } = await run("npm", ["pack", "--silent", "--pack-destination", installed], { cwd: repo });
    const pkgDir = join(installed, "node_modules/pulumi-okta-credentials");
    await mkdir(pkgDir, { recursive: true });
    await run("tar", ["-xzf", join(installed, stdout.trim()), "-C", pkgDir, "--strip-components=1"]);
    await symlink(join(repo, "node_modules/@pulumi"), join(installed, "node_modules/@pulumi"));
    await writeFile(join(installed, "package.json"), "{}");
  }, 60_000);

  afterAll(async () => {
    if (installed) await rm(installed, { recursive: true, force: true });
  });

  it("is the committed golden text when the package is a linked checkout", async () => {
    expect(await serializeFrom(repo, shim)).toBe(golden);
  });

  it("is byte-identical when the package is installed from its tarball", async () => {
    expect(await serializeFrom(installed, shim)).toBe(golden);
  });

  it("names the package and the export by name, captures no code, credential or URL, and stays small", () => {
    expect(golden).toContain(`require("pulumi-okta-credentials/provider").providers.${kind};`);
    expect(golden).not.toMatch(/SSWS|apiToken|https?:|okta\.com|\/work\/|node_modules/);
    // Recorded size: seven hooks, each wrapped by Pulumi's closure serializer (about 170 characters of wrapper each).
    expect(golden.length).toBeLessThan(2200);
  });

  it("a stored text evaluates, as the plugin does, to a provider with all seven hooks", async () => {
    const { stdout } = await run(process.execPath, [script, "load", goldenFile], { cwd: repo });
    expect(JSON.parse(stdout)).toEqual(["configure", "check", "diff", "create", "read", "update", "delete"]);
  });
});
