import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unknownValue } from "../../../provider/resources/previewUnknowns";
import { startRotation } from "../../../sdk/rotation/component";
import { recordFigures } from "../../reliability/figures";

// Property-based tests of the rotating components' arguments (issue 20, bad input): RotatingClientSecret and
// RotatingClientJsonWebKey validate their schedule and flags when the program runs (startRotation, which the plugin's
// construct calls too, through the same classes). Whatever the arguments, the component either starts or throws an
// Error that names the component, the argument and the fix: never a TypeError or a RangeError, and never a request.

const runs = Number(process.env.OKTA_CREDENTIALS_PROPERTY_RUNS ?? 1000);
const fetched: string[] = [];
const realFetch = globalThis.fetch;
beforeAll(() => {
  globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    fetched.push(String(input));
    return realFetch(input, init);
  }) as typeof fetch;
});
afterAll(() => {
  globalThis.fetch = realFetch;
});

const protoKeys = fc.constantFrom("__proto__", "constructor", "toString", "valueOf");
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constant(unknownValue),
  fc.constant(undefined),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0),
  fc.constantFrom("x".repeat(300_000), `P${"9".repeat(400)}D`, "P1e400D", "PT0S", "P0D", "-P1D"),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.dictionary(protoKeys, fc.jsonValue({ maxDepth: 1 })).map((o) => JSON.parse(JSON.stringify(o))),
);
const mostly = (...valid: fc.Arbitrary<unknown>[]) =>
  fc.oneof({ arbitrary: fc.oneof(...valid), weight: 3 }, { arbitrary: hostile, weight: 1 });
const count = fc.oneof(
  fc.integer({ min: 0, max: 400 }),
  fc.integer({ min: 0, max: 2 ** 31 }),
  fc.constant(99999999999),
);
const duration = mostly(
  fc
    .tuple(count, fc.constantFrom("D", "W", "H", "M", "S", "Y"))
    .map(([n, u]) => (/[HMS]/.test(u) ? `PT${n}${u}` : `P${n}${u}`)),
  fc.tuple(count, fc.constantFrom("d", "w", "h", "m")).map(([n, u]) => `${n}${u}`),
  fc.constantFrom("P90D", "P7D", "PT12H", "P1DT12H", "P2W"),
);
const instant = mostly(
  fc
    .date({ min: new Date("0001-01-01"), max: new Date("9999-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom("2026-01-01", "2026-02-30", "2026-01-01T09:30:00+02:00", "9999-12-31", "0000-01-01", "+275760-09-13"),
);
const args = fc
  .tuple(
    fc.record(
      {
        appId: mostly(fc.constant("0oa1b2c3d4e5f6g7h8i9")),
        rotateEvery: duration,
        retireAfter: duration,
        anchor: instant,
        now: instant,
        adoptExisting: mostly(fc.boolean()),
        verify: mostly(fc.boolean()),
        generate: mostly(fc.constant({ algorithm: "RS256" })),
      },
      { requiredKeys: [] },
    ),
    fc.dictionary(protoKeys, hostile, { maxKeys: 2 }),
  )
  .map(([known, extra]) => {
    const all: Record<string, unknown> = JSON.parse(JSON.stringify(extra));
    for (const [k, v] of Object.entries(known)) Object.defineProperty(all, k, { value: v, enumerable: true });
    return all;
  });

const argumentNames = [
  "rotateEvery",
  "retireAfter",
  "anchor",
  "now",
  "adoptExisting",
  "verify",
  "OKTA_CREDENTIALS_NOW",
];

async function shortReport<T>(details: fc.RunDetails<T>): Promise<void> {
  const message = await fc.asyncDefaultReportMessage(details);
  if (message === undefined) return;
  const cause = String(details.errorInstance).slice(0, 600);
  throw new Error(`${message.replace(/([^"]{80})[^"]{40,}/g, "$1…").split("\nHint")[0]}\n${cause}`);
}

describe(`rotating components' arguments (${runs} per component)`, () => {
  for (const kind of ["RotatingClientSecret", "RotatingClientJsonWebKey"]) {
    it(`${kind}: ${runs} argument sets, each starts or is refused naming the argument and the fix`, async () => {
      const figures = { tried: 0, refused: 0, started: 0 };
      await fc.assert(
        fc.asyncProperty(args, async (a) => {
          figures.tried++;
          fetched.length = 0;
          try {
            const { schedule } = startRotation(kind, "api", a as never);
            figures.started++;
            expect(Number.isSafeInteger(schedule.generation)).toBe(true);
            for (const at of [schedule.nextRotationAt, schedule.previousRetiresAt, schedule.generationStartedAt]) {
              expect(Number.isFinite(Date.parse(at))).toBe(true);
            }
          } catch (e) {
            figures.refused++;
            expect(e).toBeInstanceOf(Error);
            for (const fault of [TypeError, RangeError, SyntaxError, ReferenceError]) {
              expect(e).not.toBeInstanceOf(fault);
            }
            const message = (e as Error).message;
            expect(message.startsWith(`${kind} "api": `)).toBe(true);
            expect(argumentNames.some((n) => message.includes(n))).toBe(true);
            expect(message).toMatch(/must|required|write|give|set |shorten|lengthen|forward|e\.g\./i);
          }
          expect(fetched).toEqual([]);
        }),
        { numRuns: runs, endOnFailure: true, asyncReporter: shortReport },
      );
      recordFigures("properties", `${kind}.args`, figures);
      expect(figures.tried).toBe(runs);
    });
  }
});
