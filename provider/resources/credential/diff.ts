import type { DiffResult } from "@pulumi/pulumi/dynamic";
import { explainedError, withContext } from "../../okta/errors";
import { wasChecked } from "../../runState";
import { tellUser } from "../hookErrors";
import { isUnknown } from "../previewUnknowns";
import { resourceKey } from "../resourceIdentity";
import { admit } from "./admission";
import type { AnyCredentialKind } from "./identity";
import type { CredentialInputs, CredentialOutputs } from "./kind";
import { decideForExisting } from "./plan";

/**
 * `diff`: what changes for a resource that exists ({@link decideForExisting}), recorded in this run's ledger of the app
 * when the engine plans an update (a refresh's diff only reports): the credential it keeps, or the replacement it
 * plans. A replacement that adds a credential is checked here, at preview ({@link admit}): the app's rules, clashes,
 * and the room every change of this run needs; a delete-first replacement asks the engine to delete first.
 */
export async function diffCredential(
  kind: AnyCredentialKind,
  id: string,
  olds: Partial<CredentialOutputs>,
  news: Partial<CredentialInputs>,
): Promise<DiffResult> {
  const urn = resourceKey(news, id);
  const { source } = await kind.readInputs(news as Record<string, unknown>);
  const found = () =>
    kind
      .ledger(olds.appId ?? "")
      .itemsStaying(urn)
      .catch((e) => {
        throw withContext(e, kind.messages.listing(olds.appId, "plan"));
      });
  const decision = await decideForExisting(kind, urn, olds, news, source, found);
  const { plan } = decision;
  const result = {
    changes: decision.replaces.length > 0 || decision.statusChanges,
    replaces: decision.replaces,
    deleteBeforeReplace: plan?.kind === "replace" && plan.order === "delete-first",
  };
  // A refresh's diff only shows drift: nothing is planned, and nothing refused.
  if (!wasChecked(urn)) return result;
  const held = (olds as Record<string, unknown>)[kind.idOutput];
  if (olds.appId !== undefined && typeof held === "string") {
    const other = kind.ledger(olds.appId).recordHeld(held, urn, plan !== undefined);
    if (other?.role === "adopts") {
      throw explainedError(kind.messages.heldTakenOver(other.urn, held, urn, plan !== undefined));
    }
    if (other?.role === "holds") throw explainedError(kind.messages.heldTwice(other.urn, held, urn));
  }
  // Said before the replacement is checked: it explains a refusal for want of room.
  if (plan && decision.orderNote !== undefined) tellUser(decision.orderNote, urn);
  if (plan && typeof news.appId === "string" && !isUnknown(news.appId)) {
    const change = { appId: news.appId, plan, news, source, replacing: decision.replaces };
    const admitted = await admit(kind, change);
    if ("failures" in admitted) {
      const lines = admitted.failures.map((f) => (f.property === "" ? f.reason : `${f.property}: ${f.reason}`));
      throw explainedError(lines.join("\n"));
    }
    if ("noRoom" in admitted) throw explainedError(admitted.noRoom);
  }
  if (plan && decision.unseen !== undefined) tellUser(decision.unseen, urn);
  return result;
}
