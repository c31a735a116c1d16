"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.rememberAdoption = rememberAdoption;
exports.adoptionHonoured = adoptionHonoured;
// Adoptions this provider process has seen honoured. On a replacement the engine runs `check` a second time with no
// old inputs, as for a new resource, after `diff` and before `create` (measured: a rotation re-adopted the secret the
// old resource still held). So the first `check` (which sees the old inputs) and `diff` (the old outputs) record that
// `adoptSecretId` was already honoured, and the second `check` and `create` then treat it as done: the replacement
// creates a new secret. A process serves one run, so this memory spans exactly the calls of one replacement.
const honoured = new Set();
/** Records that `secretId` of `appId` was adopted by an existing resource. */
function rememberAdoption(appId, secretId) {
    if (appId !== undefined && secretId !== undefined)
        honoured.add(`${appId}/${secretId}`);
}
/** True when an existing resource of this process already adopted `secretId` of `appId`. */
function adoptionHonoured(appId, secretId) {
    return typeof appId === "string" && typeof secretId === "string" && honoured.has(`${appId}/${secretId}`);
}
