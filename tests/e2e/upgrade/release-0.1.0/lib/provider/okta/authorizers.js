"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OAuthAuthorizer = void 0;
exports.apiTokenAuthorizer = apiTokenAuthorizer;
const node_crypto_1 = require("node:crypto");
const jose_1 = require("jose");
const errors_1 = require("./errors");
const transport_1 = require("./transport");
/** `Authorization: SSWS <token>`. */
function apiTokenAuthorizer(token) {
    return {
        header: async () => `SSWS ${token}`,
        invalidate: () => false,
        secrets: () => [token],
    };
}
/**
 * OAuth 2.0 for a service app: a client-credentials grant at `{org}/oauth2/v1/token`, the client authenticated by a
 * `private_key_jwt` assertion signed with its private key. The access token is cached until a minute before it expires
 * (or until a 401 invalidates it); parallel requests share one token request.
 */
class OAuthAuthorizer {
    auth;
    orgUrl;
    tokenTransport;
    now;
    cached;
    pending;
    constructor(auth, orgUrl, tokenTransport, now = Date.now) {
        this.auth = auth;
        this.orgUrl = orgUrl;
        this.tokenTransport = tokenTransport;
        this.now = now;
    }
    async header() {
        if (this.cached && this.now() < this.cached.expiresAt)
            return `Bearer ${this.cached.token}`;
        this.pending ??= this.fetchToken().finally(() => {
            this.pending = undefined;
        });
        return `Bearer ${await this.pending}`;
    }
    invalidate() {
        this.cached = undefined;
        return true;
    }
    secrets() {
        return this.cached ? [this.cached.token] : [];
    }
    async fetchToken() {
        const path = "/oauth2/v1/token";
        const response = await this.tokenTransport.send({
            method: "POST",
            path,
            authenticate: false,
            form: {
                grant_type: "client_credentials",
                scope: this.auth.scopes.join(" "),
                client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                client_assertion: await this.assertion(`${this.orgUrl}${path}`),
            },
        });
        const body = response.body;
        if (!(0, transport_1.isRecord)(body) || typeof body.access_token !== "string") {
            throw new errors_1.OktaApiError({
                kind: "http",
                status: response.status,
                summary: "no access_token in the answer",
                method: "POST",
                path,
            });
        }
        if (typeof body.token_type === "string" && body.token_type.toLowerCase() !== "bearer") {
            throw new errors_1.OktaApiError({
                kind: "http",
                status: response.status,
                summary: `the service app ${this.auth.clientId} requires ${body.token_type} tokens, which this provider does not support yet: turn off "Require DPoP" on the app`,
                method: "POST",
                path,
            });
        }
        const expiresIn = typeof body.expires_in === "number" ? body.expires_in : 3600;
        // Renew a minute early (or halfway, for very short tokens) so a request never carries a token about to expire.
        const margin = Math.min(60, expiresIn / 2) * 1000;
        this.cached = { token: body.access_token, expiresAt: this.now() + expiresIn * 1000 - margin };
        return body.access_token;
    }
    async assertion(audience) {
        const header = { alg: signingAlgorithm(this.auth.privateKey) };
        if (this.auth.privateKeyId)
            header.kid = this.auth.privateKeyId;
        const nowSeconds = Math.floor(this.now() / 1000);
        return new jose_1.SignJWT({})
            .setProtectedHeader(header)
            .setIssuer(this.auth.clientId)
            .setSubject(this.auth.clientId)
            .setAudience(audience)
            .setJti((0, node_crypto_1.randomUUID)())
            .setIssuedAt(nowSeconds)
            .setExpirationTime(nowSeconds + 300)
            .sign(this.auth.privateKey);
    }
}
exports.OAuthAuthorizer = OAuthAuthorizer;
function signingAlgorithm(key) {
    if (key.asymmetricKeyType === "ec") {
        const curve = key.asymmetricKeyDetails?.namedCurve;
        return curve === "secp384r1" ? "ES384" : curve === "secp521r1" ? "ES512" : "ES256";
    }
    return "RS256";
}
