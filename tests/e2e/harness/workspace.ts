import { randomBytes } from "node:crypto";
import { cp, mkdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { repoRoot } from "./engine";

/** Where stacks live while a test runs (gitignored): inside the repo, so programs resolve `<repo>/node_modules`. */
export const workRoot = path.join(repoRoot, ".e2e-work");

export interface StackDirs {
  base: string;
  program: string;
  backend: string;
  home: string;
}

/** A fresh `<repo>/.e2e-work/<random>/` with the program, backend and PULUMI_HOME folders of one stack. */
export async function makeStackDirs(): Promise<StackDirs> {
  const base = path.join(workRoot, `stack-${randomBytes(6).toString("hex")}`);
  const dirs = {
    base,
    program: path.join(base, "program"),
    backend: path.join(base, "backend"),
    home: path.join(base, "home"),
  };
  // The file:// backend folder must exist before the first command.
  await Promise.all([dirs.program, dirs.backend, dirs.home].map((dir) => mkdir(dir, { recursive: true })));
  return dirs;
}

/** Copies a program folder's files over `workDir`, `node_modules` excluded (resolution walks up to the repo's). */
export async function copyProgram(folder: string, workDir: string): Promise<void> {
  const source = path.resolve(repoRoot, folder);
  const info = await stat(source).catch(() => undefined);
  if (!info?.isDirectory()) throw new Error(`program folder not found: ${source}`);
  await cp(source, workDir, {
    recursive: true,
    force: true,
    filter: (file) => path.basename(file) !== "node_modules",
  });
}

export async function removeStackDirs(dirs: StackDirs): Promise<void> {
  await rm(dirs.base, { recursive: true, force: true, maxRetries: 3 });
}
