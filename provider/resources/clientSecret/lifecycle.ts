import { explainedError } from "../../okta/errors";
import type { OktaClient, OktaClientSecret } from "../../okta/oktaClient";
import { changeStatus } from "../credential/lifecycle";
import type { ClientSecretStatus } from "./types";

/**
 * Activates or deactivates a secret (Okta's lifecycle endpoints); Okta's refusal to deactivate the app's only ACTIVE
 * secret says what to do instead (`fix`).
 */
export function setSecretStatus(
  okta: OktaClient,
  appId: string,
  secretId: string,
  status: ClientSecretStatus,
  fix: string,
): Promise<OktaClientSecret> {
  const doing = `${status === "ACTIVE" ? "activating" : "deactivating"} client secret ${secretId} of app ${appId}`;
  return changeStatus(status, doing, {
    activate: () => okta.activateClientSecret(appId, secretId),
    deactivate: () => okta.deactivateClientSecret(appId, secretId),
    explain: (e) =>
      e.is(400, "only active client secret")
        ? explainedError(
            `${doing}: it is the app's only ACTIVE client secret, which Okta refuses to deactivate: ${fix} (${e.message})`,
            e,
          )
        : undefined,
  });
}
