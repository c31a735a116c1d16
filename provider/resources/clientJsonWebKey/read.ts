import type { ReadResult } from "@pulumi/pulumi/dynamic";
import { isOktaApiError, withContext } from "../../okta/errors";
import type { OktaJsonWebKey } from "../../okta/jsonWebKeys";
import { keyLedger } from "./keyLedger";
import { echoOf, toOutputs } from "./outputs";
import { parseKeyResourceId } from "./resourceId";
import type { ClientJsonWebKeyOutputs } from "./types";

/**
 * `read` (refresh): the key as Okta holds it now, from the app's list (one request per app and run, however many of
 * its keys are refreshed). Gone from Okta, or its app gone: an empty id, which removes it from state. Otherwise the
 * live status and dates become the outputs; a generated key's private half, which only the state has, is kept.
 */
export async function readClientJsonWebKey(
  id: string,
  props?: Partial<ClientJsonWebKeyOutputs>,
): Promise<ReadResult<ClientJsonWebKeyOutputs>> {
  const { appId, keyId } = parseKeyResourceId(id);
  let keys: OktaJsonWebKey[];
  try {
    keys = await keyLedger(appId).itemsNow();
  } catch (e) {
    if (isOktaApiError(e) && e.status === 404) return { id: "" };
    throw withContext(e, `reading the JSON Web Keys of app ${appId}`);
  }
  const key = keys.find((k) => k.id === keyId);
  if (!key) return { id: "" };
  const prior = props ?? {};
  const outputs = toOutputs(appId, key, prior, echoOf(prior));
  // Inputs change only when the status drifted: the next preview then shows the status going back
  // (`~ status: "INACTIVE" => "ACTIVE"`), and `up` restores it. Otherwise the stored inputs stay as the program set them.
  if (key.status === prior.status) return { id, props: outputs };
  const { rotationTriggers, adoptKeyId, generate } = outputs;
  const inputs = { appId, status: key.status } as ClientJsonWebKeyOutputs;
  if (generate !== undefined) inputs.generate = generate;
  if (rotationTriggers !== undefined) inputs.rotationTriggers = rotationTriggers;
  if (adoptKeyId !== undefined) inputs.adoptKeyId = adoptKeyId;
  return { id, props: outputs, inputs };
}
