"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OktaTransport = void 0;
exports.isRecord = isRecord;
const errors_1 = require("./errors");
const retryPolicy_1 = require("./retryPolicy");
/** Sends requests with Node's `fetch`, retrying 429s, 5xx and network errors within the policy's bounds. */
class OktaTransport {
    orgUrl;
    authorizer;
    policy;
    fetchFn;
    constructor(orgUrl, authorizer, policy, fetchFn = fetch) {
        this.orgUrl = orgUrl;
        this.authorizer = authorizer;
        this.policy = policy;
        this.fetchFn = fetchFn;
    }
    async send(req) {
        const start = this.policy.now();
        let reauthorized = false;
        for (let attempt = 1;; attempt++) {
            const outcome = await this.once(req);
            let delay;
            let ambiguous;
            let failure;
            if (outcome.kind === "answer") {
                const { response, body } = outcome;
                const requestId = response.headers.get("x-okta-request-id") ?? undefined;
                if (response.ok)
                    return { status: response.status, body, requestId, recovered: false };
                const refreshable = response.status === 401 && !reauthorized && req.authenticate !== false;
                if (refreshable && this.authorizer?.invalidate()) {
                    // An expired or revoked OAuth access token: get a fresh one, once.
                    reauthorized = true;
                    attempt--;
                    continue;
                }
                failure = this.httpFields(req, response, body);
                if (response.status === 429) {
                    delay = (0, retryPolicy_1.rateLimitDelay)(this.policy, response.headers) ?? (0, retryPolicy_1.backoffDelay)(this.policy, attempt);
                    ambiguous = false; // Okta refused before doing anything.
                }
                else if (response.status >= 500) {
                    delay = (0, retryPolicy_1.backoffDelay)(this.policy, attempt);
                    ambiguous = true;
                }
                else {
                    throw this.error(req, failure);
                }
            }
            else {
                delay = (0, retryPolicy_1.backoffDelay)(this.policy, attempt);
                ambiguous = outcome.ambiguous;
                failure = { kind: outcome.kind, summary: outcome.summary, method: req.method, path: req.path };
            }
            if (ambiguous && req.recover) {
                // The request may have done its work before the answer was lost: look before repeating it.
                const found = await req.recover();
                if (found !== undefined)
                    return { status: 200, body: found, requestId: undefined, recovered: true };
            }
            if (this.exhausted(attempt, start, delay)) {
                throw this.error(req, { ...failure, attempts: this.tally(attempt, start) });
            }
            await this.policy.sleep(delay);
            if (ambiguous && req.recover) {
                // A request that timed out (or a 502/503/504 from a proxy) may still be running at Okta: look once more,
                // after the wait, just before repeating it.
                const late = await req.recover();
                if (late !== undefined)
                    return { status: 200, body: late, requestId: undefined, recovered: true };
            }
        }
    }
    async once(req) {
        const headers = { Accept: "application/json", "User-Agent": "pulumi-okta-credentials" };
        let body;
        if (req.json !== undefined) {
            headers["Content-Type"] = "application/json";
            body = JSON.stringify(req.json);
        }
        else if (req.form !== undefined) {
            headers["Content-Type"] = "application/x-www-form-urlencoded";
            body = new URLSearchParams(req.form).toString();
        }
        if (this.authorizer && req.authenticate !== false)
            headers.Authorization = await this.authorizer.header();
        try {
            const init = {
                method: req.method,
                headers,
                signal: AbortSignal.timeout(this.policy.requestTimeoutMs),
            };
            if (body !== undefined)
                init.body = body;
            const response = await this.fetchFn(`${this.orgUrl}${req.path}`, init);
            const text = await response.text();
            return { kind: "answer", response, body: parseJson(text) };
        }
        catch (e) {
            return describeFailure(e, this.policy.requestTimeoutMs);
        }
    }
    exhausted(attempt, start, delay) {
        return attempt >= this.policy.maxAttempts || this.policy.now() - start + delay > this.policy.maxElapsedMs;
    }
    tally(attempt, start) {
        const seconds = ((this.policy.now() - start) / 1000).toFixed(1);
        return `gave up after ${attempt} attempt${attempt === 1 ? "" : "s"} in ${seconds}s`;
    }
    httpFields(req, response, body) {
        const fields = {
            kind: "http",
            status: response.status,
            summary: response.statusText || "error",
            method: req.method,
            path: req.path,
        };
        const requestId = response.headers.get("x-okta-request-id");
        if (requestId)
            fields.requestId = requestId;
        if (isRecord(body)) {
            if (typeof body.errorCode === "string")
                fields.errorCode = body.errorCode;
            else if (typeof body.error === "string")
                fields.errorCode = body.error;
            if (typeof body.errorSummary === "string")
                fields.summary = body.errorSummary;
            else if (typeof body.error_description === "string")
                fields.summary = body.error_description;
            if (Array.isArray(body.errorCauses)) {
                fields.causes = body.errorCauses
                    .map((c) => (isRecord(c) && typeof c.errorSummary === "string" ? c.errorSummary : undefined))
                    .filter((c) => c !== undefined);
            }
        }
        return fields;
    }
    error(req, fields) {
        const secrets = [...(this.authorizer?.secrets() ?? []), ...(req.redact ?? [])].filter((s) => s.length >= 4);
        const scrub = (text) => secrets.reduce((t, s) => t.split(s).join("[redacted]"), text);
        const clean = { ...fields, summary: scrub(fields.summary) };
        if (fields.causes)
            clean.causes = fields.causes.map(scrub);
        return new errors_1.OktaApiError(clean);
    }
}
exports.OktaTransport = OktaTransport;
function describeFailure(e, timeoutMs) {
    const name = e instanceof Error ? e.name : "";
    if (name === "TimeoutError" || name === "AbortError") {
        return { kind: "timeout", summary: `no answer within ${timeoutMs} ms`, ambiguous: true };
    }
    const cause = e instanceof Error && isRecord(e.cause) ? e.cause : undefined;
    const code = typeof cause?.code === "string" ? cause.code : undefined;
    const detail = typeof cause?.message === "string" ? cause.message : e instanceof Error ? e.message : String(e);
    // A refused connection never reached Okta: safe to repeat even a create.
    const ambiguous = code !== "ECONNREFUSED" && code !== "ENOTFOUND" && code !== "EAI_AGAIN";
    return { kind: "network", summary: code ? `${code}: ${detail}` : detail, ambiguous };
}
function parseJson(text) {
    if (text === "")
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/** A plain JSON object. */
function isRecord(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
