import { isUnknown } from "../previewUnknowns";
import { sameTriggers } from "../rotationTriggers";
import { rotationChange } from "./change";
import type { CredentialInputs, CredentialKind, CredentialOutputs } from "./kind";
import type { LedgerItem, Plan } from "./ledger";
import { replacementOrder } from "./replacementOrder";

/** What `diff` decides for a resource that exists: the one place that says replace, update, or nothing. */
interface ExistingDecision<P extends Plan> {
  /** Inputs that force a replacement (Pulumi's `replaces`). */
  replaces: string[];
  /** Why, in words, where the engine's display cannot show it (it compares inputs only). */
  unseen?: string;
  /** How `heldRetired` ordered the replacement, or why it could not, for the person running Pulumi. */
  orderNote?: string;
  /** True when `status` changes in place. */
  statusChanges: boolean;
  /** The replacement's plan, when `replaces` is not empty. */
  plan?: P;
}

// biome-ignore lint/suspicious/noExplicitAny: a rule over every kind, whatever its inputs and outputs.
type AnyKind<P extends Plan> = CredentialKind<any, any, any, any, any, P>;

/**
 * What a new resource does (also one replaced by `--replace` or a taint: the engine shows the hooks no difference):
 * take over the credential its adopt input names, or add a new one.
 */
export function planForNew<P extends Plan>(
  kind: AnyKind<P>,
  urn: string,
  news: Partial<CredentialInputs>,
  source: unknown,
): P {
  const adopt: unknown = (news as Record<string, unknown>)[kind.adoptInput];
  if (typeof adopt === "string" && adopt !== "") return { kind: "adopt", urn, itemId: adopt } as P;
  return { kind: "create", urn, ...kind.newFacts(source, news.status ?? "ACTIVE") } as P;
}

/**
 * A resource that exists (its outputs `olds`), given its new inputs. Replacements: `appId`; the kind's own inputs (a
 * secret's value, a key's material, kid, use); `rotationTriggers`; the adopt input set to another existing credential,
 * which is then taken over. A replacement otherwise adds a new credential: adoption happens only when a resource is
 * created or its adopt input changes. Its order is {@link replacementOrder}'s (`found`: the app's credentials as this
 * run found them, less those other replacements of the run retire, listed only when the order needs them).
 */
export async function decideForExisting<I extends CredentialInputs, O extends CredentialOutputs, S, P extends Plan>(
  kind: CredentialKind<I, O, LedgerItem, S, unknown, P>,
  urn: string,
  olds: Partial<O>,
  news: Partial<I>,
  source: S,
  found: () => Promise<readonly LedgerItem[]>,
): Promise<ExistingDecision<P>> {
  const replaces: string[] = [];
  if (news.appId !== olds.appId) replaces.push("appId");
  const own = await kind.ownReplacements(urn, olds, news, source);
  replaces.push(...own.replaces);
  if (!sameTriggers(olds.rotationTriggers, news.rotationTriggers)) replaces.push("rotationTriggers");
  const adopt: unknown = news[kind.adoptInput];
  const heldId = olds[kind.idOutput] as string | undefined;
  // Removing the adopt input changes nothing (the credential is already ours); naming the one held neither; nor does a
  // value unknown at preview, which names no credential yet (a rotating component's target waits on its current slot).
  const adoptsAnother =
    typeof adopt === "string" && !isUnknown(adopt) && adopt !== olds[kind.adoptInput] && adopt !== heldId;
  if (adoptsAnother) replaces.push(kind.adoptInput);
  const desired = news.status ?? "ACTIVE";
  const statusChanges = isUnknown(desired) || desired !== olds.status;
  const unique = [...new Set(replaces)];
  if (unique.length === 0) return { replaces: unique, statusChanges };
  const decision: ExistingDecision<P> = { replaces: unique, statusChanges };
  if (own.unseen !== undefined) decision.unseen = own.unseen;
  const retiring = heldId ?? "";
  if (adoptsAnother) {
    const plan = { kind: "replace-adopt", urn, itemId: adopt, retiring } as P;
    plan.note = rotationChange(kind, plan, { replaces: unique }, undefined);
    return { ...decision, plan };
  }
  const { order, heldRetired } = await replacementOrder({
    heldId: retiring,
    heldStatus: olds.status,
    heldRetired: news.heldRetired,
    sameApp: !unique.includes("appId"),
    found: async () => (await found()).filter((item) => kind.authenticates(item)),
  });
  const plan = { kind: "replace", urn, order, retiring, ...kind.newFacts(source, desired) } as P;
  const forcedBy = own.because === undefined ? { replaces: unique } : { replaces: unique, because: own.because };
  plan.note = rotationChange(kind, plan, forcedBy, heldRetired);
  decision.plan = plan;
  if (heldRetired !== undefined) decision.orderNote = kind.messages.heldRetired(urn, retiring, heldRetired);
  return decision;
}
