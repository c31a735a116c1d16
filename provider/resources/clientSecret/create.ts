import type { CreateResult } from "@pulumi/pulumi/dynamic";
import { explainedError, isOktaApiError, withContext } from "../../okta/errors";
import { compositeId } from "../../okta/ids";
import type { OktaClient, OktaClientSecret } from "../../okta/oktaClient";
import { processOktaClient } from "../../okta/processClient";
import { withAppLock } from "../appLocks";
import { adoptionHonoured } from "./adoptions";
import { validateClientSecretInputs } from "./inputValidation";
import { toOutputs } from "./outputs";
import { setSecretStatus } from "./secretStatus";
import { rememberManaged, slotProblem } from "./slots";
import type { ClientSecretInputs, ClientSecretOutputs } from "./types";

/**
 * `create`: POSTs a new secret (generated or bring-your-own), or adopts `adoptSecretId`, then applies `status`.
 * Everything on one app runs under the app's lock, so the slot check and the POST are one step for this process.
 */
export async function createClientSecret(inputs: ClientSecretInputs): Promise<CreateResult<ClientSecretOutputs>> {
  const failures = validateClientSecretInputs(inputs as unknown as Record<string, unknown>);
  if (failures.length > 0) throw new Error(`creating client secret: ${failures.map((f) => f.reason).join("; ")}`);
  const okta = processOktaClient();
  const { appId } = inputs;
  const desired = inputs.status ?? "ACTIVE";
  return withAppLock(appId, async () => {
    const adopting = inputs.adoptSecretId !== undefined && !adoptionHonoured(appId, inputs.adoptSecretId);
    const secret = adopting
      ? await adopt(okta, appId, inputs.adoptSecretId as string)
      : await createNew(okta, appId, inputs.clientSecret);
    rememberManaged(secret.id);
    const id = compositeId(appId, secret.id);
    const echo = { rotationTriggers: inputs.rotationTriggers, adoptSecretId: inputs.adoptSecretId };
    if (secret.status === desired) return { id, outs: toOutputs(appId, secret, inputs.clientSecret, echo) };
    try {
      const updated = await setSecretStatus(okta, appId, secret.id, desired);
      return { id, outs: toOutputs(appId, updated, inputs.clientSecret, echo) };
    } catch (e) {
      // The secret exists: report it to the engine as created but not initialised (the dynamic provider's
      // ErrorResourceInitFailed), so it is kept in state and the next `up` retries the status, rather than leak it.
      // The engine encrypts additionalSecretOutputs in these properties too (measured: no plaintext in state).
      const properties = toOutputs(appId, secret, inputs.clientSecret, echo);
      const failed = e instanceof Error ? e : new Error(String(e));
      const provider = inputs.__provider === undefined ? {} : { __provider: inputs.__provider };
      throw Object.assign(failed, { id, properties: { ...properties, ...provider }, reasons: [failed.message] });
    }
  });
}

async function adopt(okta: OktaClient, appId: string, secretId: string): Promise<OktaClientSecret> {
  try {
    return await okta.getClientSecret(appId, secretId);
  } catch (e) {
    if (isOktaApiError(e) && e.status === 404) {
      throw new Error(
        `adopting client secret ${secretId} of app ${appId}: the app has no such secret; ` +
          "set adoptSecretId to the id of one of its secrets (see listClientSecrets), or remove it to create a new secret",
        { cause: e },
      );
    }
    throw withContext(e, `adopting client secret ${secretId} of app ${appId}`);
  }
}

async function createNew(okta: OktaClient, appId: string, clientSecret: string | undefined): Promise<OktaClientSecret> {
  const before = await okta.listClientSecrets(appId).catch((e) => {
    throw withContext(e, `listing the client secrets of app ${appId} before creating one`);
  });
  const problem = slotProblem(appId, before);
  if (problem) throw explainedError(problem);
  const request = clientSecret === undefined ? { before } : { before, clientSecret };
  return okta.createClientSecret(appId, request).catch((e) => {
    throw withContext(e, `creating a client secret for app ${appId}`);
  });
}
