import type { OktaClientSecret } from "../../okta/oktaClient";
import { processOktaClient } from "../../okta/processClient";
import { resourceLabel } from "../resourceIdentity";
import { type AppLedger, ledgerOf, type Plan } from "../runLedger";

/** Okta's limit of client secrets per app. */
export const maxSecretsPerApp = 2;

/** This run's ledger of `appId`'s client secrets: one list request per app and run. */
export function secretLedger(appId: string): AppLedger<OktaClientSecret> {
  return ledgerOf("secrets", appId, () => processOktaClient().listClientSecrets(appId));
}

/** `ClientSecret "api"`, for messages. */
export function label(urn: string): string {
  return resourceLabel(urn, "ClientSecret");
}

/**
 * Why the changes this run plans on `appId` cannot fit in Okta's two slots, or undefined when they fit. Every
 * change that adds a secret while the old ones still exist is counted together (new resources, resources replaced by
 * `--replace` or a taint, create-first replacements), against the secrets the app held when this run first looked.
 */
export async function roomProblem(appId: string, ledger: AppLedger<OktaClientSecret>): Promise<string | undefined> {
  const found = await ledger.itemsFound();
  const adding = ledger.plansNeedingRoom();
  if (found.length + adding.length <= maxSecretsPerApp) return undefined;
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

/** Why `secretId` cannot be taken over by the resource `urn`: another resource of this run claims it. */
export function adoptionConflict(
  ledger: AppLedger<OktaClientSecret>,
  secretId: string,
  urn: string,
): string | undefined {
  const other = ledger.claimant(secretId, urn);
  if (!other) return undefined;
  const what = {
    holds: "already holds it",
    retires: "retires it in this run (its replacement deletes it)",
    adopts: "names it in adoptSecretId too",
  }[other.role];
  return (
    `${label(urn)} would take over client secret ${secretId}, but ${label(other.urn)} ${what}; a ` +
    "secret is held by one resource only: remove adoptSecretId from one of them"
  );
}

function role(ledger: AppLedger<OktaClientSecret>, secretId: string): string {
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
