import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../harness/engine";

// The SDKs committed under sdk-*/ are what Pulumi's code generators make of plugin/schema.json today (`npm run
// sdk:generate`), and each is checked as far as this machine can: the Go SDK compiled (and used by the Go quickstart),
// the Node.js one typechecked, the Python one byte-compiled, the .NET one generated (no NuGet here to build it).
const run = promisify(execFile);
const languages = ["nodejs", "python", "go", "dotnet"];

async function tree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file)] = (await readFile(file)).toString("base64");
  }
  return files;
}

describe("the generated SDKs (sdk-nodejs, sdk-python, sdk-go, sdk-dotnet)", () => {
  let fresh: string;
  beforeAll(async () => {
    fresh = await mkdtemp(path.join(tmpdir(), "okcred-sdks-"));
    // A cold build of the generators takes minutes; later runs take seconds (cached like the engine).
    await run("bash", [path.join(repoRoot, "plugin/sdkgen/generate.sh"), "--out", fresh], {
      cwd: repoRoot,
      timeout: 1_200_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  }, 1_200_000);
  afterAll(async () => {
    if (fresh) await rm(fresh, { recursive: true, force: true });
  });

  it.each(languages)("sdk-%s is what the generator makes of plugin/schema.json today", async (language) => {
    const committed = await tree(path.join(repoRoot, `sdk-${language}`));
    expect(Object.keys(committed).length).toBeGreaterThan(10);
    expect(committed).toEqual(await tree(path.join(fresh, `sdk-${language}`)));
    expect(committed["README.md"]).toBeDefined();
  });

  it("the Go SDK compiles", { timeout: 600_000 }, async () => {
    await run("go", ["build", "./..."], { cwd: path.join(repoRoot, "sdk-go"), timeout: 600_000 });
  });

  it("the Node.js SDK typechecks against @pulumi/pulumi", { timeout: 120_000 }, async () => {
    await run("npx", ["tsc", "-p", "sdk-nodejs/tsconfig.json", "--noEmit"], { cwd: repoRoot });
  });

  it("the Python SDK byte-compiles", async () => {
    const cache = path.join(fresh, "pycache");
    await run("python3", ["-m", "compileall", "-q", "sdk-python"], {
      cwd: repoRoot,
      env: { ...process.env, PYTHONPYCACHEPREFIX: cache },
    });
    const compiled = await readdir(cache, { recursive: true });
    expect(compiled.filter((f) => String(f).endsWith(".pyc")).length).toBeGreaterThan(10);
  });

  it("the .NET SDK is generated: a project and a class per resource", async () => {
    const files = await readdir(path.join(repoRoot, "sdk-dotnet"));
    expect(files).toEqual(expect.arrayContaining(["PulumiOktaCredentials.OktaCredentials.csproj", "ClientSecret.cs"]));
    const csharp = await readFile(path.join(repoRoot, "sdk-dotnet/ClientSecret.cs"), "utf8");
    expect(csharp).toContain('[OktaCredentialsResourceType("okta-credentials:index:ClientSecret")]');
  });
});
