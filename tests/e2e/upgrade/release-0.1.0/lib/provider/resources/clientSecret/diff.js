"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.diffClientSecret = diffClientSecret;
const errors_1 = require("../../okta/errors");
const processClient_1 = require("../../okta/processClient");
const secretHash_1 = require("../../okta/secretHash");
const fullProvider_1 = require("../fullProvider");
const adoptions_1 = require("./adoptions");
const replacements_1 = require("./replacements");
const rotationTriggers_1 = require("./rotationTriggers");
const slots_1 = require("./slots");
/**
 * `diff`: replace on appId, clientSecret (or a `secret_hash` drifted outside Pulumi), rotationTriggers and a new
 * adoptSecretId; update in place on status; nothing else. Replacement is create-before-delete, so when the plan
 * will create a new secret it fails here, at preview, if the app has no free slot.
 */
async function diffClientSecret(_id, olds, news) {
    (0, slots_1.rememberManaged)(olds.secretId);
    if (news.adoptSecretId !== undefined && news.adoptSecretId === olds.adoptSecretId) {
        (0, adoptions_1.rememberAdoption)(olds.appId, olds.adoptSecretId);
    }
    const replaces = [];
    if (news.appId !== olds.appId)
        replaces.push("appId");
    if (news.clientSecret !== undefined) {
        if ((0, fullProvider_1.isUnknown)(news.clientSecret) || !matchesSecret(news.clientSecret, olds))
            replaces.push("clientSecret");
    }
    else if (olds.clientSecret !== undefined && olds.secretHash !== undefined) {
        // A generated secret whose live hash (from refresh) no longer matches the value we hold: it was changed
        // outside Pulumi, so the value in state is stale.
        if ((0, secretHash_1.secretHash)(olds.clientSecret) !== olds.secretHash)
            replaces.push("secretHash");
    }
    if (!(0, rotationTriggers_1.sameTriggers)(olds.rotationTriggers, news.rotationTriggers))
        replaces.push("rotationTriggers");
    const adopt = news.adoptSecretId;
    // Removing adoptSecretId changes nothing (the secret is already ours); naming the secret we already hold neither.
    if (adopt !== undefined && adopt !== olds.adoptSecretId && adopt !== olds.secretId)
        replaces.push("adoptSecretId");
    if (replaces.length > 0 && adopt !== undefined && adopt === olds.secretId && !(0, adoptions_1.adoptionHonoured)(news.appId, adopt)) {
        // The replacement would adopt the very secret the old resource holds, and then delete it with the old resource.
        throw (0, errors_1.explainedError)(`adoptSecretId names ${adopt}, the secret this resource already holds, while ${replaces.join(", ")} forces a ` +
            "replacement that would have to adopt it again: remove adoptSecretId (or leave it unchanged) to rotate");
    }
    const desired = news.status ?? "ACTIVE";
    const statusChanges = (0, fullProvider_1.isUnknown)(desired) || desired !== olds.status;
    if (replaces.length > 0 && createsSecret(news, replaces)) {
        await assertFreeSlot(news.appId, olds.appId === news.appId ? olds.secretId : undefined);
    }
    if (replaces.length > 0)
        (0, replacements_1.rememberPlannedReplacement)(news);
    return { changes: replaces.length > 0 || statusChanges, replaces, deleteBeforeReplace: false };
}
function matchesSecret(value, olds) {
    if (olds.secretHash !== undefined)
        return (0, secretHash_1.secretHash)(value) === olds.secretHash;
    return value === olds.clientSecret;
}
/** True when the replacement will POST a secret (rather than adopt an existing one). */
function createsSecret(news, replaces) {
    return !(replaces.includes("adoptSecretId") ||
        (news.adoptSecretId !== undefined && !(0, adoptions_1.adoptionHonoured)(news.appId, news.adoptSecretId)));
}
async function assertFreeSlot(appId, replacing) {
    if (appId === undefined || (0, fullProvider_1.isUnknown)(appId))
        return;
    const secrets = await (0, processClient_1.processOktaClient)()
        .listClientSecrets(appId)
        .catch((e) => {
        throw (0, errors_1.withContext)(e, `listing the client secrets of app ${appId} to plan a replacement`);
    });
    const problem = (0, slots_1.slotProblem)(appId, secrets, replacing);
    if (problem)
        throw (0, errors_1.explainedError)(problem);
}
