import type { CheckFailure, CheckResult } from "@pulumi/pulumi/dynamic";
import { markChecked, processOktaClient } from "../../runState";
import { isUnknown } from "../previewUnknowns";
import { admit, adoptsUnknown } from "./admission";
import { type ChangeNote, newChange, statusChange } from "./change";
import { type AnyCredentialKind, newResourceKey } from "./identity";
import type { CredentialInputs } from "./kind";
import { planForNew } from "./plan";

/**
 * `check`: validates every input before any request. For a resource that exists, that is all: `diff`, which sees its
 * outputs, decides the rest. For a new resource (or one replaced by `--replace` or a taint, where the engine calls
 * `check` without old inputs and skips `diff`), it plans the creation in this run's ledger of the app and checks it
 * against Okta ({@link admit}): the credential to adopt, the app's rules and the new credential's clashes, and room
 * for every credential this run adds to the app.
 */
export async function checkCredential<I extends CredentialInputs>(
  kind: AnyCredentialKind,
  olds: Record<string, unknown> | undefined,
  news: Record<string, unknown>,
): Promise<CheckResult<I>> {
  const { source, failures } = await kind.readInputs(news);
  const inputs = { ...news } as unknown as I;
  // Configuration errors surface here, at preview, before the first request.
  processOktaClient();
  const appId = news.appId;
  const urn = newResourceKey(kind, inputs);
  markChecked(urn);
  const result = (all: CheckFailure[]): CheckResult<I> => (all.length > 0 ? { inputs, failures: all } : { inputs });
  if (failures.length > 0 || typeof appId !== "string" || isUnknown(appId)) return result(failures);
  const existing = olds !== undefined && Object.keys(olds).some((k) => k !== "__provider");
  if (existing) {
    // A status change in place gets its own note (an update's block shows the inputs); otherwise the last change's
    // note stays, so a run that changes nothing shows none. A replacement's second check replaces either.
    const note = statusChange(kind, olds.status, inputs.status) ?? (olds.change as ChangeNote | undefined);
    if (note !== undefined) inputs.change = note;
    return result(failures);
  }
  // The engine's second check of a replacement that `diff` has just planned (and checked) in this run: its inputs are
  // the replacement's, which `pulumi preview --diff` shows, so they carry the plan's note.
  const planned = kind.ledger(appId).plans.get(urn);
  if (planned) {
    if (planned.note !== undefined) inputs.change = planned.note;
    return result(failures);
  }
  const plan = planForNew(kind, urn, inputs, source);
  if (adoptsUnknown(plan)) return result(failures);
  const admitted = await admit(kind, { appId, plan, news: inputs, source, replacing: undefined });
  if ("failures" in admitted) return result(admitted.failures);
  if ("noRoom" in admitted) return result([{ property: "appId", reason: admitted.noRoom }]);
  inputs.change = newChange(kind, plan);
  return result(failures);
}
