/**
 * Okta's per-minute bucket for one endpoint family: a window that opens on its first request and resets 60 s later.
 * With a `share` (e.g. 0.5), each API token or OAuth app (a "principal") may use at most that part of the bucket
 * (Okta's "Token and OAuth 2.0 app rate limits", 50% by default on a real org).
 */
export class RateBucket {
  private windowEnd = 0;
  private used = 0;
  private readonly usedBy = new Map<string, number>();

  constructor(
    readonly limit: number | "off",
    readonly share?: number,
  ) {}

  /** Counts a request; false when the bucket, or the principal's share of it, is already used up (429, not counted). */
  take(now = Date.now(), principal?: string): boolean {
    this.roll(now);
    if (this.limit === "off") return true;
    if (this.used >= this.limit) return false;
    const ceiling = this.ceiling(principal);
    if (principal !== undefined && ceiling !== undefined) {
      const mine = this.usedBy.get(principal) ?? 0;
      if (mine >= ceiling) return false;
      this.usedBy.set(principal, mine + 1);
    }
    this.used++;
    return true;
  }

  /**
   * `X-Rate-Limit-*` values, or undefined when limiting is off. With a share they describe the principal's part
   * (its ceiling, and what is left of it or of the bucket, whichever is less): inferred, Okta does not document it.
   */
  headers(now = Date.now(), principal?: string): Record<string, string> | undefined {
    if (this.limit === "off") return undefined;
    this.roll(now);
    const ceiling = this.ceiling(principal);
    let limit = this.limit;
    let remaining = this.limit - this.used;
    if (principal !== undefined && ceiling !== undefined) {
      limit = ceiling;
      remaining = Math.min(remaining, ceiling - (this.usedBy.get(principal) ?? 0));
    }
    return {
      "X-Rate-Limit-Limit": String(limit),
      "X-Rate-Limit-Remaining": String(Math.max(0, remaining)),
      "X-Rate-Limit-Reset": String(Math.ceil(this.windowEnd / 1000)),
    };
  }

  reset(): void {
    this.windowEnd = 0;
    this.used = 0;
    this.usedBy.clear();
  }

  private ceiling(principal: string | undefined): number | undefined {
    if (principal === undefined || this.share === undefined || this.limit === "off") return undefined;
    return Math.max(1, Math.floor(this.limit * this.share));
  }

  private roll(now: number): void {
    if (now >= this.windowEnd) {
      this.windowEnd = now + 60_000;
      this.used = 0;
      this.usedBy.clear();
    }
  }
}
