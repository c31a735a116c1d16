"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OktaClient = void 0;
const authorizers_1 = require("./authorizers");
const errors_1 = require("./errors");
const retryPolicy_1 = require("./retryPolicy");
const secretHash_1 = require("./secretHash");
const transport_1 = require("./transport");
/**
 * The Okta Management API calls this package makes, with auth, retries and errors handled. Every call is safe to
 * retry except creating a secret, which recognises its own result after an ambiguous failure instead of repeating.
 *
 * @example
 * ```ts
 * const okta = oktaClientFromEnvironment({ "okta:orgUrl": "https://dev-123.okta.com" });
 * const secrets = await okta.listClientSecrets("0oa1b2c3d4e5f6g7h8i9");
 * ```
 */
class OktaClient {
    /** The org's origin, e.g. `https://dev-123.okta.com`. */
    orgUrl;
    transport;
    constructor(settings, options = {}) {
        this.orgUrl = settings.orgUrl;
        const policy = { ...retryPolicy_1.defaultRetryPolicy, ...options.retry };
        let authorizer;
        if (settings.auth.kind === "apiToken") {
            authorizer = (0, authorizers_1.apiTokenAuthorizer)(settings.auth.token);
        }
        else {
            const tokenTransport = new transport_1.OktaTransport(settings.orgUrl, undefined, policy, options.fetch);
            authorizer = new authorizers_1.OAuthAuthorizer(settings.auth, settings.orgUrl, tokenTransport, policy.now);
        }
        this.transport = new transport_1.OktaTransport(settings.orgUrl, authorizer, policy, options.fetch);
    }
    /** `GET /api/v1/apps/{appId}`. */
    async getApp(appId) {
        const { body } = await this.transport.send({ method: "GET", path: appPath(appId) });
        if (!(0, transport_1.isRecord)(body) || typeof body.id !== "string")
            throw malformed("GET", appPath(appId));
        const app = { id: body.id };
        if (typeof body.label === "string")
            app.label = body.label;
        if (typeof body.status === "string")
            app.status = body.status;
        const credentials = (0, transport_1.isRecord)(body.credentials) ? body.credentials : {};
        const oauthClient = (0, transport_1.isRecord)(credentials.oauthClient) ? credentials.oauthClient : {};
        if (typeof oauthClient.token_endpoint_auth_method === "string") {
            app.tokenEndpointAuthMethod = oauthClient.token_endpoint_auth_method;
        }
        return app;
    }
    /** `GET /api/v1/apps/{appId}/credentials/secrets`: the app's secrets (at most two). */
    async listClientSecrets(appId) {
        const path = secretsPath(appId);
        const { body } = await this.transport.send({ method: "GET", path });
        if (!Array.isArray(body))
            throw malformed("GET", path);
        return body.map((s) => toSecret(s, "GET", path));
    }
    /** `GET /api/v1/apps/{appId}/credentials/secrets/{secretId}`. */
    async getClientSecret(appId, secretId) {
        const path = secretsPath(appId, secretId);
        return toSecret((await this.transport.send({ method: "GET", path })).body, "GET", path);
    }
    /**
     * `POST /api/v1/apps/{appId}/credentials/secrets`: a generated secret, or `clientSecret` (bring your own).
     * After an ambiguous failure it lists the app's secrets and takes the one this request made (by `secret_hash` of
     * the value, or as the only id absent from `before`, the list taken just before) instead of posting again.
     */
    async createClientSecret(appId, request = {}) {
        const path = secretsPath(appId);
        const before = new Set((request.before ?? (await this.listClientSecrets(appId))).map((s) => s.id));
        const value = request.clientSecret;
        const recover = async () => {
            let after;
            try {
                after = await this.listClientSecrets(appId);
            }
            catch (e) {
                throw (0, errors_1.withContext)(e, `POST ${path} failed without a clear answer, and listing the secrets to see whether it created one failed too`);
            }
            const fresh = after.filter((s) => !before.has(s.id));
            if (value !== undefined) {
                const hash = (0, secretHash_1.secretHash)(value);
                return fresh.find((s) => s.secret_hash === hash || s.client_secret === value);
            }
            if (fresh.length > 1) {
                throw new Error(`POST ${path} failed without a clear answer and ${fresh.length} new secrets appeared meanwhile ` +
                    `(${fresh.map((s) => s.id).join(", ")}): another client is changing this app; check its secrets`);
            }
            return fresh[0];
        };
        const response = await this.transport.send({
            method: "POST",
            path,
            json: value === undefined ? {} : { client_secret: value },
            recover,
            redact: value === undefined ? [] : [value],
        });
        return toSecret(response.body, "POST", path);
    }
    /** `POST …/secrets/{secretId}/lifecycle/activate`. */
    async activateClientSecret(appId, secretId) {
        return this.lifecycle(appId, secretId, "activate");
    }
    /** `POST …/secrets/{secretId}/lifecycle/deactivate`; Okta refuses for the app's only ACTIVE secret. */
    async deactivateClientSecret(appId, secretId) {
        return this.lifecycle(appId, secretId, "deactivate");
    }
    /** `DELETE …/secrets/{secretId}` of an INACTIVE secret; false when it was already gone (404). */
    async deleteClientSecret(appId, secretId) {
        try {
            await this.transport.send({ method: "DELETE", path: secretsPath(appId, secretId) });
            return true;
        }
        catch (e) {
            if ((0, errors_1.isOktaApiError)(e) && e.status === 404)
                return false;
            throw e;
        }
    }
    async lifecycle(appId, secretId, action) {
        const path = `${secretsPath(appId, secretId)}/lifecycle/${action}`;
        return toSecret((await this.transport.send({ method: "POST", path })).body, "POST", path);
    }
}
exports.OktaClient = OktaClient;
function appPath(appId) {
    return `/api/v1/apps/${encodeURIComponent(appId)}`;
}
function secretsPath(appId, secretId) {
    const base = `${appPath(appId)}/credentials/secrets`;
    return secretId === undefined ? base : `${base}/${encodeURIComponent(secretId)}`;
}
function toSecret(value, method, path) {
    if (!(0, transport_1.isRecord)(value) ||
        typeof value.id !== "string" ||
        (value.status !== "ACTIVE" && value.status !== "INACTIVE") ||
        typeof value.created !== "string" ||
        typeof value.lastUpdated !== "string") {
        throw malformed(method, path);
    }
    const secret = {
        id: value.id,
        status: value.status,
        created: value.created,
        lastUpdated: value.lastUpdated,
    };
    if (typeof value.client_secret === "string")
        secret.client_secret = value.client_secret;
    if (typeof value.secret_hash === "string")
        secret.secret_hash = value.secret_hash;
    return secret;
}
function malformed(method, path) {
    return new Error(`Okta answered ${method} ${path} with an unexpected body (not a client secret or app object)`);
}
