import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { StoreData } from "./records";

/** Reads a state file written by {@link saveState}; undefined when the file does not exist yet. */
export function loadState(file: string): StoreData | undefined {
  if (!existsSync(file)) return undefined;
  const data = JSON.parse(readFileSync(file, "utf8")) as StoreData;
  if (data.version !== 1 || !Array.isArray(data.apps) || !Array.isArray(data.tokens)) {
    throw new Error(`${file} is not an okta-emulator state file (version 1)`);
  }
  return data;
}

/** Writes the state atomically: a temporary file beside it, then a rename over it. Owner-only: it holds secrets. */
export function saveState(file: string, data: StoreData): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
}
