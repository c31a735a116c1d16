"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readOktaConfig = readOktaConfig;
exports.configureOkta = configureOkta;
exports.processOktaClient = processOktaClient;
exports.setProcessOktaClientOptions = setProcessOktaClientOptions;
exports.oktaClientFromEnvironment = oktaClientFromEnvironment;
const config_1 = require("./config");
const oktaClient_1 = require("./oktaClient");
// The provider process's one Okta client. `configure()` replaces the config it is made from; the client is built
// lazily, so a configuration error surfaces in the first hook that needs Okta (check, at preview).
const configKeys = ["orgUrl", "orgName", "baseUrl", "apiToken", "clientId", "privateKey", "privateKeyId", "scopes"];
let stackConfig = {};
let client;
let options = {};
/**
 * The `okta:*` keys this package reads (the same as @pulumi/okta's), each looked up with `get`, e.g. a dynamic
 * provider's `req.config.get` or a program's `pulumi.runtime.getConfig`.
 */
function readOktaConfig(get) {
    return Object.fromEntries(configKeys.map((key) => [`okta:${key}`, get(`okta:${key}`)]));
}
/** Stores the stack's `okta:*` config for this process (the dynamic provider's `configure` hook). */
function configureOkta(req) {
    stackConfig = readOktaConfig((key) => req.config.get(key));
    client = undefined;
}
/** The process's client, built from the stored config and the `OKTA_*` environment on first use. */
function processOktaClient() {
    client ??= oktaClientFromEnvironment(stackConfig, options);
    return client;
}
/** Replaces the client options (retry timing, fetch) of the process's client: for tests. */
function setProcessOktaClientOptions(next) {
    options = next;
    client = undefined;
}
/**
 * An Okta client from config values keyed as in the stack (`okta:orgUrl`, `okta:apiToken`, …; see
 * `resolveOktaSettings`), with the `OKTA_*` environment variables as fallback. Throws a clear error naming the key to
 * set when the org or the credentials are missing or malformed.
 *
 * @example
 * ```ts
 * const okta = oktaClientFromEnvironment({ "okta:orgUrl": cfg.get("orgUrl"), "okta:apiToken": cfg.get("apiToken") });
 * const secrets = await okta.listClientSecrets(appId);
 * ```
 */
function oktaClientFromEnvironment(config = {}, clientOptions = {}) {
    return new oktaClient_1.OktaClient((0, config_1.resolveOktaSettings)((key) => config[key]), clientOptions);
}
