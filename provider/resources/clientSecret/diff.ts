import type { DiffResult } from "@pulumi/pulumi/dynamic";
import { explainedError, withContext } from "../../okta/errors";
import { isUnknown } from "../fullProvider";
import { tellUser } from "../hookErrors";
import { resourceKey } from "../resourceIdentity";
import { adoptedItem, type Plan, wasChecked } from "../runLedger";
import { appRuleProblems } from "./appRules";
import { decideForExisting } from "./plan";
import { adoptionConflict, label, roomProblem, secretLedger } from "./slots";
import type { ClientSecretInputs, ClientSecretOutputs } from "./types";

/**
 * `diff`: what changes for a resource that exists (see `decideForExisting`), recorded in this run's ledger of the app
 * when the engine plans an update (a refresh's diff only reports):
 * the secret it keeps, or the replacement it plans. A replacement that adds a secret is checked here, at preview,
 * against the app's rules and the room every change of this run needs; a replacement of an INACTIVE secret asks the
 * engine to delete first, and so does one of an ACTIVE secret that `heldRetired` says is retired while the app keeps
 * another ACTIVE secret.
 */
export async function diffClientSecret(
  id: string,
  olds: Partial<ClientSecretOutputs>,
  news: Partial<ClientSecretInputs>,
): Promise<DiffResult> {
  const urn = resourceKey(news, id);
  const found = () =>
    secretLedger(olds.appId ?? "")
      .itemsStaying(urn)
      .catch((e) => {
        throw withContext(e, `listing the client secrets of app ${olds.appId} to plan a replacement`);
      });
  const decision = await decideForExisting(urn, olds, news, found);
  const result = {
    changes: decision.replaces.length > 0 || decision.statusChanges,
    replaces: decision.replaces,
    deleteBeforeReplace: decision.plan?.kind === "replace" && decision.plan.order === "delete-first",
  };
  // A refresh's diff only shows drift: nothing is planned, and nothing refused.
  if (!wasChecked(urn)) return result;
  const oldApp = olds.appId;
  const held = olds.secretId;
  const { plan } = decision;
  if (oldApp !== undefined && held !== undefined) {
    const adopter = secretLedger(oldApp).recordHeld(held, urn, plan !== undefined);
    if (adopter !== undefined) {
      throw explainedError(
        `adoptSecretId: ${label(adopter)} would take over client secret ${held}, which ${label(urn)} ` +
          `${plan ? "retires in this run" : "holds"}; a secret is held by one resource only: remove adoptSecretId ` +
          `from ${label(adopter)}`,
      );
    }
  }
  // Said before the replacement is checked: it explains a refusal for want of room.
  if (plan && decision.orderNote !== undefined) tellUser(decision.orderNote);
  if (plan && typeof news.appId === "string" && !isUnknown(news.appId)) {
    // The app's rules for secrets can only be newly broken by another app or another bring-your-own value: a
    // rotation on the same app needs no extra read (and if the app changed its method meanwhile, the POST, made
    // first, fails before anything else changes).
    const newRules = decision.replaces.includes("appId") || decision.replaces.includes("clientSecret");
    await planReplacement(news.appId, news, plan, newRules);
  }
  if (plan && decision.unseen.length > 0) tellUser(`${label(urn)} is replaced: ${decision.unseen.join("; ")}`);
  return result;
}

async function planReplacement(
  appId: string,
  news: Partial<ClientSecretInputs>,
  plan: Plan,
  newRules: boolean,
): Promise<void> {
  const ledger = secretLedger(appId);
  const adopting = adoptedItem(plan);
  if (newRules && adopting === undefined) {
    const problems = await appRuleProblems(appId, news.clientSecret);
    if (problems.length > 0) throw explainedError(problems.map((p) => `${p.property}: ${p.reason}`).join("\n"));
  }
  const found = await ledger.itemsFound().catch((e) => {
    throw withContext(e, `listing the client secrets of app ${appId} to plan a replacement`);
  });
  if (adopting !== undefined && !isUnknown(adopting)) {
    if (!found.some((s) => s.id === adopting)) {
      throw explainedError(
        `adoptSecretId: app ${appId} has no client secret ${adopting}; set adoptSecretId to one of its secrets ` +
          "(see listClientSecrets), or to the secret the resource holds, or remove it",
      );
    }
    const conflict = adoptionConflict(ledger, adopting, plan.urn);
    if (conflict) throw explainedError(`adoptSecretId: ${conflict}`);
  }
  ledger.plans.set(plan.urn, plan);
  const problem = await roomProblem(appId, ledger);
  if (problem) {
    ledger.plans.delete(plan.urn);
    throw explainedError(problem);
  }
}
