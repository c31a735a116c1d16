import type { FaultSpec } from "./types";

const CONTROL_PREFIX = "/__emulator/";

/** Pending faults, matched in injection order; each is used up after `count` matching requests. */
export class FaultQueue {
  private faults: Array<{ spec: FaultSpec; remaining: number; path?: RegExp }> = [];

  inject(spec: FaultSpec): void {
    const count = spec.count ?? 1;
    if (!Number.isInteger(count) || count < 1)
      throw new TypeError(`fault count must be a positive integer, got ${count}`);
    checkAnswerKind(spec);
    const entry: { spec: FaultSpec; remaining: number; path?: RegExp } = { spec: { ...spec }, remaining: count };
    if (spec.path !== undefined) entry.path = new RegExp(spec.path);
    this.faults.push(entry);
  }

  /** Takes one use of the first fault matching the request, if any. */
  take(method: string, pathname: string): FaultSpec | undefined {
    if (pathname.startsWith(CONTROL_PREFIX)) return undefined;
    const index = this.faults.findIndex(
      (f) =>
        (f.spec.method === undefined || f.spec.method.toUpperCase() === method.toUpperCase()) &&
        (f.path === undefined || f.path.test(pathname)),
    );
    const fault = this.faults[index];
    if (!fault) return undefined;
    fault.remaining--;
    if (fault.remaining === 0) this.faults.splice(index, 1);
    return fault.spec;
  }

  /** What is still pending, `count` being the uses left. */
  pending(): FaultSpec[] {
    return this.faults.map((f) => ({ ...f.spec, count: f.remaining }));
  }

  clear(): void {
    this.faults = [];
  }
}

const STATUSES = [404, 429, 500, 502, 503];
const REDIRECTS = [301, 302, 303, 307, 308];

/** Refuses a fault whose parts do not make one answer, naming what to change. */
function checkAnswerKind(spec: FaultSpec): void {
  const own = (["echo", "redirect", "html", "truncate", "hugeBytes"] as const).filter(
    (k) => spec[k] !== undefined && spec[k] !== false,
  );
  if (own.length > 1) throw new TypeError(`a fault has one kind of answer: ${own.join(" and ")} do not combine`);
  const kind = own[0];
  if (kind === "echo" && (spec.status !== undefined || spec.drop || spec.after)) {
    throw new TypeError("an 'echo' fault answers by itself: no status, drop or after");
  }
  if (kind !== undefined && kind !== "echo" && (spec.drop || spec.after)) {
    throw new TypeError(`a '${kind}' fault answers by itself: no drop or after`);
  }
  if (kind === "redirect") {
    if (typeof spec.redirect !== "string" || !URL.canParse(spec.redirect)) {
      throw new TypeError(`a 'redirect' fault needs an absolute URL for Location, got ${String(spec.redirect)}`);
    }
    if (spec.status !== undefined && !REDIRECTS.includes(spec.status)) {
      throw new TypeError(`a 'redirect' fault's status must be one of ${REDIRECTS.join(", ")}, got ${spec.status}`);
    }
    return;
  }
  if (kind === "truncate" && spec.status !== undefined) {
    throw new TypeError("a 'truncate' fault keeps the real answer's status: no status");
  }
  if (kind === "hugeBytes" && (!Number.isInteger(spec.hugeBytes) || (spec.hugeBytes as number) < 1)) {
    throw new TypeError(`hugeBytes must be a positive whole number of bytes, got ${String(spec.hugeBytes)}`);
  }
  const allowed = kind === "hugeBytes" || kind === "html" ? [200, ...STATUSES] : STATUSES;
  if (spec.status !== undefined && !allowed.includes(spec.status)) {
    throw new TypeError(`fault status must be ${allowed.join(", ").replace(/, (\d+)$/, " or $1")}, got ${spec.status}`);
  }
  if (kind === undefined && spec.after && spec.status === undefined && !spec.drop) {
    throw new TypeError("an 'after' fault needs a status or drop");
  }
}
