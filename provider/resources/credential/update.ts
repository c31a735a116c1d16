import type { UpdateResult } from "@pulumi/pulumi/dynamic";
import { processOktaClient, withAppLock } from "../../runState";
import { resourceKey } from "../resourceIdentity";
import { type AnyCredentialKind, echoOf } from "./identity";
import type { CredentialInputs, CredentialOutputs } from "./kind";

/** `update`: activates or deactivates the credential in place (every other change is a replacement). */
export async function updateCredential(
  kind: AnyCredentialKind,
  id: string,
  olds: CredentialOutputs,
  news: CredentialInputs,
): Promise<UpdateResult<CredentialOutputs>> {
  const { appId, itemId } = kind.parseId(id);
  const ledger = kind.ledger(appId);
  ledger.holders.set(itemId, resourceKey(news, id));
  const desired = news.status ?? "ACTIVE";
  const kept = kind.kept(olds);
  const outputsOf = (item: unknown) => ({ ...kind.outputs(appId, item, kept), ...echoOf(kind, news) });
  if (olds.status === desired) return { outs: outputsOf(kind.heldItem(olds)) };
  const item = await withAppLock(appId, async () => {
    const changed = await kind.setStatus(processOktaClient(), appId, itemId, desired, "update");
    ledger.applied(changed);
    return changed;
  });
  return { outs: outputsOf(item) };
}
