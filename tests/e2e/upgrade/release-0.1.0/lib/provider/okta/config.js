"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.resolveOktaSettings = resolveOktaSettings;
const node_crypto_1 = require("node:crypto");
const orgUrl_1 = require("./orgUrl");
const defaultScopes = ["okta.apps.read", "okta.apps.manage"];
/**
 * Resolves the Okta org and credentials the way @pulumi/okta does: stack config keys (`okta:orgUrl`, or
 * `okta:orgName` + `okta:baseUrl`; `okta:apiToken`, or `okta:clientId` + `okta:privateKey` [+ `okta:privateKeyId`,
 * `okta:scopes`]) first, then the `OKTA_*` environment variables. Errors name the key to set and never quote a credential.
 */
function resolveOktaSettings(config, env = process.env) {
    const read = (key, envName) => {
        const fromConfig = nonEmpty(config(`okta:${key}`));
        if (fromConfig !== undefined)
            return { value: fromConfig, from: `okta:${key}` };
        const fromEnv = nonEmpty(env[envName]);
        return fromEnv === undefined ? undefined : { value: fromEnv, from: envName };
    };
    return { orgUrl: resolveOrgUrl(read), auth: resolveAuth(read) };
}
function resolveOrgUrl(read) {
    const orgUrl = read("orgUrl", "OKTA_ORG_URL");
    if (orgUrl)
        return (0, orgUrl_1.parseOrgUrl)(orgUrl.value, orgUrl.from);
    const orgName = read("orgName", "OKTA_ORG_NAME");
    if (orgName) {
        const baseUrl = read("baseUrl", "OKTA_BASE_URL")?.value ?? "okta.com";
        if (!/^[A-Za-z0-9-]+$/.test(orgName.value)) {
            throw new Error(`${orgName.from} must be the org's subdomain, like "dev-123456" (got "${orgName.value}"); ` +
                "or set the full URL: `pulumi config set okta:orgUrl https://dev-123456.okta.com`");
        }
        return (0, orgUrl_1.parseOrgUrl)(`https://${orgName.value}.${baseUrl}`, `${orgName.from} + okta:baseUrl`);
    }
    throw new Error("no Okta org configured: run `pulumi config set okta:orgUrl https://<your-org>.okta.com` " +
        "(or set okta:orgName and okta:baseUrl, or the OKTA_ORG_URL environment variable)");
}
function resolveAuth(read) {
    const token = read("apiToken", "OKTA_API_TOKEN");
    const clientId = read("clientId", "OKTA_API_CLIENT_ID");
    // Stack config outranks the environment: a token in the environment must not shadow OAuth set in config.
    const useOauth = clientId !== undefined && (token === undefined || (isEnv(token) && !isEnv(clientId)));
    if (!useOauth && token)
        return { kind: "apiToken", token: checkToken(token) };
    if (clientId) {
        const key = read("privateKey", "OKTA_API_PRIVATE_KEY");
        if (!key) {
            throw new Error(`${clientId.from} is set, so OAuth 2.0 needs the service app's private key: ` +
                "run `pulumi config set --secret okta:privateKey < private-key.pem` (or set OKTA_API_PRIVATE_KEY)");
        }
        const auth = {
            kind: "oauth",
            clientId: clientId.value,
            privateKey: parsePrivateKey(key),
            scopes: parseScopes(read("scopes", "OKTA_API_SCOPES")),
        };
        const kid = read("privateKeyId", "OKTA_API_PRIVATE_KEY_ID");
        if (kid)
            auth.privateKeyId = kid.value;
        return auth;
    }
    throw new Error("no Okta credentials configured: run `pulumi config set --secret okta:apiToken <token>` " +
        "(or set okta:clientId and okta:privateKey for OAuth 2.0, or the OKTA_API_TOKEN environment variable)");
}
function checkToken(token) {
    const fix = `set it again with \`pulumi config set --secret okta:apiToken <token>\` (from ${token.from})`;
    if (/^(ssws|bearer)\s/i.test(token.value)) {
        throw new Error(`${token.from} must hold only the token, without the "SSWS " or "Bearer " prefix: ${fix}`);
    }
    if (!/^[\x21-\x7E]+$/.test(token.value) || /^["']|["']$/.test(token.value)) {
        throw new Error(`${token.from} is malformed (spaces, quotes or non-ASCII characters): ${fix}`);
    }
    return token.value;
}
function parsePrivateKey(key) {
    // Keys pasted into config or the environment often carry literal "\n" instead of line breaks.
    const text = key.value.includes("\\n") && !key.value.includes("\n") ? key.value.replace(/\\n/g, "\n") : key.value;
    try {
        if (text.trimStart().startsWith("{"))
            return (0, node_crypto_1.createPrivateKey)({ key: JSON.parse(text), format: "jwk" });
        return (0, node_crypto_1.createPrivateKey)(text);
    }
    catch {
        throw new Error(`${key.from} is not a PEM (PKCS#8 or PKCS#1) or JWK private key: ` +
            "run `pulumi config set --secret okta:privateKey < private-key.pem`");
    }
}
function parseScopes(scopes) {
    if (!scopes)
        return defaultScopes;
    const text = scopes.value.trim();
    let list;
    try {
        list = text.startsWith("[") ? JSON.parse(text) : text.split(/[\s,]+/);
    }
    catch {
        list = undefined;
    }
    if (!Array.isArray(list) || !list.every((s) => typeof s === "string")) {
        throw new Error(`${scopes.from} must be a list of scopes, like "okta.apps.read,okta.apps.manage"`);
    }
    const clean = list.map((s) => s.trim()).filter((s) => s !== "");
    return clean.length > 0 ? clean : defaultScopes;
}
function isEnv(source) {
    return !source.from.startsWith("okta:");
}
function nonEmpty(value) {
    const trimmed = value?.trim();
    return trimmed === undefined || trimmed === "" ? undefined : trimmed;
}
