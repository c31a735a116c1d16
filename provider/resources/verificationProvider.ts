import type { CheckFailure, CheckResult, DiffResult, ReadResult } from "@pulumi/pulumi/dynamic";
import { proveClientCredential } from "../okta/clientAuthentication";
import { explainedError, withContext } from "../okta/errors";
import { compositeId, oktaIdPattern } from "../okta/ids";
import type { ClientAuthentication } from "../okta/tokenEndpoint";
import { configureOkta, processOktaClient } from "../runState";
import { appInfoOfRun } from "./appInfo";
import type { FullResourceProvider } from "./fullProvider";
import { printedOnce } from "./hookErrors";
import { isUnknown } from "./previewUnknowns";

/** What every verification's inputs have besides the credential they name. */
export interface VerificationInputs {
  appId: string;
  /** Why the check is made (e.g. `generation 5, previous INACTIVE`): any change checks again. */
  checkedFor: string;
  /** The resource's own URN, added by the sdk (`resourceUrn` in state written by earlier versions). */
  __resourceUrn?: string;
  resourceUrn?: string;
  __provider?: string;
}

/** What every verification records: when Okta accepted the credential, where and what it answered. No credential. */
export interface VerificationRecord {
  appId: string;
  checkedFor: string;
  /** When Okta accepted the credential (ISO 8601, this machine's clock). */
  verifiedAt: string;
  /** What Okta answered after authenticating the client, e.g. `HTTP 200 {"active":false}`. */
  answer: string;
  /** The endpoint that answered: the org's introspection endpoint (its token endpoint where that is not served). */
  endpoint: string;
  __resourceUrn?: string;
  resourceUrn?: string;
  __provider?: string;
}

/** The record of a check Okta accepted (`proven`: where and what it answered), with the inputs it echoes. */
export function verificationRecord(
  inputs: VerificationInputs,
  proven: { endpoint: string; answer: string },
): VerificationRecord {
  const record: VerificationRecord = {
    appId: inputs.appId,
    checkedFor: inputs.checkedFor,
    verifiedAt: new Date().toISOString(),
    answer: proven.answer,
    endpoint: proven.endpoint,
  };
  if (inputs.__resourceUrn !== undefined) record.__resourceUrn = inputs.__resourceUrn;
  if (inputs.resourceUrn !== undefined) record.resourceUrn = inputs.resourceUrn;
  return record;
}

/** What one kind of verification checks: its inputs, their validation, and the check itself. */
interface VerificationKind<Inputs extends { appId: string }, Outputs> {
  /** The inputs whose change means a new check. */
  checkedInputs: readonly (keyof Inputs & keyof Outputs)[];
  /** Validates the inputs without any request; values unknown at preview pass. */
  validate(news: Record<string, unknown>): CheckFailure[];
  /** Makes the check at Okta's introspection endpoint; throws when the credential was refused. */
  verify(inputs: Inputs): Promise<Outputs>;
  /** The second part of the resource's id, after the app's (one verification of each kind per app and stack). */
  idSuffix: string;
}

/**
 * The seven hooks of a verification: a check that a credential authenticates its app's client at the org authorization
 * server, made when the resource is created and whenever what it checks changes. It holds no Okta object, so every
 * change is an update that checks again, a refresh does not check again (the record says what the last check found),
 * and a delete changes nothing in Okta.
 */
export function verificationProvider<Inputs extends { appId: string }, Outputs>(
  kind: VerificationKind<Inputs, Outputs>,
): FullResourceProvider<Inputs, Outputs> {
  async function check(_olds: Inputs, news: Inputs): Promise<CheckResult<Inputs>> {
    const failures = kind.validate(news as unknown as Record<string, unknown>);
    // Configuration errors surface here, at preview.
    processOktaClient();
    return failures.length > 0 ? { inputs: news, failures } : { inputs: news };
  }
  async function diff(_id: string, olds: Partial<Outputs>, news: Partial<Inputs>): Promise<DiffResult> {
    const changes = kind.checkedInputs.some((key) => olds[key] !== (news[key] as unknown));
    return { changes, replaces: [], deleteBeforeReplace: false };
  }
  async function read(id: string, props?: Partial<Outputs>): Promise<ReadResult<Outputs>> {
    return props === undefined ? { id } : { id, props: props as Outputs };
  }
  return {
    configure: printedOnce(async (req) => configureOkta(req)),
    check: printedOnce(check),
    diff: printedOnce(diff),
    create: printedOnce(async (inputs: Inputs) => ({
      id: compositeId(inputs.appId, kind.idSuffix),
      outs: await kind.verify(inputs),
    })),
    read: printedOnce(read),
    update: printedOnce(async (_id: string, _olds: Outputs, news: Inputs) => ({ outs: await kind.verify(news) })),
    delete: printedOnce(async () => {}),
  };
}

/**
 * Validates what the inputs of every verification share, without any request; values unknown at preview pass:
 * `appId` and the credential's id (`idProperty`: `secretId`, `keyId`) are Okta ids, and `checkedFor` and the kind's
 * own text input (`textProperty`, with `textWhat` saying what to give) are not empty.
 */
export function validateVerificationBasics(
  news: Record<string, unknown>,
  idProperty: string,
  idExample: string,
  textProperty: string,
  textWhat: string,
): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const id = (property: string, example: string) => {
    const value = news[property];
    if (isUnknown(value)) return;
    if (typeof value !== "string" || !oktaIdPattern.test(value)) {
      failures.push({
        property,
        reason: `${property} must be an Okta id of 20 letters and digits, like ${example}, got ${JSON.stringify(value ?? null)}`,
      });
    }
  };
  const text = (property: string, what: string) => {
    const value = news[property];
    if (!isUnknown(value) && (typeof value !== "string" || value === "")) {
      failures.push({ property, reason: `${property} is required: ${what}` });
    }
  };
  id("appId", "0oa1b2c3d4e5f6g7h8i9");
  id(idProperty, idExample);
  text(textProperty, textWhat);
  text("checkedFor", "a text saying why the check is made");
  return failures;
}

/** How a verification's credential authenticates its client, for the rule of which apps it can authenticate. */
interface CredentialKind<Method extends string> {
  /** The token_endpoint_auth_methods that authenticate a client with this kind of credential. */
  methods: readonly Method[];
  /** What the methods are called in messages: `a client secret`, `private_key_jwt`. */
  method: string;
  /** What it is called in messages: `secret`, `key`. */
  noun: string;
}

/**
 * Asks the org authorization server whether the app's client authenticates with the credential `credentialFor`
 * makes for its client id and `token_endpoint_auth_method` (read once per run; Okta's default `client_secret_basic`
 * when the app names none) and an endpoint (`audience`): a random token introspected with it, or where introspection
 * is not served the token endpoint ({@link proveClientCredential}). An app whose method uses no credential of this
 * kind is refused before any request: Okta would refuse its client with any such credential. Throws, with `doing` and
 * what the failure leaves (`keepsPrevious`), when Okta refuses the credential or cannot be asked; otherwise gives the
 * client id, the endpoint that answered and what it answered.
 */
export async function proveCredential<Method extends string>(
  appId: string,
  kind: CredentialKind<Method>,
  doing: string,
  keepsPrevious: string,
  credentialFor: (clientId: string, method: Method, audience: string) => Promise<ClientAuthentication>,
): Promise<{ clientId: string; endpoint: string; answer: string }> {
  const { orgUrl } = processOktaClient();
  const app = await appInfoOfRun(appId).catch((e) => {
    throw withContext(e, `${doing}: reading app ${appId}`);
  });
  const clientId = app.clientId ?? appId;
  const method = app.tokenEndpointAuthMethod ?? "client_secret_basic";
  if (!(kind.methods as readonly string[]).includes(method)) {
    throw explainedError(
      `${doing}: app ${appId} authenticates with ${method} (its token_endpoint_auth_method), which takes no client ` +
        `${kind.noun}: Okta would refuse its client with any ${kind.noun}, so the check cannot pass; ${keepsPrevious}. ` +
        `Set the app's client authentication to ${kind.method}, or turn verify off`,
    );
  }
  const outcome = await proveClientCredential(orgUrl, clientId, (audience) =>
    credentialFor(clientId, method as Method, audience),
  ).catch((e) => {
    throw withContext(e, `${doing} (${keepsPrevious}; run \`pulumi up\` again when Okta answers)`);
  });
  const where = outcome.endpoint.endsWith("/introspect") ? "the introspection endpoint" : "the token endpoint";
  if (!outcome.authenticated) {
    throw explainedError(
      `${doing}: Okta refused it at ${where} (${outcome.refusal}); ${keepsPrevious}. Check that client ${clientId} ` +
        `authenticates with ${kind.method} (its token_endpoint_auth_method) and that the ${kind.noun} is ACTIVE`,
    );
  }
  return { clientId, endpoint: outcome.endpoint, answer: outcome.answer };
}
