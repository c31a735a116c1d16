"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createClientSecret = createClientSecret;
const errors_1 = require("../../okta/errors");
const ids_1 = require("../../okta/ids");
const processClient_1 = require("../../okta/processClient");
const appLocks_1 = require("../appLocks");
const adoptions_1 = require("./adoptions");
const inputValidation_1 = require("./inputValidation");
const outputs_1 = require("./outputs");
const secretStatus_1 = require("./secretStatus");
const slots_1 = require("./slots");
/**
 * `create`: POSTs a new secret (generated or bring-your-own), or adopts `adoptSecretId`, then applies `status`.
 * Everything on one app runs under the app's lock, so the slot check and the POST are one step for this process.
 */
async function createClientSecret(inputs) {
    const failures = (0, inputValidation_1.validateClientSecretInputs)(inputs);
    if (failures.length > 0)
        throw new Error(`creating client secret: ${failures.map((f) => f.reason).join("; ")}`);
    const okta = (0, processClient_1.processOktaClient)();
    const { appId } = inputs;
    const desired = inputs.status ?? "ACTIVE";
    return (0, appLocks_1.withAppLock)(appId, async () => {
        const adopting = inputs.adoptSecretId !== undefined && !(0, adoptions_1.adoptionHonoured)(appId, inputs.adoptSecretId);
        const secret = adopting
            ? await adopt(okta, appId, inputs.adoptSecretId)
            : await createNew(okta, appId, inputs.clientSecret);
        (0, slots_1.rememberManaged)(secret.id);
        const id = (0, ids_1.compositeId)(appId, secret.id);
        const echo = { rotationTriggers: inputs.rotationTriggers, adoptSecretId: inputs.adoptSecretId };
        if (secret.status === desired)
            return { id, outs: (0, outputs_1.toOutputs)(appId, secret, inputs.clientSecret, echo) };
        try {
            const updated = await (0, secretStatus_1.setSecretStatus)(okta, appId, secret.id, desired);
            return { id, outs: (0, outputs_1.toOutputs)(appId, updated, inputs.clientSecret, echo) };
        }
        catch (e) {
            // The secret exists: report it to the engine as created but not initialised (the dynamic provider's
            // ErrorResourceInitFailed), so it is kept in state and the next `up` retries the status, rather than leak it.
            // The engine encrypts additionalSecretOutputs in these properties too (measured: no plaintext in state).
            const properties = (0, outputs_1.toOutputs)(appId, secret, inputs.clientSecret, echo);
            const failed = e instanceof Error ? e : new Error(String(e));
            const provider = inputs.__provider === undefined ? {} : { __provider: inputs.__provider };
            throw Object.assign(failed, { id, properties: { ...properties, ...provider }, reasons: [failed.message] });
        }
    });
}
async function adopt(okta, appId, secretId) {
    try {
        return await okta.getClientSecret(appId, secretId);
    }
    catch (e) {
        if ((0, errors_1.isOktaApiError)(e) && e.status === 404) {
            throw new Error(`adopting client secret ${secretId} of app ${appId}: the app has no such secret; ` +
                "set adoptSecretId to the id of one of its secrets (see listClientSecrets), or remove it to create a new secret", { cause: e });
        }
        throw (0, errors_1.withContext)(e, `adopting client secret ${secretId} of app ${appId}`);
    }
}
async function createNew(okta, appId, clientSecret) {
    const before = await okta.listClientSecrets(appId).catch((e) => {
        throw (0, errors_1.withContext)(e, `listing the client secrets of app ${appId} before creating one`);
    });
    const problem = (0, slots_1.slotProblem)(appId, before);
    if (problem)
        throw (0, errors_1.explainedError)(problem);
    const request = clientSecret === undefined ? { before } : { before, clientSecret };
    return okta.createClientSecret(appId, request).catch((e) => {
        throw (0, errors_1.withContext)(e, `creating a client secret for app ${appId}`);
    });
}
