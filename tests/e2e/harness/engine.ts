import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readlinkSync, renameSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/** The repository root. */
export const repoRoot = path.resolve(__dirname, "../../..");

let binDir: Promise<string> | undefined;

/**
 * The folder(s) holding `pulumi`, its language hosts (`pulumi-language-nodejs`, `-yaml`, `-go`) and
 * `pulumi-resource-pulumi-nodejs`, as a PATH fragment: an official install on PATH or the cached build
 * (scripts/engine.sh). Never builds: a missing engine is an error that says how to get one, in CI and locally alike.
 */
export function engineBinDir(): Promise<string> {
  binDir ??= findEngine();
  return binDir;
}

async function findEngine(): Promise<string> {
  const script = path.join(repoRoot, "scripts/engine.sh");
  try {
    await execFileAsync("bash", [script, "--check"]);
  } catch {
    throw new Error(
      "No Pulumi engine for the end-to-end tests (or its YAML or Go language host is not built yet): `npm test` " +
        "builds them (once, 6-13 minutes, cached outside the clone), or run `bash scripts/engine.sh`, or install " +
        "Pulumi (pulumi + pulumi-language-nodejs on PATH).",
    );
  }
  const { stdout } = await execFileAsync("bash", [script]);
  return stdout.trim();
}

let nodeDir: string | undefined;

/**
 * A folder holding only `node`, a link to the Node.js running these tests. First on every command's PATH, it makes
 * the engine's Node.js processes (the program, the dynamic-provider plugin) run on the Node.js the tests run on
 * (`scripts/test.sh` runs them on several), whatever else the engine's folder or the rest of PATH holds; and it
 * puts nothing else first (the folder of `/usr/bin/node` would also put `/usr/bin/go` first).
 */
export function nodeBinDir(): string {
  if (nodeDir) return nodeDir;
  const key = createHash("sha256").update(process.execPath).digest("hex").slice(0, 12);
  const dir = path.join(tmpdir(), `okcred-node-${key}`);
  mkdirSync(dir, { recursive: true });
  const link = path.join(dir, "node");
  let target: string | undefined;
  try {
    target = readlinkSync(link);
  } catch {
    target = undefined;
  }
  if (target !== process.execPath) {
    // Renamed into place: another test process may be reading the link right now.
    const temp = `${link}.${process.pid}`;
    symlinkSync(process.execPath, temp);
    renameSync(temp, link);
  }
  nodeDir = dir;
  return dir;
}

/**
 * The environment of every `pulumi` command of one stack: the user's own PULUMI_* settings removed, this process's
 * Node.js and the engine first on PATH, a file:// backend, a PULUMI_HOME and a passphrase of the stack's own; Go
 * programs compile with the local Go toolchain, whatever the calling shell's Go settings say.
 */
export function isolatedEnv(
  bin: string,
  dirs: { backend: string; home: string },
  passphrase: string,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith("PULUMI_")) env[key] = value;
  }
  return {
    ...env,
    PATH: [nodeBinDir(), bin, process.env.PATH ?? ""].join(path.delimiter),
    PULUMI_BACKEND_URL: `file://${dirs.backend}`,
    PULUMI_HOME: dirs.home,
    PULUMI_CONFIG_PASSPHRASE: passphrase,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    // Test programs are type-checked by `npm run typecheck` under the strict root tsconfig; ts-node's own check
    // (non-strict) would only add about 2 s to every command (docs/development.md).
    PULUMI_NODEJS_TRANSPILE_ONLY: "true",
    // The Go language host runs `go list` and `go build` in the program folder. Never download a toolchain (the
    // local one is what CI has), never a go.work of the caller's, and no VCS stamp (the copy sits in this repo's
    // work tree, whose owner may differ in CI). Modules come from GOPROXY (the module proxy) into the module cache.
    GOTOOLCHAIN: "local",
    GOWORK: "off",
    GOFLAGS: "-buildvcs=false",
  };
}
