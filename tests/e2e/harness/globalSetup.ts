import { execFile } from "node:child_process";
import { readdir, rmdir, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { engineBinDir, repoRoot } from "./engine";
import { workRoot } from "./workspace";

const execFileAsync = promisify(execFile);
const sourceDirs = ["provider", "sdk", "review", "emulator"];

/**
 * Once per e2e run: programs load the package from `dist/` (through node_modules), so build it when any source is
 * newer than the build; and fail at once, with what to do, when there is no engine (CI included: never a skip).
 */
export default async function setup(): Promise<() => Promise<void>> {
  if ((await newestMtime(sourceDirs, ".ts")) > (await newestMtime(["dist", "emulator/dist"], ".js"))) {
    try {
      await execFileAsync("npm", ["run", "--silent", "build"], { cwd: repoRoot });
    } catch (error) {
      const { stdout = "" } = error as { stdout?: string };
      throw new Error(`building dist/ for the end-to-end tests failed:\n${stdout}`);
    }
  }
  await engineBinDir();
  return async () => {
    // Only when empty: another run (another terminal) may be using it.
    await rmdir(workRoot).catch(() => undefined);
  };
}

async function newestMtime(dirs: string[], extension: string): Promise<number> {
  let newest = 0;
  for (const dir of dirs) {
    const entries = await readdir(path.join(repoRoot, dir), { recursive: true }).catch(() => [] as string[]);
    for (const entry of entries) {
      if (!entry.endsWith(extension) || entry.endsWith(`.test${extension}`) || entry.endsWith(".d.ts")) continue;
      if (dir === "emulator" && /^(dist|node_modules)\//.test(entry)) continue;
      newest = Math.max(newest, (await stat(path.join(repoRoot, dir, entry))).mtimeMs);
    }
  }
  return newest;
}
