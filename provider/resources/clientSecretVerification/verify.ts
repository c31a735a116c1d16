import { explainedError, isOktaApiError, withContext } from "../../okta/errors";
import type { OktaClientSecret } from "../../okta/oktaClient";
import { processOktaClient } from "../../okta/processClient";
import { secretLedger } from "../clientSecret/slots";
import { authenticateAtTokenEndpoint } from "../verificationProvider";
import type { ClientSecretVerificationInputs, ClientSecretVerificationOutputs } from "./types";

const keepsPrevious = "nothing that depends on this check ran: the previous secret stays ACTIVE";

/**
 * Proves that the secret `secretId` of the app authenticates at the org's token endpoint. The value is read from Okta
 * (this run's list of the app's secrets, or a GET), checked against `secretHash`, and sent once as
 * `client_secret_basic`; it is never written to the outputs, an error or a log. Throws when Okta refuses the secret
 * or cannot be asked, so that the `up` fails before anything that depends on this resource runs.
 */
export async function verifyClientSecret(
  inputs: ClientSecretVerificationInputs,
): Promise<ClientSecretVerificationOutputs> {
  const { appId, secretId, secretHash } = inputs;
  const doing = `verifying client secret ${secretId} of app ${appId} at the token endpoint`;
  const secret = await secretOf(appId, secretId).catch((e) => {
    throw withContext(e, `${doing}: reading the secret`);
  });
  if (secret.status !== "ACTIVE") {
    throw explainedError(
      `${doing}: the secret is ${secret.status} in Okta, so it cannot authenticate; ${keepsPrevious}. Activate it, or run \`pulumi refresh\` and \`pulumi up\``,
    );
  }
  if (secret.client_secret === undefined || secret.secret_hash !== secretHash) {
    throw explainedError(
      `${doing}: Okta holds a different value under ${secretId} than the one expected (secret_hash ` +
        `${secret.secret_hash ?? "missing"}, expected ${secretHash}); ${keepsPrevious}. Run \`pulumi refresh\`, then \`pulumi up\``,
    );
  }
  const clientSecret = secret.client_secret;
  const { endpoint, answer } = await authenticateAtTokenEndpoint(
    appId,
    { method: "a client secret", noun: "secret" },
    doing,
    keepsPrevious,
    async (clientId) => ({ kind: "client_secret_basic", clientId, clientSecret }),
  );
  const outputs: ClientSecretVerificationOutputs = {
    appId,
    secretId,
    secretHash,
    checkedFor: inputs.checkedFor,
    verifiedAt: new Date().toISOString(),
    answer,
    tokenEndpoint: endpoint,
  };
  if (inputs.resourceUrn !== undefined) outputs.resourceUrn = inputs.resourceUrn;
  return outputs;
}

async function secretOf(appId: string, secretId: string): Promise<OktaClientSecret> {
  // This run's list of the app already holds a secret the run created (with its value): no request then.
  const listed = (await secretLedger(appId).itemsNow()).find((s) => s.id === secretId);
  if (listed?.client_secret !== undefined) return listed;
  try {
    return await processOktaClient().getClientSecret(appId, secretId);
  } catch (e) {
    if (isOktaApiError(e) && e.status === 404) {
      throw explainedError(`app ${appId} has no client secret ${secretId} (Okta answered 404); ${keepsPrevious}`, e);
    }
    throw e;
  }
}
