import type { DiffResult } from "@pulumi/pulumi/dynamic";
import { explainedError, isOktaApiError, withContext } from "../../okta/errors";
import type { OktaJsonWebKey } from "../../okta/jsonWebKeys";
import { isUnknown } from "../fullProvider";
import { tellUser } from "../hookErrors";
import { resourceKey } from "../resourceIdentity";
import { adoptedItem, wasChecked } from "../runLedger";
import { adoptionMismatch } from "./adoption";
import { type KeySource, readKeyInputs } from "./inputValidation";
import { adoptionConflict, fieldOf, keyConflict, keyLedger, label, roomProblem } from "./keyLedger";
import { decideForExisting } from "./plan";
import type { ClientJsonWebKeyInputs, ClientJsonWebKeyOutputs, KeyPlan } from "./types";

/**
 * `diff`: what changes for a resource that exists (see `decideForExisting`), recorded in this run's ledger of the app
 * when the engine plans an update (a refresh's diff only reports): the key it keeps, or the replacement it plans. A
 * replacement that adds a key is checked here, at preview, against the app's keys and every change of this run (kid,
 * key material, room for 50); a replacement of an INACTIVE key asks the engine to delete first, and so does one of an
 * ACTIVE key that `heldRetired` says is retired while the app keeps another ACTIVE signing key.
 */
export async function diffClientJsonWebKey(
  id: string,
  olds: Partial<ClientJsonWebKeyOutputs>,
  news: Partial<ClientJsonWebKeyInputs>,
): Promise<DiffResult> {
  const urn = resourceKey(news, id);
  const { source } = await readKeyInputs(news as Record<string, unknown>);
  const found = () =>
    keyLedger(olds.appId ?? "")
      .itemsStaying(urn)
      .catch((e) => {
        throw withContext(e, `listing the JSON Web Keys of app ${olds.appId} to plan a replacement`);
      });
  const decision = await decideForExisting(urn, olds, news, source, found);
  const result = {
    changes: decision.replaces.length > 0 || decision.statusChanges,
    replaces: decision.replaces,
    deleteBeforeReplace: decision.plan?.kind === "replace" && decision.plan.order === "delete-first",
  };
  // A refresh's diff only shows drift: nothing is planned, and nothing refused.
  if (!wasChecked(urn)) return result;
  const oldApp = olds.appId;
  const held = olds.keyId;
  const { plan } = decision;
  if (oldApp !== undefined && held !== undefined) {
    const adopter = keyLedger(oldApp).recordHeld(held, urn, plan !== undefined);
    if (adopter !== undefined) {
      throw explainedError(
        `adoptKeyId: ${label(adopter)} would take over JSON Web Key ${held}, which ${label(urn)} ` +
          `${plan ? "retires in this run" : "holds"}; a key is held by one resource only: remove adoptKeyId ` +
          `from ${label(adopter)}`,
      );
    }
  }
  // Said before the replacement is checked: it explains a refusal for want of room.
  if (plan && decision.orderNote !== undefined) tellUser(decision.orderNote);
  if (plan && typeof news.appId === "string" && !isUnknown(news.appId)) {
    await planReplacement(news.appId, plan, source);
  }
  return result;
}

async function planReplacement(appId: string, plan: KeyPlan, source: KeySource): Promise<void> {
  const ledger = keyLedger(appId);
  const adopting = adoptedItem(plan);
  if (adopting === undefined && source.kind === "adopted") {
    throw explainedError(
      `${label(plan.urn)} is replaced, which adds a new key, but it has neither publicKey nor generate: set ` +
        'generate: { algorithm: "RS256" } (the provider makes the new pair) or publicKey (a new public key)',
    );
  }
  let found: OktaJsonWebKey[];
  try {
    found = await ledger.itemsFound();
  } catch (e) {
    if (isOktaApiError(e) && e.status === 404) {
      throw explainedError(`appId: app ${appId} does not exist (Okta answered 404): set appId to an existing app`, e);
    }
    throw withContext(e, `listing the JSON Web Keys of app ${appId} to plan a replacement`);
  }
  if (adopting !== undefined && !isUnknown(adopting)) {
    const key = found.find((k) => k.id === adopting);
    if (!key) {
      throw explainedError(
        `adoptKeyId: app ${appId} has no JSON Web Key ${adopting}; set adoptKeyId to one of its keys (see ` +
          "listClientJsonWebKeys), or to the key the resource holds, or remove it",
      );
    }
    const conflict = adoptionConflict(ledger, adopting, plan.urn);
    if (conflict) throw explainedError(`adoptKeyId: ${conflict}`);
    const mismatch = adoptionMismatch(key, source);
    if (mismatch.length > 0) {
      throw explainedError(
        mismatch.map((f) => (f.property === "" ? f.reason : `${f.property}: ${f.reason}`)).join("\n"),
      );
    }
  } else if (adopting === undefined) {
    const conflict = keyConflict(ledger, found, plan, appId);
    if (conflict) throw explainedError(`${fieldOf(conflict.on)}: ${conflict.reason}`);
  }
  ledger.plans.set(plan.urn, plan);
  const problem = await roomProblem(appId, ledger);
  if (problem) {
    ledger.plans.delete(plan.urn);
    throw explainedError(problem);
  }
}
