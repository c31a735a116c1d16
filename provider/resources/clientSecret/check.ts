import type { CheckFailure, CheckResult } from "@pulumi/pulumi/dynamic";
import { withContext } from "../../okta/errors";
import { processOktaClient } from "../../okta/processClient";
import { isUnknown } from "../fullProvider";
import { resourceKey } from "../resourceIdentity";
import { adoptedItem, markChecked } from "../runLedger";
import { appRuleProblems } from "./appRules";
import { validateClientSecretInputs } from "./inputValidation";
import { decideForNew } from "./plan";
import { adoptionConflict, roomProblem, secretLedger } from "./slots";
import type { ClientSecretInputs } from "./types";

/**
 * `check`: validates every input before any request. For a resource that exists, that is all: `diff`, which sees its
 * outputs, decides the rest. For a new resource (or one replaced by `--replace` or a taint, where the engine calls
 * `check` without old inputs and skips `diff`), it plans the creation in this run's ledger of the app and checks it
 * against Okta: the app's rules, the secret to adopt, and room for every secret this run adds to the app.
 */
export async function checkClientSecret(
  olds: Record<string, unknown> | undefined,
  news: Record<string, unknown>,
): Promise<CheckResult<ClientSecretInputs>> {
  const failures = validateClientSecretInputs(news);
  const inputs = { ...news } as unknown as ClientSecretInputs;
  // Configuration errors surface here, at preview, before the first request.
  processOktaClient();
  const appId = news.appId;
  const urn = resourceKey(inputs, `${String(appId)}/new:${inputs.adoptSecretId ?? ""}`);
  markChecked(urn);
  if (failures.length > 0 || typeof appId !== "string" || isUnknown(appId)) return result(inputs, failures);
  const existing = olds !== undefined && Object.keys(olds).some((k) => k !== "__provider");
  if (existing) return result(inputs, failures);

  const ledger = secretLedger(appId);
  // The engine's second check of a replacement that `diff` has just planned (and checked) in this run.
  if (ledger.plans.has(urn)) return result(inputs, failures);

  const plan = decideForNew(urn, inputs);
  const adopting = adoptedItem(plan);
  if (adopting !== undefined && isUnknown(adopting)) return result(inputs, failures);
  if (adopting === undefined) {
    failures.push(...(await appRuleProblems(appId, inputs.clientSecret)));
    if (failures.length > 0) return result(inputs, failures);
  }
  const found = await ledger.itemsFound().catch((e) => {
    throw withContext(e, `listing the client secrets of app ${appId}`);
  });
  if (adopting !== undefined) {
    if (!found.some((s) => s.id === adopting)) {
      const reason =
        `app ${appId} has no client secret ${adopting}; set adoptSecretId to one of its secrets ` +
        "(see listClientSecrets), or remove adoptSecretId to create a new secret";
      return result(inputs, [{ property: "adoptSecretId", reason }]);
    }
    const conflict = adoptionConflict(ledger, adopting, urn);
    if (conflict) return result(inputs, [{ property: "adoptSecretId", reason: conflict }]);
  }
  ledger.plans.set(urn, plan);
  const problem = await roomProblem(appId, ledger);
  if (problem) {
    // This resource fails here; its plan must not count against the others' room.
    ledger.plans.delete(urn);
    failures.push({ property: "appId", reason: problem });
  }
  return result(inputs, failures);
}

function result(inputs: ClientSecretInputs, failures: CheckFailure[]): CheckResult<ClientSecretInputs> {
  return failures.length > 0 ? { inputs, failures } : { inputs };
}
