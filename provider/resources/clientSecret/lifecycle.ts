import type { ReadResult, UpdateResult } from "@pulumi/pulumi/dynamic";
import { isOktaApiError, withContext } from "../../okta/errors";
import { parseCompositeId } from "../../okta/ids";
import type { OktaClientSecret } from "../../okta/oktaClient";
import { processOktaClient } from "../../okta/processClient";
import { withAppLock } from "../appLocks";
import { type Echo, toOutputs } from "./outputs";
import { setSecretStatus } from "./secretStatus";
import { forgetManaged, rememberManaged } from "./slots";
import { type ClientSecretInputs, type ClientSecretOutputs, exampleId } from "./types";

function parseId(id: string): { appId: string; secretId: string } {
  const { appId, childId } = parseCompositeId(id, "ClientSecret", exampleId);
  return { appId, secretId: childId };
}

/**
 * `read` (refresh, import): a secret or app gone from Okta answers an empty id, which removes it from state. Otherwise
 * the live status and `secret_hash` become the outputs (drift); the value Pulumi holds is kept, so a changed hash shows
 * as a replacement at the next `up`. With only the id (`pulumi import`), everything comes from Okta.
 */
export async function readClientSecret(
  id: string,
  props?: Partial<ClientSecretOutputs>,
): Promise<ReadResult<ClientSecretOutputs>> {
  const { appId, secretId } = parseId(id);
  let secret: OktaClientSecret;
  try {
    secret = await processOktaClient().getClientSecret(appId, secretId);
  } catch (e) {
    if (isOktaApiError(e) && e.status === 404) {
      forgetManaged(secretId);
      return { id: "" };
    }
    throw withContext(e, `reading client secret ${secretId} of app ${appId}`);
  }
  rememberManaged(secretId);
  const prior = props ?? {};
  const imported = prior.secretId === undefined;
  const echo = { rotationTriggers: prior.rotationTriggers, adoptSecretId: prior.adoptSecretId };
  const outputs = toOutputs(appId, secret, imported ? undefined : prior.clientSecret, echo);
  // Inputs change only on import or when the status drifted: the next preview then shows the status going back
  // (`~ status: "INACTIVE" => "ACTIVE"`), and `up` restores it. Otherwise the stored inputs stay as the program set them.
  if (!imported && secret.status === prior.status) return { id, props: outputs };
  return { id, props: outputs, inputs: pickInputs(outputs) };
}

/** `update`: activates or deactivates the secret in place; every other change is a replacement. */
export async function updateClientSecret(
  id: string,
  olds: ClientSecretOutputs,
  news: ClientSecretInputs,
): Promise<UpdateResult<ClientSecretOutputs>> {
  const { appId, secretId } = parseId(id);
  const desired = news.status ?? "ACTIVE";
  const echo = { rotationTriggers: news.rotationTriggers, adoptSecretId: news.adoptSecretId };
  if (olds.status === desired) {
    const { rotationTriggers: _t, adoptSecretId: _a, ...rest } = olds;
    return { outs: withEcho(rest, echo) };
  }
  const okta = processOktaClient();
  const secret = await withAppLock(appId, () =>
    setSecretStatus(
      okta,
      appId,
      secretId,
      desired,
      "create or activate another secret of the app first (e.g. another ClientSecret), then set status INACTIVE",
    ),
  );
  return { outs: toOutputs(appId, secret, olds.clientSecret, echo) };
}

/**
 * `delete`: deactivates the secret if ACTIVE, then deletes it; already gone is success. Okta refuses to deactivate
 * the app's only ACTIVE secret: the error then says how to proceed.
 */
export async function deleteClientSecret(id: string, _props?: Partial<ClientSecretOutputs>): Promise<void> {
  const { appId, secretId } = parseId(id);
  const okta = processOktaClient();
  await withAppLock(appId, async () => {
    let secret: OktaClientSecret;
    try {
      secret = await okta.getClientSecret(appId, secretId);
    } catch (e) {
      if (isOktaApiError(e) && e.status === 404) return forgetManaged(secretId);
      throw withContext(e, `reading client secret ${secretId} of app ${appId} to delete it`);
    }
    if (secret.status === "ACTIVE") {
      const fix =
        "create or activate another secret of the app before deleting this one, " +
        "or keep this one in Okta by deleting the resource with the `retainOnDelete: true` option";
      try {
        await setSecretStatus(okta, appId, secretId, "INACTIVE", fix);
      } catch (e) {
        if (isOktaApiError(e) && e.status === 404) return forgetManaged(secretId);
        throw e;
      }
    }
    await okta.deleteClientSecret(appId, secretId).catch((e) => {
      throw withContext(e, `deleting client secret ${secretId} of app ${appId}`);
    });
    forgetManaged(secretId);
  });
}

function withEcho(base: ClientSecretOutputs, echo: Echo): ClientSecretOutputs {
  const out = { ...base };
  if (echo.rotationTriggers !== undefined) out.rotationTriggers = echo.rotationTriggers;
  if (echo.adoptSecretId !== undefined) out.adoptSecretId = echo.adoptSecretId;
  return out;
}

function pickInputs(outputs: ClientSecretOutputs): ClientSecretOutputs {
  const { appId, status, rotationTriggers, adoptSecretId } = outputs;
  const inputs = { appId, status } as ClientSecretOutputs;
  if (rotationTriggers !== undefined) inputs.rotationTriggers = rotationTriggers;
  if (adoptSecretId !== undefined) inputs.adoptSecretId = adoptSecretId;
  return inputs;
}
