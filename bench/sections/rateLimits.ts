import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type OktaEmulator, startOktaEmulator } from "../../emulator/index";
import type { E2EStack } from "../../tests/e2e/harness";
import { type Machine, machineAfter, machineBefore } from "../lib/machine";
import { benchStack, clientOf, declare, makeApps, onlySecretOf, type Spec } from "../lib/okta";
import { progress, ratio, timed } from "../lib/stats";

/** One org's bucket, and the stacks that rotate against it at once. */
export interface LimitScenario {
  label: string;
  /** `/api/v1/apps` requests a minute. */
  limit: number;
  /** The per-token share of the bucket (Okta's default is 0.5), if enforced. */
  share?: number;
  stacks: number;
  /** Secrets rotated by each stack, one an app. */
  perStack: number;
  /** `okta:maxApiCapacity` of each stack, if set. */
  capacity?: number;
}

export interface LimitRow extends LimitScenario {
  rotations: number;
  /** Requests that counted against the bucket (answered), and the 429s received. */
  requests: number;
  refused: number;
  /** Wall time until the last stack finished, and the floor: requests ÷ the rate this token may use. */
  minutes: number;
  floorMinutes: number;
  ratio: number;
  /** The least time in Okta's fixed per-minute windows: the first window's requests go at once, so ⌈R ÷ rate⌉ − 1. */
  windowMinutes: number;
  /** Wall time of each stack's `pulumi up`. */
  stackMinutes: number[];
  /** Failed operations: an `up` that failed, or an app not holding exactly one new ACTIVE secret afterwards. */
  failed: number;
  failures: string[];
}

export interface RateLimitResult {
  machine: Machine;
  rows: LimitRow[];
}

const minutes = (ms: number) => Math.round(ms / 600) / 100;

/** Each scenario once: its stacks adopt one secret an app with the rate limit off, then all rotate at once under it. */
export async function measureRateLimits(scenarios: LimitScenario[]): Promise<RateLimitResult> {
  const machine = machineBefore();
  const rows: LimitRow[] = [];
  for (const scenario of scenarios) {
    rows.push(await measureScenario(scenario));
    progress(
      `rate limits: ${scenario.label}: ${JSON.stringify(rows.at(-1), ["minutes", "requests", "refused", "failed"])}`,
    );
  }
  return { machine: machineAfter(machine), rows };
}

async function measureScenario(scenario: LimitScenario): Promise<LimitRow> {
  const dir = await mkdtemp(path.join(tmpdir(), "okcred-bench-"));
  // The set-up runs without a limit; the same org (the emulator's state file) then serves the rotation under it.
  const dataFile = path.join(dir, "org.json");
  const setup = await startOktaEmulator({ rateLimit: "off", dataFile });
  const stacks: { stack: E2EStack; apps: string[]; adopted: string[] }[] = [];
  let limited: OktaEmulator | undefined;
  try {
    const config = scenario.capacity === undefined ? {} : { "okta:maxApiCapacity": String(scenario.capacity) };
    for (let k = 0; k < scenario.stacks; k++) {
      const apps = await makeApps(setup, scenario.perStack);
      const adopted = await Promise.all(apps.map((appId) => onlySecretOf(clientOf(setup), appId)));
      const stack = await benchStack("secrets", setup, { config });
      await declare(stack, specsOf(apps, adopted, "1"));
      await stack.up({ timeoutMs: 900_000 });
      stacks.push({ stack, apps, adopted });
    }
    await setup.close();
    const options = scenario.share === undefined ? {} : { rateLimitShare: scenario.share };
    const org = await startOktaEmulator({ rateLimit: scenario.limit, dataFile, ...options });
    limited = org;
    for (const { stack, apps, adopted } of stacks) {
      await stack.setConfig("okta-credentials:orgUrl", org.url);
      await declare(stack, specsOf(apps, adopted, "2"));
    }
    const failures: string[] = [];
    const { ms, result: stackMs } = await timed(() =>
      Promise.all(
        stacks.map(async ({ stack }, k) => {
          const run = await timed(() => stack.up({ timeoutMs: 3 * 3_600_000 }).catch((e: Error) => e));
          if (run.result instanceof Error) failures.push(`stack ${k}: ${run.result.message.slice(0, 2_000)}`);
          return run.ms;
        }),
      ),
    );
    for (const { apps, adopted } of stacks) {
      apps.forEach((appId, i) => {
        const held = org.state().apps.find((a) => a.id === appId)?.secrets ?? [];
        const rotated = held.length === 1 && held[0]?.status === "ACTIVE" && held[0].id !== adopted[i];
        if (!rotated) failures.push(`app ${appId}: ${held.map((s) => `${s.id} ${s.status}`).join(", ")}`);
      });
    }
    const log = org.requests().filter((r) => r.path.startsWith("/api/v1/apps"));
    const requests = log.filter((r) => r.status !== 429).length;
    const rate = scenario.limit * (scenario.share ?? 1);
    const floorMinutes = Math.round((requests / rate) * 100) / 100;
    return {
      ...scenario,
      rotations: scenario.stacks * scenario.perStack,
      requests,
      refused: log.length - requests,
      minutes: minutes(ms),
      floorMinutes,
      ratio: ratio(minutes(ms), floorMinutes),
      windowMinutes: Math.ceil(requests / rate) - 1,
      stackMinutes: stackMs.map(minutes),
      failed: failures.length,
      failures,
    };
  } finally {
    for (const { stack } of stacks) await stack.cleanup();
    await setup.close();
    await limited?.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function specsOf(apps: string[], adopted: string[], rotation: string): Spec[] {
  return apps.map((appId, i) => ({ name: `s${i}`, appId, rotation, adopt: adopted[i] as string }));
}
