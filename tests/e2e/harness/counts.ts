import type { OpCounts } from "./types";

export function zeroCounts(): OpCounts {
  return { create: 0, update: 0, replace: 0, delete: 0, same: 0 };
}

/** Pulumi's operation names (`resourceChanges` keys, plan steps) that {@link OpCounts} tracks. */
function isCountedOp(op: string): op is keyof OpCounts {
  return op === "create" || op === "update" || op === "replace" || op === "delete" || op === "same";
}

/**
 * Counts from one `pulumi stack history --json` entry's `resourceChanges` (what the CLI prints as "Resources:").
 * Other operations (`refresh`, `read`, `discard`...) are not tracked.
 */
export function countsFromResourceChanges(changes: Record<string, number> | undefined): OpCounts {
  const counts = zeroCounts();
  for (const [op, n] of Object.entries(changes ?? {})) {
    if (isCountedOp(op)) counts[op] += n;
  }
  return counts;
}

interface PlanFile {
  resourcePlans?: Record<string, { goal?: { type?: string }; steps?: string[] }>;
}

/**
 * Counts from the plan file `pulumi preview --save-plan` writes: one operation per resource, as the preview's
 * change summary counts them. A replacement is planned as `create-replacement`, `replace`, `delete-replaced`
 * and counts once, as a replace; provider resources are not counted (the summary leaves them out too).
 */
export function countsFromPlan(plan: PlanFile): OpCounts {
  const counts = zeroCounts();
  for (const [urn, resource] of Object.entries(plan.resourcePlans ?? {})) {
    if (urn.split("::")[2]?.startsWith("pulumi:providers:")) continue;
    const steps = resource.steps ?? [];
    const op = steps.includes("replace") ? "replace" : steps.find(isCountedOp);
    if (op) counts[op] += 1;
  }
  return counts;
}
