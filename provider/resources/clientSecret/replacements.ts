import { createHash } from "node:crypto";

// Replacements this provider process has planned. The engine runs `check` a second time for a replacement, with no
// old inputs, after `diff`: `diff` has just read the app and verified its slots for these very inputs, so that second
// check need not read them again (two Okta requests fewer per rotation, against a shared rate-limit bucket).
// `create` still re-checks the slot under the app's lock. Keys are digests: no secret value is kept here.
const planned = new Set<string>();

/** Records that `diff` planned and verified a replacement with these inputs. */
export function rememberPlannedReplacement(news: Record<string, unknown>): void {
  planned.add(keyOf(news));
}

/** True when `diff` of this process planned a replacement with exactly these inputs. */
export function replacementPlanned(news: Record<string, unknown>): boolean {
  return planned.has(keyOf(news));
}

function keyOf(news: Record<string, unknown>): string {
  const { __provider: _, ...inputs } = news;
  const sorted = JSON.stringify(inputs, (_key, value: unknown) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
  return createHash("sha256").update(sorted).digest("base64url");
}
