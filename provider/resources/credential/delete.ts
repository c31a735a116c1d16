import { isOktaApiError, withContext } from "../../okta/errors";
import { processOktaClient, withAppLock } from "../../runState";
import { tellUser } from "../hookErrors";
import { resourceKey } from "../resourceIdentity";
import type { AnyCredentialKind } from "./identity";
import type { CredentialOutputs } from "./kind";

/**
 * `delete`: deactivates the credential if ACTIVE, then deletes it; already gone is success. Never deletes one that
 * another resource of this run holds (it took it over, or keeps it): a resource replaced by `--replace` or a taint
 * while its adopt input still names its credential takes that same one over again, and its old self must not delete
 * it. Okta refuses to deactivate an app's last ACTIVE credential (its only secret, a `private_key_jwt` app's only
 * signing key): the kind's error then says how to proceed.
 */
export async function deleteCredential(
  kind: AnyCredentialKind,
  id: string,
  props?: Partial<CredentialOutputs>,
): Promise<void> {
  const { appId, itemId } = kind.parseId(id);
  const ledger = kind.ledger(appId);
  const urn = resourceKey(props ?? {}, id);
  const holder = ledger.holders.get(itemId);
  if (holder !== undefined) {
    const line =
      holder === urn ? kind.messages.takenOverAgain(urn, itemId) : kind.messages.heldByAnother(urn, itemId, holder);
    tellUser(line, urn);
    return;
  }
  const okta = processOktaClient();
  const doing = kind.messages.deleting(appId, itemId);
  await withAppLock(appId, async () => {
    const known = ledger.itemsIfKnown()?.find((i) => i.id === itemId);
    const deactivate = () => kind.setStatus(okta, appId, itemId, "INACTIVE", "delete");
    try {
      if ((known?.status ?? props?.status ?? "ACTIVE") === "ACTIVE") await deactivate();
      await kind.remove(okta, appId, itemId).catch(async (e) => {
        // The state said INACTIVE, but Okta refuses to delete an ACTIVE credential: it was activated outside Pulumi.
        if (!(isOktaApiError(e) && e.is(400, "delete an active"))) throw withContext(e, doing);
        await deactivate();
        await kind.remove(okta, appId, itemId).catch((again) => {
          throw withContext(again, doing);
        });
      });
    } catch (e) {
      // Gone already (deleted outside Pulumi, or with its app): what delete wanted.
      if (!(isOktaApiError(e) && e.status === 404)) throw e;
    }
    ledger.applied({ removed: itemId });
  });
}
