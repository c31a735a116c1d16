"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.rememberPlannedReplacement = rememberPlannedReplacement;
exports.replacementPlanned = replacementPlanned;
const node_crypto_1 = require("node:crypto");
// Replacements this provider process has planned. The engine runs `check` a second time for a replacement, with no
// old inputs, after `diff`: `diff` has just read the app and verified its slots for these very inputs, so that second
// check need not read them again (two Okta requests fewer per rotation, against a shared rate-limit bucket).
// `create` still re-checks the slot under the app's lock. Keys are digests: no secret value is kept here.
const planned = new Set();
/** Records that `diff` planned and verified a replacement with these inputs. */
function rememberPlannedReplacement(news) {
    planned.add(keyOf(news));
}
/** True when `diff` of this process planned a replacement with exactly these inputs. */
function replacementPlanned(news) {
    return planned.has(keyOf(news));
}
function keyOf(news) {
    const { __provider: _, ...inputs } = news;
    const sorted = JSON.stringify(inputs, (_key, value) => value && typeof value === "object" && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : value);
    return (0, node_crypto_1.createHash)("sha256").update(sorted).digest("base64url");
}
