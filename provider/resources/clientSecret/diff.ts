import type { DiffResult } from "@pulumi/pulumi/dynamic";
import { explainedError, withContext } from "../../okta/errors";
import { processOktaClient } from "../../okta/processClient";
import { secretHash } from "../../okta/secretHash";
import { isUnknown } from "../fullProvider";
import { adoptionHonoured, rememberAdoption } from "./adoptions";
import { rememberPlannedReplacement } from "./replacements";
import { sameTriggers } from "./rotationTriggers";
import { rememberManaged, slotProblem } from "./slots";
import type { ClientSecretInputs, ClientSecretOutputs } from "./types";

/**
 * `diff`: replace on appId, clientSecret (or a `secret_hash` drifted outside Pulumi), rotationTriggers and a new
 * adoptSecretId; update in place on status; nothing else. Replacement is create-before-delete, so when the plan
 * will create a new secret it fails here, at preview, if the app has no free slot.
 */
export async function diffClientSecret(
  _id: string,
  olds: Partial<ClientSecretOutputs>,
  news: Partial<ClientSecretInputs>,
): Promise<DiffResult> {
  rememberManaged(olds.secretId);
  if (news.adoptSecretId !== undefined && news.adoptSecretId === olds.adoptSecretId) {
    rememberAdoption(olds.appId, olds.adoptSecretId);
  }
  const replaces: string[] = [];
  if (news.appId !== olds.appId) replaces.push("appId");
  if (news.clientSecret !== undefined) {
    if (isUnknown(news.clientSecret) || !matchesSecret(news.clientSecret, olds)) replaces.push("clientSecret");
  } else if (olds.clientSecret !== undefined && olds.secretHash !== undefined) {
    // A generated secret whose live hash (from refresh) no longer matches the value we hold: it was changed
    // outside Pulumi, so the value in state is stale.
    if (secretHash(olds.clientSecret) !== olds.secretHash) replaces.push("secretHash");
  }
  if (!sameTriggers(olds.rotationTriggers, news.rotationTriggers)) replaces.push("rotationTriggers");
  const adopt = news.adoptSecretId;
  // Removing adoptSecretId changes nothing (the secret is already ours); naming the secret we already hold neither.
  if (adopt !== undefined && adopt !== olds.adoptSecretId && adopt !== olds.secretId) replaces.push("adoptSecretId");

  if (replaces.length > 0 && adopt !== undefined && adopt === olds.secretId && !adoptionHonoured(news.appId, adopt)) {
    // The replacement would adopt the very secret the old resource holds, and then delete it with the old resource.
    throw explainedError(
      `adoptSecretId names ${adopt}, the secret this resource already holds, while ${replaces.join(", ")} forces a ` +
        "replacement that would have to adopt it again: remove adoptSecretId (or leave it unchanged) to rotate",
    );
  }
  const desired = news.status ?? "ACTIVE";
  const statusChanges = isUnknown(desired) || desired !== olds.status;
  if (replaces.length > 0 && createsSecret(news, replaces)) {
    await assertFreeSlot(news.appId, olds.appId === news.appId ? olds.secretId : undefined);
  }
  if (replaces.length > 0) rememberPlannedReplacement(news);
  return { changes: replaces.length > 0 || statusChanges, replaces, deleteBeforeReplace: false };
}

function matchesSecret(value: string, olds: Partial<ClientSecretOutputs>): boolean {
  if (olds.secretHash !== undefined) return secretHash(value) === olds.secretHash;
  return value === olds.clientSecret;
}

/** True when the replacement will POST a secret (rather than adopt an existing one). */
function createsSecret(news: Partial<ClientSecretInputs>, replaces: string[]): boolean {
  return !(
    replaces.includes("adoptSecretId") ||
    (news.adoptSecretId !== undefined && !adoptionHonoured(news.appId, news.adoptSecretId))
  );
}

async function assertFreeSlot(appId: string | undefined, replacing: string | undefined): Promise<void> {
  if (appId === undefined || isUnknown(appId)) return;
  const secrets = await processOktaClient()
    .listClientSecrets(appId)
    .catch((e) => {
      throw withContext(e, `listing the client secrets of app ${appId} to plan a replacement`);
    });
  const problem = slotProblem(appId, secrets, replacing);
  if (problem) throw explainedError(problem);
}
