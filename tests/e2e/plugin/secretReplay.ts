import type { OktaEmulator, RequestLogEntry } from "../../../emulator/index";

/**
 * Replays an app's client secrets from the emulator's request log: each answered create, activation, deactivation and
 * delete applied in the order Okta answered them, starting from what the app held before. After every request the
 * invariants of a rotation are checked: never more than Okta's two secrets, never no ACTIVE one. A create's new id is
 * not in its path: it is the id that a later request names, or that the app holds at the end. A create whose answer
 * was lost (a 5xx or a dropped connection after Okta made the secret) counts when an id no answered create explains
 * shows up later. The replay must end where the emulator is, ids and statuses, or it reports that too.
 */
export function replaySecrets(
  before: Map<string, string>,
  log: RequestLogEntry[],
  appId: string,
  after: Map<string, string>,
): string[] {
  const held = new Map(before);
  const unnamed: string[] = [];
  const problems: string[] = [];
  const prefix = `/api/v1/apps/${appId}/credentials/secrets`;
  const named = (id: string) => {
    if (!held.has(id) && unnamed.length > 0) {
      const placeholder = unnamed.shift() as string;
      held.set(id, held.get(placeholder) as string);
      held.delete(placeholder);
    }
  };
  const ours = log.filter((e) => e.path.startsWith(prefix));
  const isCreate = (e: RequestLogEntry) => e.method === "POST" && e.path === prefix;
  const answered = (e: RequestLogEntry) => e.status >= 200 && e.status < 300;
  // Ids that some create made: named by a later request or held at the end, and not there before.
  const made = new Set(
    [...ours.map((e) => /^\/(\w+)/.exec(e.path.slice(prefix.length))?.[1]), ...after.keys()].filter(
      (id): id is string => id !== undefined && !before.has(id),
    ),
  );
  let lost = made.size - ours.filter((e) => isCreate(e) && answered(e)).length;
  const applied = ours.filter((e) => {
    if (answered(e)) return true;
    if (isCreate(e) && (e.status >= 500 || e.status === 0) && lost > 0) {
      lost -= 1;
      return true;
    }
    return false;
  });
  for (const entry of applied) {
    const rest = entry.path.slice(prefix.length);
    const id = /^\/(\w+)/.exec(rest)?.[1];
    if (isCreate(entry)) {
      const placeholder = `created#${unnamed.length + held.size}`;
      unnamed.push(placeholder);
      held.set(placeholder, "ACTIVE");
    } else if (id && rest.endsWith("/lifecycle/deactivate")) {
      named(id);
      held.set(id, "INACTIVE");
    } else if (id && rest.endsWith("/lifecycle/activate")) {
      named(id);
      held.set(id, "ACTIVE");
    } else if (id && entry.method === "DELETE") {
      named(id);
      held.delete(id);
    } else {
      continue;
    }
    const active = [...held.values()].filter((s) => s === "ACTIVE").length;
    const at = `${entry.method} ${entry.path} (${entry.time})`;
    if (held.size > 2) problems.push(`${held.size} secrets after ${at}`);
    if (active === 0) problems.push(`no ACTIVE secret after ${at}`);
  }
  for (const placeholder of unnamed) {
    const id = [...after.keys()].find((k) => !held.has(k));
    if (id === undefined) continue;
    held.set(id, held.get(placeholder) as string);
    held.delete(placeholder);
  }
  const replayed = JSON.stringify([...held].sort());
  const actual = JSON.stringify([...after].sort());
  if (replayed !== actual) problems.push(`the replay ends at ${replayed}, the emulator holds ${actual}`);
  return problems;
}

/** The app's secrets now: id → status. */
export function heldNow(emulator: OktaEmulator, appId: string): Map<string, string> {
  const app = emulator.state().apps.find((a) => a.id === appId);
  return new Map((app?.secrets ?? []).map((s) => [s.id, s.status]));
}
