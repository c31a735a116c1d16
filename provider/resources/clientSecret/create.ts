import type { CreateResult } from "@pulumi/pulumi/dynamic";
import { explainedError, isOktaApiError, withContext } from "../../okta/errors";
import { compositeId } from "../../okta/ids";
import type { OktaClient, OktaClientSecret } from "../../okta/oktaClient";
import { processOktaClient } from "../../okta/processClient";
import { withAppLock } from "../appLocks";
import { resourceKey } from "../resourceIdentity";
import { type AppLedger, adoptedItem } from "../runLedger";
import { validateClientSecretInputs } from "./inputValidation";
import { setSecretStatus } from "./lifecycle";
import { toOutputs } from "./outputs";
import { decideForNew } from "./plan";
import { maxSecretsPerApp, secretLedger } from "./slots";
import type { ClientSecretInputs, ClientSecretOutputs } from "./types";

/**
 * `create`: takes over the secret this run's plan adopts, or POSTs a new one (generated or bring-your-own) in the
 * desired status. The plan comes from this run's `check` or `diff` of the same resource (a replacement creates a new
 * secret; only a new resource, or a changed `adoptSecretId`, adopts). Everything on one app runs under the app's lock.
 */
export async function createClientSecret(inputs: ClientSecretInputs): Promise<CreateResult<ClientSecretOutputs>> {
  const failures = validateClientSecretInputs(inputs as unknown as Record<string, unknown>);
  if (failures.length > 0) throw new Error(`creating client secret: ${failures.map((f) => f.reason).join("; ")}`);
  const okta = processOktaClient();
  const { appId } = inputs;
  const desired = inputs.status ?? "ACTIVE";
  const urn = resourceKey(inputs, `${appId}/new:${inputs.adoptSecretId ?? ""}`);
  const ledger = secretLedger(appId);
  const adopting = adoptedItem(ledger.plans.get(urn) ?? decideForNew(urn, inputs));
  return withAppLock(appId, async () => {
    const secret =
      adopting !== undefined
        ? await adopt(ledger, okta, appId, adopting)
        : await createNew(ledger, okta, appId, inputs.clientSecret, desired);
    ledger.holders.set(secret.id, urn);
    const id = compositeId(appId, secret.id);
    if (secret.status === desired) return { id, outs: toOutputs(appId, secret, inputs.clientSecret, inputs) };
    try {
      const updated = await setSecretStatus(okta, appId, secret.id, desired);
      ledger.applied(updated);
      return { id, outs: toOutputs(appId, updated, inputs.clientSecret, inputs) };
    } catch (e) {
      // The adopted secret is now held: report it to the engine as created but not initialised (the dynamic
      // provider's ErrorResourceInitFailed), so it is kept in state and the next `up` retries the status.
      // The engine encrypts additionalSecretOutputs in these properties too (measured: no plaintext in state).
      const properties = toOutputs(appId, secret, inputs.clientSecret, inputs);
      const failed = e instanceof Error ? e : new Error(String(e));
      const provider = inputs.__provider === undefined ? {} : { __provider: inputs.__provider };
      throw Object.assign(failed, { id, properties: { ...properties, ...provider }, reasons: [failed.message] });
    }
  });
}

async function adopt(
  ledger: AppLedger<OktaClientSecret>,
  okta: OktaClient,
  appId: string,
  secretId: string,
): Promise<OktaClientSecret> {
  const listed = (await ledger.itemsNow()).find((s) => s.id === secretId);
  if (listed?.client_secret !== undefined) return listed;
  try {
    return await okta.getClientSecret(appId, secretId);
  } catch (e) {
    if (isOktaApiError(e) && e.status === 404) {
      throw explainedError(
        `adopting client secret ${secretId} of app ${appId}: the app has no such secret; set adoptSecretId to the ` +
          "id of one of its secrets (see listClientSecrets), or remove it to create a new secret",
        e,
      );
    }
    throw withContext(e, `adopting client secret ${secretId} of app ${appId}`);
  }
}

async function createNew(
  ledger: AppLedger<OktaClientSecret>,
  okta: OktaClient,
  appId: string,
  clientSecret: string | undefined,
  status: "ACTIVE" | "INACTIVE",
): Promise<OktaClientSecret> {
  const before = await ledger.itemsNow().catch((e) => {
    throw withContext(e, `listing the client secrets of app ${appId} before creating one`);
  });
  if (before.length >= maxSecretsPerApp) {
    const held = before.map((s) => `${s.id} ${s.status}`).join(", ");
    throw explainedError(
      `creating a client secret for app ${appId}: the app holds ${before.length} secrets now (${held}), Okta's ` +
        "maximum, more than this run planned for: a secret was added outside this run meanwhile. Retire a secret " +
        "that is not needed, then run `pulumi up` again",
    );
  }
  const request = clientSecret === undefined ? { before, status } : { before, status, clientSecret };
  const secret = await okta.createClientSecret(appId, request).catch((e) => {
    throw withContext(e, `creating a client secret for app ${appId}`);
  });
  ledger.applied(secret);
  return secret;
}
