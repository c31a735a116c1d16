import { startOktaEmulator } from "../../emulator/index";
import type { E2EStack } from "../../tests/e2e/harness";
import { type Machine, machineAfter, machineBefore } from "../lib/machine";
import { apiRequests, benchStack, clientOf, declare, makeApps, onlySecretOf, type Spec } from "../lib/okta";
import { median, progress, ratio, timed } from "../lib/stats";

/** The steps of one run, in order; each is timed on both stacks, ClientSecret first, then the floor. */
const steps = [
  "up adopting N secrets (one an app)",
  "up rotating all N",
  "refresh N (one an app)",
  "up creating N more (INACTIVE)",
  "refresh 2N (two an app)",
  "up deleting those N",
  "destroy N",
] as const;

type Step = (typeof steps)[number];

export interface WallTimeRow {
  n: number;
  step: Step;
  /** Median wall milliseconds: this package's ClientSecrets, and the same resources of a no-op provider. */
  okta: number;
  floor: number;
  ratio: number;
  /** Okta requests of the step (the same in every run). */
  requests: number;
  samples: { okta: number[]; floor: number[] };
}

export interface WallTimeResult {
  machine: Machine;
  runs: Record<string, number>;
  rows: WallTimeRow[];
}

/**
 * Wall time of each step for N = each of `sizes`, `runs[N]` runs, the ClientSecret and floor stacks interleaved step by
 * step (so a burst of load on the shared machine falls on both), rate limit off. Each run ends where it began: every
 * app holds one ACTIVE secret, which the next run adopts.
 */
export async function measureWallTime(sizes: number[], runs: Record<number, number>): Promise<WallTimeResult> {
  const machine = machineBefore();
  const rows: WallTimeRow[] = [];
  for (const n of sizes) rows.push(...(await measureSize(n, runs[n] ?? 3)));
  return { machine: machineAfter(machine), runs: Object.fromEntries(sizes.map((n) => [n, runs[n] ?? 3])), rows };
}

async function measureSize(n: number, runs: number): Promise<WallTimeRow[]> {
  const emulator = await startOktaEmulator({ rateLimit: "off" });
  const okta = clientOf(emulator);
  const secrets = await benchStack("secrets", emulator);
  const floor = await benchStack("floor", emulator);
  const samples = new Map<Step, { okta: number[]; floor: number[]; requests: number[] }>(
    steps.map((s) => [s, { okta: [], floor: [], requests: [] }]),
  );
  try {
    const apps = await makeApps(emulator, n);
    const timeBoth = async (step: Step, specs: Spec[], action: (stack: E2EStack) => Promise<unknown>) => {
      const sample = samples.get(step) as { okta: number[]; floor: number[]; requests: number[] };
      for (const [stack, into] of [
        [secrets, sample.okta],
        [floor, sample.floor],
      ] as const) {
        await declare(stack, specs);
        emulator.clearRequests();
        const { ms } = await timed(() => action(stack));
        into.push(ms);
        if (stack === secrets) sample.requests.push(apiRequests(emulator).length);
      }
    };
    const up = (stack: E2EStack) => stack.up({ timeoutMs: 900_000 });
    for (let run = 1; run <= runs; run++) {
      const held = await Promise.all(apps.map((appId) => onlySecretOf(okta, appId)));
      const first: Spec[] = apps.map((appId, i) => ({
        name: `s${i}`,
        appId,
        rotation: `${run}a`,
        adopt: held[i] as string,
      }));
      const rotated = first.map((s) => ({ ...s, rotation: `${run}b` }));
      const second: Spec[] = apps.map((appId, i) => ({ name: `t${i}`, appId, rotation: "1", status: "INACTIVE" }));
      await timeBoth("up adopting N secrets (one an app)", first, up);
      await timeBoth("up rotating all N", rotated, up);
      await timeBoth("refresh N (one an app)", rotated, (s) => s.refresh({ timeoutMs: 900_000 }));
      await timeBoth("up creating N more (INACTIVE)", [...rotated, ...second], up);
      await timeBoth("refresh 2N (two an app)", [...rotated, ...second], (s) => s.refresh({ timeoutMs: 900_000 }));
      await timeBoth("up deleting those N", rotated, up);
      // Okta never lets an app lose its last ACTIVE secret: a spare for each, which the next run adopts.
      for (const appId of apps) await okta.createClientSecret(appId);
      await timeBoth("destroy N", rotated, (s) => s.destroy({ timeoutMs: 900_000 }));
      progress(`wall time: N=${n}, run ${run}/${runs} done`);
    }
  } finally {
    await secrets.cleanup();
    await floor.cleanup();
    await emulator.close();
  }
  return steps.map((step) => {
    const s = samples.get(step) as { okta: number[]; floor: number[]; requests: number[] };
    const [okta, fl] = [median(s.okta), median(s.floor)];
    return { n, step, okta, floor: fl, ratio: ratio(okta, fl), requests: median(s.requests), samples: s };
  });
}
