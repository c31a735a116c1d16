import { isOktaApiError, withContext } from "../../okta/errors";
import { processOktaClient } from "../../okta/processClient";
import { withAppLock } from "../appLocks";
import { tellUser } from "../hookErrors";
import { resourceKey } from "../resourceIdentity";
import { keyLedger, label } from "./keyLedger";
import { setKeyStatus } from "./lifecycle";
import { parseKeyResourceId } from "./resourceId";
import type { ClientJsonWebKeyOutputs } from "./types";

const retainFixes = {
  lastSigningKey:
    "add or activate another signing key of the app first (another ClientJsonWebKey, applied before this one is " +
    "deleted), or keep this key in Okta by deleting the resource with the `retainOnDelete: true` option",
  activeEncryptionKey:
    "activate another encryption key of the app first (Okta then deactivates this one), or keep this key in Okta " +
    "by deleting the resource with the `retainOnDelete: true` option",
};

/**
 * `delete`: deactivates the key if ACTIVE, then deletes it; already gone is success. Never deletes a key that another
 * resource of this run holds (it took it over, or keeps it): a resource replaced by `--replace` or a taint while
 * `adoptKeyId` still names its key takes that same key over again, and its old self must not delete it. Okta refuses
 * to deactivate the only ACTIVE key of a `private_key_jwt` app: the error then says how to proceed.
 */
export async function deleteClientJsonWebKey(id: string, props?: Partial<ClientJsonWebKeyOutputs>): Promise<void> {
  const { appId, keyId } = parseKeyResourceId(id);
  const ledger = keyLedger(appId);
  const urn = resourceKey(props ?? {}, id);
  const holder = ledger.holders.get(keyId);
  if (holder !== undefined) {
    tellUser(
      holder === urn
        ? `${label(urn)} was replaced (by --replace or a taint) while adoptKeyId still names its key ${keyId}: the ` +
            `replacement took that same key over again, so nothing was rotated and ${keyId} stays in Okta. To rotate ` +
            "it, remove adoptKeyId (it matters only when the resource is created) and replace again, or change " +
            "rotationTriggers"
        : `${label(urn)} is deleted from the stack, but its JSON Web Key ${keyId} is held by ${label(holder)}: it ` +
            "stays in Okta",
    );
    return;
  }
  const okta = processOktaClient();
  const doing = `deleting JSON Web Key ${keyId} of app ${appId}`;
  await withAppLock(appId, async () => {
    const known = ledger.itemsIfKnown()?.find((k) => k.id === keyId);
    try {
      if ((known?.status ?? props?.status ?? "ACTIVE") === "ACTIVE") {
        await setKeyStatus(okta, appId, keyId, "INACTIVE", retainFixes);
      }
      await okta.deleteClientJsonWebKey(appId, keyId).catch(async (e) => {
        // The state said INACTIVE, but Okta refuses to delete an ACTIVE key: it was activated outside Pulumi.
        if (!(isOktaApiError(e) && e.is(400, "delete an active"))) throw withContext(e, doing);
        await setKeyStatus(okta, appId, keyId, "INACTIVE", retainFixes);
        await okta.deleteClientJsonWebKey(appId, keyId).catch((again) => {
          throw withContext(again, doing);
        });
      });
    } catch (e) {
      // Gone already (deleted outside Pulumi, or with its app): what delete wanted.
      if (!(isOktaApiError(e) && e.status === 404)) throw e;
    }
    ledger.applied({ removed: keyId });
  });
}
