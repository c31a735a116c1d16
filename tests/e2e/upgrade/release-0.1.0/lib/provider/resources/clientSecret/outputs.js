"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toOutputs = toOutputs;
const secretHash_1 = require("../../okta/secretHash");
/** Builds the outputs from Okta's secret object; `value` is the plaintext when Okta does not return it. */
function toOutputs(appId, secret, value, echo) {
    const clientSecret = value ?? secret.client_secret ?? "";
    const outputs = {
        appId,
        secretId: secret.id,
        clientSecret,
        secretHash: secret.secret_hash ?? (clientSecret === "" ? "" : (0, secretHash_1.secretHash)(clientSecret)),
        status: secret.status,
        created: secret.created,
        lastUpdated: secret.lastUpdated,
    };
    // Pulumi's property structs cannot hold `undefined`: leave absent fields out.
    if (echo.rotationTriggers !== undefined)
        outputs.rotationTriggers = echo.rotationTriggers;
    if (echo.adoptSecretId !== undefined)
        outputs.adoptSecretId = echo.adoptSecretId;
    return outputs;
}
