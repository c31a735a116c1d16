import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createStack, type E2EStack } from "../e2e/harness";
import { createServiceApp } from "../serviceApp";
import { recordFigures, reliabilityScale } from "./figures";
import { type Baseline, startWatch, takeBaseline } from "./invariants";

// The soak (issue 20): a RotatingClientSecret and a RotatingClientJsonWebKey (the e2e fixtures: rotateEvery P30D,
// retireAfter P7D, anchor 2030-01-01, adoptExisting) walked through generations with the time override
// (OKTA_CREDENTIALS_NOW), with missed windows mixed in (jumps over several periods, as a nightly job that did not run
// for months would see). After every `up`: the invariants, exact (Okta and the state agree, never over two secrets,
// never none ACTIVE, no lost private half, no pending operation). Across the walk: the state's size (bytes of
// `pulumi stack export`) stays the same once both slots are filled, no orphan is ever left in Okta, and the time
// per `up` stays flat. Time is not asserted but as a generous ratio: the median `up` of the last tenth of the walk
// within 2x the median of the first tenth (the first `up`, which creates, left out); the durations are recorded.
const repo = path.resolve(__dirname, "../..");
const full = reliabilityScale === "full";
const ups = full ? 100 : 8;
const day = 86_400_000;
const anchor = Date.parse("2030-01-01T00:00:00Z");
const period = 30 * day;

interface Visit {
  generation: number;
  now: string;
  /** No `up` ran in the retirement window before this one: a window missed (one, or several periods). */
  missed: boolean;
}

/**
 * The walk: generation numbers to visit, one `up` each, at a day into the generation (the previous one still ACTIVE)
 * and ten days in (the previous one retired) by turns. Going from a day into `g` to ten days into `g + 1` skips `g`'s
 * retirement window: a missed window, every other step. With `jumps`, every fourth step also skips two to four whole
 * periods (a nightly job that did not run for months). A RotatingClientSecret walks without jumps: a whole generation
 * missed stops at the two-secret limit (docs/rotation.md, "Missed windows"; see the findings in the test's figures).
 */
function walk(n: number, jumps: boolean): Visit[] {
  const steps: Visit[] = [];
  let generation = 1;
  for (let i = 0; i < n; i++) {
    const offset = i % 2 === 0 ? 1 : 10;
    const step = i > 0 && jumps && i % 4 === 3 ? 2 + (i % 3) : i > 0 ? 1 : 0;
    generation += step;
    const previousOffset = i % 2 === 0 ? 10 : 1;
    const missed = i > 0 && (step > 1 || previousOffset === 1);
    steps.push({
      generation,
      now: new Date(anchor + (generation - 1) * period + offset * day).toISOString(),
      missed,
    });
  }
  return steps;
}

const stacks: E2EStack[] = [];
afterAll(async () => {
  for (const s of stacks) await s.cleanup();
});

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

async function stateBytes(stack: E2EStack): Promise<number> {
  return Buffer.byteLength((await stack.pulumi(["stack", "export"])).stdout);
}

interface Kind {
  name: "RotatingClientSecret" | "RotatingClientJsonWebKey";
  jumps: boolean;
  setUp(): Promise<{ stack: E2EStack; appIds: string[] }>;
}

const kinds: Kind[] = [
  {
    name: "RotatingClientSecret",
    jumps: false,
    async setUp() {
      const stack = await createStack({ program: path.join(repo, "tests/e2e/rotatingClientSecret/fixture") });
      return { stack, appIds: [stack.app.id] };
    },
  },
  {
    name: "RotatingClientJsonWebKey",
    jumps: true,
    async setUp() {
      const stack = await createStack({ program: path.join(repo, "tests/e2e/rotatingClientJsonWebKey/fixture") });
      const service = await createServiceApp(stack.emulator, { label: "soak" });
      await stack.setConfig("appId", service.id);
      return { stack, appIds: [service.id] };
    },
  },
];

describe(`soak: ${ups} generations of each rotating kind, missed windows mixed in`, () => {
  for (const kind of kinds) {
    it(kind.name, { timeout: full ? 3_600_000 : 600_000 }, async () => {
      const { stack, appIds } = await kind.setUp();
      stacks.push(stack);
      const baseline: Baseline = takeBaseline(stack, appIds);
      const steps = walk(ups, kind.jumps);
      const durations: number[] = [];
      const sizes: number[] = [];
      let orphans = 0;
      let objectsLost = 0;
      let writes = 0;
      for (const [i, step] of steps.entries()) {
        const watch = await startWatch(stack, { appIds, baseline });
        const t = Date.now();
        await stack.up({ env: { OKTA_CREDENTIALS_NOW: step.now } });
        durations.push(Date.now() - t);
        const report = await watch.check();
        orphans += report.orphans.length;
        objectsLost += report.missing.length + report.lostPrivateHalves.length;
        writes += watch.log().filter((e) => e.method !== "GET").length;
        await watch.assert({ exact: true });
        const out = await stack.outputs();
        expect(out.generation, `up ${i + 1} at ${step.now}`).toBe(step.generation);
        sizes.push(await stateBytes(stack));
      }
      // Nothing but the two slots' credentials is left: Okta holds exactly the current and previous generations'.
      const app = stack.emulator.state().apps.find((a) => a.id === appIds[0]);
      expect(kind.name === "RotatingClientSecret" ? app?.secrets.length : app?.jwks.length).toBe(2);

      // The state's size once both slots hold a generated credential (from the second up on), against its first.
      const steady = sizes.slice(2);
      const spread = Math.max(...steady) - Math.min(...steady);
      // Ids and dates have fixed lengths; what differs between ups is the statuses (ACTIVE, INACTIVE) and the schedule's
      // texts at the two instants of the walk, and the generation number's digits: well under 1%, and no growth.
      expect(spread, `state bytes across the walk: ${sizes.join(", ")}`).toBeLessThanOrEqual(
        Math.ceil(Math.min(...steady) / 100),
      );

      const tenth = Math.max(2, Math.ceil(durations.length / 10));
      const timed = durations.slice(1);
      const first = median(timed.slice(0, tenth));
      const last = median(timed.slice(-tenth));
      expect(last, `up durations (ms): ${durations.join(", ")}`).toBeLessThanOrEqual(2 * first);
      expect(orphans).toBe(0);
      expect(objectsLost).toBe(0);
      recordFigures("soak", kind.name, {
        generations: steps.at(-1)?.generation ?? 0,
        ups: steps.length,
        missedWindows: steps.filter((s) => s.missed).length,
        periodsSkipped: steps.reduce(
          (n, s, i) => n + Math.max(0, s.generation - (steps[i - 1]?.generation ?? 1) - 1),
          0,
        ),
        writes,
        stateBytesFirst: steady[0] ?? 0,
        stateBytesLast: steady.at(-1) ?? 0,
        stateBytesSpread: spread,
        medianUpMsFirst: first,
        medianUpMsLast: last,
        orphans,
        objectsLost,
      });
    });
  }
});

// Found by this soak: a whole generation missed while both secrets are still ACTIVE does not heal in one `up`. The
// previous slot depends on the current one, but at preview its replacement cannot count the current slot's new
// secret (not made yet), and delete-first would leave the app without an ACTIVE secret if the engine ran it first: so
// it goes create-first and the preview stops at the two-secret limit, before any write. docs/rotation.md ("Missed
// windows") says so, with the way out this test takes: one `up` inside the skipped generation, then the next.
describe("a whole generation missed with both secrets ACTIVE", () => {
  it("stops at the two-secret limit at preview, before any write; one up inside the skipped generation mends it", {
    timeout: 300_000,
  }, async () => {
    const stack = await createStack({ program: path.join(repo, "tests/e2e/rotatingClientSecret/fixture") });
    stacks.push(stack);
    for (const now of ["2030-01-02T00:00:00Z", "2030-02-10T00:00:00Z", "2030-03-03T00:00:00Z"]) {
      await stack.up({ env: { OKTA_CREDENTIALS_NOW: now } });
    }
    const watch = await startWatch(stack);
    stack.emulator.clearRequests();
    const skipped = await stack.up({ expectFailure: true, env: { OKTA_CREDENTIALS_NOW: "2030-05-02T00:00:00Z" } });
    expect(skipped.stdout + skipped.stderr).toContain("held 2 client secrets when this run looked");
    expect(stack.emulator.requests().filter((r) => r.method !== "GET")).toEqual([]);
    await watch.assert({ exact: true });
    await stack.up({ env: { OKTA_CREDENTIALS_NOW: "2030-04-02T00:00:00Z" } });
    await watch.assert({ exact: true });
    await stack.up({ env: { OKTA_CREDENTIALS_NOW: "2030-05-02T00:00:00Z" } });
    await watch.assert({ exact: true });
    expect((await stack.outputs()).generation).toBe(5);
  });
});
