/** A credential of the app (a client secret, or a JSON Web Key that signs), as this run found it. */
interface FoundCredential {
  id: string;
  status: "ACTIVE" | "INACTIVE";
}

/** What a replacement of a held credential does first, and why, when the reason is not in the inputs' diff. */
interface ReplacementOrder {
  order: "create-first" | "delete-first";
  /** A line for the person running Pulumi when `heldRetired` decided the order, or could not. */
  note?: string;
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
  /** `ClientSecret "api"`, and `secret` or `signing key`, for the note. */
  label: string;
  noun: string;
}

/**
 * The order of a replacement. An INACTIVE credential is deleted first: nothing authenticates with it, and its slot is
 * free for the new one. An ACTIVE one is deleted first only when the caller says it is retired (`heldRetired: true`),
 * the replacement stays on the same app (another app's room is its own), and the app keeps another ACTIVE credential
 * as this run found it: so the app is never left without one. Otherwise the new credential is made first.
 */
export async function replacementOrder(held: HeldCredential): Promise<ReplacementOrder> {
  if (held.heldStatus === "INACTIVE") return { order: "delete-first" };
  if (held.heldRetired !== true || !held.sameApp) return { order: "create-first" };
  const others = (await held.found()).filter((c) => c.id !== held.heldId && c.status === "ACTIVE");
  if (others.length === 0) {
    return {
      order: "create-first",
      note:
        `${held.label} has heldRetired, but its ${held.noun} ${held.heldId} is the app's only ACTIVE ${held.noun}: ` +
        `deleting it first would leave the app without one, so the replacement makes the new ${held.noun} first ` +
        "(which needs room for it)",
    };
  }
  return {
    order: "delete-first",
    note:
      `${held.label} is replaced delete-first: heldRetired says its ACTIVE ${held.noun} ${held.heldId} is retired, ` +
      `and the app keeps ${others.map((c) => c.id).join(" and ")} ACTIVE meanwhile`,
  };
}
