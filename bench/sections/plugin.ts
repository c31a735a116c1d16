import { startOktaEmulator } from "../../emulator/index";
import type { E2EStack } from "../../tests/e2e/harness";
import { createPluginStack } from "../../tests/e2e/plugin/pluginStack";
import { type Machine, machineAfter, machineBefore } from "../lib/machine";
import { apiRequests, benchStack, clientOf, declare, makeApps, onlySecretOf, type Spec } from "../lib/okta";
import { median, progress, ratio, timed } from "../lib/stats";

/** The steps of one run; each is timed on the plugin's stack, the dynamic provider's and the floor's, in turn. */
const steps = ["up adopting N secrets (one an app)", "up rotating all N", "refresh N", "destroy N"] as const;
type Step = (typeof steps)[number];
const kinds = ["plugin", "dynamic", "floor"] as const;
type Kind = (typeof kinds)[number];

export interface PluginRow {
  n: number;
  step: Step;
  /** Median wall milliseconds of each stack. */
  ms: Record<Kind, number>;
  /** Okta requests of the step (the floor makes none). */
  requests: { plugin: number; dynamic: number };
  pluginToDynamic: number;
  pluginToFloor: number;
}

export interface PluginResult {
  machine: Machine;
  runs: Record<string, number>;
  rows: PluginRow[];
  /** Bytes of one resource (compact JSON) in `pulumi stack export`, after the adopting `up`. */
  stateBytes: Record<Kind, number>;
}

/**
 * The provider plugin beside the dynamic provider and the engine's floor: N ClientSecrets (one an app, each app's own
 * secret adopted) through adopt, rotate, refresh and destroy, each step as users run it (with its preview), rate limit
 * off, the three stacks interleaved step by step. The plugin's program is Node.js (bench/programs/plugin), so the
 * language host is the same for all three and the difference is the provider's.
 */
export async function measurePlugin(sizes: number[], runs: Record<number, number>): Promise<PluginResult> {
  const machine = machineBefore();
  const rows: PluginRow[] = [];
  let stateBytes: Record<Kind, number> = { plugin: 0, dynamic: 0, floor: 0 };
  for (const n of sizes) {
    const measured = await measureSize(n, runs[n] ?? 3);
    rows.push(...measured.rows);
    stateBytes = measured.stateBytes;
  }
  return {
    machine: machineAfter(machine),
    runs: Object.fromEntries(sizes.map((n) => [n, runs[n] ?? 3])),
    rows,
    stateBytes,
  };
}

async function measureSize(n: number, runs: number): Promise<{ rows: PluginRow[]; stateBytes: Record<Kind, number> }> {
  const emulator = await startOktaEmulator({ rateLimit: "off" });
  const okta = clientOf(emulator);
  const stacks: Record<Kind, E2EStack> = {
    plugin: await createPluginStack({
      program: "bench/programs/plugin",
      emulator,
      env: { OKTA_API_TOKEN: emulator.apiToken },
    }),
    dynamic: await benchStack("secrets", emulator),
    floor: await benchStack("floor", emulator),
  };
  // The plugin's and the dynamic provider's secrets on apps of their own; the floor asks Okta nothing.
  const apps: Record<Kind, string[]> = {
    plugin: await makeApps(emulator, n),
    dynamic: await makeApps(emulator, n),
    floor: await makeApps(emulator, n),
  };
  const samples = new Map(
    steps.map((s) => [
      s,
      { ms: new Map(kinds.map((k) => [k, [] as number[]])), requests: new Map(kinds.map((k) => [k, [] as number[]])) },
    ]),
  );
  const stateBytes: Record<Kind, number> = { plugin: 0, dynamic: 0, floor: 0 };
  try {
    for (let run = 1; run <= runs; run++) {
      const specs: Record<Kind, Spec[]> = { plugin: [], dynamic: [], floor: [] };
      for (const kind of kinds) {
        const held = await Promise.all(apps[kind].map((appId) => onlySecretOf(okta, appId)));
        specs[kind] = apps[kind].map((appId, i) => ({
          name: `s${i}`,
          appId,
          rotation: `${run}a`,
          adopt: held[i] as string,
        }));
      }
      const time = async (step: Step, plan: (kind: Kind) => Spec[], action: (stack: E2EStack) => Promise<unknown>) => {
        const sample = samples.get(step);
        for (const kind of kinds) {
          await declare(stacks[kind], plan(kind));
          emulator.clearRequests();
          const { ms } = await timed(() => action(stacks[kind]));
          sample?.ms.get(kind)?.push(ms);
          sample?.requests.get(kind)?.push(apiRequests(emulator).length);
        }
      };
      const up = (stack: E2EStack) => stack.up({ timeoutMs: 900_000 });
      await time("up adopting N secrets (one an app)", (k) => specs[k], up);
      if (run === 1) {
        for (const kind of kinds) {
          const state = await stacks[kind].exportState();
          const custom = state.deployment.resources.filter(
            (r: { custom?: boolean; type: string }) => r.custom && !r.type.startsWith("pulumi:providers:"),
          );
          stateBytes[kind] = Math.round(
            custom.reduce((sum: number, r: unknown) => sum + Buffer.byteLength(JSON.stringify(r)), 0) / custom.length,
          );
        }
      }
      const rotated = (k: Kind) => specs[k].map((s) => ({ ...s, rotation: `${run}b` }));
      await time("up rotating all N", rotated, up);
      await time("refresh N", rotated, (s) => s.refresh({ timeoutMs: 900_000 }));
      // Okta never lets an app lose its last ACTIVE secret: a spare for each, which the next run adopts.
      for (const kind of ["plugin", "dynamic"] as const)
        for (const appId of apps[kind]) await okta.createClientSecret(appId);
      await time("destroy N", rotated, (s) => s.destroy({ timeoutMs: 900_000 }));
      progress(`plugin: N=${n}, run ${run}/${runs} done`);
    }
  } finally {
    for (const stack of Object.values(stacks)) await stack.cleanup();
    await emulator.close();
  }
  const rows = steps.map((step) => {
    const sample = samples.get(step);
    const ms = Object.fromEntries(kinds.map((k) => [k, median(sample?.ms.get(k) ?? [])])) as Record<Kind, number>;
    const req = (k: Kind) => median(sample?.requests.get(k) ?? []);
    return {
      n,
      step,
      ms,
      requests: { plugin: req("plugin"), dynamic: req("dynamic") },
      pluginToDynamic: ratio(ms.plugin, ms.dynamic),
      pluginToFloor: ratio(ms.plugin, ms.floor),
    };
  });
  return { rows, stateBytes };
}
