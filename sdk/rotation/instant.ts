// ISO 8601 instants as this package accepts them: a UTC date (`2026-01-01`, midnight UTC), or a date and time with
// `Z` or an offset (`2026-01-01T09:30:00+02:00`). `Date.parse` alone would also take local-time and free-form text.
const isoInstant = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Milliseconds since the epoch of an ISO 8601 date or date-time; throws an error that starts with `field`. */
export function parseInstant(field: string, text: unknown): number {
  const match = typeof text === "string" ? isoInstant.exec(text.trim()) : null;
  const fix =
    'give an ISO 8601 date ("2026-01-01", midnight UTC) or a date and time with Z or an offset ("2026-01-01T09:30:00Z")';
  if (!match) throw new Error(`${field} ${JSON.stringify(text)} is not an ISO 8601 date: ${fix}`);
  const [, year, month, day, hour = "00", minute = "00", second = "00"] = match as unknown as string[];
  const calendar = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute)));
  const exists =
    calendar.getUTCDate() === Number(day) &&
    calendar.getUTCMonth() === Number(month) - 1 &&
    calendar.getUTCHours() === Number(hour) &&
    calendar.getUTCMinutes() === Number(minute) &&
    Number(second) < 60;
  const ms = Date.parse(match[4] === undefined ? `${match[0]}T00:00:00Z` : match[0]);
  if (!exists || !Number.isFinite(ms)) throw new Error(`${field} ${JSON.stringify(text)} is not a real date: ${fix}`);
  return ms;
}

/** `2026-11-20` for midnight UTC, else `2026-11-20T09:30:00Z`: for messages. */
export function shortInstant(ms: number): string {
  const iso = new Date(ms).toISOString();
  if (iso.endsWith("T00:00:00.000Z")) return iso.slice(0, 10);
  return iso.endsWith(".000Z") ? `${iso.slice(0, 19)}Z` : iso;
}
