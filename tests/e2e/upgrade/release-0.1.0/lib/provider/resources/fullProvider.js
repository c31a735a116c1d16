"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.unknownValue = void 0;
exports.isUnknown = isUnknown;
/** The value of an input Pulumi does not know yet (at preview). Never validate it or send it to Okta. */
exports.unknownValue = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** True when `value` is the preview placeholder for an unknown input. */
function isUnknown(value) {
    return value === exports.unknownValue;
}
