import { explainedError, isOktaApiError, withContext } from "../../okta/errors";
import type { OktaJsonWebKey } from "../../okta/jsonWebKeys";
import type { OktaClient } from "../../okta/oktaClient";
import type { ClientJsonWebKeyStatus } from "./types";

/** What to do instead when Okta refuses to deactivate a key, for the two refusals it has. */
interface DeactivationFixes {
  lastSigningKey: string;
  activeEncryptionKey: string;
}

const defaultFixes: DeactivationFixes = {
  lastSigningKey:
    "add or activate another signing key of the app first (e.g. another ClientJsonWebKey), then deactivate this one",
  activeEncryptionKey: "activate another encryption key of the app first (Okta then deactivates this one)",
};

/**
 * Activates or deactivates a key. Okta refuses to deactivate the only ACTIVE key of a `private_key_jwt` app (the app
 * could no longer authenticate) and the ACTIVE encryption key: the error then says what to do.
 */
export async function setKeyStatus(
  okta: OktaClient,
  appId: string,
  keyId: string,
  status: ClientJsonWebKeyStatus,
  fixes: DeactivationFixes = defaultFixes,
): Promise<OktaJsonWebKey> {
  const doing = `${status === "ACTIVE" ? "activating" : "deactivating"} JSON Web Key ${keyId} of app ${appId}`;
  try {
    return status === "ACTIVE"
      ? await okta.activateClientJsonWebKey(appId, keyId)
      : await okta.deactivateClientJsonWebKey(appId, keyId);
  } catch (e) {
    if (isOktaApiError(e) && e.is(400, "only active JSON Web Key")) {
      const why =
        "it is the only ACTIVE key of an app that authenticates with private_key_jwt, which Okta refuses to " +
        "deactivate (the app could no longer get tokens)";
      throw explainedError(`${doing}: ${why}: ${fixes.lastSigningKey} (${e.message})`, e);
    }
    if (isOktaApiError(e) && e.is(400, "deactivate the active encryption key")) {
      const why = "it is the app's ACTIVE encryption key, which Okta never deactivates directly";
      throw explainedError(`${doing}: ${why}: ${fixes.activeEncryptionKey} (${e.message})`, e);
    }
    throw withContext(e, doing);
  }
}
