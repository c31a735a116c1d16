import { parse } from "tinyduration";

// Accepted units have one length everywhere: a month or a year does not, so a schedule counted in them would need a
// calendar and a time zone; the schedule is counted in UTC milliseconds instead.
const maxDurationMs = 36_500 * 86_400_000;
const msPerUnit = { weeks: 604_800_000, days: 86_400_000, hours: 3_600_000, minutes: 60_000, seconds: 1_000 } as const;

/**
 * The length in milliseconds of an ISO 8601 duration of fixed-length units (`P90D`, `P2W`, `PT12H`, `P1DT6H`), parsed
 * by `tinyduration`, or of the shorthand `90d`, `2w`, `12h`. Throws an error that starts with `field` and says the
 * fix: months, years, negative and zero durations are refused, and so is ambiguous shorthand such as `3m`.
 */
export function parseFixedDuration(field: string, text: unknown): number {
  if (typeof text !== "string" || text.trim() === "") {
    throw new Error(`${field} is required: an ISO 8601 duration such as "P90D" (90 days) or "PT12H" (12 hours)`);
  }
  let duration: ReturnType<typeof parse>;
  try {
    duration = parse(isoOf(text.trim()));
  } catch {
    throw new Error(`${field} ${JSON.stringify(text)} is not an ISO 8601 duration: ${suggestion(text)}`);
  }
  if (duration.years || duration.months) {
    throw new Error(
      `${field} ${JSON.stringify(text)} counts in ${duration.years ? "years" : "months"}, which have no fixed length: ` +
        'write it in weeks, days or hours, e.g. "P90D" for about three months or "P365D" for a year',
    );
  }
  if (duration.negative) throw new Error(`${field} ${JSON.stringify(text)} is negative: durations count forward`);
  const ms = Object.entries(msPerUnit).reduce(
    (sum, [unit, length]) => sum + (duration[unit as keyof typeof msPerUnit] ?? 0) * length,
    0,
  );
  if (!(ms >= 1_000)) throw new Error(`${field} ${JSON.stringify(text)} is shorter than a second: give a longer one`);
  // A schedule's dates must stay dates: past the anchor by 100 years at most, any instant of years 0 to 9999 plus
  // two such durations is one (a longer one made every date of the schedule "Invalid time value").
  if (ms > maxDurationMs) {
    throw new Error(
      `${field} ${JSON.stringify(text)} is longer than 100 years: give a shorter one, e.g. "P365D" for a year`,
    );
  }
  return Math.round(ms);
}

/**
 * The shorthand the examples use (`90d`, `7d`, `2w`, `12h`) in ISO 8601, for tinyduration to parse: weeks,
 * days and hours only, whose letters no reader takes for another unit (`m` is minutes to some and months to others,
 * so `3m` is refused with the ISO text to write).
 */
function isoOf(text: string): string {
  const short = /^(\d+)(w|d|h)$/i.exec(text);
  if (!short) return text;
  const [, count, unit] = short as unknown as [string, string, string];
  return unit.toLowerCase() === "h" ? `PT${count}H` : `P${count}${unit.toUpperCase()}`;
}

function suggestion(text: string): string {
  // Only to word the fix.
  const short = /^\s*(\d+)\s*(w|d|h|m|s)\s*$/i.exec(text);
  if (short) {
    const [, count, unit] = short as unknown as [string, string, string];
    const iso = { w: `P${count}W`, d: `P${count}D`, h: `PT${count}H`, m: `PT${count}M`, s: `PT${count}S` };
    return `write "${iso[unit.toLowerCase() as keyof typeof iso]}" (ISO 8601: P, then days; T before hours, minutes and seconds)`;
  }
  return 'write it like "P90D" (90 days), "P2W" (2 weeks), "PT12H" (12 hours) or "P1DT12H" (a day and a half)';
}
