"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OktaApiError = void 0;
exports.isOktaApiError = isOktaApiError;
exports.withContext = withContext;
exports.explainedError = explainedError;
const brand = Symbol.for("pulumi-okta-credentials.OktaApiError");
/**
 * The one error type of the Okta client. Its message has one shape:
 * `Okta HTTP 400 E0000001 Api validation failed: client_secret (POST /api/v1/apps/0oa…/credentials/secrets, request id …)`,
 * prefixed by what was being done (`deactivating client secret ocs… of app 0oa…: …`). It never holds a secret or token.
 * Test for it with {@link isOktaApiError}, which works across module copies and realms.
 */
class OktaApiError extends Error {
    kind;
    status;
    errorCode;
    summary;
    causes;
    method;
    path;
    requestId;
    context;
    [brand] = true;
    fields;
    constructor(fields) {
        super(formatMessage(fields));
        this.fields = fields;
        this.name = "OktaApiError";
        this.kind = fields.kind;
        this.status = fields.status;
        this.errorCode = fields.errorCode;
        this.summary = fields.summary;
        this.causes = fields.causes ?? [];
        this.method = fields.method;
        this.path = fields.path;
        this.requestId = fields.requestId;
        this.context = fields.context;
    }
    /** The same error with what was being done prefixed, e.g. `deleting client secret ocs… of app 0oa…`. */
    withContext(context) {
        return new OktaApiError({ ...this.fields, context: this.context ? `${context}: ${this.context}` : context });
    }
    /** True when Okta answered with this status (and, when given, its summary or a cause contains `cause`, ignoring case). */
    is(status, cause) {
        if (this.status !== status)
            return false;
        if (cause === undefined)
            return true;
        const needle = cause.toLowerCase();
        return [this.summary, ...this.causes].some((text) => text.toLowerCase().includes(needle));
    }
}
exports.OktaApiError = OktaApiError;
/** True for an {@link OktaApiError}, also one made by another copy of this package. */
function isOktaApiError(e) {
    return typeof e === "object" && e !== null && e[brand] === true;
}
/** Prefixes what was being done to any error: an {@link OktaApiError} stays one. */
function withContext(e, context) {
    if (isOktaApiError(e))
        return e.withContext(context);
    const message = e instanceof Error ? e.message : String(e);
    return new Error(`${context}: ${message}`, { cause: e });
}
function formatMessage(f) {
    const head = f.kind === "http"
        ? `Okta HTTP ${f.status ?? "?"}${f.errorCode ? ` ${f.errorCode}` : ""} ${f.summary}`
        : `Okta request ${f.kind === "timeout" ? "timed out" : "failed"}: ${f.summary}`;
    const causes = f.causes?.length ? `: ${f.causes.join("; ")}` : "";
    const where = [`${f.method} ${f.path}`];
    if (f.requestId)
        where.push(`request id ${f.requestId}`);
    if (f.attempts)
        where.push(f.attempts);
    const text = `${head}${causes} (${where.join(", ")})`;
    return f.context ? `${f.context}: ${text}` : text;
}
/**
 * An error that explains a situation to the person running Pulumi (a full app, a refused deactivation). The
 * dynamic-provider plugin prints `${error}: ${error.stack}` before the engine shows the message again, so the stack is
 * left empty: the message appears twice rather than three times, and without frames that would only add noise.
 */
function explainedError(message, cause) {
    const error = cause === undefined ? new Error(message) : new Error(message, { cause });
    error.stack = "";
    return error;
}
