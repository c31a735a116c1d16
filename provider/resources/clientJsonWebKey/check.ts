import type { CheckFailure, CheckResult } from "@pulumi/pulumi/dynamic";
import { isOktaApiError, withContext } from "../../okta/errors";
import type { OktaJsonWebKey } from "../../okta/jsonWebKeys";
import { processOktaClient } from "../../okta/processClient";
import { isUnknown } from "../fullProvider";
import { resourceKey } from "../resourceIdentity";
import { adoptedItem, markChecked } from "../runLedger";
import { adoptionMismatch } from "./adoption";
import { given, readKeyInputs } from "./inputValidation";
import { adoptionConflict, fieldOf, keyConflict, keyLedger, roomProblem } from "./keyLedger";
import { decideForNew } from "./plan";
import type { ClientJsonWebKeyInputs } from "./types";

/**
 * `check`: validates every input before any request. For a resource that exists, that is all: `diff`, which sees its
 * outputs, decides the rest. For a new resource (or one replaced by `--replace` or a taint, where the engine calls
 * `check` without old inputs and skips `diff`), it plans the new key in this run's ledger of the app and checks it
 * against Okta: the app, the key to adopt, the `kid` and key material no other key of the app or of this run has, and
 * room for every key this run adds to the app. A generated pair is not made here: `create` makes it, once.
 */
export async function checkClientJsonWebKey(
  olds: Record<string, unknown> | undefined,
  news: Record<string, unknown>,
): Promise<CheckResult<ClientJsonWebKeyInputs>> {
  const { source, failures } = await readKeyInputs(news);
  const inputs = { ...news } as unknown as ClientJsonWebKeyInputs;
  // Configuration errors surface here, at preview, before the first request.
  processOktaClient();
  const appId = news.appId;
  const urn = resourceKey(inputs, `${String(appId)}/new:${inputs.adoptKeyId ?? ""}`);
  markChecked(urn);
  if (failures.length > 0 || typeof appId !== "string" || isUnknown(appId)) return result(inputs, failures);
  const existing = olds !== undefined && Object.keys(olds).some((k) => k !== "__provider");
  if (existing) return result(inputs, failures);

  const ledger = keyLedger(appId);
  // The engine's second check of a replacement that `diff` has just planned (and checked) in this run.
  if (ledger.plans.has(urn)) return result(inputs, failures);

  const plan = decideForNew(urn, inputs, source);
  const adopting = adoptedItem(plan);
  if (adopting !== undefined && isUnknown(adopting)) return result(inputs, failures);
  let found: OktaJsonWebKey[];
  try {
    found = await ledger.itemsFound();
  } catch (e) {
    if (isOktaApiError(e) && e.status === 404) {
      const org = processOktaClient().orgUrl;
      return result(inputs, [
        { property: "appId", reason: `app ${appId} does not exist in ${org} (Okta answered 404)` },
      ]);
    }
    throw withContext(e, `listing the JSON Web Keys of app ${appId}`);
  }
  if (adopting !== undefined) {
    const key = found.find((k) => k.id === adopting);
    if (!key) {
      const reason =
        `app ${appId} has no JSON Web Key ${adopting}; set adoptKeyId to one of its keys (see ` +
        "listClientJsonWebKeys), or remove adoptKeyId to add a new key";
      return result(inputs, [{ property: "adoptKeyId", reason }]);
    }
    const conflict = adoptionConflict(ledger, adopting, urn);
    if (conflict) return result(inputs, [{ property: "adoptKeyId", reason: conflict }]);
    const mismatch = adoptionMismatch(key, source);
    if (mismatch.length > 0) return result(inputs, mismatch);
  } else {
    const conflict = keyConflict(ledger, found, plan, appId);
    if (conflict) {
      if (conflict.on === "kid" && given(news.kid))
        return result(inputs, [{ property: "kid", reason: conflict.reason }]);
      return result(inputs, [{ property: "", reason: `${fieldOf(conflict.on)}: ${conflict.reason}` }]);
    }
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

function result(inputs: ClientJsonWebKeyInputs, failures: CheckFailure[]): CheckResult<ClientJsonWebKeyInputs> {
  return failures.length > 0 ? { inputs, failures } : { inputs };
}
