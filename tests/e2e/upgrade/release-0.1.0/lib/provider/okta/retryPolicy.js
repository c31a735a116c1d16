"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.defaultRetryPolicy = void 0;
exports.backoffDelay = backoffDelay;
exports.rateLimitDelay = rateLimitDelay;
/** The defaults: 6 attempts within 2 minutes, backoff from 500 ms to 20 s, rate-limit waits up to 65 s. */
exports.defaultRetryPolicy = {
    maxAttempts: 6,
    maxElapsedMs: 120_000,
    baseDelayMs: 500,
    maxDelayMs: 20_000,
    maxRateLimitWaitMs: 65_000,
    requestTimeoutMs: 30_000,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
    now: Date.now,
};
/** Exponential backoff with "equal jitter": half fixed, half random, so retries of many clients spread out. */
function backoffDelay(policy, attempt) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (ceiling / 2) * policy.random());
}
/**
 * The wait before retrying a 429: until `X-Rate-Limit-Reset` (UTC epoch seconds on Okta's clock), measured against
 * the answer's `Date` header rather than our clock, which may be skewed. Undefined when the header is missing.
 */
function rateLimitDelay(policy, headers) {
    const reset = Number(headers.get("x-rate-limit-reset"));
    if (!Number.isFinite(reset) || reset <= 0)
        return undefined;
    const serverDate = Date.parse(headers.get("date") ?? "");
    const serverNow = Number.isNaN(serverDate) ? policy.now() : serverDate;
    // `Date` has whole seconds, so the wait may be up to a second long: the safe side. A little jitter keeps
    // parallel clients from all retrying at the same instant.
    const wait = reset * 1000 - serverNow + Math.round(policy.random() * Math.min(policy.baseDelayMs, 1000));
    return Math.min(Math.max(wait, 0), policy.maxRateLimitWaitMs);
}
