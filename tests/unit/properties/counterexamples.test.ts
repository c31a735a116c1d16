import { describe, expect, it } from "vitest";
import { providers } from "../../../provider";
import { startRotation } from "../../../sdk/rotation/component";
import { useHookHarness } from "../provider/harness";

// Inputs the property-based tests (check.test.ts) found crashing a hook, kept as plain tests once fixed.

const harness = useHookHarness();

describe("check counterexamples", () => {
  it("an appId that is a map with a toString key is refused by name, not a TypeError (String() of it threw)", async () => {
    for (const check of [providers.ClientSecret.check, providers.ClientJsonWebKey.check]) {
      const result = await check({} as never, { appId: { toString: [] }, generate: { algorithm: "RS256" } } as never);
      expect(result.failures?.map((f) => f.property)).toContain("appId");
      expect(result.failures?.find((f) => f.property === "appId")?.reason).toMatch(/appId must be a string/);
    }
    expect(harness.emulator.requests()).toEqual([]);
  });
});

describe("rotation counterexamples", () => {
  it("a rotateEvery of 99999999999 days is refused by name (every date of the schedule was an Invalid time value)", () => {
    const args = { appId: "0oa1b2c3d4e5f6g7h8i9", rotateEvery: "99999999999d", retireAfter: "P7D", now: "2026-01-01" };
    expect(() => startRotation("RotatingClientSecret", "api", args)).toThrow(
      /^RotatingClientSecret "api": rotateEvery "99999999999d" is longer than 100 years: give a shorter one/,
    );
  });
});
