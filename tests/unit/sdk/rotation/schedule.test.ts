import { describe, expect, it } from "vitest";
import { parseFixedDuration } from "../../../../sdk/rotation/duration";
import { parseInstant } from "../../../../sdk/rotation/instant";
import { defaultAnchor, nowVariable, scheduleReason, twoSlotSchedule } from "../../../../sdk/rotation/schedule";

const day = 86_400_000;
const base = { rotateEvery: "P90D", retireAfter: "P7D", anchor: "2026-01-01" };
const at = (now: string) => twoSlotSchedule({ ...base, now }, {});

describe("durations (ISO 8601, fixed-length units, parsed by tinyduration)", () => {
  it.each([
    ["P90D", 90 * day],
    ["P2W", 14 * day],
    ["PT12H", day / 2],
    ["P1DT12H", 1.5 * day],
    ["PT90M", 5_400_000],
    ["P1.5D", 1.5 * day],
    ["90d", 90 * day],
    ["7d", 7 * day],
    ["2w", 14 * day],
    ["12h", 12 * 3_600_000],
  ])("%s is %d ms", (text, ms) => {
    expect(parseFixedDuration("rotateEvery", text)).toBe(ms);
  });

  it.each([
    ["3m", 'rotateEvery "3m" is not an ISO 8601 duration: write "PT3M"'],
    ["30s", 'write "PT30S"'],
    ["90 d", 'write "P90D"'],
    ["ninety days", 'write it like "P90D"'],
    ["P3M", "counts in months, which have no fixed length"],
    ["P1Y", "counts in years"],
    ["-P1D", "is negative"],
    ["P0D", "shorter than a second"],
    ["", "rotateEvery is required"],
  ])("refuses %j, naming the field and the fix", (text, message) => {
    expect(() => parseFixedDuration("rotateEvery", text)).toThrow(message);
  });
});

describe("instants (anchor, now, OKTA_CREDENTIALS_NOW)", () => {
  it("reads a date as midnight UTC, and a date-time with Z or an offset", () => {
    expect(parseInstant("anchor", "2026-01-01")).toBe(Date.parse("2026-01-01T00:00:00Z"));
    expect(parseInstant("anchor", "2026-01-01T09:30:00+02:00")).toBe(Date.parse("2026-01-01T07:30:00Z"));
    expect(parseInstant("now", "2026-01-01T09:30Z")).toBe(Date.parse("2026-01-01T09:30:00Z"));
  });

  it.each(["2026-02-30", "2026-13-01", "Jan 1 2026", "2026-01-01T09:30:00", "1767225600000"])(
    "refuses %j, naming the field and the forms it takes",
    (text) => {
      expect(() => parseInstant("anchor", text)).toThrow(
        /^anchor ".*" is not (an ISO 8601|a real) date: give an ISO 8601 date/,
      );
    },
  );
});

describe("the two-slot schedule", () => {
  // Generation g begins at anchor + (g - 1) * 90 days and lives in slot g % 2; g - 1 retires 7 days into g.
  it.each([
    // now,                    g, current slot, previous status, next rotation,   previous retires
    ["2026-01-01T00:00:00Z", 1, 1, "ACTIVE", "2026-04-01", "2026-01-08"],
    ["2026-01-07T23:59:59Z", 1, 1, "ACTIVE", "2026-04-01", "2026-01-08"],
    ["2026-01-08T00:00:00Z", 1, 1, "INACTIVE", "2026-04-01", "2026-01-08"],
    ["2026-03-31T23:59:59Z", 1, 1, "INACTIVE", "2026-04-01", "2026-01-08"],
    ["2026-04-01T00:00:00Z", 2, 0, "ACTIVE", "2026-06-30", "2026-04-08"],
    ["2026-04-09T00:00:00Z", 2, 0, "INACTIVE", "2026-06-30", "2026-04-08"],
    ["2026-07-01T00:00:00Z", 3, 1, "ACTIVE", "2026-09-28", "2026-07-07"],
    ["2026-11-20T00:00:00Z", 4, 0, "INACTIVE", "2026-12-27", "2026-10-05"],
  ] as const)("at %s: generation %d in slot %d, previous %s", (now, g, slot, previousStatus, next, retires) => {
    const s = at(now);
    expect(s.generation).toBe(g);
    expect(s.current).toEqual({ slot, generation: g, role: "current", status: "ACTIVE" });
    expect(s.previous).toEqual({ slot: 1 - slot, generation: g - 1, role: "previous", status: previousStatus });
    expect(s.slots[slot]).toBe(s.current);
    expect(s.nextRotationAt).toBe(`${next}T00:00:00.000Z`);
    expect(s.previousRetiresAt).toBe(`${retires}T00:00:00.000Z`);
    expect(s.previousRetired).toBe(previousStatus === "INACTIVE");
  });

  it("replaces a slot only when it holds g - 2, which the schedule had retired before g - 1 ended", () => {
    const days = Array.from({ length: 400 }, (_, i) => at(new Date(Date.parse("2026-01-01") + i * day).toISOString()));
    for (const [before, after] of days.slice(1).map((s, i) => [days[i], s] as const)) {
      for (const slot of [0, 1] as const) {
        const was = before?.slots[slot];
        const now = after.slots[slot];
        if (was && was.generation !== now.generation) {
          expect(now.generation).toBe(was.generation + 2);
          expect(was.status).toBe("INACTIVE");
        }
      }
    }
  });

  it("says why, in one line", () => {
    expect(scheduleReason(at("2026-11-25T10:00:00Z"))).toBe(
      "generation 4 began 2026-09-28; previous retired 2026-10-05; next rotation 2026-12-27 " +
        "(time 2026-11-25T10:00:00Z from input now)",
    );
    const clock = twoSlotSchedule(base, {}, () => Date.parse("2026-10-01T00:00:00Z"));
    expect(scheduleReason(clock)).toBe(
      "generation 4 began 2026-09-28; previous retires 2026-10-05; next rotation 2026-12-27",
    );
  });

  it("takes the time from the input now, then OKTA_CREDENTIALS_NOW, then the clock", () => {
    const env = { [nowVariable]: "2026-04-01" };
    const clock = () => Date.parse("2026-01-02");
    expect(twoSlotSchedule({ ...base, now: "2026-07-01" }, env, clock)).toMatchObject({
      generation: 3,
      nowFrom: "input now",
    });
    expect(twoSlotSchedule(base, env, clock)).toMatchObject({ generation: 2, nowFrom: nowVariable });
    expect(twoSlotSchedule(base, {}, clock)).toMatchObject({ generation: 1, nowFrom: "clock" });
    expect(() => twoSlotSchedule(base, { [nowVariable]: "tomorrow" })).toThrow(`${nowVariable} "tomorrow" is not`);
  });

  it("counts from the Unix epoch without an anchor, so the generations never move between runs", () => {
    const s = twoSlotSchedule({ rotateEvery: "P1D", retireAfter: "PT1H", now: "1970-01-03T12:00:00Z" }, {});
    expect(defaultAnchor).toBe("1970-01-01T00:00:00Z");
    expect(s).toMatchObject({ generation: 3, generationStartedAt: "1970-01-03T00:00:00.000Z" });
  });

  it("refuses a retirement window as long as the rotation, and a schedule that has not begun", () => {
    expect(() => twoSlotSchedule({ ...base, retireAfter: "P90D" }, {})).toThrow(
      "retireAfter (P90D) must be shorter than rotateEvery (P90D)",
    );
    expect(() => at("2025-12-31T23:59:59Z")).toThrow(
      "anchor 2026-01-01 is after the current time (2025-12-31T23:59:59.000Z, from input now): the schedule has not begun",
    );
  });
});
