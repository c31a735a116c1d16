import type { CheckResult, CreateResult, DiffResult, ReadResult, UpdateResult } from "@pulumi/pulumi/dynamic";
import { compositeId } from "../../okta/ids";
import { configureOkta, processOktaClient } from "../../okta/processClient";
import type { FullResourceProvider } from "../fullProvider";
import { printedOnce } from "../hookErrors";
import { validateKeyVerificationInputs } from "./inputValidation";
import type { ClientJsonWebKeyVerificationInputs, ClientJsonWebKeyVerificationOutputs } from "./types";
import { verifyClientJsonWebKey } from "./verify";

type Inputs = ClientJsonWebKeyVerificationInputs;
type Outputs = ClientJsonWebKeyVerificationOutputs;

/** The inputs whose change means a new check (a new key has a new `keyId`: the private key is not compared). */
const checkedInputs = ["appId", "keyId", "kid", "checkedFor"] as const;

async function check(_olds: Inputs, news: Inputs): Promise<CheckResult<Inputs>> {
  const failures = validateKeyVerificationInputs(news as unknown as Record<string, unknown>);
  // Configuration errors surface here, at preview.
  processOktaClient();
  return failures.length > 0 ? { inputs: news, failures } : { inputs: news };
}

async function diff(_id: string, olds: Partial<Outputs>, news: Partial<Inputs>): Promise<DiffResult> {
  // A check owns nothing in Okta: every change is an update that checks again, never a replacement.
  return { changes: checkedInputs.some((key) => olds[key] !== news[key]), replaces: [], deleteBeforeReplace: false };
}

async function create(inputs: Inputs): Promise<CreateResult<Outputs>> {
  const outs = await verifyClientJsonWebKey(inputs);
  return { id: compositeId(inputs.appId, "key-verification"), outs };
}

async function read(id: string, props?: Partial<Outputs>): Promise<ReadResult<Outputs>> {
  // A refresh does not check again: the record says what the last check found.
  return props === undefined ? { id } : { id, props: props as Outputs };
}

async function update(_id: string, _olds: Outputs, news: Inputs): Promise<UpdateResult<Outputs>> {
  return { outs: await verifyClientJsonWebKey(news) };
}

async function remove(): Promise<void> {
  // Nothing in Okta belongs to a check.
}

/**
 * The seven hooks of `ClientJsonWebKeyVerification`: a check that a JSON Web Key authenticates its app at the org's
 * token endpoint (an assertion signed with its private half), made when the resource is created and whenever what it
 * checks changes. It holds no Okta object.
 */
export const clientJsonWebKeyVerificationProvider: FullResourceProvider<Inputs, Outputs> = {
  configure: printedOnce(async (req) => configureOkta(req)),
  check: printedOnce(check),
  diff: printedOnce(diff),
  create: printedOnce(create),
  read: printedOnce(read),
  update: printedOnce(update),
  delete: printedOnce(remove),
};
