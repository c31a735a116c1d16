"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.validateClientSecretInputs = validateClientSecretInputs;
exports.clientSecretProblem = clientSecretProblem;
const ids_1 = require("../../okta/ids");
const fullProvider_1 = require("../fullProvider");
const printableAscii = /^[\x20-\x7E]*$/;
/**
 * Validates the `ClientSecret` inputs without any request: each failure names the property and the fix. Values
 * unknown at preview pass. Never quotes a secret.
 */
function validateClientSecretInputs(news) {
    const failures = [];
    const fail = (property, reason) => failures.push({ property, reason });
    const { appId, clientSecret, status, rotationTriggers, adoptSecretId } = news;
    if (appId === undefined || appId === null || appId === "") {
        fail("appId", "appId is required: the id of the OIDC app (like 0oa1b2c3d4e5f6g7h8i9)");
    }
    else if (typeof appId !== "string") {
        fail("appId", `appId must be a string (the app's id, like 0oa1b2c3d4e5f6g7h8i9), got a ${typeof appId}`);
    }
    else if (!(0, fullProvider_1.isUnknown)(appId) && !ids_1.oktaIdPattern.test(appId)) {
        fail("appId", `appId "${appId}" is not an Okta app id: expected 20 letters and digits, like 0oa1b2c3d4e5f6g7h8i9 ` +
            "(use the app's id, e.g. okta.app.OAuth's id output, not its label)");
    }
    if (clientSecret !== undefined && clientSecret !== null && !(0, fullProvider_1.isUnknown)(clientSecret)) {
        const reason = clientSecretProblem(clientSecret, 14);
        if (reason)
            fail("clientSecret", reason);
    }
    if (status !== undefined && status !== null && !(0, fullProvider_1.isUnknown)(status) && status !== "ACTIVE" && status !== "INACTIVE") {
        fail("status", `status must be "ACTIVE" or "INACTIVE", got ${JSON.stringify(status)}`);
    }
    if (rotationTriggers !== undefined && rotationTriggers !== null && !(0, fullProvider_1.isUnknown)(rotationTriggers)) {
        if (typeof rotationTriggers !== "object" || Array.isArray(rotationTriggers)) {
            fail("rotationTriggers", 'rotationTriggers must be a map of strings, like { rotation: "2026-11" }');
        }
        else {
            for (const [key, value] of Object.entries(rotationTriggers)) {
                if (typeof value !== "string") {
                    fail(`rotationTriggers.${key}`, `rotationTriggers.${key} must be a string, got a ${value === null ? "null" : typeof value}: convert it, e.g. String(value)`);
                }
            }
        }
    }
    if (adoptSecretId !== undefined && adoptSecretId !== null && !(0, fullProvider_1.isUnknown)(adoptSecretId)) {
        if (typeof adoptSecretId !== "string" || !ids_1.oktaIdPattern.test(adoptSecretId)) {
            fail("adoptSecretId", `adoptSecretId ${JSON.stringify(adoptSecretId)} is not an Okta client secret id: expected 20 letters and digits, like ocs1b2c3d4e5f6g7h8i9`);
        }
    }
    if (isGiven(clientSecret) && isGiven(adoptSecretId)) {
        fail("adoptSecretId", "set either clientSecret (create a secret with this value) or adoptSecretId (take over an existing secret), not both");
    }
    return failures;
}
/** Why a bring-your-own secret is not acceptable to Okta (`minLength` 32 under `client_secret_jwt`), or undefined. */
function clientSecretProblem(value, minLength) {
    if (typeof value !== "string")
        return `clientSecret must be a string, got a ${typeof value}`;
    const rule = `Okta accepts 14 to 100 printable ASCII characters${minLength > 14 ? `, and at least ${minLength} for this app` : ""}`;
    if (!printableAscii.test(value)) {
        return `clientSecret contains characters outside printable ASCII (space to ~): ${rule}`;
    }
    if (value.length < minLength || value.length > 100) {
        const why = minLength > 14 ? " because the app authenticates with client_secret_jwt" : "";
        return `clientSecret is ${value.length} characters long; it must be ${minLength} to 100${why}: ${rule}, or omit it to let Okta generate one`;
    }
    return undefined;
}
function isGiven(value) {
    return value !== undefined && value !== null && value !== "";
}
