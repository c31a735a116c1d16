/** Okta's per-minute bucket for one endpoint family: a window that opens on its first request and resets 60 s later. */
export class RateBucket {
  private windowEnd = 0;
  private used = 0;

  constructor(readonly limit: number | "off") {}

  /** Counts a request; false when the bucket is already empty (the request gets 429 and is not counted). */
  take(now = Date.now()): boolean {
    this.roll(now);
    if (this.limit === "off") return true;
    if (this.used >= this.limit) return false;
    this.used++;
    return true;
  }

  /** `X-Rate-Limit-*` values, or undefined when limiting is off. */
  headers(now = Date.now()): Record<string, string> | undefined {
    if (this.limit === "off") return undefined;
    this.roll(now);
    return {
      "X-Rate-Limit-Limit": String(this.limit),
      "X-Rate-Limit-Remaining": String(Math.max(0, this.limit - this.used)),
      "X-Rate-Limit-Reset": String(Math.ceil(this.windowEnd / 1000)),
    };
  }

  reset(): void {
    this.windowEnd = 0;
    this.used = 0;
  }

  private roll(now: number): void {
    if (now >= this.windowEnd) {
      this.windowEnd = now + 60_000;
      this.used = 0;
    }
  }
}
