import type { OktaClientSecret } from "../../okta/oktaClient";
import { secretHash } from "../../okta/secretHash";
import type { ClientSecretOutputs } from "./types";

/**
 * The outputs of a secret, from Okta's object. The value is Okta's when it returns one (it does on every read), else
 * `value` (what was sent, or what the state holds), so the outputs always hold the secret Okta has now. The echoed
 * inputs are added by the hooks.
 */
export function secretOutputs(appId: string, secret: OktaClientSecret, value: string | undefined): ClientSecretOutputs {
  const clientSecret = secret.client_secret ?? value ?? "";
  return {
    appId,
    secretId: secret.id,
    clientSecret,
    secretHash: secret.secret_hash ?? (clientSecret === "" ? "" : secretHash(clientSecret)),
    status: secret.status,
    created: secret.created,
    lastUpdated: secret.lastUpdated,
  };
}

/** The secret as the outputs hold it, in Okta's shape (for an update that changes nothing at Okta). */
export function secretOfOutputs(outputs: ClientSecretOutputs): OktaClientSecret {
  return {
    id: outputs.secretId,
    status: outputs.status,
    created: outputs.created,
    lastUpdated: outputs.lastUpdated,
    client_secret: outputs.clientSecret,
    secret_hash: outputs.secretHash,
  };
}
