import type { CredentialChange } from "./changes";
import type { CredentialKind } from "./kinds";
import type { PreviewDigest } from "./previewJson";
import { worstCase } from "./worstCase";

/** One request the run makes to Okta (or, for `verify`, to the org's token endpoint), or an adoption (none). */
export interface Write {
  action: "create" | "adopt" | "activate" | "deactivate" | "delete" | "verify";
  change: CredentialChange | undefined;
  /** The credential's Okta id, when known at preview. */
  id: string | undefined;
  /** The status a created credential gets. */
  status?: string | undefined;
  /** 1: with the resource's own step; 2: after every create and update of the run (the engine's deletes). */
  phase: 1 | 2;
}

/** The counts of one app's credentials of one kind. */
export interface Counts {
  active: number;
  total: number;
}

/** What one run does to one app's credentials of one kind. */
export interface AppPlan {
  appId: string | undefined;
  kind: CredentialKind;
  changes: CredentialChange[];
  writes: Write[];
  before: Counts;
  after: Counts;
  /** The fewest ACTIVE and the most held at any moment of the run, whatever order the engine takes. */
  fewestActive: number;
  mostHeld: number;
  /** True when writes of resources that do not depend on each other may run in either order (or at once). */
  unordered: boolean;
}

/** A resource's writes in its own order, split by phase, and how each moves the app's counts. */
interface Node {
  change: CredentialChange | undefined;
  urn: string;
  writes: Write[];
  deltas: Counts[];
  after: Set<string>;
}

/** The verifications of rotating components: a step with no count of its own that orders the slots around it. */
export interface VerificationStep {
  urn: string;
  appId: string | undefined;
  secretOrKeyId: string | undefined;
  component: string | undefined;
  kind: CredentialKind;
}

/**
 * Groups the changes by app and kind, and works out the writes, the counts before and after, and the extremes in
 * between. The engine runs a resource's writes in order, a resource after those it depends on, the others possibly at
 * once, and every delete of a replaced or removed resource after all creates and updates; the extremes are the worst
 * over every order this allows. Counts are of the credentials this stack holds (and adopts): the app may hold others.
 */
export function appPlans(
  digest: PreviewDigest,
  changes: CredentialChange[],
  verifications: VerificationStep[],
): AppPlan[] {
  const dependsOn = dependencyClosure(digest);
  const plans = new Map<string, AppPlan & { nodes: Node[] }>();
  const planOf = (appId: string | undefined, kind: CredentialKind) => {
    const key = `${kind.name}\u0000${appId ?? ""}`;
    let plan = plans.get(key);
    if (!plan) {
      plan = {
        appId,
        kind,
        changes: [],
        writes: [],
        before: { active: 0, total: 0 },
        after: { active: 0, total: 0 },
        fewestActive: 0,
        mostHeld: 0,
        unordered: false,
        nodes: [],
      };
      plans.set(key, plan);
    }
    return plan;
  };
  const heldIds = new Set(changes.flatMap((c) => (c.held?.id ? [c.held.id] : [])));
  for (const change of changes) {
    for (const [appId, side] of sidesOf(change)) {
      const plan = planOf(appId, change.kind);
      if (!plan.changes.includes(change)) plan.changes.push(change);
      count(plan, change, side, heldIds);
      const node = nodeOf(change, side, dependsOn.get(change.urn) ?? new Set());
      if (node.writes.length > 0) plan.nodes.push(node);
    }
  }
  for (const v of verifications) {
    const plan = [...plans.values()].find((p) => p.appId === v.appId && p.kind === v.kind);
    plan?.nodes.push({
      change: undefined,
      urn: v.urn,
      writes: [{ action: "verify", change: undefined, id: v.secretOrKeyId, phase: 1 }],
      deltas: [{ active: 0, total: 0 }],
      after: dependsOn.get(v.urn) ?? new Set(),
    });
  }
  return [...plans.values()].map(({ nodes, ...plan }) => {
    const ordered = orderNodes(nodes);
    const walks = ordered.map((n) => ({
      urn: n.urn,
      after: n.after,
      firstPhase: n.deltas.filter((_, i) => n.writes[i]?.phase === 1),
    }));
    const extremes = worstCase(walks, plan.before, plan.after);
    const firstPhase = ordered.filter((n) => n.writes.some((w) => w.phase === 1));
    return {
      ...plan,
      writes: [1, 2].flatMap((phase) => ordered.flatMap((n) => n.writes.filter((w) => w.phase === phase))),
      ...extremes,
      unordered: firstPhase.some((a, i) =>
        firstPhase.slice(i + 1).some((b) => !a.after.has(b.urn) && !b.after.has(a.urn)),
      ),
    };
  });
}

/** The app(s) a change touches: a move leaves one app and arrives at another. */
function sidesOf(change: CredentialChange): [string | undefined, "old" | "new" | "both"][] {
  if (change.change === "move") {
    return [
      [change.oldAppId, "old"],
      [change.appId, "new"],
    ];
  }
  return [[change.appId ?? change.oldAppId, "both"]];
}

function count(plan: AppPlan, change: CredentialChange, side: string, held: Set<string>) {
  const add = (counts: Counts, status: string | undefined) => {
    counts.total += 1;
    if (status === "ACTIVE") counts.active += 1;
  };
  const existedBefore = change.held !== undefined && side !== "new";
  if (existedBefore) add(plan.before, change.held?.status);
  // An adopted credential existed before the run; counted once, unless another resource of the stack held it.
  const adopts = change.change === "adopt" || change.change === "take-over";
  if (adopts && !(change.next?.id && held.has(change.next.id))) add(plan.before, change.next?.status);
  const remains = change.change !== "delete" && side !== "old";
  if (remains) add(plan.after, change.next?.status ?? change.held?.status);
}

/** The writes of one change on one side, in the order the engine makes them, and the counts' move at each. */
function nodeOf(change: CredentialChange, side: "old" | "new" | "both", after: Set<string>): Node {
  const writes: Write[] = [];
  const deltas: Counts[] = [];
  const oldId = change.held?.id;
  const oldActive = change.held?.status === "ACTIVE";
  const newStatus = change.next?.status;
  const push = (write: Omit<Write, "change">, delta: Counts) => {
    writes.push({ ...write, change });
    deltas.push(delta);
  };
  const retire = (phase: 1 | 2) => {
    if (oldActive) push({ action: "deactivate", id: oldId, phase }, { active: -1, total: 0 });
    push({ action: "delete", id: oldId, phase }, { active: 0, total: -1 });
  };
  const make = () =>
    push(
      { action: "create", id: undefined, status: newStatus, phase: 1 },
      {
        active: newStatus === "ACTIVE" ? 1 : 0,
        total: 1,
      },
    );
  switch (change.change) {
    case "create":
      make();
      break;
    case "adopt":
      push({ action: "adopt", id: change.next?.id, phase: 1 }, { active: 0, total: 0 });
      break;
    case "rotate":
    case "move":
      if (change.order === "delete-first") {
        if (side !== "new") retire(1);
        if (side !== "old") make();
      } else {
        if (side !== "old") make();
        if (side !== "new") retire(2);
      }
      break;
    case "take-over":
      push({ action: "adopt", id: change.next?.id, phase: 1 }, { active: 0, total: 0 });
      retire(change.order === "delete-first" ? 1 : 2);
      break;
    case "deactivate":
      push({ action: "deactivate", id: oldId, phase: 1 }, { active: -1, total: 0 });
      break;
    case "reactivate":
      push({ action: "activate", id: oldId, phase: 1 }, { active: 1, total: 0 });
      break;
    case "delete":
      retire(2);
      break;
    case "update":
    case "unchanged":
      break;
  }
  return { change, urn: change.urn, writes, deltas, after };
}

/** Every resource each resource waits for, directly or through others (`dependencies` of the new states). */
function dependencyClosure(digest: PreviewDigest): Map<string, Set<string>> {
  const direct = new Map<string, string[]>();
  for (const step of digest.steps) {
    const deps = step.newState?.dependencies ?? [];
    direct.set(step.urn, [...(direct.get(step.urn) ?? []), ...deps]);
  }
  const closure = new Map<string, Set<string>>();
  const visit = (urn: string, seen: Set<string>): Set<string> => {
    const done = closure.get(urn);
    if (done) return done;
    const all = new Set<string>();
    for (const dep of direct.get(urn) ?? []) {
      if (seen.has(dep)) continue;
      all.add(dep);
      for (const d of visit(dep, new Set([...seen, urn]))) all.add(d);
    }
    closure.set(urn, all);
    return all;
  };
  for (const urn of direct.keys()) visit(urn, new Set());
  return closure;
}

/** The nodes in an order the engine may take: dependencies first, otherwise by URN. */
function orderNodes(nodes: Node[]): Node[] {
  const left = [...nodes];
  const out: Node[] = [];
  while (left.length > 0) {
    const index = left.findIndex((n) => !left.some((m) => m !== n && n.after.has(m.urn)));
    const [next] = left.splice(index === -1 ? 0 : index, 1);
    if (next) out.push(next);
  }
  return out;
}
