import type { UpdateResult } from "@pulumi/pulumi/dynamic";
import { processOktaClient } from "../../okta/processClient";
import { withAppLock } from "../appLocks";
import { resourceKey } from "../resourceIdentity";
import { setSecretStatus } from "./lifecycle";
import { toOutputs } from "./outputs";
import { parseSecretResourceId } from "./resourceId";
import { secretLedger } from "./slots";
import type { ClientSecretInputs, ClientSecretOutputs } from "./types";

/** `update`: activates or deactivates the secret in place (every other change is a replacement). */
export async function updateClientSecret(
  id: string,
  olds: ClientSecretOutputs,
  news: ClientSecretInputs,
): Promise<UpdateResult<ClientSecretOutputs>> {
  const { appId, secretId } = parseSecretResourceId(id);
  const ledger = secretLedger(appId);
  ledger.holders.set(secretId, resourceKey(news, id));
  const desired = news.status ?? "ACTIVE";
  if (olds.status === desired) {
    const held = {
      id: secretId,
      status: olds.status,
      created: olds.created,
      lastUpdated: olds.lastUpdated,
      client_secret: olds.clientSecret,
      secret_hash: olds.secretHash,
    };
    return { outs: toOutputs(appId, held, undefined, news) };
  }
  const secret = await withAppLock(appId, async () => {
    const changed = await setSecretStatus(
      processOktaClient(),
      appId,
      secretId,
      desired,
      "create or activate another secret of the app first (e.g. another ClientSecret), then set status INACTIVE",
    );
    ledger.applied(changed);
    return changed;
  });
  return { outs: toOutputs(appId, secret, olds.clientSecret, news) };
}
