"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.oktaIdPattern = void 0;
exports.compositeId = compositeId;
exports.parseCompositeId = parseCompositeId;
/** Okta object ids: 20 letters and digits (`0oa…` apps, `ocs…` secrets, `pks…` keys). */
exports.oktaIdPattern = /^[0-9A-Za-z]{20}$/;
/** Builds a resource id `"<appId>/<childId>"` (a secret or a key of an app). */
function compositeId(appId, childId) {
    return `${appId}/${childId}`;
}
/** Parses `"<appId>/<childId>"`, with an error that quotes the bad value and shows the expected shape. */
function parseCompositeId(id, kind, example) {
    const [appId, childId, ...rest] = id.split("/");
    if (appId === undefined ||
        childId === undefined ||
        rest.length > 0 ||
        !exports.oktaIdPattern.test(appId) ||
        !exports.oktaIdPattern.test(childId)) {
        throw new Error(`invalid ${kind} id "${id}": expected "<appId>/<id>", like "${example}"`);
    }
    return { appId, childId };
}
