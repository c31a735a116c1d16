import type { AppLedger, LedgerItem, Plan } from "./ledger";
import { needsRoom } from "./ledger";

/**
 * True when the app's `held` credentials and the plans of a run fit in Okta's `max`: every change that adds a
 * credential while the old ones still exist is counted together (new resources, resources replaced by `--replace` or a
 * taint, create-first replacements), against what the app held when the run first looked.
 */
export function fitsOnApp(held: number, plans: readonly Plan[], max: number): boolean {
  return held + plans.filter(needsRoom).length <= max;
}

/**
 * Why the changes this run plans on the app cannot fit in Okta's limit, in the kind's words (`explain`), or undefined
 * when they fit. Asked for each change as it is planned, so whichever resource's hook comes last reports it.
 */
export async function roomProblem<Item extends LedgerItem, P extends Plan>(
  ledger: AppLedger<Item, P>,
  max: number,
  explain: (found: Item[], adding: P[]) => string,
): Promise<string | undefined> {
  const found = await ledger.itemsFound();
  const plans = [...ledger.plans.values()];
  return fitsOnApp(found.length, plans, max) ? undefined : explain(found, ledger.plansNeedingRoom());
}
