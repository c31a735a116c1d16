import { describe, expect, it } from "vitest";
import { FaultQueue } from "./faults";
import { RateBucket } from "./rateLimit";
import { rsaModulusBits } from "./state/jwkMaterial";

describe("RateBucket", () => {
  it("admits `limit` requests per 60-second window and reports the window's end", () => {
    const bucket = new RateBucket(2);
    const t0 = 1_700_000_000_000;
    expect([bucket.take(t0), bucket.take(t0 + 1), bucket.take(t0 + 2)]).toEqual([true, true, false]);
    expect(bucket.headers(t0 + 3)).toEqual({
      "X-Rate-Limit-Limit": "2",
      "X-Rate-Limit-Remaining": "0",
      "X-Rate-Limit-Reset": String((t0 + 60_000) / 1000),
    });
    expect(bucket.take(t0 + 60_000)).toBe(true);
    expect(bucket.headers(t0 + 60_001)?.["X-Rate-Limit-Remaining"]).toBe("1");
  });

  it("never refuses when off, and sends no headers", () => {
    const bucket = new RateBucket("off");
    for (let i = 0; i < 1000; i++) expect(bucket.take()).toBe(true);
    expect(bucket.headers()).toBeUndefined();
  });
});

describe("FaultQueue", () => {
  it("matches by method and path regexp, in order, and uses each fault up", () => {
    const queue = new FaultQueue();
    queue.inject({ method: "post", path: "/secrets$", status: 500, count: 2 });
    queue.inject({ status: 503 });
    expect(queue.take("GET", "/api/v1/apps/x/secrets")?.status).toBe(503);
    expect(queue.take("POST", "/api/v1/apps/x/secrets")?.status).toBe(500);
    expect(queue.pending()).toEqual([{ method: "post", path: "/secrets$", status: 500, count: 1 }]);
    expect(queue.take("POST", "/__emulator/state")).toBeUndefined();
    expect(queue.take("POST", "/api/v1/apps/x/secrets")?.status).toBe(500);
    expect(queue.take("POST", "/api/v1/apps/x/secrets")).toBeUndefined();
  });

  it("refuses faults that cannot mean anything", () => {
    const queue = new FaultQueue();
    expect(() => queue.inject({ count: 0, status: 500 })).toThrow(/count/);
    expect(() => queue.inject({ status: 418 as 500 })).toThrow(/status/);
    expect(() => queue.inject({ after: true, delayMs: 5 })).toThrow(/after/);
    expect(queue.pending()).toEqual([]);
  });
});

describe("rsaModulusBits", () => {
  it("counts the bits of a base64url modulus, ignoring a leading zero byte", () => {
    expect(rsaModulusBits(Buffer.from([0x00, 0x80, 0, 0]).toString("base64url"))).toBe(24);
    expect(rsaModulusBits(Buffer.from([0x01, 0xff]).toString("base64url"))).toBe(9);
    expect(rsaModulusBits(Buffer.alloc(256, 0xff).toString("base64url"))).toBe(2048);
  });
});
