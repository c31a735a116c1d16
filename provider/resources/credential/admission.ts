import type { CheckFailure } from "@pulumi/pulumi/dynamic";
import { isOktaApiError, withContext } from "../../okta/errors";
import { processOktaClient } from "../../runState";
import { isUnknown } from "../previewUnknowns";
import type { CredentialInputs, CredentialKind, Listing } from "./kind";
import { type AppLedger, adoptedItem, type LedgerItem, type Plan } from "./ledger";
import { roomProblem } from "./room";

// biome-ignore lint/suspicious/noExplicitAny: a rule over every kind, whatever its inputs and outputs.
type AnyKind<Item extends LedgerItem, P extends Plan> = CredentialKind<any, any, Item, any, any, P>;

/** A change of this run on an app that adds or takes over a credential: a new resource's, or a replacement's. */
interface Change<P extends Plan> {
  appId: string;
  plan: P;
  news: Partial<CredentialInputs>;
  source: unknown;
  /** For a replacement, the inputs that force it (a new app, a new value); undefined for a new resource. */
  replacing: string[] | undefined;
}

/**
 * Whether the app can take `change`, before anything is sent: the credential to adopt exists and no other resource of
 * this run claims it (and it is the one the inputs describe), or the new one breaks none of the app's rules and clashes
 * with nothing; then room in Okta's limit for every change of the run on this app. The plan is recorded in the
 * ledger when it is admitted, and only then. Failures name the input, like `check`'s.
 */
export async function admit<Item extends LedgerItem, P extends Plan>(
  kind: AnyKind<Item, P>,
  change: Change<P>,
): Promise<{ failures: CheckFailure[] } | { noRoom: string } | { admitted: true }> {
  const { appId, plan, news, source, replacing } = change;
  const ledger = kind.ledger(appId);
  const adopting = adoptedItem(plan);
  if (adopting === undefined) {
    const refused = await kind.rulesForNew(appId, plan.urn, news, source, replacing);
    if (refused.length > 0) return { failures: refused };
  }
  const listed = await listOrGone(kind, ledger, appId, replacing === undefined ? "check" : "plan");
  if ("gone" in listed) return { failures: [listed.gone] };
  const { found } = listed;
  if (adopting !== undefined && !isUnknown(adopting)) {
    const item = found.find((i) => i.id === adopting);
    const failure = (reason: string): CheckFailure => ({ property: kind.adoptInput, reason });
    if (!item) return { failures: [failure(kind.messages.noSuchItem(appId, adopting, replacing !== undefined))] };
    const other = ledger.claimant(adopting, plan.urn);
    if (other) return { failures: [failure(kind.messages.adoptionConflict(plan.urn, adopting, other))] };
    const mismatch = kind.adoptionMismatch(item, source);
    if (mismatch.length > 0) return { failures: mismatch };
  } else if (adopting === undefined) {
    const clashes = kind.clashes(ledger, found, plan, appId, news);
    if (clashes.length > 0) return { failures: clashes };
  }
  ledger.plans.set(plan.urn, plan);
  const problem = await roomProblem(ledger, kind.maxPerApp, (items, adding) =>
    kind.messages.noRoom(appId, ledger, items, adding),
  );
  if (problem === undefined) return { admitted: true };
  // This resource fails here; its plan must not count against the others' room.
  ledger.plans.delete(plan.urn);
  return { noRoom: problem };
}

/** True when a plan's adoption target is not known yet (at preview): nothing can be checked about it. */
export function adoptsUnknown(plan: Plan): boolean {
  const adopting = adoptedItem(plan);
  return adopting !== undefined && isUnknown(adopting);
}

/** The app's credentials as this run found them, or the failure that says the app does not exist. */
async function listOrGone<Item extends LedgerItem, P extends Plan>(
  kind: AnyKind<Item, P>,
  ledger: AppLedger<Item, P>,
  appId: string,
  why: Listing,
): Promise<{ found: Item[] } | { gone: CheckFailure }> {
  try {
    return { found: await ledger.itemsFound() };
  } catch (e) {
    if (isOktaApiError(e) && e.status === 404) {
      const org = processOktaClient().orgUrl;
      return { gone: { property: "appId", reason: `app ${appId} does not exist in ${org} (Okta answered 404)` } };
    }
    throw withContext(e, kind.messages.listing(appId, why));
  }
}
