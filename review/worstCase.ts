import type { Counts } from "./appPlan";

/** One resource's writes of the first phase on one app: how each moves the counts, and what it waits for. */
interface Walk {
  urn: string;
  firstPhase: Counts[];
  /** The resources it waits for (URNs), directly or not. */
  after: Set<string>;
}

/**
 * The fewest ACTIVE and the most held over every moment of the run. The first phase's states are each a set of
 * resources done (closed under their dependencies) with any others whose dependencies are done part-way through their
 * own writes; the deletes of the second phase only lower both counts, down to `after`. Exact for up to 16 resources
 * with writes on one app; beyond that, dependencies are ignored, which can only make the bounds worse.
 */
export function worstCase(
  walks: readonly Walk[],
  before: Counts,
  after: Counts,
): { fewestActive: number; mostHeld: number } {
  const first = walks.map((n) => {
    const deltas = n.firstPhase;
    let a = 0;
    let t = 0;
    let lowA = 0;
    let highT = 0;
    for (const d of deltas) {
      a += d.active;
      t += d.total;
      lowA = Math.min(lowA, a);
      highT = Math.max(highT, t);
    }
    return { net: { active: a, total: t }, lowA, highT, after: n.after, urn: n.urn };
  });
  const index = new Map(first.map((n, i) => [n.urn, i]));
  const preds = first.map((n) => [...n.after].flatMap((u) => (index.has(u) ? [index.get(u) as number] : [])));
  let fewest = Math.min(before.active, after.active);
  let most = Math.max(before.total, after.total);
  const consider = (done: (i: number) => boolean, available: number[]) => {
    let a = before.active;
    let t = before.total;
    first.forEach((n, i) => {
      if (!done(i)) return;
      a += n.net.active;
      t += n.net.total;
    });
    const low = available.reduce((sum, i) => sum + (first[i]?.lowA ?? 0), 0);
    const high = available.reduce((sum, i) => sum + (first[i]?.highT ?? 0), 0);
    fewest = Math.min(fewest, a + low);
    most = Math.max(most, t + high);
  };
  if (first.length > 16) {
    // Every resource in progress at once, each at its lowest (highest): no order can do worse.
    consider(
      () => false,
      first.map((_, i) => i),
    );
    return { fewestActive: fewest, mostHeld: most };
  }
  const seen = new Set<number>();
  const walk = (mask: number) => {
    if (seen.has(mask)) return;
    seen.add(mask);
    const done = (i: number) => (mask & (1 << i)) !== 0;
    const available = first.flatMap((_, i) => (!done(i) && (preds[i] ?? []).every(done) ? [i] : []));
    consider(done, available);
    for (const i of available) walk(mask | (1 << i));
  };
  walk(0);
  return { fewestActive: fewest, mostHeld: most };
}
