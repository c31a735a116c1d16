"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseOrgUrl = parseOrgUrl;
/**
 * Validates an Okta org URL and returns its origin (`https://dev-123.okta.com`). Plain `http://` is refused
 * except on loopback (the emulator), because the API token would cross the network in clear text.
 * `from` names the config key or variable that held it, for the error.
 */
function parseOrgUrl(value, from) {
    const fix = "e.g. `pulumi config set okta:orgUrl https://dev-123456.okta.com`";
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new Error(`${from} is not a URL: "${value}"; set the org's URL, ${fix}`);
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
        throw new Error(`${from} must be an https:// URL (got a ${url.protocol} URL), ${fix}`);
    }
    if (url.protocol === "http:" && !isLoopback(url.hostname)) {
        throw new Error(`${from} uses plain http:// for ${url.hostname}, which would send the API token in clear text: ` +
            `use https:// (plain http is allowed only for loopback, such as the emulator), ${fix}`);
    }
    if (url.username || url.password || url.search || url.hash || (url.pathname !== "/" && url.pathname !== "")) {
        throw new Error(`${from} must be the org's base URL, without a path, query or credentials (got "${url.origin}…"), ${fix}`);
    }
    if (/-admin\./i.test(url.hostname)) {
        throw new Error(`${from} is the Admin Console's URL (${url.hostname}); use the org's URL without "-admin", ${fix}`);
    }
    return url.origin;
}
function isLoopback(hostname) {
    const host = hostname.replace(/^\[|\]$/g, "");
    return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}
