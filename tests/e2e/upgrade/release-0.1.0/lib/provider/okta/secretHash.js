"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.secretHash = secretHash;
const node_crypto_1 = require("node:crypto");
/**
 * Okta's `secret_hash` of a client secret: base64url (no padding) of the first 16 bytes of its SHA-256. It lets us
 * recognise a secret in a list without comparing plaintext.
 */
function secretHash(clientSecret) {
    return (0, node_crypto_1.createHash)("sha256").update(clientSecret, "utf8").digest().subarray(0, 16).toString("base64url");
}
