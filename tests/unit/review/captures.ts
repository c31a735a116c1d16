import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { reviewPreview } from "../../../review/review";

/**
 * Previews of the real engine, captured by the end-to-end tests of tests/e2e/review/ (normalized: stable ids, no
 * serialized provider, no config, no secret) and read here by the unit tests and by docs/reviewing.md's check.
 */
export const capturesDir = path.join(__dirname, "captured");

/** The capture `name` (its file name without `.json`). */
export function capture(name: string): string {
  return readFileSync(path.join(capturesDir, `${name}.json`), "utf8");
}

/** The names of every capture. */
export function captureNames(): string[] {
  return readdirSync(capturesDir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length))
    .sort();
}

/** The review of a capture's text, as `okta-credentials review` prints it. */
export function renderCapture(text: string): { markdown: string; failed: boolean } {
  return reviewPreview(text);
}
