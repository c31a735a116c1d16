import type { FaultSpec } from "./types";

const CONTROL_PREFIX = "/__emulator/";

/** Pending faults, matched in injection order; each is used up after `count` matching requests. */
export class FaultQueue {
  private faults: Array<{ spec: FaultSpec; remaining: number; path?: RegExp }> = [];

  inject(spec: FaultSpec): void {
    const count = spec.count ?? 1;
    if (!Number.isInteger(count) || count < 1)
      throw new TypeError(`fault count must be a positive integer, got ${count}`);
    if (spec.status !== undefined && ![429, 500, 502, 503].includes(spec.status)) {
      throw new TypeError(`fault status must be 429, 500, 502 or 503, got ${spec.status}`);
    }
    if (spec.echo && (spec.status !== undefined || spec.drop || spec.after)) {
      throw new TypeError("an 'echo' fault answers by itself: no status, drop or after");
    }
    if (spec.after && spec.status === undefined && !spec.drop)
      throw new TypeError("an 'after' fault needs a status or drop");
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
