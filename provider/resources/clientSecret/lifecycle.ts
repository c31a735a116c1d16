import { explainedError, isOktaApiError, withContext } from "../../okta/errors";
import type { OktaClient, OktaClientSecret } from "../../okta/oktaClient";
import type { ClientSecretStatus } from "./types";

/** Activates or deactivates a secret; Okta's refusal to deactivate the app's only ACTIVE secret says what to do. */
export async function setSecretStatus(
  okta: OktaClient,
  appId: string,
  secretId: string,
  status: ClientSecretStatus,
  fix = "create or activate another secret of the app first, then deactivate this one",
): Promise<OktaClientSecret> {
  const doing = `${status === "ACTIVE" ? "activating" : "deactivating"} client secret ${secretId} of app ${appId}`;
  try {
    return status === "ACTIVE"
      ? await okta.activateClientSecret(appId, secretId)
      : await okta.deactivateClientSecret(appId, secretId);
  } catch (e) {
    if (isOktaApiError(e) && e.is(400, "only active client secret")) {
      const why = "it is the app's only ACTIVE client secret, which Okta refuses to deactivate";
      throw explainedError(`${doing}: ${why}: ${fix} (${e.message})`, e);
    }
    throw withContext(e, doing);
  }
}
