import { describe, expect, it } from "vitest";
import {
  backoffDelay,
  defaultRetryPolicy,
  type RetryPolicy,
  rateLimitDelay,
} from "../../../../provider/okta/retryPolicy";

const policy = (overrides: Partial<RetryPolicy> = {}): RetryPolicy => ({
  ...defaultRetryPolicy,
  random: () => 0,
  ...overrides,
});

describe("rateLimitDelay", () => {
  const serverNow = Date.parse("2026-11-26T12:00:00Z");
  const headers = (resetInSeconds: number, date: string | null = new Date(serverNow).toUTCString()) => {
    const h = new Headers({ "X-Rate-Limit-Reset": String(serverNow / 1000 + resetInSeconds) });
    if (date) h.set("Date", date);
    return h;
  };

  it("waits until Reset on the server's clock, whatever our own clock says", () => {
    const skewedAnHourAhead = policy({ now: () => serverNow + 3_600_000 });
    expect(rateLimitDelay(skewedAnHourAhead, headers(5))).toBe(5_000);
    const skewedBehind = policy({ now: () => serverNow - 3_600_000 });
    expect(rateLimitDelay(skewedBehind, headers(5))).toBe(5_000);
  });

  it("falls back to our clock without a Date header, never waits a negative time, and caps the wait", () => {
    expect(rateLimitDelay(policy({ now: () => serverNow + 2_000 }), headers(5, null))).toBe(3_000);
    expect(rateLimitDelay(policy(), headers(-10))).toBe(0);
    expect(rateLimitDelay(policy({ maxRateLimitWaitMs: 7_000 }), headers(600))).toBe(7_000);
  });

  it("adds up to a second of jitter so parallel clients do not all retry at once", () => {
    expect(rateLimitDelay(policy({ random: () => 0.999, baseDelayMs: 500 }), headers(1))).toBe(1_500);
  });

  it("answers undefined without a usable Reset header", () => {
    expect(rateLimitDelay(policy(), new Headers())).toBeUndefined();
    expect(rateLimitDelay(policy(), new Headers({ "X-Rate-Limit-Reset": "soon" }))).toBeUndefined();
  });
});

describe("backoffDelay", () => {
  it("doubles from the base with equal jitter and stops at the cap", () => {
    const low = policy({ baseDelayMs: 100, maxDelayMs: 1_000, random: () => 0 });
    const high = policy({ baseDelayMs: 100, maxDelayMs: 1_000, random: () => 1 });
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(low, n))).toEqual([50, 100, 200, 400, 500, 500]);
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(high, n))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });
});
