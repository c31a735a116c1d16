import { isUnknown } from "../previewUnknowns";
import type { CredentialKind } from "./kind";
import type { Plan } from "./ledger";
import type { ReplacementOrder } from "./replacementOrder";

/**
 * How a credential changes in a run, as the reviewer of a pull request reads it: the `change` input that `check`
 * returns, which `pulumi preview --diff` prints in the resource's block on stdout (the engine shows the inputs a
 * replacement's second `check` returns; the provider's diagnostics go to stderr, which a pull-request comment does not
 * carry). Every value is an id or a sentence, never a credential.
 */
export interface ChangeNote {
  /** `create` a new credential, `adopt` an existing one, `rotate` (a replacement), or `update` its status in place. */
  action: "create" | "adopt" | "rotate" | "update";
  /** A rotation's order: the new credential first, or the old one deleted first. */
  order?: "create-first" | "delete-first";
  /** The credential a rotation deactivates and deletes. */
  retires?: string;
  /** The credential taken over. */
  adopts?: string;
  /** What forces a rotation: the inputs that changed, or why the engine's view cannot show it. */
  because?: string;
  /** What happens, and why in this order, in the kind's words. */
  why: string;
}

// biome-ignore lint/suspicious/noExplicitAny: a note of any kind, whatever its inputs and outputs.
type AnyKind = CredentialKind<any, any, any, any, any, Plan>;

/** The note of a status change in place, from the old inputs' status to the new's; undefined when it stays. */
export function statusChange(kind: AnyKind, from: unknown, to: unknown): ChangeNote | undefined {
  const before = typeof from === "string" ? from : "ACTIVE";
  const after = typeof to === "string" ? to : "ACTIVE";
  if (before === after || isUnknown(after)) return undefined;
  return { action: "update", why: kind.messages.statusNote(before, after) };
}

/** The note of a new resource's plan: a new credential, or one taken over. */
export function newChange(kind: AnyKind, plan: Plan): ChangeNote {
  if (plan.kind === "adopt")
    return { action: "adopt", adopts: plan.itemId, why: kind.messages.adoptsNote(plan.itemId) };
  return { action: "create", why: kind.messages.createsNote() };
}

/**
 * The note of a replacement's plan, with what forces it (`because`: the kind's words when the inputs cannot show it)
 * and how its order was decided. Each value fits one line of the engine's display (150 characters, ids included).
 */
export function rotationChange(
  kind: AnyKind,
  plan: Plan,
  forcedBy: { replaces: string[]; because?: string },
  heldRetired: ReplacementOrder["heldRetired"],
): ChangeNote {
  const because = forcedBy.because ?? `${forcedBy.replaces.join(", ")} changed`;
  if (plan.kind === "replace-adopt") {
    const why = kind.messages.adoptsInsteadNote(plan.itemId, plan.retiring);
    return { action: "rotate", adopts: plan.itemId, retires: plan.retiring, because, why };
  }
  if (plan.kind !== "replace") return newChange(kind, plan);
  const why =
    heldRetired !== undefined
      ? kind.messages.heldRetiredNote(plan.retiring, heldRetired)
      : plan.order === "delete-first"
        ? kind.messages.deletesFirstNote(plan.retiring)
        : kind.messages.createsFirstNote(plan.retiring);
  return { action: "rotate", order: plan.order, retires: plan.retiring, because, why };
}
