import { secretAuthentication } from "../../okta/clientAuthentication";
import { explainedError, isOktaApiError, withContext } from "../../okta/errors";
import type { OktaClientSecret } from "../../okta/oktaClient";
import { processOktaClient } from "../../runState";
import { clientSecretKind } from "../clientSecret/kind";
import { proveCredential, verificationRecord } from "../verificationProvider";
import type { ClientSecretVerificationInputs, ClientSecretVerificationOutputs } from "./types";

const keepsPrevious = "nothing that depends on this check ran: the previous secret stays ACTIVE";
const secretKind = {
  methods: ["client_secret_basic", "client_secret_post", "client_secret_jwt"] as const,
  method: "a client secret (client_secret_basic, client_secret_post or client_secret_jwt)",
  noun: "secret",
};

/**
 * Proves that the secret `secretId` of the app authenticates its client at the org authorization server. The value is
 * read from Okta (this run's list of the app's secrets, or a GET), checked against `secretHash`, and sent once as the
 * client's authentication of an introspection request, the way the app's `token_endpoint_auth_method` says
 * (`client_secret_basic`, `client_secret_post`, or an HS256 assertion for `client_secret_jwt`); it is never written to
 * the outputs, an error or a log. Throws when Okta refuses the secret or cannot be asked, so that the `up` fails before
 * anything that depends on this resource runs.
 */
export async function verifyClientSecret(
  inputs: ClientSecretVerificationInputs,
): Promise<ClientSecretVerificationOutputs> {
  const { appId, secretId, secretHash } = inputs;
  const doing = `verifying client secret ${secretId} of app ${appId}`;
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
  const { endpoint, answer } = await proveCredential(
    appId,
    secretKind,
    doing,
    keepsPrevious,
    (clientId, method, audience) => secretAuthentication(method, clientId, clientSecret, audience),
  );
  return { ...verificationRecord(inputs, { endpoint, answer }), secretId, secretHash };
}

async function secretOf(appId: string, secretId: string): Promise<OktaClientSecret> {
  // This run's list of the app already holds a secret the run created (with its value): no request then.
  const listed = (await clientSecretKind.ledger(appId).itemsNow()).find((s) => s.id === secretId);
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
