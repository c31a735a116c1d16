import type { ReadResult } from "@pulumi/pulumi/dynamic";
import { isOktaApiError, withContext } from "../../okta/errors";
import { type AnyCredentialKind, echoOf } from "./identity";
import type { CredentialOutputs } from "./kind";

/**
 * `read` (refresh): the credential as Okta holds it now, from the app's list (one request per app and run, however
 * many of its credentials are refreshed). Gone from Okta, or its app gone: an empty id, which removes it from state.
 * Otherwise the live status (and a secret's value) become the outputs, so the stack hands out what works; what only
 * the state holds (a generated key's private half) is kept.
 */
export async function readCredential(
  kind: AnyCredentialKind,
  id: string,
  props?: Partial<CredentialOutputs>,
): Promise<ReadResult<CredentialOutputs>> {
  const { appId, itemId } = kind.parseId(id);
  let items: { id: string; status: string }[];
  try {
    items = await kind.ledger(appId).itemsNow();
  } catch (e) {
    if (isOktaApiError(e) && e.status === 404) return { id: "" };
    throw withContext(e, kind.messages.listing(appId, "read"));
  }
  const item = items.find((i) => i.id === itemId);
  if (!item) return { id: "" };
  const prior = props ?? {};
  const outputs: CredentialOutputs = { ...kind.outputs(appId, item, kind.kept(prior)), ...echoOf(kind, prior) };
  // Inputs change only when the status drifted: the next preview then shows the status going back
  // (`~ status: "INACTIVE" => "ACTIVE"`), and `up` restores it. Otherwise the stored inputs stay as the program set them.
  if (item.status === prior.status) return { id, props: outputs };
  const inputs: Record<string, unknown> = { appId, status: item.status };
  for (const key of kind.echoedInputs) {
    const value = (outputs as unknown as Record<string, unknown>)[key];
    if (value !== undefined) inputs[key] = value;
  }
  return { id, props: outputs, inputs: inputs as unknown as CredentialOutputs };
}
