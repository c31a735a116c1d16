import type { RetryPolicy } from "./retryPolicy";

// Okta counts requests per org in per-minute buckets, one for each family of endpoints (Okta's "Management rate
// limits" page: `/api/v1/apps` and everything below it but `/api/v1/apps/{id}` share one bucket, 20 a minute on the
// free Integrator plan and 100 on paid orgs; `/api/v1/apps/{id}` itself has its own, 100 or 600). Every answer says
// where this client stands in its bucket (`X-Rate-Limit-Limit`, `-Remaining`, `-Reset`). The pacer reads them and holds
// a request back, before Okta would refuse it with a 429, until the bucket's window resets.

/** The timing a waiting request brings: its client's clock, sleep and the cap of one wait for a reset. */
type PacerClock = Pick<RetryPolicy, "now" | "sleep" | "random" | "baseDelayMs" | "maxRateLimitWaitMs">;

/** A granted request: report its answer's headers (or no answer) when it ends. */
interface PacerTicket {
  done(answer?: { status: number; headers: Headers }): void;
}

/** An org's pacer as one client uses it: its requests wait there, held to the client's own share. */
export interface PacerShare {
  /** Waits until a request to `path` may go. `refused`: the request's last attempt was refused with a 429. */
  acquire(path: string, clock: PacerClock, refused?: boolean): Promise<PacerTicket>;
}

/** The bucket of Okta's per-minute rate limits that a request to `path` counts against. */
export function rateLimitBucketOf(path: string): string {
  if (/^\/api\/v1\/apps\/[^/]+$/.test(path)) return "/api/v1/apps/{id}";
  if (path.startsWith("/api/v1/apps")) return "/api/v1/apps";
  if (path.startsWith("/oauth2/")) return path;
  return "/api/v1";
}

/**
 * Requests one process keeps in flight per bucket. Okta also limits concurrent requests per org (35 on the free plan,
 * 75 on paid orgs, its "concurrent rate limits"); ten keep a few stacks well below that and are plenty at a bucket's
 * pace (100 a minute).
 */
const maxInFlight = 10;

interface Waiter {
  first: boolean;
  clock: PacerClock;
  /** Percent of each window's limit the waiting request's client may use (its `okta:maxApiCapacity`). */
  capacity: number;
  grant: (ticket: PacerTicket) => void;
}

type Step = { go: true } | { go: false; until: "answer" } | { go: false; until: "reset"; ms: number };

/** One bucket as this process sees it. */
class Bucket {
  /** `unknown`: no answer in this window yet, so one request at a time finds out; `open`: answers carry no limits. */
  private mode: "unknown" | "open" | "known" = "unknown";
  private limit = 0;
  private remaining = 0;
  /** The window's `X-Rate-Limit-Reset` (Okta's epoch seconds), and when that is on our clock. */
  private reset = 0;
  private resetAt = 0;
  private inFlight = 0;
  /** Requests this process sent in the current window: `okta:maxApiCapacity` caps them. */
  private mine = 0;
  private readonly queue: Waiter[] = [];
  private pumping = false;
  private wake: (() => void) | undefined;

  acquire(clock: PacerClock, first: boolean, capacity: number): Promise<PacerTicket> {
    return new Promise((grant) => {
      // A request that Okta refused with a 429 goes first once the window resets (after those refused before it),
      // so no request starves.
      const at = first ? this.queue.findIndex((w) => !w.first) : -1;
      this.queue.splice(at < 0 ? this.queue.length : at, 0, { first, clock, capacity, grant });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (let head = this.queue[0]; head; head = this.queue[0]) {
        const step = this.next(head.clock, head.capacity);
        if (step.go) {
          this.queue.shift();
          head.grant(this.ticket(head.clock));
        } else if (step.until === "answer") {
          await new Promise<void>((resolve) => {
            this.wake = resolve;
          });
        } else {
          const window = this.reset;
          await head.clock.sleep(step.ms);
          // Waited for the window to end: the next request finds out where the new one stands.
          if (this.mode === "known" && this.reset === window) this.newWindow();
        }
      }
    } finally {
      this.pumping = false;
    }
  }

  private next(clock: PacerClock, capacity: number): Step {
    if (this.inFlight >= maxInFlight) return { go: false, until: "answer" };
    if (this.mode === "open") return { go: true };
    if (this.mode === "known" && clock.now() >= this.resetAt) this.newWindow();
    if (this.mode === "unknown") return this.inFlight === 0 ? { go: true } : { go: false, until: "answer" };
    const share = Math.max(1, Math.floor((this.limit * capacity) / 100));
    // Requests in flight may not be counted in `remaining` yet: count them as spent.
    if (this.remaining - this.inFlight >= 1 && this.mine < share) return { go: true };
    const jitter = Math.round(clock.random() * Math.min(clock.baseDelayMs, 1000));
    const ms = Math.min(Math.max(this.resetAt - clock.now(), 0), clock.maxRateLimitWaitMs) + jitter;
    return { go: false, until: "reset", ms };
  }

  private newWindow(): void {
    this.mode = "unknown";
    this.mine = 0;
  }

  private ticket(clock: PacerClock): PacerTicket {
    this.inFlight++;
    this.mine++;
    let ended = false;
    return {
      done: (answer) => {
        if (ended) return;
        ended = true;
        this.inFlight--;
        if (answer) this.observe(answer.status, answer.headers, clock);
        const wake = this.wake;
        this.wake = undefined;
        wake?.();
        void this.pump();
      },
    };
  }

  private observe(status: number, headers: Headers, clock: PacerClock): void {
    const limit = Number(headers.get("x-rate-limit-limit"));
    const remaining = Number(headers.get("x-rate-limit-remaining"));
    const reset = Number(headers.get("x-rate-limit-reset"));
    if (!(limit > 0 && Number.isFinite(remaining) && reset > 0)) {
      // No limits on the answer (a server without rate limiting, like the emulator's `rateLimit: "off"`).
      if (this.mode !== "known") this.mode = "open";
      return;
    }
    // A 429 means nothing is left, whatever the count says (another client, or another share, took it).
    const left = status === 429 ? 0 : remaining;
    if (this.mode !== "known" || reset > this.reset) {
      // The reset is on Okta's clock: measure the wait against the answer's `Date`, not ours, which may be skewed.
      const serverDate = Date.parse(headers.get("date") ?? "");
      const serverNow = Number.isNaN(serverDate) ? clock.now() : serverDate;
      this.mode = "known";
      this.limit = limit;
      this.remaining = left;
      this.reset = reset;
      this.resetAt = clock.now() + Math.max(reset * 1000 - serverNow, 0);
      // This answer's request, and those still in flight, count in the new window.
      this.mine = 1 + this.inFlight;
    } else if (reset === this.reset) {
      this.limit = limit;
      this.remaining = Math.min(this.remaining, left);
    }
  }
}

/**
 * Paces the requests of one process to one org within Okta's rate limits: every client of the org in the process
 * shares it (the run state gives each the org's one pacer), so concurrent hooks count against one view of each bucket.
 * A request goes when the bucket has room in this window (`X-Rate-Limit-Remaining`, less the requests in flight) and
 * this process has used less of the limit than the request's client may (`okta:maxApiCapacity`, each client its own);
 * otherwise it waits for `X-Rate-Limit-Reset`, then the requests go in the order they came, a request refused with a
 * 429 first.
 */
export class RateLimitPacer {
  private readonly buckets = new Map<string, Bucket>();

  /** The pacer as a client with `capacity` (percent of each bucket's limit, `okta:maxApiCapacity`) uses it. */
  share(capacity = 100): PacerShare {
    return {
      acquire: (path, clock, refused = false) => {
        const key = rateLimitBucketOf(path);
        let bucket = this.buckets.get(key);
        if (!bucket) {
          bucket = new Bucket();
          this.buckets.set(key, bucket);
        }
        return bucket.acquire(clock, refused, capacity);
      },
    };
  }
}
