"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkClientSecret = checkClientSecret;
const errors_1 = require("../../okta/errors");
const processClient_1 = require("../../okta/processClient");
const fullProvider_1 = require("../fullProvider");
const adoptions_1 = require("./adoptions");
const inputValidation_1 = require("./inputValidation");
const replacements_1 = require("./replacements");
const rotationTriggers_1 = require("./rotationTriggers");
const slots_1 = require("./slots");
/**
 * `check`: validates every input before any request, then, when the plan will create or replace something, looks at
 * the app in Okta: its auth method's rules for secrets, the secret to adopt, and (for a new resource) a free slot.
 */
async function checkClientSecret(olds, news) {
    const failures = (0, inputValidation_1.validateClientSecretInputs)(news);
    const inputs = { ...news };
    const existing = olds !== undefined && Object.keys(olds).some((k) => k !== "__provider");
    const adoptSecretId = news.adoptSecretId;
    // Adoption is honoured when the resource is created or when adoptSecretId changes; any later replacement (a
    // rotation) creates a new secret instead of taking over the one the old resource still holds (see adoptions.ts).
    const honoured = (existing && olds.adoptSecretId === adoptSecretId) || (0, adoptions_1.adoptionHonoured)(news.appId, adoptSecretId);
    if (existing && honoured)
        (0, adoptions_1.rememberAdoption)(news.appId, adoptSecretId);
    // Configuration errors surface here, at preview, even before the first request.
    const okta = (0, processClient_1.processOktaClient)();
    const appId = news.appId;
    if (failures.length > 0 || typeof appId !== "string" || (0, fullProvider_1.isUnknown)(appId))
        return result(inputs, failures);
    if (existing && !changesSecret(olds, news))
        return result(inputs, failures);
    // The engine's second check of a replacement: diff has just read the app and its slots for these inputs.
    if (!existing && (0, replacements_1.replacementPlanned)(news))
        return result(inputs, failures);
    let app;
    try {
        app = await okta.getApp(appId);
    }
    catch (e) {
        if ((0, errors_1.isOktaApiError)(e) && e.status === 404) {
            failures.push({ property: "appId", reason: `app ${appId} does not exist in ${okta.orgUrl} (Okta answered 404)` });
            return result(inputs, failures);
        }
        throw (0, errors_1.withContext)(e, `checking app ${appId}`);
    }
    const method = app.tokenEndpointAuthMethod;
    if (method === "private_key_jwt") {
        failures.push({
            property: "appId",
            reason: `app ${appId} authenticates with private_key_jwt, so Okta allows it no client secrets: ` +
                "authenticate it with a JSON Web Key (/credentials/jwks) instead, or change its token_endpoint_auth_method",
        });
        return result(inputs, failures);
    }
    const clientSecret = news.clientSecret;
    if (method === "client_secret_jwt" && typeof clientSecret === "string" && !(0, fullProvider_1.isUnknown)(clientSecret)) {
        const reason = (0, inputValidation_1.clientSecretProblem)(clientSecret, 32);
        if (reason)
            failures.push({ property: "clientSecret", reason });
    }
    const adopting = typeof adoptSecretId === "string" && !(0, fullProvider_1.isUnknown)(adoptSecretId) && !honoured;
    if (adopting) {
        failures.push(...(await adoptionFailures(appId, adoptSecretId)));
    }
    else if (!existing && !(0, fullProvider_1.isUnknown)(adoptSecretId)) {
        const secrets = await okta.listClientSecrets(appId).catch((e) => {
            throw (0, errors_1.withContext)(e, `listing the client secrets of app ${appId}`);
        });
        const problem = (0, slots_1.slotProblem)(appId, secrets);
        if (problem)
            failures.push({ property: "appId", reason: problem });
    }
    return result(inputs, failures);
}
async function adoptionFailures(appId, secretId) {
    try {
        await (0, processClient_1.processOktaClient)().getClientSecret(appId, secretId);
        return [];
    }
    catch (e) {
        if ((0, errors_1.isOktaApiError)(e) && e.status === 404) {
            const reason = `adoptSecretId: app ${appId} has no client secret ${secretId}; set adoptSecretId to one of its secrets (see listClientSecrets), or remove adoptSecretId to create a new secret`;
            return [{ property: "adoptSecretId", reason }];
        }
        throw (0, errors_1.withContext)(e, `reading client secret ${secretId} of app ${appId} to adopt it`);
    }
}
/** True when the inputs that decide which secret exists changed (so a new one may be created). */
function changesSecret(olds, news) {
    const keys = ["appId", "clientSecret", "adoptSecretId"];
    return keys.some((k) => olds[k] !== news[k]) || !(0, rotationTriggers_1.sameTriggers)(olds.rotationTriggers, news.rotationTriggers);
}
function result(inputs, failures) {
    return failures.length > 0 ? { inputs, failures } : { inputs };
}
