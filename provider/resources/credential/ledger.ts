// What one engine run plans and does to the credentials of one app, of one kind: the app's list as the run first found
// it (one list request per app and run), the run's writes applied to it, the change each resource plans (by its URN),
// which items a resource of the run keeps, and which ones a replacement of the run retires. The run state keeps one
// ledger per app and kind (`ledgerOf`), for one engine run by construction.
import { onePerRun } from "../../runState";
import type { ChangeNote } from "./change";

/** An item of an app's credential list (a client secret or a JSON Web Key), as Okta lists it. */
export interface LedgerItem {
  id: string;
  status: "ACTIVE" | "INACTIVE";
}

/** How a resource's change of this run uses the app's credential list. */
export type Plan =
  /** A new resource (or one replaced by `--replace`/a taint, which the engine does not tell apart): one more item. */
  (
    | { kind: "create"; urn: string }
    /** A new resource taking over an existing item: no new item. */
    | { kind: "adopt"; urn: string; itemId: string }
    /** A replacement: the new item is made first (one more item until `retiring` is deleted), or after it. */
    | { kind: "replace"; urn: string; order: "create-first" | "delete-first"; retiring: string }
    /** A replacement that takes over another existing item, then retires the old one. */
    | { kind: "replace-adopt"; urn: string; itemId: string; retiring: string }
  ) & {
    /** The change as a reviewer reads it (the `change` input the replacement's second `check` returns). */
    note?: ChangeNote;
  };

/** True when the plan adds an item to the app while the old ones are still there. */
export function needsRoom(plan: Plan): boolean {
  return plan.kind === "create" || (plan.kind === "replace" && plan.order === "create-first");
}

/** The item a plan takes over, if any. */
export function adoptedItem(plan: Plan): string | undefined {
  return plan.kind === "adopt" || plan.kind === "replace-adopt" ? plan.itemId : undefined;
}

/**
 * One app's credentials of one kind, for one run. `P` lets a kind record more about each plan (a JSON Web Key's
 * `kid`, for example); the ledger itself reads only the {@link Plan} fields.
 */
export class AppLedger<Item extends LedgerItem, P extends Plan = Plan> {
  private found: Promise<Item[]> | undefined;
  /** The items as found, with this run's writes applied; set by the first list. */
  private current: Item[] | undefined;
  /** The change each resource of this run plans, by its URN. */
  readonly plans = new Map<string, P>();
  /** Items that a resource of this run holds and keeps after the run: item id → that resource's URN. */
  readonly holders = new Map<string, string>();
  /** Items that a replacement of this run retires: item id → the URN of the resource being replaced. */
  readonly retiring = new Map<string, string>();

  constructor(private readonly list: () => Promise<Item[]>) {}

  /** The app's items as this run first found them (one list request per app and run); never changed by our writes. */
  async itemsFound(): Promise<Item[]> {
    if (!this.found) {
      const pending = this.list().then((items) => {
        this.current ??= [...items];
        return items;
      });
      this.found = pending;
      pending.catch(() => {
        // A failed list is not remembered: the next hook asks Okta again.
        if (this.found === pending) this.found = undefined;
      });
    }
    return this.found;
  }

  /** The app's items now: as found, with every write of this run applied. */
  async itemsNow(): Promise<Item[]> {
    await this.itemsFound();
    return this.current ?? [];
  }

  /**
   * The items as found, less those another resource of this run replaces (each goes during the run): what the app can
   * count on keeping while `urn`'s replacement runs. Order-independent in effect: of two resources each counting on
   * the other's credential, the second sees the first's retiring and does not.
   */
  async itemsStaying(urn: string): Promise<Item[]> {
    return (await this.itemsFound()).filter((item) => {
      const by = this.retiring.get(item.id);
      return by === undefined || by === urn;
    });
  }

  /** The app's items now, if this run has listed them already (no request); undefined otherwise. */
  itemsIfKnown(): Item[] | undefined {
    return this.current;
  }

  /** Records a write this run made (the item as Okta answered, or its removal); a later first list sees it anyway. */
  applied(item: Item | { removed: string }): void {
    const now = this.current;
    if (!now) return;
    const id = "removed" in item ? item.removed : item.id;
    const at = now.findIndex((i) => i.id === id);
    if ("removed" in item) {
      if (at >= 0) now.splice(at, 1);
    } else if (at >= 0) now[at] = item;
    else now.push(item);
  }

  /** Plans of this run that need room for one more item, the given resource's included. */
  plansNeedingRoom(): P[] {
    return [...this.plans.values()].filter(needsRoom);
  }

  /**
   * Records the item an existing resource holds: it keeps it after the run, or retires it in this run (a replacement).
   * Gives the other resource of this run that must not have it too: one that takes it over (`adoptSecretId`,
   * `adoptKeyId`), or another existing resource that keeps it as well (state that holds one credential twice, e.g.
   * imported twice), whose delete would take it from this one.
   */
  recordHeld(itemId: string, urn: string, retires: boolean): { urn: string; role: "holds" | "adopts" } | undefined {
    const keeper = this.holders.get(itemId);
    (retires ? this.retiring : this.holders).set(itemId, urn);
    if (!retires && keeper !== undefined && keeper !== urn) return { urn: keeper, role: "holds" };
    const other = this.claimant(itemId, urn);
    return other?.role === "adopts" ? { urn: other.urn, role: "adopts" } : undefined;
  }

  /** The other resource of this run that holds, retires or takes over `itemId`, if any. */
  claimant(itemId: string, urn: string): { urn: string; role: "holds" | "retires" | "adopts" } | undefined {
    const holder = this.holders.get(itemId);
    if (holder !== undefined && holder !== urn) return { urn: holder, role: "holds" };
    const retiring = this.retiring.get(itemId);
    if (retiring !== undefined && retiring !== urn) return { urn: retiring, role: "retires" };
    for (const plan of this.plans.values()) {
      if (plan.urn !== urn && adoptedItem(plan) === itemId) return { urn: plan.urn, role: "adopts" };
    }
    return undefined;
  }
}

/** This run's ledger of `appId`'s credentials of one kind (`secrets`, `jwks`), listed by `list` the first time. */
export function ledgerOf<Item extends LedgerItem, P extends Plan = Plan>(
  kind: string,
  appId: string,
  list: () => Promise<Item[]>,
): AppLedger<Item, P> {
  return onePerRun(`ledger/${kind}/${appId}`, () => new AppLedger<Item, P>(list));
}
