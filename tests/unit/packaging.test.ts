import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// What users install: the provider package holds only what the hooks and the sdk need (no test, fixture or emulator
// file; no web framework among its dependencies), and the emulator is a package of its own whose `okta-emulator` bin
// runs with `npx` from a project that installed it, as in users' CI.
const run = promisify(execFile);
const repo = resolve(__dirname, "../..");

interface Packed {
  files: { path: string }[];
}

async function packed(args: string[]): Promise<string[]> {
  const { stdout } = await run("npm", ["pack", "--dry-run", "--json", ...args], { cwd: repo, maxBuffer: 8 << 20 });
  return (JSON.parse(stdout) as Packed[])[0]?.files.map((f) => f.path) ?? [];
}

async function manifest(
  folder: string,
): Promise<{ dependencies?: Record<string, string>; bin?: Record<string, string> }> {
  const { stdout } = await run(process.execPath, ["-p", `JSON.stringify(require("./${folder}package.json"))`], {
    cwd: repo,
  });
  return JSON.parse(stdout);
}

describe("the provider package (pulumi-okta-credentials)", () => {
  it("packs the compiled provider, sdk and review, its command, the docs and the README: no test, fixture or emulator file", async () => {
    const files = await packed([]);
    expect(files).toContain("dist/provider/index.js");
    expect(files).toContain("dist/sdk/index.js");
    expect(files).toContain("dist/review/cli.js");
    expect(files).toContain("bin/okta-credentials.js");
    expect(files).toContain("docs/client-secret.md");
    expect(files).toContain("docs/reviewing.md");
    const outside = files.filter(
      (f) => !/^(dist\/(provider|sdk|review)\/|bin\/okta-credentials\.js$|docs\/|README\.md$|package\.json$)/.test(f),
    );
    expect(outside).toEqual([]);
    expect(files.filter((f) => /\.test\.|fixture|emulator\/|\.ts$/.test(f) && !f.endsWith(".d.ts"))).toEqual([]);
  });

  it("depends at run time only on what the hooks and the sdk use", async () => {
    expect(Object.keys((await manifest("")).dependencies ?? {}).sort()).toEqual([
      "@pulumi/pulumi",
      "jose",
      "tinyduration",
    ]);
  });
});

describe("the okta-credentials command", () => {
  it("is a file kept in git, so a fresh clone's npm ci links it before the build", async () => {
    const bin = (await manifest("")).bin?.["okta-credentials"] ?? "";
    expect(bin).toBe("bin/okta-credentials.js");
    const { stdout } = await run("git", ["ls-files", "--error-unmatch", bin], { cwd: repo });
    expect(stdout.trim()).toBe(bin);
  });

  it("runs from the built package: `okta-credentials review --help`", async () => {
    const { stdout } = await run(process.execPath, [join(repo, "bin/okta-credentials.js"), "review", "--help"]);
    expect(stdout).toContain("usage: okta-credentials review [preview.json]");
  });

  it("runs from the built package: `okta-credentials orphans --help`", async () => {
    const { stdout } = await run(process.execPath, [join(repo, "bin/okta-credentials.js"), "orphans", "--help"]);
    expect(stdout).toContain("usage: okta-credentials orphans [--state FILE]");
  });
});

describe("the emulator package (pulumi-okta-credentials-emulator)", () => {
  let project: string;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    project = await mkdtemp(join(tmpdir(), "okcred-emulator-user-"));
  });
  afterAll(async () => {
    // npx runs the command in a child of its own: stop the whole group, or the emulator outlives the test.
    if (child?.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
    await rm(project, { recursive: true, force: true });
  });

  it("packs its compiled code, its command and README, and depends on its web framework", async () => {
    const files = await packed(["--workspace", "emulator"]);
    expect(files).toContain("dist/cli.js");
    expect(files).toContain("dist/index.d.ts");
    expect(files).toContain("bin/okta-emulator.js");
    expect(files.filter((f) => !/^(dist\/|bin\/okta-emulator\.js$|README\.md$|package\.json$)/.test(f))).toEqual([]);
    expect(files.filter((f) => /\.test\./.test(f))).toEqual([]);
    expect(Object.keys((await manifest("emulator/")).dependencies ?? {}).sort()).toEqual([
      "@hono/node-server",
      "hono",
      "jose",
    ]);
  });

  it("has its command in a file kept in git, so a fresh clone's npm ci links it before the build", async () => {
    // npm links no bin whose file is missing, and in a fresh clone dist/ does not exist when npm ci links the
    // workspace: `npx okta-emulator` would then look in the registry for a package of that name.
    const bin = (await manifest("emulator/")).bin?.["okta-emulator"] ?? "";
    expect(bin).not.toMatch(/^dist\//);
    const { stdout } = await run("git", ["ls-files", "--error-unmatch", join("emulator", bin)], { cwd: repo });
    expect(stdout.trim()).toBe(`emulator/${bin}`);
  });

  it("runs as `npx okta-emulator` in a project that installed its tarball", async () => {
    const { stdout } = await run(
      "npm",
      ["pack", "--silent", "--workspace", "emulator", "--pack-destination", project],
      {
        cwd: repo,
      },
    );
    await writeFile(join(project, "package.json"), '{ "name": "users-ci", "private": true }\n');
    // From npm's cache, which the repository's own install filled: the registry is not needed.
    await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", join(project, stdout.trim())], {
      cwd: project,
    });
    const started = spawn("npx", ["okta-emulator", "--port", "0"], {
      cwd: project,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    child = started;
    const url = await new Promise<string>((found, failed) => {
      let text = "";
      started.stdout?.on("data", (chunk: Buffer) => {
        text += chunk.toString();
        const match = /okta-emulator listening on (\S+)/.exec(text);
        if (match?.[1]) found(match[1]);
      });
      started.once("exit", (code) => failed(new Error(`okta-emulator exited ${code}: ${text}`)));
    });
    const answer = await fetch(`${url}/__emulator/state`);
    expect(answer.status).toBe(200);
  }, 120_000);
});
