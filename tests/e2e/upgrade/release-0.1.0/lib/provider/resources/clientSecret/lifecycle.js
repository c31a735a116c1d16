"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readClientSecret = readClientSecret;
exports.updateClientSecret = updateClientSecret;
exports.deleteClientSecret = deleteClientSecret;
const errors_1 = require("../../okta/errors");
const ids_1 = require("../../okta/ids");
const processClient_1 = require("../../okta/processClient");
const appLocks_1 = require("../appLocks");
const outputs_1 = require("./outputs");
const secretStatus_1 = require("./secretStatus");
const slots_1 = require("./slots");
const types_1 = require("./types");
function parseId(id) {
    const { appId, childId } = (0, ids_1.parseCompositeId)(id, "ClientSecret", types_1.exampleId);
    return { appId, secretId: childId };
}
/**
 * `read` (refresh, import): a secret or app gone from Okta answers an empty id, which removes it from state. Otherwise
 * the live status and `secret_hash` become the outputs (drift); the value Pulumi holds is kept, so a changed hash shows
 * as a replacement at the next `up`. With only the id (`pulumi import`), everything comes from Okta.
 */
async function readClientSecret(id, props) {
    const { appId, secretId } = parseId(id);
    let secret;
    try {
        secret = await (0, processClient_1.processOktaClient)().getClientSecret(appId, secretId);
    }
    catch (e) {
        if ((0, errors_1.isOktaApiError)(e) && e.status === 404) {
            (0, slots_1.forgetManaged)(secretId);
            return { id: "" };
        }
        throw (0, errors_1.withContext)(e, `reading client secret ${secretId} of app ${appId}`);
    }
    (0, slots_1.rememberManaged)(secretId);
    const prior = props ?? {};
    const imported = prior.secretId === undefined;
    const echo = { rotationTriggers: prior.rotationTriggers, adoptSecretId: prior.adoptSecretId };
    const outputs = (0, outputs_1.toOutputs)(appId, secret, imported ? undefined : prior.clientSecret, echo);
    // Inputs change only on import or when the status drifted: the next preview then shows the status going back
    // (`~ status: "INACTIVE" => "ACTIVE"`), and `up` restores it. Otherwise the stored inputs stay as the program set them.
    if (!imported && secret.status === prior.status)
        return { id, props: outputs };
    return { id, props: outputs, inputs: pickInputs(outputs) };
}
/** `update`: activates or deactivates the secret in place; every other change is a replacement. */
async function updateClientSecret(id, olds, news) {
    const { appId, secretId } = parseId(id);
    const desired = news.status ?? "ACTIVE";
    const echo = { rotationTriggers: news.rotationTriggers, adoptSecretId: news.adoptSecretId };
    if (olds.status === desired) {
        const { rotationTriggers: _t, adoptSecretId: _a, ...rest } = olds;
        return { outs: withEcho(rest, echo) };
    }
    const okta = (0, processClient_1.processOktaClient)();
    const secret = await (0, appLocks_1.withAppLock)(appId, () => (0, secretStatus_1.setSecretStatus)(okta, appId, secretId, desired, "create or activate another secret of the app first (e.g. another ClientSecret), then set status INACTIVE"));
    return { outs: (0, outputs_1.toOutputs)(appId, secret, olds.clientSecret, echo) };
}
/**
 * `delete`: deactivates the secret if ACTIVE, then deletes it; already gone is success. Okta refuses to deactivate
 * the app's only ACTIVE secret: the error then says how to proceed.
 */
async function deleteClientSecret(id, _props) {
    const { appId, secretId } = parseId(id);
    const okta = (0, processClient_1.processOktaClient)();
    await (0, appLocks_1.withAppLock)(appId, async () => {
        let secret;
        try {
            secret = await okta.getClientSecret(appId, secretId);
        }
        catch (e) {
            if ((0, errors_1.isOktaApiError)(e) && e.status === 404)
                return (0, slots_1.forgetManaged)(secretId);
            throw (0, errors_1.withContext)(e, `reading client secret ${secretId} of app ${appId} to delete it`);
        }
        if (secret.status === "ACTIVE") {
            const fix = "create or activate another secret of the app before deleting this one, " +
                "or keep this one in Okta by deleting the resource with the `retainOnDelete: true` option";
            try {
                await (0, secretStatus_1.setSecretStatus)(okta, appId, secretId, "INACTIVE", fix);
            }
            catch (e) {
                if ((0, errors_1.isOktaApiError)(e) && e.status === 404)
                    return (0, slots_1.forgetManaged)(secretId);
                throw e;
            }
        }
        await okta.deleteClientSecret(appId, secretId).catch((e) => {
            throw (0, errors_1.withContext)(e, `deleting client secret ${secretId} of app ${appId}`);
        });
        (0, slots_1.forgetManaged)(secretId);
    });
}
function withEcho(base, echo) {
    const out = { ...base };
    if (echo.rotationTriggers !== undefined)
        out.rotationTriggers = echo.rotationTriggers;
    if (echo.adoptSecretId !== undefined)
        out.adoptSecretId = echo.adoptSecretId;
    return out;
}
function pickInputs(outputs) {
    const { appId, status, rotationTriggers, adoptSecretId } = outputs;
    const inputs = { appId, status };
    if (rotationTriggers !== undefined)
        inputs.rotationTriggers = rotationTriggers;
    if (adoptSecretId !== undefined)
        inputs.adoptSecretId = adoptSecretId;
    return inputs;
}
