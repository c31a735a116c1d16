import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { OktaClient } from "../../../../provider/okta/oktaClient";
import { RateLimitPacer, rateLimitBucketOf } from "../../../../provider/okta/rateLimitPacer";
import { defaultRetryPolicy, type RetryPolicy } from "../../../../provider/okta/retryPolicy";
import { type Authorizer, OktaTransport } from "../../../../provider/okta/transport";
import { oktaClientFromConfig } from "../../../../provider/runState";

// The pacer against a model of one Okta bucket (a fixed per-minute window opened by its first request, as Okta's
// rate-limit pages describe it), on vitest's fake clock: minutes pass in milliseconds.

/** One Okta rate-limit bucket shared by every caller; answers 429 E0000047 when the window's requests are spent. */
class OktaBucket {
  private windowEnd = 0;
  private used = 0;
  readonly log: { at: number; status: number; app: string }[] = [];
  inFlight = 0;
  maxInFlight = 0;

  constructor(
    private readonly limit: number,
    private readonly headers = true,
  ) {}

  readonly fetch = (async (url: string) => {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await Promise.resolve();
    this.inFlight--;
    const now = Date.now();
    if (now >= this.windowEnd) {
      this.windowEnd = now + 60_000;
      this.used = 0;
    }
    const ok = this.used < this.limit;
    if (ok) this.used++;
    const status = ok ? 200 : 429;
    this.log.push({ at: now, status, app: /\/apps\/0oa(\w+)/.exec(url)?.[1] ?? "" });
    const headers: Record<string, string> = { Date: new Date(now).toUTCString(), "Content-Type": "application/json" };
    if (this.headers) {
      headers["X-Rate-Limit-Limit"] = String(this.limit);
      headers["X-Rate-Limit-Remaining"] = String(this.limit - this.used);
      headers["X-Rate-Limit-Reset"] = String(Math.ceil(this.windowEnd / 1000));
    }
    const body = ok
      ? []
      : { errorCode: "E0000047", errorSummary: "API call exceeded rate limit due to too many requests." };
    return new Response(JSON.stringify(body), { status, headers });
  }) as typeof fetch;

  count(status: number): number {
    return this.log.filter((entry) => entry.status === status).length;
  }

  /** The most requests that reached the bucket in any 60 s window that the bucket opened. */
  perWindow(): number[] {
    const windows: number[] = [];
    let end = -1;
    for (const { at } of this.log) {
      if (at >= end) {
        end = at + 60_000;
        windows.push(0);
      }
      windows[windows.length - 1] = (windows[windows.length - 1] ?? 0) + 1;
    }
    return windows;
  }
}

const sslws: Authorizer = {
  headers: async () => ({ Authorization: "SSWS t0ken" }),
  challenge: () => false,
  secrets: () => [],
};
const org = "https://paced.example.com";

function policy(over: Partial<RetryPolicy> = {}): RetryPolicy {
  return {
    ...defaultRetryPolicy,
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: () => 0.5,
    ...over,
  };
}

function transport(bucket: OktaBucket, pacer: RateLimitPacer, over: Partial<RetryPolicy> = {}): OktaTransport {
  return new OktaTransport(org, sslws, policy(over), bucket.fetch, pacer.share());
}

const list = (t: OktaTransport, i: number) =>
  t.send({ method: "GET", path: `/api/v1/apps/0oa${i}/credentials/secrets` });

/** Runs the fake clock until every promise has settled; returns how long that took on it. */
async function settle<T>(work: Promise<T>[]): Promise<{ results: PromiseSettledResult<T>[]; ms: number }> {
  const start = Date.now();
  let done = false;
  const all = Promise.allSettled(work).then((results) => {
    done = true;
    return results;
  });
  while (!done) await vi.advanceTimersToNextTimerAsync();
  return { results: await all, ms: Date.now() - start };
}

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse("2026-11-28T10:00:00.250Z") });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("rate-limit pacing", () => {
  it("names Okta's buckets: /api/v1/apps/{id} apart from everything else below /api/v1/apps", () => {
    expect(rateLimitBucketOf("/api/v1/apps/0oa1")).toBe("/api/v1/apps/{id}");
    expect(rateLimitBucketOf("/api/v1/apps/0oa1/credentials/secrets/ocs1/lifecycle/deactivate")).toBe("/api/v1/apps");
    expect(rateLimitBucketOf("/api/v1/apps")).toBe("/api/v1/apps");
    expect(rateLimitBucketOf("/oauth2/v1/token")).toBe("/oauth2/v1/token");
    expect(rateLimitBucketOf("/api/v1/users/me")).toBe("/api/v1");
  });

  it("holds 25 concurrent requests back at a bucket of 10 a minute: no 429, three windows", async () => {
    const bucket = new OktaBucket(10);
    const t = transport(bucket, new RateLimitPacer());
    const { results, ms } = await settle(Array.from({ length: 25 }, (_, i) => list(t, i)));
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect(bucket.count(429)).toBe(0);
    expect(bucket.perWindow()).toEqual([10, 10, 5]);
    // Held requests go in the order they came.
    expect(bucket.log.map((e) => Number(e.app))).toEqual(Array.from({ length: 25 }, (_, i) => i));
    // Two waits for a reset: about two minutes, never much more.
    expect(ms).toBeGreaterThanOrEqual(120_000);
    expect(ms).toBeLessThan(125_000);
  });

  it("sends one request to learn where a bucket stands, then the rest, at most 10 at a time", async () => {
    const bucket = new OktaBucket(100);
    const t = transport(bucket, new RateLimitPacer());
    const { ms } = await settle(Array.from({ length: 40 }, (_, i) => list(t, i)));
    expect(bucket.count(200)).toBe(40);
    expect(bucket.maxInFlight).toBe(10);
    expect(ms).toBeLessThan(1_000);
  });

  it("does not wait for a reset on a server that sends no rate-limit headers", async () => {
    const bucket = new OktaBucket(3, false);
    const t = transport(bucket, new RateLimitPacer(), { maxAttempts: 1 });
    await settle([list(t, 0)]);
    const { results, ms } = await settle(Array.from({ length: 4 }, (_, i) => list(t, i)));
    // Nothing told it about the bucket: the requests went, and Okta's 429 was the first news.
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "rejected"]);
    expect(ms).toBeLessThan(1_000);
  });

  it("shares one view of the buckets among every client of an org in the process", async () => {
    const bucket = new OktaBucket(10);
    const config = { "okta-credentials:orgUrl": "https://shared.example.com", "okta:apiToken": "t0ken" };
    const options = { fetch: bucket.fetch, retry: policy() };
    // Made as the process makes its clients: the run state gives each client of the org the org's one pacer.
    const [a, b] = [oktaClientFromConfig(config, options), oktaClientFromConfig(config, options)];
    const calls = Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).listClientSecrets(`0oa${i}`));
    const { results } = await settle<unknown>(calls);
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect(bucket.count(429)).toBe(0);
    expect(bucket.perWindow()).toEqual([10, 2]);
  });

  it("holds each client of the org to its own okta:maxApiCapacity, however many clients share the pacer", async () => {
    const bucket = new OktaBucket(10);
    const config = { "okta-credentials:orgUrl": "https://two-shares.example.com", "okta:apiToken": "t0ken" };
    const options = { fetch: bucket.fetch, retry: policy() };
    const capped = oktaClientFromConfig({ ...config, "okta:maxApiCapacity": "40" }, options);
    // Made last, with the default share: it must not lift the first client's cap (it once did, the last client winning).
    oktaClientFromConfig(config, options);
    const work = Array.from({ length: 10 }, (_, i) => capped.listClientSecrets(`0oa${i}`));
    const { results } = await settle<unknown>(work);
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect(bucket.perWindow()).toEqual([4, 4, 2]);
  });

  it("uses at most okta:maxApiCapacity percent of each window's limit", async () => {
    const bucket = new OktaBucket(10);
    const settings = { orgUrl: "https://capped.example.com", auth: { kind: "apiToken" as const, token: "t0ken" } };
    const okta = new OktaClient(
      { ...settings, tuning: { maxApiCapacity: 40 } },
      { fetch: bucket.fetch, retry: policy() },
    );
    const { results } = await settle<unknown>(Array.from({ length: 10 }, (_, i) => okta.listClientSecrets(`0oa${i}`)));
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect(bucket.perWindow()).toEqual([4, 4, 2]);
  });

  it("two processes on one bucket: each waits out the 429s the other causes, and nothing fails", async () => {
    const bucket = new OktaBucket(10);
    const [one, two] = [transport(bucket, new RateLimitPacer()), transport(bucket, new RateLimitPacer())];
    const work = Array.from({ length: 30 }, (_, i) => list(i % 2 ? one : two, i));
    const { results, ms } = await settle(work);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(bucket.count(200)).toBe(30);
    expect(bucket.perWindow().every((n) => n <= 10 + bucket.count(429))).toBe(true);
    // Each window serves its 10; the few 429s at a window's end cost nothing but their own request.
    expect(ms).toBeLessThan(4 * 60_000);
  });

  it("a wait in the pacer does not count against the retry policy's time", async () => {
    const bucket = new OktaBucket(2);
    const t = transport(bucket, new RateLimitPacer(), { maxElapsedMs: 1_000 });
    const { results } = await settle(Array.from({ length: 5 }, (_, i) => list(t, i)));
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect(bucket.count(429)).toBe(0);
  });

  it("after a 429 caused by another client, waits for the reset and retries before newer requests", async () => {
    const bucket = new OktaBucket(3);
    const t = transport(bucket, new RateLimitPacer());
    await settle([list(t, 0)]);
    // Another process spends the two requests this one believes are left.
    const other = transport(bucket, new RateLimitPacer());
    await settle([list(other, 1), list(other, 2)]);
    const { results, ms } = await settle([list(t, 3), list(t, 4), list(t, 5)]);
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect(bucket.log.map((e) => `${e.app} ${e.status}`)).toEqual([
      "0 200",
      "1 200",
      "2 200",
      "3 429",
      "4 429",
      "3 200",
      "4 200",
      "5 200",
    ]);
    expect(ms).toBeGreaterThanOrEqual(59_000);
    expect(ms).toBeLessThan(62_000);
  });
});
