"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sameTriggers = sameTriggers;
/** True when two rotation-trigger maps hold the same pairs; an absent map equals an empty one. */
function sameTriggers(a, b) {
    return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
function canonical(value) {
    if (value === undefined || value === null)
        return {};
    if (typeof value !== "object" || Array.isArray(value))
        return value;
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
