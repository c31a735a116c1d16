import type { OktaJsonWebKey } from "../../okta/jsonWebKeys";
import { claimOf } from "../credential/identity";
import type { CredentialMessages } from "../credential/kind";
import type { AppLedger } from "../credential/ledger";
import { resourceLabel } from "../resourceIdentity";
import { type KeyPlan, maxKeysPerApp } from "./types";

/** `ClientJsonWebKey "api"`, for messages. */
export function keyLabel(urn: string): string {
  return resourceLabel(urn, "ClientJsonWebKey");
}

/** Every message the credential hooks say of a JSON Web Key, as the user reads it. */
export const clientJsonWebKeyMessages: CredentialMessages<OktaJsonWebKey, KeyPlan> & {
  noNewKey(urn: string): string;
} = {
  label: keyLabel,
  invalidInputs: (reasons) => `creating a JSON Web Key: ${reasons}`,
  listing: (appId, why) =>
    ({
      check: `listing the JSON Web Keys of app ${appId}`,
      plan: `listing the JSON Web Keys of app ${appId} to plan a replacement`,
      add: `listing the JSON Web Keys of app ${appId} before adding one`,
      read: `reading the JSON Web Keys of app ${appId}`,
    })[why],
  noSuchItem: (appId, keyId, replacing) =>
    replacing
      ? `app ${appId} has no JSON Web Key ${keyId}; set adoptKeyId to one of its keys (see ` +
        "listClientJsonWebKeys), or to the key the resource holds, or remove it"
      : `app ${appId} has no JSON Web Key ${keyId}; set adoptKeyId to one of its keys (see ` +
        "listClientJsonWebKeys), or remove adoptKeyId to add a new key",
  adoptionConflict: (urn, keyId, other) => {
    return (
      `${keyLabel(urn)} would take over JSON Web Key ${keyId}, but ${keyLabel(other.urn)} ${claimOf(other.role, "adoptKeyId")}; a key is held by ` +
      "one resource only: remove adoptKeyId from one of them"
    );
  },
  heldTakenOver: (adopter, keyId, urn, retires) =>
    `adoptKeyId: ${keyLabel(adopter)} would take over JSON Web Key ${keyId}, which ${keyLabel(urn)} ` +
    `${retires ? "retires in this run" : "holds"}; a key is held by one resource only: remove adoptKeyId ` +
    `from ${keyLabel(adopter)}`,
  heldTwice: (other, keyId, urn) =>
    `${keyLabel(urn)} and ${keyLabel(other)} both hold JSON Web Key ${keyId} in the stack's state; a key is held by ` +
    "one resource only (a status change or a rotation of either acts on the other's): keep one: " +
    `\`pulumi state delete '${other}'\` (Okta unchanged), then remove ${keyLabel(other)} from the program`,
  heldRetired: (urn, keyId, outcome) =>
    outcome.outcome === "only-active"
      ? `${keyLabel(urn)} has heldRetired, but its signing key ${keyId} is the app's only ACTIVE signing key: ` +
        "deleting it first would leave the app without one, so the replacement makes the new signing key first " +
        "(which needs room for it)"
      : `${keyLabel(urn)} is replaced delete-first: heldRetired says its ACTIVE signing key ${keyId} is retired, and ` +
        `the app keeps ${outcome.keeping.join(" and ")} ACTIVE meanwhile`,
  noRoom,
  fullNow: (appId, before) =>
    `adding a JSON Web Key to app ${appId}: the app holds ${before.length} keys now, Okta's maximum, more than this ` +
    "run planned for: a key was added outside this run meanwhile, or by an earlier `pulumi up` that was cut short " +
    "(`okta-credentials orphans` names what no resource holds). Retire a key that is not needed (deactivate, " +
    "then delete it), then run `pulumi up` again",
  adoptedGone: (appId, keyId) =>
    `adopting JSON Web Key ${keyId} of app ${appId}: the app has no such key; set adoptKeyId to the id of one ` +
    "of its keys (see listClientJsonWebKeys), or remove it to add a new key",
  adopting: (appId, keyId) => `adopting JSON Web Key ${keyId} of app ${appId}`,
  deleting: (appId, keyId) => `deleting JSON Web Key ${keyId} of app ${appId}`,
  takenOverAgain: (urn, keyId) =>
    `${keyLabel(urn)} was replaced (by --replace or a taint) while adoptKeyId still names its key ${keyId}: the ` +
    `replacement took that same key over again, so nothing was rotated and ${keyId} stays in Okta. To rotate ` +
    "it, remove adoptKeyId (it matters only when the resource is created) and replace again, or change " +
    "rotationTriggers",
  heldByAnother: (urn, keyId, holder) =>
    `${keyLabel(urn)} is deleted from the stack, but its JSON Web Key ${keyId} is held by ${keyLabel(holder)}: it ` +
    "stays in Okta",
  createsNote: () =>
    "a new JSON Web Key is added to the app (the brought publicKey, or a pair generated once, only its public half " +
    "sent to Okta)",
  adoptsNote: (keyId) => `takes over JSON Web Key ${keyId}, which the app holds already: nothing is added or deleted`,
  createsFirstNote: (retiring) =>
    `the new key is added first, then ${retiring} is deactivated and deleted: clients can sign with the new key ` +
    "before the old one goes",
  deletesFirstNote: (retiring) =>
    `${retiring} is INACTIVE (no client signs with it): it is deleted first, then the new key is added, its kid free again`,
  adoptsInsteadNote: (keyId, retiring) =>
    `takes over JSON Web Key ${keyId} (adoptKeyId), then deactivates and deletes ${retiring}: no key is added`,
  statusNote: (from, to) =>
    `status ${from} => ${to}, in place through Okta's lifecycle endpoints: no key is added or deleted`,
  heldRetiredNote: (retiring, outcome) =>
    outcome.outcome === "only-active"
      ? `heldRetired, but ${retiring} is the app's only ACTIVE signing key: the new key is added first (it needs room)`
      : `heldRetired: ${retiring} is retired, so it is deleted first while the app keeps ${outcome.keeping.join(" and ")} ACTIVE`,
  noNewKey: (urn) =>
    `${keyLabel(urn)} is replaced, which adds a new key, but it has neither publicKey nor generate: set ` +
    'generate: { algorithm: "RS256" } (the provider makes the new pair) or publicKey (a new public key)',
};

/**
 * Why the keys a run adds to `appId` cannot fit in Okta's 50: the changes that add one, and the fixes, with how many of
 * the app's keys no resource of the run holds.
 */
function noRoom(
  appId: string,
  ledger: AppLedger<OktaJsonWebKey, KeyPlan>,
  found: OktaJsonWebKey[],
  adding: KeyPlan[],
): string {
  const planned = adding.map((p) => `  - ${keyLabel(p.urn)}: ${describe(p)}`);
  const unheld = found.filter((k) => !ledger.holders.has(k.id) && !ledger.retiring.has(k.id));
  const inactive = unheld.filter((k) => k.status === "INACTIVE");
  const fixes = [
    `retire keys no resource needs first: ${unheld.length} of the app's keys are held by no ClientJsonWebKey this run ` +
      `has seen${inactive.length > 0 ? ` (${inactive.length} of them INACTIVE)` : ""}: deactivate, then delete them ` +
      "(see listClientJsonWebKeys)",
    'rotate a key in two runs: first `status: "INACTIVE"` (an update), then the rotation: an INACTIVE key is ' +
      "replaced delete-first and needs no room",
  ];
  if (adding.some((p) => p.kind === "create")) fixes.push("take an existing key over with `adoptKeyId`");
  fixes.push("or make fewer of these changes in one run");
  return (
    `app ${appId} held ${found.length} JSON Web Keys when this run looked, and this run would add ` +
    `${adding.length} more before retiring any, over Okta's maximum of ${maxKeysPerApp}:\n${planned.join("\n")}\n` +
    `Fix: ${fixes.join("; ")}.`
  );
}

function describe(plan: KeyPlan): string {
  if (plan.kind === "create") return "add a key (a new resource, or one replaced by --replace or a taint)";
  return "replace its key, adding the new one before the old one is deleted";
}
