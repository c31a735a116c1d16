import type { ReadResult } from "@pulumi/pulumi/dynamic";
import { isOktaApiError, withContext } from "../../okta/errors";
import type { OktaClientSecret } from "../../okta/oktaClient";
import { echoOf, toOutputs } from "./outputs";
import { parseSecretResourceId } from "./resourceId";
import { secretLedger } from "./slots";
import type { ClientSecretOutputs } from "./types";

/**
 * `read` (refresh): the secret as Okta holds it now, from the app's list (one request per app and run, however many
 * of its secrets are refreshed). Gone from Okta, or its app gone: an empty id, which removes it from state. Otherwise
 * the live status, value and `secret_hash` become the outputs, so the stack hands out the secret that works.
 */
export async function readClientSecret(
  id: string,
  props?: Partial<ClientSecretOutputs>,
): Promise<ReadResult<ClientSecretOutputs>> {
  const { appId, secretId } = parseSecretResourceId(id);
  let secrets: OktaClientSecret[];
  try {
    secrets = await secretLedger(appId).itemsNow();
  } catch (e) {
    if (isOktaApiError(e) && e.status === 404) return { id: "" };
    throw withContext(e, `reading the client secrets of app ${appId}`);
  }
  const secret = secrets.find((s) => s.id === secretId);
  if (!secret) return { id: "" };
  const prior = props ?? {};
  const outputs = toOutputs(appId, secret, prior.clientSecret, echoOf(prior));
  // Inputs change only when the status drifted: the next preview then shows the status going back
  // (`~ status: "INACTIVE" => "ACTIVE"`), and `up` restores it. Otherwise the stored inputs stay as the program set them.
  if (secret.status === prior.status) return { id, props: outputs };
  const { rotationTriggers, adoptSecretId } = outputs;
  const inputs = { appId, status: secret.status } as ClientSecretOutputs;
  if (rotationTriggers !== undefined) inputs.rotationTriggers = rotationTriggers;
  if (adoptSecretId !== undefined) inputs.adoptSecretId = adoptSecretId;
  return { id, props: outputs, inputs };
}
