import { explainedError } from "../../okta/errors";
import type { OktaJsonWebKey } from "../../okta/jsonWebKeys";
import type { OktaClient } from "../../okta/oktaClient";
import { changeStatus } from "../credential/lifecycle";
import type { ClientJsonWebKeyStatus } from "./types";

/** What to do instead when Okta refuses to deactivate a key, for the two refusals it has. */
export interface DeactivationFixes {
  lastSigningKey: string;
  activeEncryptionKey: string;
}

/**
 * Activates or deactivates a key (Okta's lifecycle endpoints). Okta refuses to deactivate the only ACTIVE key of a
 * `private_key_jwt` app (the app could no longer authenticate) and the ACTIVE encryption key: the error then says what
 * to do.
 */
export function setKeyStatus(
  okta: OktaClient,
  appId: string,
  keyId: string,
  status: ClientJsonWebKeyStatus,
  fixes: DeactivationFixes,
): Promise<OktaJsonWebKey> {
  const doing = `${status === "ACTIVE" ? "activating" : "deactivating"} JSON Web Key ${keyId} of app ${appId}`;
  return changeStatus(status, doing, {
    activate: () => okta.activateClientJsonWebKey(appId, keyId),
    deactivate: () => okta.deactivateClientJsonWebKey(appId, keyId),
    explain: (e) => {
      if (e.is(400, "only active JSON Web Key")) {
        const why =
          "it is the only ACTIVE key of an app that authenticates with private_key_jwt, which Okta refuses to " +
          "deactivate (the app could no longer get tokens)";
        return explainedError(`${doing}: ${why}: ${fixes.lastSigningKey} (${e.message})`, e);
      }
      if (e.is(400, "deactivate the active encryption key")) {
        const why = "it is the app's ACTIVE encryption key, which Okta never deactivates directly";
        return explainedError(`${doing}: ${why}: ${fixes.activeEncryptionKey} (${e.message})`, e);
      }
      return undefined;
    },
  });
}
