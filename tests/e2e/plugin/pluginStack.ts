import { execFile } from "node:child_process";
import { appendFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { createStack } from "../harness";
import { engineBinDir, repoRoot } from "../harness/engine";
import type { CreateStackOptions, E2EStack } from "../harness/types";

const run = promisify(execFile);

/** The plugin's tarball, built once per test run. */
interface PluginTools {
  tarball: string;
  version: string;
}

let tools: Promise<PluginTools> | undefined;

/** Builds the plugin (`npm run plugin:build`). */
export function pluginTools(): Promise<PluginTools> {
  tools ??= (async () => {
    const build = await run("bash", [path.join(repoRoot, "plugin/build.sh")], { cwd: repoRoot });
    const version = require(path.join(repoRoot, "package.json")).version as string;
    return { tarball: path.join(repoRoot, build.stdout.trim()), version };
  })();
  return tools;
}

/**
 * A stack (tests/e2e/harness) whose program uses the okta-credentials provider plugin, installed into the stack's own
 * PULUMI_HOME as a user installs it (`pulumi plugin install resource okta-credentials <version> --file <tarball>`),
 * or with `via: "project"` named by its folder in the program's `Pulumi.yaml` (`plugins.providers[].path`). The
 * engine's folder (scripts/engine.sh) holds the YAML and Go language hosts.
 */
export async function createPluginStack(
  options: CreateStackOptions & { via?: "cache" | "project" },
): Promise<E2EStack> {
  const { tarball, version } = await pluginTools();
  await engineBinDir();
  const stack = await createStack(options);
  if (options.via === "project") {
    const project = path.join(stack.workDir, "Pulumi.yaml");
    const folder = path.join(repoRoot, "plugin/dist/bin");
    await appendFile(project, `plugins:\n  providers:\n    - name: okta-credentials\n      path: ${folder}\n`);
  } else {
    await stack.pulumi(["plugin", "install", "resource", "okta-credentials", version, "--file", tarball]);
  }
  return stack;
}
