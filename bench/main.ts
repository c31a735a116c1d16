// `npm run bench` (bench/run.sh builds dist/ and finds or builds the engine first): measures what a ClientSecret costs
// in Okta requests, wall time, rate-limited time, state and provider start-up, each beside its floor; writes
// bench/results/<section>.json and bench/RESULTS.md.
//
//   npm run bench                          every section, full run counts (about an hour on 2 cores: see RESULTS.md)
//   npm run bench -- --only=requests,state  some sections (the others' committed results stay in RESULTS.md)
//   npm run bench -- --smoke                a small run of every section into a temp folder, failing on a regression
//   npm run bench -- --render               only RESULTS.md again, from the committed bench/results/*.json
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Results, render } from "./lib/render";
import { progress } from "./lib/stats";
import { measurePlugin } from "./sections/plugin";
import { type LimitScenario, measureRateLimits } from "./sections/rateLimits";
import { measureRequests } from "./sections/requests";
import { measureStartup } from "./sections/startup";
import { measureStateCost } from "./sections/stateCost";
import { measureWallTime } from "./sections/wallTime";

type Section = keyof Results;
const sections: Section[] = ["requests", "wall", "limits", "state", "startup", "plugin"];

const fullLimits: LimitScenario[] = [
  { label: "paid org", limit: 100, stacks: 1, perStack: 100 },
  { label: "free Integrator plan", limit: 20, stacks: 1, perStack: 100 },
  { label: "paid org, 50% per-token share", limit: 100, share: 0.5, stacks: 1, perStack: 100 },
  { label: "paid org, two stacks", limit: 100, stacks: 2, perStack: 50 },
  { label: "paid org, two stacks sharing it", limit: 100, stacks: 2, perStack: 50, capacity: 50 },
];

async function run(section: Section, smoke: boolean): Promise<Results[Section]> {
  switch (section) {
    case "requests":
      return measureRequests();
    case "wall":
      return smoke ? measureWallTime([1], { 1: 1 }) : measureWallTime([1, 20, 100], { 1: 5, 20: 3, 100: 3 });
    case "limits":
      return measureRateLimits(
        smoke ? [{ label: "two stacks, one reset", limit: 6, stacks: 2, perStack: 1 }] : fullLimits,
      );
    case "state":
      return measureStateCost(smoke ? 1 : 2);
    case "startup":
      return smoke ? measureStartup(1) : measureStartup(5, 100);
    case "plugin":
      return smoke ? measurePlugin([1], { 1: 1 }) : measurePlugin([1, 20, 100], { 1: 2, 20: 1, 100: 1 });
  }
}

/** What a smoke run must show, or the run fails: no unnamed extra request, no failed operation, a stable shim. */
function regressions(results: Results): string[] {
  const found: string[] = [];
  for (const o of results.requests?.operations ?? []) {
    for (const e of o.extra) if (e.reason === "unnamed") found.push(`${o.operation}: ${e.count} unnamed ${e.kind}`);
  }
  const rotation = results.requests?.operations.find((o) => o.operation === "rotation");
  if (rotation && rotation.requests > 5) found.push(`a rotation took ${rotation.requests} requests (at most 5)`);
  for (const l of results.limits?.rows ?? []) if (l.failed > 0) found.push(`${l.label}: ${l.failures.join("; ")}`);
  if (results.state && !results.state.matchesGolden) found.push("__provider is not the golden text");
  for (const p of results.plugin?.rows ?? []) {
    if (p.requests.plugin > p.requests.dynamic) {
      found.push(`plugin: ${p.step} took ${p.requests.plugin} requests, the dynamic provider ${p.requests.dynamic}`);
    }
  }
  return found;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const smoke = args.includes("--smoke");
  const only = args
    .find((a) => a.startsWith("--only="))
    ?.slice("--only=".length)
    .split(",");
  const unknown = (only ?? []).filter((s) => !sections.includes(s as Section));
  if (unknown.length > 0)
    throw new Error(`--only: unknown section ${unknown.join(", ")} (one of ${sections.join(", ")})`);
  const chosen = args.includes("--render") ? [] : sections.filter((s) => !only || only.includes(s));
  const out = smoke ? await mkdtemp(path.join(tmpdir(), "okcred-bench-smoke-")) : path.join(__dirname, "results");
  await mkdir(out, { recursive: true });
  const results: Results = {};
  for (const section of sections) {
    const file = path.join(out, `${section}.json`);
    if (chosen.includes(section)) {
      progress(`${section}: running${smoke ? " (smoke)" : ""}`);
      const result = await run(section, smoke);
      await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
      Object.assign(results, { [section]: result });
    } else if (existsSync(file)) {
      Object.assign(results, { [section]: JSON.parse(await readFile(file, "utf8")) });
    }
  }
  const markdown = render(results, smoke ? "npm run bench -- --smoke" : "npm run bench");
  const target = smoke ? path.join(out, "RESULTS.md") : path.join(__dirname, "RESULTS.md");
  await writeFile(target, markdown);
  progress(`wrote ${target}`);
  const found = smoke ? regressions(results) : [];
  if (found.length > 0) throw new Error(`benchmark smoke run found regressions:\n- ${found.join("\n- ")}`);
}

main().catch((error: unknown) => {
  progress(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
