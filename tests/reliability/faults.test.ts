import { afterAll, describe, expect, it } from "vitest";
import type { E2EStack } from "../e2e/harness";
import { matrix, recordFigures } from "./figures";
import { type InvariantReport, startWatch, violations } from "./invariants";
import {
  type Fault,
  faults,
  injectAt,
  type Kind,
  type KindStack,
  kindStack,
  kinds,
  type Step,
  type Target,
} from "./walks";

// The fault matrix (issue 20) through the real CLI: faults × operations × kinds. Each kind's stack walks through its
// operations (walks.ts); a faulted step injects one fault at the n-th request of its operation, runs the command (a
// success or a clean failure both pass), checks the invariants (an orphan may remain for the rerun to adopt), then
// reruns without faults: it succeeds, the invariants hold exactly (no orphan, nothing lost, statuses agree) and a
// following preview plans no change. The reduced matrix (npm test) walks each kind once with a fault on some steps,
// every fault family at least once; the full one (OKTA_CREDENTIALS_RELIABILITY=full) walks each kind once per fault
// and target, every step faulted.

/** One walk of a kind: for each step, the fault and target it gets, or none. */
interface WalkPlan {
  kind: Kind;
  faulted: ({ target: number; fault: Fault } | undefined)[];
}

// The steps' target counts, as walks.ts defines them: ClientSecret create, status, refresh, destroy, adopt, rotation
// (3); ClientJsonWebKey create, status, rotation (2), refresh, destroy; the rotating ones create (2), retirement (2),
// rotation (3), refresh, and for the keys destroy (2).
const targetCounts: Record<Kind, number[]> = {
  ClientSecret: [1, 1, 1, 1, 1, 3],
  ClientJsonWebKey: [1, 1, 2, 1, 1],
  RotatingClientSecret: [2, 2, 3, 1],
  RotatingClientJsonWebKey: [2, 2, 3, 1, 2],
};

function fullPlans(): WalkPlan[] {
  const plans: WalkPlan[] = [];
  // Fault by fault, each kind in turn: a run cut short has still covered every kind.
  for (const fault of faults) {
    for (const kind of kinds) {
      const counts = targetCounts[kind];
      for (let j = 0; j < Math.max(...counts); j++) {
        plans.push({ kind, faulted: counts.map((n) => (j < n ? { target: j, fault } : undefined)) });
      }
    }
  }
  return plans;
}

// Reduced: one walk per kind, faults on the steps below, handed out in order so every family comes up once.
const reducedSteps: Record<Kind, { step: number; target: number }[]> = {
  ClientSecret: [
    { step: 0, target: 0 },
    { step: 5, target: 1 },
    { step: 2, target: 0 },
  ],
  ClientJsonWebKey: [
    { step: 0, target: 0 },
    { step: 2, target: 1 },
    { step: 4, target: 0 },
  ],
  RotatingClientSecret: [
    { step: 1, target: 0 },
    { step: 2, target: 1 },
  ],
  RotatingClientJsonWebKey: [
    { step: 1, target: 1 },
    { step: 2, target: 2 },
  ],
};
function reducedPlans(): WalkPlan[] {
  let next = 0;
  return kinds.map((kind) => {
    const faulted: WalkPlan["faulted"] = targetCounts[kind].map(() => undefined);
    for (const { step, target } of reducedSteps[kind])
      faulted[step] = { target, fault: faults[next++ % faults.length] as Fault };
    return { kind, faulted };
  });
}

const plans = matrix(fullPlans(), () => reducedPlans());

/** A failure the user can act on: the CLI's own error lines, no crash of the provider or the engine. */
function expectCleanFailure(message: string): void {
  expect(message).toMatch(/error:/);
  expect(message).not.toMatch(/panic:|Unhandled|TypeError|ReferenceError|SyntaxError|\bat \S+ \([^)\s]+\.js:\d+:\d+\)/);
}

async function run(stack: E2EStack, step: Step, opts: { expectFailure?: boolean } = {}) {
  const env = step.now ? { OKTA_CREDENTIALS_NOW: step.now } : {};
  return stack[step.command]({ env, ...opts });
}

/** How many uses of the suite's faults the run took (the 0 ms pass-through placeholders left out). */
function faultsTaken(stack: E2EStack, injected: number): number {
  const left = stack.emulator.faults
    .pending()
    .filter((f) => f.delayMs !== 0)
    .reduce((n, f) => n + (f.count ?? 1), 0);
  return injected - left;
}

const totals = { cases: 0, faultsInjected: 0, firstRunsFailed: 0, objectsLost: 0, orphansLeft: 0, commands: 0 };

describe(`fault matrix through the real engine (${plans.length} walks)`, () => {
  const stacks = new Map<Kind, KindStack>();
  const failedKinds = new Set<Kind>();
  afterAll(async () => {
    recordFigures("faults", "total", totals);
    for (const k of stacks.values()) await k.stack.cleanup();
  });

  for (const [w, plan] of plans.entries()) {
    const name = plan.faulted
      .map((f, i) => (f ? `${i}:${f.fault.name}` : undefined))
      .filter(Boolean)
      .join(", ");
    it(`${plan.kind} walk ${w}: ${name}`, async () => {
      let k = stacks.get(plan.kind);
      // A walk that failed left its stack anywhere: the next walk of the kind starts on a new stack.
      if (k && failedKinds.has(plan.kind)) {
        await k.stack.cleanup();
        k = undefined;
      }
      if (!k) {
        k = await kindStack(plan.kind);
        stacks.set(plan.kind, k);
      }
      failedKinds.add(plan.kind);
      const { stack } = k;
      expect(k.steps.map((s) => s.targets.length)).toEqual(targetCounts[plan.kind]);
      for (const [i, step] of k.steps.entries()) {
        await step.prepare?.(k);
        const chosen = plan.faulted[i];
        if (!chosen) {
          const watch = await startWatch(stack);
          await run(stack, step);
          totals.commands += 1;
          await watch.assert({ exact: true });
          continue;
        }
        await faultedStep(k, step, step.targets[chosen.target] as Target, chosen.fault);
      }
      await k.finish();
      failedKinds.delete(plan.kind);
    });
  }
});

async function faultedStep(k: KindStack, step: Step, target: Target, fault: Fault): Promise<void> {
  const { stack } = k;
  const scenario = `${k.kind} ${step.op}: ${fault.name} at ${target.label}`;
  const started = Date.now();
  let commands = 0;
  const watch = await startWatch(stack);
  stack.emulator.faults.clear();
  injectAt(stack, target, fault);
  let firstFailed = 0;
  try {
    await run(stack, step);
  } catch (error) {
    firstFailed = 1;
    expectCleanFailure(String((error as Error).message));
  }
  commands += 1;
  const injected = faultsTaken(stack, fault.count ?? 1);
  stack.emulator.faults.clear();
  // The fault must have hit its request: a case whose target never came is no case.
  expect(injected, `${scenario}: the fault never hit ${target.method} ${target.path}`).toBeGreaterThan(0);
  const afterFault = await watch.check();
  // Right after the fault: nothing lost, never over two secrets, never none ACTIVE; an orphan is the rerun's to adopt.
  expect(violations({ ...afterFault, orphans: [], lostPrivateHalves: [] }), scenario).toEqual([]);

  // The rerun without faults: it succeeds and everything agrees exactly.
  const rerunStep: Step = step.command === "destroy" ? step : { ...step, command: "up" };
  const rerun = await startWatch(stack, { baseline: watch.baseline });
  await run(stack, rerunStep);
  commands += 1;
  const converged: InvariantReport = await rerun.check();
  const broken = violations(converged, { exact: true });
  if (step.command === "destroy") {
    const state = await stack.exportState();
    const left = (state.deployment.resources ?? []).filter((r: { type: string }) =>
      /:ClientSecret$|:ClientJsonWebKey$/.test(r.type),
    );
    expect(
      left.map((r: { urn: string }) => r.urn),
      scenario,
    ).toEqual([]);
  } else {
    const preview = await stack.preview(step.now ? { env: { OKTA_CREDENTIALS_NOW: step.now } } : {});
    commands += 1;
    const { create, update, replace, delete: deleted } = preview.counts;
    expect({ create, update, replace, delete: deleted }, `${scenario}: the preview after the rerun`).toEqual({
      create: 0,
      update: 0,
      replace: 0,
      delete: 0,
    });
  }
  const objectsLost = converged.missing.length + converged.lostPrivateHalves.length;
  recordFigures("faults", scenario, {
    faultsInjected: injected,
    operations: 1,
    upsRun: commands,
    firstRunFailed: firstFailed,
    orphansAfterFault: afterFault.orphans.length,
    objectsLost,
    orphans: converged.orphans.length,
    durationMs: Date.now() - started,
  });
  totals.cases += 1;
  totals.faultsInjected += injected;
  totals.firstRunsFailed += firstFailed;
  totals.objectsLost += objectsLost;
  totals.orphansLeft += converged.orphans.length;
  totals.commands += commands;
  expect(broken, `${scenario}: after the rerun:\n${broken.join("\n")}`).toEqual([]);
}
