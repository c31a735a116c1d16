import type { CreateResult } from "@pulumi/pulumi/dynamic";
import { generateClientKeyPair } from "../../keys/generateKeyPair";
import type { PublicJwk } from "../../keys/jwk";
import { explainedError, isOktaApiError, withContext } from "../../okta/errors";
import { compositeId } from "../../okta/ids";
import type { OktaJsonWebKey } from "../../okta/jsonWebKeys";
import type { OktaClient } from "../../okta/oktaClient";
import { processOktaClient } from "../../okta/processClient";
import { withAppLock } from "../appLocks";
import { resourceKey } from "../resourceIdentity";
import { type AppLedger, adoptedItem } from "../runLedger";
import { type KeySource, readKeyInputs } from "./inputValidation";
import { keyLedger, maxKeysPerApp } from "./keyLedger";
import { setKeyStatus } from "./lifecycle";
import { echoOf, type PrivateHalf, toOutputs } from "./outputs";
import { decideForNew } from "./plan";
import type { ClientJsonWebKeyInputs, ClientJsonWebKeyOutputs, ClientJsonWebKeyStatus, KeyPlan } from "./types";

/**
 * `create`: takes over the key this run's plan adopts, or adds a new one in the desired status: the brought public
 * key, or a pair generated here, once (the private half never goes to Okta; it becomes the secret outputs). The plan
 * comes from this run's `check` or `diff` of the same resource (a replacement adds a new key; only a new resource, or
 * a changed `adoptKeyId`, adopts). Everything on one app runs under the app's lock.
 */
export async function createClientJsonWebKey(
  inputs: ClientJsonWebKeyInputs,
): Promise<CreateResult<ClientJsonWebKeyOutputs>> {
  const { source, failures } = await readKeyInputs(inputs as unknown as Record<string, unknown>);
  if (failures.length > 0) {
    throw new Error(`creating a JSON Web Key: ${failures.map((f) => f.reason).join("; ")}`);
  }
  const okta = processOktaClient();
  const { appId } = inputs;
  const desired = inputs.status ?? "ACTIVE";
  const urn = resourceKey(inputs, `${appId}/new:${inputs.adoptKeyId ?? ""}`);
  const ledger = keyLedger(appId);
  const adopting = adoptedItem(ledger.plans.get(urn) ?? decideForNew(urn, inputs, source));
  return withAppLock(appId, async () => {
    let key: OktaJsonWebKey;
    let privateHalf: PrivateHalf | undefined;
    if (adopting !== undefined) key = await adopt(ledger, okta, appId, adopting);
    else ({ key, privateHalf } = await addNew(ledger, okta, appId, source, desired));
    ledger.holders.set(key.id, urn);
    const id = compositeId(appId, key.id);
    const echo = echoOf(inputs);
    if (key.status === desired) return { id, outs: toOutputs(appId, key, privateHalf, echo) };
    try {
      const updated = await setKeyStatus(okta, appId, key.id, desired);
      ledger.applied(updated);
      return { id, outs: toOutputs(appId, updated, privateHalf, echo) };
    } catch (e) {
      // The adopted key is now held: report it to the engine as created but not initialised (the dynamic
      // provider's ErrorResourceInitFailed), so it is kept in state and the next `up` retries the status.
      const properties = toOutputs(appId, key, privateHalf, echo);
      const failed = e instanceof Error ? e : new Error(String(e));
      const provider = inputs.__provider === undefined ? {} : { __provider: inputs.__provider };
      throw Object.assign(failed, { id, properties: { ...properties, ...provider }, reasons: [failed.message] });
    }
  });
}

async function adopt(
  ledger: AppLedger<OktaJsonWebKey, KeyPlan>,
  okta: OktaClient,
  appId: string,
  keyId: string,
): Promise<OktaJsonWebKey> {
  const listed = (await ledger.itemsNow()).find((k) => k.id === keyId);
  if (listed) return listed;
  try {
    return await okta.getClientJsonWebKey(appId, keyId);
  } catch (e) {
    if (isOktaApiError(e) && e.status === 404) {
      throw explainedError(
        `adopting JSON Web Key ${keyId} of app ${appId}: the app has no such key; set adoptKeyId to the id of one ` +
          "of its keys (see listClientJsonWebKeys), or remove it to add a new key",
        e,
      );
    }
    throw withContext(e, `adopting JSON Web Key ${keyId} of app ${appId}`);
  }
}

async function addNew(
  ledger: AppLedger<OktaJsonWebKey, KeyPlan>,
  okta: OktaClient,
  appId: string,
  source: KeySource,
  status: ClientJsonWebKeyStatus,
): Promise<{ key: OktaJsonWebKey; privateHalf?: PrivateHalf }> {
  let jwk: PublicJwk;
  let privateHalf: PrivateHalf | undefined;
  if (source.kind === "brought") jwk = source.jwk;
  else if (source.kind === "generate") {
    // The one place a pair is made: check and diff never make one, so the key Okta gets is the key in the outputs.
    const pair = await generateClientKeyPair(
      source.kid === undefined ? source.options : { ...source.options, kid: source.kid },
    );
    jwk = pair.publicJwk;
    privateHalf = { privateKeyPem: pair.privateKeyPem, privateJwk: pair.privateJwk };
  } else {
    throw explainedError(
      `adding a JSON Web Key to app ${appId}: the resource has neither publicKey nor generate, so there is no new ` +
        'key to add: set generate: { algorithm: "RS256" } or publicKey',
    );
  }
  const before = await ledger.itemsNow().catch((e) => {
    throw withContext(e, `listing the JSON Web Keys of app ${appId} before adding one`);
  });
  if (before.length >= maxKeysPerApp) {
    throw explainedError(
      `adding a JSON Web Key to app ${appId}: the app holds ${before.length} keys now, Okta's maximum, more than this ` +
        "run planned for: a key was added outside this run meanwhile. Retire a key that is not needed (deactivate, " +
        "then delete it), then run `pulumi up` again",
    );
  }
  const key = await okta.addClientJsonWebKey(appId, { jwk, status }).catch((e) => {
    throw withContext(e, `adding JSON Web Key "${jwk.kid}" to app ${appId}`);
  });
  ledger.applied(key);
  return privateHalf === undefined ? { key } : { key, privateHalf };
}
