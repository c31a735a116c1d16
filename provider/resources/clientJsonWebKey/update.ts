import type { UpdateResult } from "@pulumi/pulumi/dynamic";
import { processOktaClient } from "../../okta/processClient";
import { withAppLock } from "../appLocks";
import { resourceKey } from "../resourceIdentity";
import { keyLedger } from "./keyLedger";
import { setKeyStatus } from "./lifecycle";
import { echoOf, keyOfOutputs, toOutputs } from "./outputs";
import { parseKeyResourceId } from "./resourceId";
import type { ClientJsonWebKeyInputs, ClientJsonWebKeyOutputs } from "./types";

/** `update`: activates or deactivates the key in place (every other change is a replacement). */
export async function updateClientJsonWebKey(
  id: string,
  olds: ClientJsonWebKeyOutputs,
  news: ClientJsonWebKeyInputs,
): Promise<UpdateResult<ClientJsonWebKeyOutputs>> {
  const { appId, keyId } = parseKeyResourceId(id);
  const ledger = keyLedger(appId);
  ledger.holders.set(keyId, resourceKey(news, id));
  const desired = news.status ?? "ACTIVE";
  if (olds.status === desired) return { outs: toOutputs(appId, keyOfOutputs(olds), olds, echoOf(news)) };
  const key = await withAppLock(appId, async () => {
    const changed = await setKeyStatus(processOktaClient(), appId, keyId, desired, {
      lastSigningKey:
        "add or activate another signing key of the app first (e.g. another ClientJsonWebKey), then set status INACTIVE",
      activeEncryptionKey: "activate another encryption key of the app instead: Okta then deactivates this one",
    });
    ledger.applied(changed);
    return changed;
  });
  return { outs: toOutputs(appId, key, olds, echoOf(news)) };
}
