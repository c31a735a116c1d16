const brand = Symbol.for("pulumi-okta-credentials.OktaApiError");

/** What went wrong talking to Okta: an error answer, a network failure, or a timeout. */
export type OktaFailureKind = "http" | "network" | "timeout";

/** The fields of an {@link OktaApiError}. */
export interface OktaApiErrorFields {
  kind: OktaFailureKind;
  /** HTTP status; absent when no answer arrived. */
  status?: number;
  /** Okta's `errorCode` (e.g. `E0000001`), or the OAuth `error` (e.g. `invalid_client`). */
  errorCode?: string;
  /** Okta's `errorSummary`, or a description of the network failure. */
  summary: string;
  /** Okta's `errorCauses[].errorSummary`. */
  causes?: string[];
  method: string;
  /** URL path of the request (never the query or the host). */
  path: string;
  /** `X-Okta-Request-Id` of the answer. */
  requestId?: string;
  /** What was being done, to what: prefixed to the message. */
  context?: string;
  /** E.g. `gave up after 5 attempts in 12.3s`. */
  attempts?: string;
}

/**
 * The one error type of the Okta client. Its message has one shape:
 * `Okta HTTP 400 E0000001 Api validation failed: client_secret (POST /api/v1/apps/0oa…/credentials/secrets, request id …)`,
 * prefixed by what was being done (`deactivating client secret ocs… of app 0oa…: …`). It never holds a secret or token.
 * Test for it with {@link isOktaApiError}, which works across module copies and realms.
 */
export class OktaApiError extends Error {
  readonly kind: OktaFailureKind;
  readonly status: number | undefined;
  readonly errorCode: string | undefined;
  readonly summary: string;
  readonly causes: readonly string[];
  readonly method: string;
  readonly path: string;
  readonly requestId: string | undefined;
  readonly context: string | undefined;
  readonly [brand] = true;
  private readonly fields: OktaApiErrorFields;

  constructor(fields: OktaApiErrorFields) {
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
  withContext(context: string): OktaApiError {
    return new OktaApiError({ ...this.fields, context: this.context ? `${context}: ${this.context}` : context });
  }

  /** True when Okta answered with this status (and, when given, its summary or a cause contains `cause`, ignoring case). */
  is(status: number, cause?: string): boolean {
    if (this.status !== status) return false;
    if (cause === undefined) return true;
    const needle = cause.toLowerCase();
    return [this.summary, ...this.causes].some((text) => text.toLowerCase().includes(needle));
  }
}

/** True for an {@link OktaApiError}, also one made by another copy of this package. */
export function isOktaApiError(e: unknown): e is OktaApiError {
  return typeof e === "object" && e !== null && (e as { [brand]?: unknown })[brand] === true;
}

/** Prefixes what was being done to any error: an {@link OktaApiError} stays one. */
export function withContext(e: unknown, context: string): Error {
  if (isOktaApiError(e)) return e.withContext(context);
  const message = e instanceof Error ? e.message : String(e);
  return new Error(`${context}: ${message}`, { cause: e });
}

function formatMessage(f: OktaApiErrorFields): string {
  const head =
    f.kind === "http"
      ? `Okta HTTP ${f.status ?? "?"}${f.errorCode ? ` ${f.errorCode}` : ""} ${f.summary}`
      : `Okta request ${f.kind === "timeout" ? "timed out" : "failed"}: ${f.summary}`;
  const causes = f.causes?.length ? `: ${f.causes.join("; ")}` : "";
  const where = [`${f.method} ${f.path}`];
  if (f.requestId) where.push(`request id ${f.requestId}`);
  if (f.attempts) where.push(f.attempts);
  const text = `${head}${causes} (${where.join(", ")})`;
  return f.context ? `${f.context}: ${text}` : text;
}

/**
 * An error that explains a situation to the person running Pulumi (a full app, a refused deactivation): its message
 * is the whole story, so it carries no stack frames, which would only add noise where it is printed.
 */
export function explainedError(message: string, cause?: unknown): Error {
  const error = cause === undefined ? new Error(message) : new Error(message, { cause });
  error.stack = "";
  return error;
}
