import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";

/**
 * Which matrix runs: `full` under `npm run test:reliability`, `reduced` (the default) in `npm test`. A test picks
 * its cases with {@link matrix}.
 */
export const reliabilityScale: "full" | "reduced" =
  process.env.OKTA_CREDENTIALS_RELIABILITY === "full" ? "full" : "reduced";

/** The full list under the full matrix, else the cases `reduced` picks (a few that cover each kind and fault). */
export function matrix<T>(all: readonly T[], reduced: (all: readonly T[]) => readonly T[]): readonly T[] {
  return reliabilityScale === "full" ? all : reduced(all);
}

/** Where figures go: OKTA_CREDENTIALS_RELIABILITY_RESULTS, else `.reliability-results/` (ignored by git). */
export const resultsDir =
  process.env.OKTA_CREDENTIALS_RELIABILITY_RESULTS ?? path.resolve(__dirname, "../../.reliability-results");

/** A figure: a count (faults injected, operations, objects lost, leaks found...) or a time in milliseconds. */
export type Figures = Record<string, number>;

/**
 * Records one scenario's figures, a JSON line in `<resultsDir>/<suite>.jsonl` ({suite, scenario, scale, figures}),
 * which `scripts/reliabilityReport.ts` totals for docs/reliability.md. Never a value of a credential: counts only.
 */
export function recordFigures(suite: string, scenario: string, figures: Figures): void {
  mkdirSync(resultsDir, { recursive: true });
  const line = JSON.stringify({ suite, scenario, scale: reliabilityScale, at: new Date().toISOString(), figures });
  appendFileSync(path.join(resultsDir, `${suite}.jsonl`), `${line}\n`);
}
