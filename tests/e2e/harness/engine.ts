import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/** The repository root. */
export const repoRoot = path.resolve(__dirname, "../../..");

let binDir: Promise<string> | undefined;

/**
 * The folder(s) holding `pulumi`, `pulumi-language-nodejs` and `pulumi-resource-pulumi-nodejs`, as a PATH
 * fragment: an official install on PATH or the cached build (scripts/engine.sh). Never builds: a missing
 * engine is an error that says how to get one, in CI and locally alike.
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
      "No Pulumi engine for the end-to-end tests: `npm test` builds one (once, 6-13 minutes, cached outside " +
        "the clone), or run `bash scripts/engine.sh`, or install Pulumi (pulumi + pulumi-language-nodejs on PATH).",
    );
  }
  const { stdout } = await execFileAsync("bash", [script]);
  return stdout.trim();
}

/**
 * The environment of every `pulumi` command of one stack: the user's own PULUMI_* settings removed, the engine on
 * PATH, a file:// backend, a PULUMI_HOME and a passphrase of the stack's own.
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
    PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}`,
    PULUMI_BACKEND_URL: `file://${dirs.backend}`,
    PULUMI_HOME: dirs.home,
    PULUMI_CONFIG_PASSPHRASE: passphrase,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    // Test programs are type-checked by `npm run typecheck` under the strict root tsconfig; ts-node's own check
    // (non-strict) would only add about 2 s to every command (docs/development.md).
    PULUMI_NODEJS_TRANSPILE_ONLY: "true",
  };
}
