import { isOktaApiError, withContext } from "../../okta/errors";
import { processOktaClient } from "../../okta/processClient";
import { withAppLock } from "../appLocks";
import { tellUser } from "../hookErrors";
import { resourceKey } from "../resourceIdentity";
import { setSecretStatus } from "./lifecycle";
import { parseSecretResourceId } from "./resourceId";
import { label, secretLedger } from "./slots";
import type { ClientSecretOutputs } from "./types";

const retainFix =
  "create or activate another secret of the app before deleting this one, " +
  "or keep this one in Okta by deleting the resource with the `retainOnDelete: true` option";

/**
 * `delete`: deactivates the secret if ACTIVE, then deletes it; already gone is success. Never deletes a secret that
 * another resource of this run holds (it took it over, or keeps it): a resource replaced by `--replace` or a taint
 * while `adoptSecretId` still names its secret takes that same secret over again, and its old self must not delete
 * it. Okta refuses to deactivate the app's only ACTIVE secret: the error then says how to proceed.
 */
export async function deleteClientSecret(id: string, props?: Partial<ClientSecretOutputs>): Promise<void> {
  const { appId, secretId } = parseSecretResourceId(id);
  const ledger = secretLedger(appId);
  const urn = resourceKey(props ?? {}, id);
  const holder = ledger.holders.get(secretId);
  if (holder !== undefined) {
    tellUser(
      holder === urn
        ? `${label(urn)} was replaced (by --replace or a taint) while adoptSecretId still names its secret ` +
            `${secretId}: the replacement took that same secret over again, so nothing was rotated and ${secretId} ` +
            "stays in Okta. To rotate it, remove adoptSecretId (it matters only when the resource is created) and " +
            "replace again, or change rotationTriggers"
        : `${label(urn)} is deleted from the stack, but its client secret ${secretId} is held by ${label(holder)}: ` +
            "it stays in Okta",
    );
    return;
  }
  const okta = processOktaClient();
  const doing = `deleting client secret ${secretId} of app ${appId}`;
  await withAppLock(appId, async () => {
    const known = ledger.itemsIfKnown()?.find((s) => s.id === secretId);
    try {
      if ((known?.status ?? props?.status ?? "ACTIVE") === "ACTIVE") {
        await setSecretStatus(okta, appId, secretId, "INACTIVE", retainFix);
      }
      await okta.deleteClientSecret(appId, secretId).catch(async (e) => {
        // The state said INACTIVE, but Okta refuses to delete an ACTIVE secret: it was activated outside Pulumi.
        if (!(isOktaApiError(e) && e.is(400, "delete an active"))) throw withContext(e, doing);
        await setSecretStatus(okta, appId, secretId, "INACTIVE", retainFix);
        await okta.deleteClientSecret(appId, secretId).catch((again) => {
          throw withContext(again, doing);
        });
      });
    } catch (e) {
      // Gone already (deleted outside Pulumi, or with its app): what delete wanted.
      if (!(isOktaApiError(e) && e.status === 404)) throw e;
    }
    ledger.applied({ removed: secretId });
  });
}
