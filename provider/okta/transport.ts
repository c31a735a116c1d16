// The one place every request to Okta goes through: authorization, the rate-limit pacer, retries and their delays,
// the answer's reading (bounded, redacted) and the error that names what failed. It is longer than most files
// because splitting one request's path across files would hide the order a reader needs to follow.
import { readAnswerBody } from "./answerBody";
import { OktaApiError, type OktaApiErrorFields } from "./errors";
import { describeFailure, type NoAnswer, parseChallenge, redirected } from "./failures";
import type { PacerShare } from "./rateLimitPacer";
import { redactor } from "./redaction";
import { backoffDelay, type RetryPolicy, rateLimitDelay } from "./retryPolicy";

/** An answer from the org, as the authorizer and a request's `challenge` see it. */
export interface OktaAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** Authenticates requests to the Management API. */
export interface Authorizer {
  /** Headers that authenticate one attempt of `method` on `url` (no query): `Authorization`, and a DPoP proof. */
  headers(method: string, url: string): Promise<Record<string, string>>;
  /**
   * Reads every answer to an authenticated request (a server may hand out a new DPoP nonce with any of them). True when
   * the answer is a challenge worth one more attempt at once (an expired token replaced, a DPoP nonce to use); each
   * kind of challenge is answered once per request: the authorizer records what it tried in `tried`.
   */
  challenge(answer: OktaAnswer, tried: Set<string>): boolean;
  /** Credentials to scrub from any error text. */
  secrets(): string[];
  /** What a refusal of an authenticated request (401, 403) means for this credential and its fix, prefixed to it. */
  explain?(error: OktaApiError): OktaApiError;
}

/** One request to the org. */
interface OktaRequest {
  method: "GET" | "POST" | "DELETE";
  /** Path from the org's root, e.g. `/api/v1/apps/0oa…`. */
  path: string;
  json?: unknown;
  /**
   * Builds the form body and any extra headers of each attempt anew. A client assertion and a DPoP proof are single
   * use (Okta refuses a replayed `jti`), so a retry after a 5xx, a 429 or a lost answer must carry fresh ones.
   */
  prepare?: () => Promise<{ form: Record<string, string>; headers?: Record<string, string> }>;
  /** Send the authorizer's headers; default true (the token endpoint authenticates in its body). */
  authenticate?: boolean;
  /** Like {@link Authorizer.challenge}, for a request that is not authenticated by the authorizer. */
  challenge?: (answer: OktaAnswer, tried: Set<string>) => boolean;
  /**
   * Marks a request that must not be repeated blindly (it creates something). After an ambiguous failure (a network
   * error, a timeout, a 5xx) this looks for what the request made: a value means it did, and is the result;
   * undefined means it did not, and the request is retried.
   */
  recover?: () => Promise<unknown>;
  /** Values that must never appear in an error, e.g. a bring-your-own secret from the body. */
  redact?: string[];
  /**
   * Retry a 429 only (Okta refuses it before reading the request): a request that may not be repeated once it could
   * have reached the org, such as one authenticated by a single-use client assertion. Any other failure is final.
   */
  rateLimitRetriesOnly?: boolean;
}

/** A successful answer; `recovered` when it was found by `recover` after an ambiguous failure. */
interface OktaResponse {
  status: number;
  body: unknown;
  requestId: string | undefined;
  recovered: boolean;
}

/** An answer (its body's JSON, and why the body cannot be Okta's answer when it cannot), or none. */
type Outcome = { kind: "answer"; response: Response; body: unknown; unreadable?: string | undefined } | NoAnswer;

/**
 * Sends requests with Node's `fetch`, retrying 429s, 5xx and network errors within the policy's bounds. With a pacer,
 * every attempt first waits for room in its rate-limit bucket; that wait does not count against the policy's time.
 */
export class OktaTransport {
  constructor(
    private readonly orgUrl: string,
    private readonly authorizer: Authorizer | undefined,
    private readonly policy: RetryPolicy,
    private readonly fetchFn: typeof fetch = fetch,
    private readonly pacer?: PacerShare,
  ) {}

  async send(req: OktaRequest): Promise<OktaResponse> {
    const start = this.policy.now();
    const tried = new Set<string>();
    // Credentials that went out in a body or a header of some attempt (a client assertion, a DPoP proof): never in
    // an error, even when an answer quotes the request.
    const sent: string[] = [];
    const paced = { ms: 0, refused: false };
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.paced(req, sent, paced);
      let delay: number;
      let ambiguous: boolean;
      let failure: OktaApiErrorFields;
      if (outcome.kind === "answer") {
        const { response, body } = outcome;
        const answer = { status: response.status, headers: response.headers, body };
        const challenged = this.authenticates(req)
          ? this.authorizer?.challenge(answer, tried)
          : req.challenge?.(answer, tried);
        if (challenged && !response.ok) {
          // The server asked for something the next attempt carries (a fresh token, a nonce): not a failure.
          attempt--;
          continue;
        }
        const requestId = response.headers.get("x-okta-request-id") ?? undefined;
        if (response.ok && outcome.unreadable === undefined) {
          return { status: response.status, body, requestId, recovered: false };
        }
        failure = this.httpFields(req, response, body);
        if (outcome.unreadable !== undefined) {
          const status = response.statusText || (response.ok ? "OK" : "error");
          failure = {
            ...failure,
            summary: `${status}, ${response.ok ? "but" : "and"} the body is ${outcome.unreadable}`,
          };
        }
        if (response.ok) {
          // Unreadable, as when a proxy cut the answer short: whatever the request did may have happened.
          delay = backoffDelay(this.policy, attempt);
          ambiguous = true;
        } else if (response.status >= 300 && response.status < 400) {
          throw this.error(req, redirected(failure, response.headers.get("location")), sent);
        } else if (response.status === 429) {
          const untilReset = rateLimitDelay(this.policy, response.headers);
          // The pacer has seen this answer: the next attempt waits in it until the reset, ahead of newer requests.
          delay = untilReset === undefined ? backoffDelay(this.policy, attempt) : this.pacer ? 0 : untilReset;
          paced.refused = untilReset !== undefined;
          ambiguous = false; // Okta refused before doing anything.
        } else if (response.status >= 500) {
          delay = backoffDelay(this.policy, attempt);
          ambiguous = true;
        } else {
          throw this.error(req, failure, sent);
        }
      } else {
        delay = backoffDelay(this.policy, attempt);
        ambiguous = outcome.ambiguous;
        failure = { kind: outcome.kind, summary: outcome.summary, method: req.method, path: req.path };
      }
      if (req.rateLimitRetriesOnly && !(outcome.kind === "answer" && outcome.response.status === 429)) {
        throw this.error(req, { ...failure, attempts: this.tally(attempt, start) }, sent);
      }
      if (ambiguous && req.recover) {
        // The request may have done its work before the answer was lost: look before repeating it.
        const found = await req.recover();
        if (found !== undefined) return recovered(found);
      }
      if (this.exhausted(attempt, start + paced.ms, delay)) {
        throw this.error(req, { ...failure, attempts: this.tally(attempt, start) }, sent);
      }
      if (delay > 0) await this.policy.sleep(delay);
      if (ambiguous && req.recover) {
        // A request that timed out (or a 502/503/504 from a proxy) may still be running at Okta: look once more,
        // after the wait, just before repeating it.
        const late = await req.recover();
        if (late !== undefined) return recovered(late);
      }
    }
  }

  /** One attempt, after the pacer (if any) lets it go; the time spent waiting there is added to `paced.ms`. */
  private async paced(req: OktaRequest, sent: string[], paced: { ms: number; refused: boolean }): Promise<Outcome> {
    if (!this.pacer) return this.once(req, sent);
    const queued = this.policy.now();
    const ticket = await this.pacer.acquire(req.path, this.policy, paced.refused);
    paced.ms += this.policy.now() - queued;
    paced.refused = false;
    let outcome: Outcome | undefined;
    try {
      outcome = await this.once(req, sent);
      return outcome;
    } finally {
      ticket.done(outcome?.kind === "answer" ? outcome.response : undefined);
    }
  }

  private authenticates(req: OktaRequest): boolean {
    return this.authorizer !== undefined && req.authenticate !== false;
  }

  private async once(req: OktaRequest, sent: string[]): Promise<Outcome> {
    const url = `${this.orgUrl}${req.path}`;
    const headers: Record<string, string> = { Accept: "application/json", "User-Agent": "pulumi-okta-credentials" };
    let body: string | undefined;
    try {
      if (req.json !== undefined) {
        headers["Content-Type"] = "application/json";
        body = JSON.stringify(req.json);
      } else if (req.prepare) {
        const prepared = await req.prepare();
        const { client_assertion: assertion, client_secret: secret } = prepared.form;
        sent.push(...[assertion, secret].filter((v) => v !== undefined), ...Object.values(prepared.headers ?? {}));
        headers["Content-Type"] = "application/x-www-form-urlencoded";
        body = new URLSearchParams(prepared.form).toString();
        Object.assign(headers, prepared.headers);
      }
      if (this.authenticates(req)) {
        const auth = (await this.authorizer?.headers(req.method, url)) ?? {};
        sent.push(...Object.values(auth));
        Object.assign(headers, auth);
      }
    } catch (e) {
      // Building the credentials failed (e.g. the token endpoint refused the service app): nothing was sent.
      throw withRequest(e, req);
    }
    try {
      const init: RequestInit = {
        method: req.method,
        headers,
        // Never follow a redirect: it would carry the credentials to another address. "manual" rather than "error",
        // whose failure names neither the status nor the target; the 3xx then fails the request with both.
        redirect: "manual",
        signal: AbortSignal.timeout(this.policy.requestTimeoutMs),
      };
      if (body !== undefined) init.body = body;
      const response = await this.fetchFn(url, init);
      const { json, summary } = await readAnswerBody(response);
      return { kind: "answer", response, body: json, unreadable: summary };
    } catch (e) {
      return describeFailure(e, this.policy.requestTimeoutMs);
    }
  }

  private exhausted(attempt: number, start: number, delay: number): boolean {
    return attempt >= this.policy.maxAttempts || this.policy.now() - start + delay > this.policy.maxElapsedMs;
  }

  private tally(attempt: number, start: number): string {
    const seconds = ((this.policy.now() - start) / 1000).toFixed(1);
    return `gave up after ${attempt} attempt${attempt === 1 ? "" : "s"} in ${seconds}s`;
  }

  private httpFields(req: OktaRequest, response: Response, body: unknown): OktaApiErrorFields {
    const fields: OktaApiErrorFields = {
      kind: "http",
      status: response.status,
      summary: response.statusText || "error",
      method: req.method,
      path: req.path,
    };
    const requestId = response.headers.get("x-okta-request-id");
    if (requestId) fields.requestId = requestId;
    if (isRecord(body)) {
      if (typeof body.errorCode === "string") fields.errorCode = body.errorCode;
      else if (typeof body.error === "string") fields.errorCode = body.error;
      if (typeof body.errorSummary === "string") fields.summary = body.errorSummary;
      else if (typeof body.error_description === "string") fields.summary = body.error_description;
      if (Array.isArray(body.errorCauses)) {
        fields.causes = body.errorCauses
          .map((c: unknown) => (isRecord(c) && typeof c.errorSummary === "string" ? c.errorSummary : undefined))
          .filter((c): c is string => c !== undefined);
      }
    } else {
      // A resource server's OAuth error (e.g. a refused DPoP proof) comes in `WWW-Authenticate`, with no body.
      const challenge = parseChallenge(response.headers.get("www-authenticate"));
      if (challenge.error) fields.errorCode = challenge.error;
      if (challenge.error_description) fields.summary = challenge.error_description;
    }
    return fields;
  }

  private error(req: OktaRequest, fields: OktaApiErrorFields, sent: string[]): OktaApiError {
    const scrub = redactor([...(this.authorizer?.secrets() ?? []), ...(req.redact ?? []), ...sent]);
    const clean: OktaApiErrorFields = { ...fields, summary: scrub(fields.summary) };
    if (fields.causes) clean.causes = fields.causes.map(scrub);
    const error = new OktaApiError(clean);
    return this.authenticates(req) && this.authorizer?.explain ? this.authorizer.explain(error) : error;
  }
}

function recovered(body: unknown): OktaResponse {
  return { status: 200, body, requestId: undefined, recovered: true };
}

function withRequest(e: unknown, req: OktaRequest): unknown {
  if (e instanceof Error && !(e instanceof OktaApiError) && !e.message.includes(req.path)) {
    return new Error(`${req.method} ${req.path}: ${e.message}`, { cause: e });
  }
  return e;
}

/** A plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
