import type { CreateResult } from "@pulumi/pulumi/dynamic";
import { explainedError, isOktaApiError, withContext } from "../../okta/errors";
import { compositeId } from "../../okta/ids";
import type { OktaClient } from "../../okta/oktaClient";
import { processOktaClient, withAppLock } from "../../runState";
import { type AnyCredentialKind, echoOf, newResourceKey } from "./identity";
import type { CredentialInputs, CredentialOutputs, CredentialStatus } from "./kind";
import { type AppLedger, adoptedItem, type LedgerItem, type Plan } from "./ledger";
import { planForNew } from "./plan";

/**
 * Whether `create` takes over an existing credential (its id) or adds a new one (undefined): the plan this run's
 * `check` or `diff` of the same resource made (a replacement adds a new credential; only a new resource, or a changed
 * adopt input, adopts), or, with no plan in this process, what the inputs say of a new resource.
 */
function adoptsOnCreate(
  kind: AnyCredentialKind,
  urn: string,
  inputs: CredentialInputs,
  source: unknown,
): string | undefined {
  return adoptedItem(kind.ledger(inputs.appId).plans.get(urn) ?? planForNew(kind, urn, inputs, source));
}

/**
 * `create`: takes over the credential {@link adoptsOnCreate} names, or adds a new one in the desired status (the
 * kind makes it ready: a generated key pair, once). Everything on one app runs under the app's lock.
 */
export async function createCredential(
  kind: AnyCredentialKind,
  inputs: CredentialInputs,
): Promise<CreateResult<CredentialOutputs>> {
  const { source, failures } = await kind.readInputs(inputs as unknown as Record<string, unknown>);
  if (failures.length > 0) throw new Error(kind.messages.invalidInputs(failures.map((f) => f.reason).join("; ")));
  const okta = processOktaClient();
  const { appId } = inputs;
  const desired = inputs.status ?? "ACTIVE";
  const urn = newResourceKey(kind, inputs);
  const ledger = kind.ledger(appId);
  const adopting = adoptsOnCreate(kind, urn, inputs, source);
  return withAppLock(appId, async () => {
    const { item, kept } =
      adopting !== undefined
        ? { item: await adopt(kind, ledger, okta, appId, adopting), kept: undefined }
        : await addNew(kind, ledger, okta, appId, source, desired);
    ledger.holders.set(item.id, urn);
    const id = compositeId(appId, item.id);
    const outputsOf = (of: LedgerItem) => ({ ...kind.outputs(appId, of, kept), ...echoOf(kind, inputs) });
    if (item.status === desired) return { id, outs: outputsOf(item) };
    try {
      const updated = await kind.setStatus(okta, appId, item.id, desired, "create");
      ledger.applied(updated);
      return { id, outs: outputsOf(updated) };
    } catch (e) {
      // The credential is now held: report it to the engine as created but not initialised (the dynamic provider's
      // ErrorResourceInitFailed), so it is kept in state and the next `up` retries the status. The engine encrypts
      // additionalSecretOutputs in these properties too (measured: no plaintext in state).
      const failed = e instanceof Error ? e : new Error(String(e));
      const provider = inputs.__provider === undefined ? {} : { __provider: inputs.__provider };
      throw Object.assign(failed, { id, properties: { ...outputsOf(item), ...provider }, reasons: [failed.message] });
    }
  });
}

async function adopt(
  kind: AnyCredentialKind,
  ledger: AppLedger<LedgerItem, Plan>,
  okta: OktaClient,
  appId: string,
  itemId: string,
): Promise<LedgerItem> {
  const listed = (await ledger.itemsNow()).find((i) => i.id === itemId);
  if (listed && kind.listedInFull(listed)) return listed;
  try {
    return await kind.get(okta, appId, itemId);
  } catch (e) {
    if (isOktaApiError(e) && e.status === 404) throw explainedError(kind.messages.adoptedGone(appId, itemId), e);
    throw withContext(e, kind.messages.adopting(appId, itemId));
  }
}

async function addNew(
  kind: AnyCredentialKind,
  ledger: AppLedger<LedgerItem, Plan>,
  okta: OktaClient,
  appId: string,
  source: unknown,
  status: CredentialStatus,
): Promise<{ item: LedgerItem; kept: unknown }> {
  const fresh = await kind.prepare(appId, source, status);
  const before = await ledger.itemsNow().catch((e) => {
    throw withContext(e, kind.messages.listing(appId, "add"));
  });
  // The run planned room for it: a credential was added outside this run meanwhile.
  if (before.length >= kind.maxPerApp) throw explainedError(kind.messages.fullNow(appId, before));
  const item = await fresh.post(okta, before);
  ledger.applied(item);
  return { item, kept: fresh.kept };
}
