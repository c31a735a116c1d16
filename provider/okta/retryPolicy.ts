/** How the client retries: bounded by attempts and total time; every delay injectable for tests. */
export interface RetryPolicy {
  /** Attempts per request, the first included. */
  maxAttempts: number;
  /** Give up when the next wait would end later than this after the first attempt. */
  maxElapsedMs: number;
  /** First backoff for 5xx and network errors; doubles each attempt, with jitter. */
  baseDelayMs: number;
  /** Cap of one backoff. */
  maxDelayMs: number;
  /** Cap of one wait for a rate limit's reset. */
  maxRateLimitWaitMs: number;
  /** Abort one request after this long (an ambiguous failure, like a network error). */
  requestTimeoutMs: number;
  sleep: (ms: number) => Promise<void>;
  /** Returns [0, 1); the jitter's source. */
  random: () => number;
  now: () => number;
}

/** The defaults: 6 attempts within 2 minutes, backoff from 500 ms to 20 s, rate-limit waits up to 65 s. */
export const defaultRetryPolicy: RetryPolicy = {
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
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * policy.random());
}

/**
 * The wait before retrying a 429: until `X-Rate-Limit-Reset` (UTC epoch seconds on Okta's clock), measured against
 * the answer's `Date` header rather than our clock, which may be skewed. Undefined when the header is missing.
 */
export function rateLimitDelay(policy: RetryPolicy, headers: Headers): number | undefined {
  const reset = Number(headers.get("x-rate-limit-reset"));
  if (!Number.isFinite(reset) || reset <= 0) return undefined;
  const serverDate = Date.parse(headers.get("date") ?? "");
  const serverNow = Number.isNaN(serverDate) ? policy.now() : serverDate;
  // `Date` has whole seconds, so the wait may be up to a second long: the safe side. A little jitter keeps
  // parallel clients from all retrying at the same instant.
  const wait = reset * 1000 - serverNow + Math.round(policy.random() * Math.min(policy.baseDelayMs, 1000));
  return Math.min(Math.max(wait, 0), policy.maxRateLimitWaitMs);
}
