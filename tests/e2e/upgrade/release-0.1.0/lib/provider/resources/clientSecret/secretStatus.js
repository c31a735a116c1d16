"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.setSecretStatus = setSecretStatus;
const errors_1 = require("../../okta/errors");
/** Activates or deactivates a secret; Okta's refusal to deactivate the app's only ACTIVE secret says what to do. */
async function setSecretStatus(okta, appId, secretId, status, fix = "create or activate another secret of the app first, then deactivate this one") {
    const doing = `${status === "ACTIVE" ? "activating" : "deactivating"} client secret ${secretId} of app ${appId}`;
    try {
        return status === "ACTIVE"
            ? await okta.activateClientSecret(appId, secretId)
            : await okta.deactivateClientSecret(appId, secretId);
    }
    catch (e) {
        if ((0, errors_1.isOktaApiError)(e) && e.is(400, "only active client secret")) {
            const why = "it is the app's only ACTIVE client secret, which Okta refuses to deactivate";
            throw (0, errors_1.explainedError)(`${doing}: ${why}: ${fix} (${e.message})`, e);
        }
        throw (0, errors_1.withContext)(e, doing);
    }
}
