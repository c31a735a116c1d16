/** A credential of the app (a client secret, or a JSON Web Key that signs), as this run found it. */
interface FoundCredential {
  id: string;
  status: "ACTIVE" | "INACTIVE";
}

/** What a replacement of a held credential does first, and why, when the reason is not in the inputs' diff. */
export interface ReplacementOrder {
  order: "create-first" | "delete-first";
  /**
   * Why `heldRetired` decided the order, or could not: `retired`, deleted first while the app keeps `keeping` ACTIVE;
   * `only-active`, the held credential is the app's only ACTIVE one, so the new one is made first. The kind says it.
   */
  heldRetired?: { outcome: "retired"; keeping: string[] } | { outcome: "only-active" };
}

/** What {@link replacementOrder} looks at. */
interface HeldCredential {
  /** The held credential's id and status, from the resource's outputs. */
  heldId: string;
  heldStatus: string | undefined;
  /** The `heldRetired` input. */
  heldRetired: unknown;
  /** True when the replacement stays on the app that holds the credential. */
  sameApp: boolean;
  /** The app's credentials that authenticate, as this run found them; asked for only when the answer needs them. */
  found: () => Promise<readonly FoundCredential[]>;
}

/**
 * The order of a replacement: create-first or delete-first, for both credential kinds. An INACTIVE credential is
 * deleted first: nothing authenticates with it, and its slot is free for the new one. An ACTIVE one is deleted first
 * only when the caller says it is retired (`heldRetired: true`), the replacement stays on the same app (another app's
 * room is its own), and the app keeps another ACTIVE credential as this run found it: so the app is never left
 * without one. Otherwise the new credential is made first.
 */
export async function replacementOrder(held: HeldCredential): Promise<ReplacementOrder> {
  if (held.heldStatus === "INACTIVE") return { order: "delete-first" };
  if (held.heldRetired !== true || !held.sameApp) return { order: "create-first" };
  const others = (await held.found()).filter((c) => c.id !== held.heldId && c.status === "ACTIVE");
  if (others.length === 0) return { order: "create-first", heldRetired: { outcome: "only-active" } };
  return { order: "delete-first", heldRetired: { outcome: "retired", keeping: others.map((c) => c.id) } };
}
