import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startOktaEmulator } from "../../emulator/index";
import type { E2EStack } from "../../tests/e2e/harness";
import { type Machine, machineAfter, machineBefore } from "../lib/machine";
import { benchStack, clientOf, declare, makeApps, onlySecretOf, type Spec } from "../lib/okta";
import { median, progress, ratio } from "../lib/stats";

interface Probe {
  pid: number;
  start: number;
  ready: number | null;
  providerLoadMs: number | null;
  firstRequest: number | null;
  peakRssKb: number;
}

export interface StartupResult {
  machine: Machine;
  runs: number;
  /** Milliseconds from the provider process's start until it serves (the plugin's own start-up, before any hook). */
  readyMs: { okta: number; floor: number; ratio: number };
  /** Milliseconds `require("pulumi-okta-credentials/provider")` took in it (the first hook's extra cost). */
  providerLoadMs: number;
  /** Milliseconds from the provider process's start to its first Okta request (the floor: to its first hook call). */
  firstRequestMs: { okta: number; floor: number; ratio: number; samples: { okta: number[]; floor: number[] } };
  /** Peak resident memory (MB) of the provider process in a `pulumi preview` of one resource. */
  peakMb: { okta: number; floor: number; ratio: number };
  /** The same in the update of `pulumi up` rotating `n` resources (one run), when measured. */
  peakMbAtScale?: { n: number; okta: number; floor: number; ratio: number };
}

const probeFile = path.join(__dirname, "../lib/probe.cjs");

/** The provider processes a command started, as the probe saw them, and the floor's first-hook marks. */
async function probes(dir: string): Promise<{ probe: Probe; hook?: number }[]> {
  const files = await readdir(dir);
  const found: { probe: Probe; hook?: number }[] = [];
  for (const file of files.filter((f) => f.endsWith(".json"))) {
    const probe = JSON.parse(await readFile(path.join(dir, file), "utf8")) as Probe;
    const mark = files.includes(`${probe.pid}.hook`) ? await readFile(path.join(dir, `${probe.pid}.hook`), "utf8") : "";
    found.push(mark ? { probe, hook: Number(mark) } : { probe });
  }
  return found;
}

async function clear(dir: string): Promise<void> {
  for (const file of await readdir(dir)) await rm(path.join(dir, file));
}

/** Provider start-up and memory: `runs` previews of a rotation of one resource, each stack in turn. */
export async function measureStartup(runs: number, atScale?: number): Promise<StartupResult> {
  const machine = machineBefore();
  const dir = await mkdtemp(path.join(tmpdir(), "okcred-probe-"));
  const env = { BENCH_PROBE_DIR: dir, NODE_OPTIONS: `--require ${probeFile}` };
  const emulator = await startOktaEmulator({ rateLimit: "off" });
  const secrets = await benchStack("secrets", emulator, { env });
  const floor = await benchStack("floor", emulator, { env });
  const first = { okta: [] as number[], floor: [] as number[] };
  const ready = { okta: [] as number[], floor: [] as number[] };
  const loads: number[] = [];
  const peak = { okta: [] as number[], floor: [] as number[] };
  let peakMbAtScale: StartupResult["peakMbAtScale"];
  try {
    const [appId] = (await makeApps(emulator, 1)) as [string];
    const one: Spec = { name: "s0", appId, rotation: "1", adopt: await onlySecretOf(clientOf(emulator), appId) };
    for (const stack of [secrets, floor]) {
      await declare(stack, [one]);
      await stack.up();
    }
    for (let run = 1; run <= runs; run++) {
      for (const [stack, kind] of [
        [secrets, "okta"],
        [floor, "floor"],
      ] as const) {
        await declare(stack, [{ ...one, rotation: `r${run}` }]);
        await clear(dir);
        await stack.preview();
        const [seen] = await probes(dir);
        const served = kind === "okta" ? seen?.probe.firstRequest : seen?.hook;
        if (!seen || !served || !seen.probe.ready) {
          throw new Error(`bench: no provider process probed for the ${kind} stack's preview`);
        }
        first[kind].push(Math.round(served - seen.probe.start));
        ready[kind].push(Math.round(seen.probe.ready - seen.probe.start));
        if (kind === "okta" && seen.probe.providerLoadMs !== null) loads.push(seen.probe.providerLoadMs);
        peak[kind].push(seen.probe.peakRssKb / 1024);
      }
      progress(`start-up: run ${run}/${runs}: ${first.okta.at(-1)} ms / floor ${first.floor.at(-1)} ms`);
    }
    const kept = { ...one, rotation: `r${runs}` };
    if (atScale) peakMbAtScale = await peakAtScale(atScale, dir, [secrets, floor], kept);
  } finally {
    await secrets.cleanup();
    await floor.cleanup();
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  }
  const mb = (xs: number[]) => median(xs.map((x) => x * 10)) / 10;
  const [okta, fl] = [median(first.okta), median(first.floor)];
  const [readyOkta, readyFloor] = [median(ready.okta), median(ready.floor)];
  const result: StartupResult = {
    machine: machineAfter(machine),
    runs,
    readyMs: { okta: readyOkta, floor: readyFloor, ratio: ratio(readyOkta, readyFloor) },
    providerLoadMs: median(loads),
    firstRequestMs: { okta, floor: fl, ratio: ratio(okta, fl), samples: first },
    peakMb: { okta: mb(peak.okta), floor: mb(peak.floor), ratio: ratio(mb(peak.okta), mb(peak.floor)) },
  };
  if (peakMbAtScale) result.peakMbAtScale = peakMbAtScale;
  return result;
}

/**
 * Peak memory of the provider processes of a `pulumi up` rotating `n` more resources on `n` more apps (one run), the
 * stacks' resource `kept` staying declared.
 */
async function peakAtScale(n: number, dir: string, stacks: E2EStack[], kept: Spec) {
  const emulator = (stacks[0] as E2EStack).emulator;
  const okta = clientOf(emulator);
  const apps = await makeApps(emulator, n);
  const specs: Spec[] = [kept];
  for (const [i, appId] of apps.entries()) {
    specs.push({ name: `big${i}`, appId, rotation: "1", adopt: await onlySecretOf(okta, appId) });
  }
  const peaks: number[] = [];
  for (const stack of stacks) {
    await declare(stack, specs);
    await stack.up({ timeoutMs: 900_000 });
    await declare(
      stack,
      specs.map((s) => (s === kept ? s : { ...s, rotation: "2" })),
    );
    await clear(dir);
    await stack.up({ timeoutMs: 900_000 });
    // The preview's process and the update's: the larger is the update's.
    peaks.push(Math.max(...(await probes(dir)).map((p) => p.probe.peakRssKb)) / 1024);
  }
  const [okta_, floor_] = peaks.map((x) => Math.round(x * 10) / 10) as [number, number];
  return { n, okta: okta_, floor: floor_, ratio: ratio(okta_, floor_) };
}
