import { secretHash } from "../../okta/secretHash";
import { isUnknown } from "../fullProvider";
import { replacementOrder } from "../replacementOrder";
import { sameTriggers } from "../rotationTriggers";
import type { Plan } from "../runLedger";
import { label } from "./slots";
import type { ClientSecretInputs, ClientSecretOutputs } from "./types";

/** What `diff` decides for a resource that exists: the one place that says replace, update, or nothing. */
interface ExistingDecision {
  /** Inputs that force a replacement (Pulumi's `replaces`). */
  replaces: string[];
  /** Why, in words, where the engine's display may not show it (it compares inputs only). */
  unseen: string[];
  /** How `heldRetired` ordered the replacement, or why it could not, for the person running Pulumi. */
  orderNote?: string;
  /** True when `status` changes in place. */
  statusChanges: boolean;
  /** The replacement's plan, when `replaces` is not empty. */
  plan?: Plan;
}

/**
 * A resource that exists (its outputs `olds`), given its new inputs. Replacements: `appId`; `clientSecret` (a
 * bring-your-own value whose hash differs from Okta's `secret_hash` of the secret held, as of the last up or refresh);
 * `rotationTriggers`; `adoptSecretId` set to another existing secret, which is then taken over. A replacement
 * otherwise creates a new secret: adoption happens only when a resource is created or `adoptSecretId` changes.
 * A replacement of an INACTIVE secret deletes it first, so it needs no free slot; so does one of an ACTIVE secret
 * that `heldRetired` says is retired, on the same app, while the app keeps another ACTIVE secret (`found`: the app's
 * secrets as this run found them, listed only then). Others create first.
 */
export async function decideForExisting(
  urn: string,
  olds: Partial<ClientSecretOutputs>,
  news: Partial<ClientSecretInputs>,
  found: () => Promise<readonly { id: string; status: "ACTIVE" | "INACTIVE" }[]>,
): Promise<ExistingDecision> {
  const replaces: string[] = [];
  const unseen: string[] = [];
  if (news.appId !== olds.appId) replaces.push("appId");
  if (news.clientSecret !== undefined) {
    const held = olds.secretHash ?? (olds.clientSecret === undefined ? undefined : secretHash(olds.clientSecret));
    if (isUnknown(news.clientSecret)) replaces.push("clientSecret");
    else if (secretHash(news.clientSecret) !== held) {
      replaces.push("clientSecret");
      // The engine compares inputs, and a value changed outside Pulumi leaves them equal: say it in words.
      unseen.push(
        `the program's clientSecret is not the value Okta holds for ${olds.secretId} (changed in the program, ` +
          "or outside Pulumi, as a refresh shows)",
      );
    }
  }
  if (!sameTriggers(olds.rotationTriggers, news.rotationTriggers)) replaces.push("rotationTriggers");
  const adopt = news.adoptSecretId;
  // Removing adoptSecretId changes nothing (the secret is already ours); naming the secret held neither.
  const adoptsAnother = adopt !== undefined && adopt !== olds.adoptSecretId && adopt !== olds.secretId;
  if (adoptsAnother) replaces.push("adoptSecretId");
  const desired = news.status ?? "ACTIVE";
  const statusChanges = isUnknown(desired) || desired !== olds.status;
  if (replaces.length === 0) return { replaces, unseen, statusChanges };
  const retiring = olds.secretId ?? "";
  if (adoptsAnother)
    return { replaces, unseen, statusChanges, plan: { kind: "replace-adopt", urn, itemId: adopt, retiring } };
  const { order, note } = await replacementOrder({
    heldId: retiring,
    heldStatus: olds.status,
    heldRetired: news.heldRetired,
    sameApp: !replaces.includes("appId"),
    found,
    label: label(urn),
    noun: "secret",
  });
  const decision: ExistingDecision = {
    replaces,
    unseen,
    statusChanges,
    plan: { kind: "replace", urn, order, retiring },
  };
  if (note !== undefined) decision.orderNote = note;
  return decision;
}

/** What a new resource does (also one replaced by `--replace` or a taint: the engine shows the hooks no difference). */
export function decideForNew(urn: string, news: Partial<ClientSecretInputs>): Plan {
  const adopt = news.adoptSecretId;
  return typeof adopt === "string" && adopt !== "" ? { kind: "adopt", urn, itemId: adopt } : { kind: "create", urn };
}
