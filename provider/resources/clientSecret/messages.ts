import type { OktaClientSecret } from "../../okta/oktaClient";
import { claimOf } from "../credential/identity";
import type { CredentialMessages } from "../credential/kind";
import type { AppLedger, Plan } from "../credential/ledger";
import { resourceLabel } from "../resourceIdentity";
import { maxSecretsPerApp } from "./types";

/** `ClientSecret "api"`, for messages. */
function label(urn: string): string {
  return resourceLabel(urn, "ClientSecret");
}

/** Every message the credential hooks say of a client secret, as the user reads it. */
export const clientSecretMessages: CredentialMessages<OktaClientSecret, Plan> & {
  valueDiffers(urn: string, secretId: string | undefined): string;
} = {
  label,
  invalidInputs: (reasons) => `creating client secret: ${reasons}`,
  listing: (appId, why) =>
    ({
      check: `listing the client secrets of app ${appId}`,
      plan: `listing the client secrets of app ${appId} to plan a replacement`,
      add: `listing the client secrets of app ${appId} before creating one`,
      read: `reading the client secrets of app ${appId}`,
    })[why],
  noSuchItem: (appId, secretId, replacing) =>
    replacing
      ? `app ${appId} has no client secret ${secretId}; set adoptSecretId to one of its secrets (see ` +
        "listClientSecrets), or to the secret the resource holds, or remove it"
      : `app ${appId} has no client secret ${secretId}; set adoptSecretId to one of its secrets ` +
        "(see listClientSecrets), or remove adoptSecretId to create a new secret",
  adoptionConflict: (urn, secretId, other) => {
    return (
      `${label(urn)} would take over client secret ${secretId}, but ${label(other.urn)} ${claimOf(other.role, "adoptSecretId")}; a ` +
      "secret is held by one resource only: remove adoptSecretId from one of them"
    );
  },
  heldTakenOver: (adopter, secretId, urn, retires) =>
    `adoptSecretId: ${label(adopter)} would take over client secret ${secretId}, which ${label(urn)} ` +
    `${retires ? "retires in this run" : "holds"}; a secret is held by one resource only: remove adoptSecretId ` +
    `from ${label(adopter)}`,
  heldRetired: (urn, secretId, outcome) =>
    outcome.outcome === "only-active"
      ? `${label(urn)} has heldRetired, but its secret ${secretId} is the app's only ACTIVE secret: deleting it first ` +
        "would leave the app without one, so the replacement makes the new secret first (which needs room for it)"
      : `${label(urn)} is replaced delete-first: heldRetired says its ACTIVE secret ${secretId} is retired, and the ` +
        `app keeps ${outcome.keeping.join(" and ")} ACTIVE meanwhile`,
  noRoom,
  fullNow: (appId, before) =>
    `creating a client secret for app ${appId}: the app holds ${before.length} secrets now ` +
    `(${before.map((s) => `${s.id} ${s.status}`).join(", ")}), Okta's maximum, more than this run planned for: a ` +
    "secret was added outside this run meanwhile. Retire a secret that is not needed, then run `pulumi up` again",
  adoptedGone: (appId, secretId) =>
    `adopting client secret ${secretId} of app ${appId}: the app has no such secret; set adoptSecretId to the ` +
    "id of one of its secrets (see listClientSecrets), or remove it to create a new secret",
  adopting: (appId, secretId) => `adopting client secret ${secretId} of app ${appId}`,
  deleting: (appId, secretId) => `deleting client secret ${secretId} of app ${appId}`,
  takenOverAgain: (urn, secretId) =>
    `${label(urn)} was replaced (by --replace or a taint) while adoptSecretId still names its secret ` +
    `${secretId}: the replacement took that same secret over again, so nothing was rotated and ${secretId} ` +
    "stays in Okta. To rotate it, remove adoptSecretId (it matters only when the resource is created) and " +
    "replace again, or change rotationTriggers",
  heldByAnother: (urn, secretId, holder) =>
    `${label(urn)} is deleted from the stack, but its client secret ${secretId} is held by ${label(holder)}: ` +
    "it stays in Okta",
  // The engine compares inputs, and a value changed outside Pulumi leaves them equal: say it in words.
  valueDiffers: (urn, secretId) =>
    `${label(urn)} is replaced: the program's clientSecret is not the value Okta holds for ${secretId} (changed in ` +
    "the program, or outside Pulumi, as a refresh shows)",
};

/**
 * Why the changes a run plans on `appId` cannot fit in Okta's two slots: the app's secrets and who holds each, the
 * changes that add one, and the fixes that apply.
 */
function noRoom(
  appId: string,
  ledger: AppLedger<OktaClientSecret, Plan>,
  found: OktaClientSecret[],
  adding: Plan[],
): string {
  const held = found.map((s) => `  - ${s.id} ${s.status}, created ${s.created} (${role(ledger, s.id)})`);
  const planned = adding.map((p) => `  - ${label(p.urn)}: ${describe(p)}`);
  const fixes: string[] = [];
  const activeRetiring = adding.filter(
    (p) => p.kind === "replace" && found.find((s) => s.id === p.retiring)?.status === "ACTIVE",
  );
  if (activeRetiring.length > 0) {
    fixes.push(
      `rotate ${activeRetiring.map((p) => label(p.urn)).join(", ")} in two runs: first set \`status: "INACTIVE"\` on ` +
        "it (an in-place update while the app's other secret stays ACTIVE), then change rotationTriggers together with " +
        '`status: "ACTIVE"`: an INACTIVE secret is replaced delete-first and needs no free slot',
    );
  }
  const unheld = found.filter((s) => !ledger.holders.has(s.id) && !ledger.retiring.has(s.id));
  if (unheld.length > 0) {
    fixes.push(
      `free a slot first: if a secret is not needed, retire it (deactivate, then delete it, in the Admin Console or ` +
        `with the API; ${unheld.map((s) => s.id).join(" and ")} ${unheld.length === 1 ? "is" : "are"} held by no ` +
        "ClientSecret this run has seen so far)",
    );
  }
  if (adding.some((p) => p.kind === "create")) {
    fixes.push("take an existing secret over with `adoptSecretId` instead of creating one");
  }
  fixes.push("or make fewer of these changes in one run");
  return (
    `app ${appId} held ${found.length} client secret${found.length === 1 ? "" : "s"} when this run looked, and this ` +
    `run would add ${adding.length} more before retiring any, over Okta's maximum of ${maxSecretsPerApp}:\n` +
    `${[...held, ...planned].join("\n")}\nFix: ${fixes.join("; ")}.`
  );
}

function role(ledger: AppLedger<OktaClientSecret, Plan>, secretId: string): string {
  const holder = ledger.holders.get(secretId);
  if (holder) return `held by ${label(holder)}`;
  const retiring = ledger.retiring.get(secretId);
  if (retiring) return `held by ${label(retiring)}, deleted only after its replacement exists`;
  return "not held by any ClientSecret this run has seen";
}

function describe(plan: Plan): string {
  if (plan.kind === "create") return "create a secret (a new resource, or one replaced by --replace or a taint)";
  return "replace its secret, creating the new one before the old one is deleted";
}
