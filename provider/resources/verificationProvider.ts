import type { CheckFailure, CheckResult, DiffResult, ReadResult } from "@pulumi/pulumi/dynamic";
import { checkClientAuthenticates } from "../okta/clientAuthentication";
import { explainedError, withContext } from "../okta/errors";
import { compositeId, oktaIdPattern } from "../okta/ids";
import { configureOkta, processOktaClient } from "../okta/processClient";
import { type ClientAuthentication, tokenEndpoint } from "../okta/tokenEndpoint";
import { appInfoOfRun } from "./appInfo";
import { type FullResourceProvider, isUnknown } from "./fullProvider";
import { printedOnce } from "./hookErrors";

/** What one kind of verification checks: its inputs, their validation, and the check itself. */
interface VerificationKind<Inputs extends { appId: string }, Outputs> {
  /** The inputs whose change means a new check. */
  checkedInputs: readonly (keyof Inputs & keyof Outputs)[];
  /** Validates the inputs without any request; values unknown at preview pass. */
  validate(news: Record<string, unknown>): CheckFailure[];
  /** Makes the check at Okta's token endpoint; throws when the credential was refused. */
  verify(inputs: Inputs): Promise<Outputs>;
  /** The second part of the resource's id, after the app's (one verification of each kind per app and stack). */
  idSuffix: string;
}

/**
 * The seven hooks of a verification: a check that a credential authenticates its app at the org's token endpoint,
 * made when the resource is created and whenever what it checks changes. It holds no Okta object, so every change is
 * an update that checks again, a refresh does not check again (the record says what the last check found), and a
 * delete changes nothing in Okta.
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

/** How a verification's credential authenticates its client, for the message when Okta refuses it. */
interface CredentialKind {
  /** The token_endpoint_auth_method that uses it: `a client secret`, `private_key_jwt`. */
  method: string;
  /** What it is called in messages: `secret`, `key`. */
  noun: string;
}

/**
 * Asks the org's token endpoint whether the app's client authenticates with the credential `credentialFor` makes for
 * its client id (read once per run): one `client_credentials` request, no scope. Throws, with `doing` and what the
 * failure leaves (`keepsPrevious`), when Okta refuses it or cannot be asked; otherwise gives the client id, the
 * endpoint and what Okta answered.
 */
export async function authenticateAtTokenEndpoint(
  appId: string,
  kind: CredentialKind,
  doing: string,
  keepsPrevious: string,
  credentialFor: (clientId: string, endpoint: string) => Promise<ClientAuthentication>,
): Promise<{ clientId: string; endpoint: string; answer: string }> {
  const { orgUrl } = processOktaClient();
  const app = await appInfoOfRun(appId).catch((e) => {
    throw withContext(e, `${doing}: reading app ${appId}`);
  });
  const clientId = app.clientId ?? appId;
  const endpoint = tokenEndpoint({ orgUrl }).href;
  const credential = await credentialFor(clientId, endpoint);
  const outcome = await checkClientAuthenticates(orgUrl, credential).catch((e) => {
    throw withContext(e, `${doing} (${keepsPrevious}; run \`pulumi up\` again when the token endpoint answers)`);
  });
  if (!outcome.authenticated) {
    throw explainedError(
      `${doing}: Okta refused it (${outcome.refusal}); ${keepsPrevious}. Check that client ${clientId} ` +
        `authenticates with ${kind.method} (its token_endpoint_auth_method) and that the ${kind.noun} is ACTIVE`,
    );
  }
  return { clientId, endpoint, answer: outcome.answer };
}
