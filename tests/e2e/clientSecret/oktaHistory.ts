import type { OktaEmulator, RequestLogEntry } from "../../../emulator/index";

/** The emulator's request log as `METHOD path` lines of the client-secret operations that change something. */
export function secretMutations(emulator: OktaEmulator): string[] {
  return emulator
    .requests()
    .filter((r: RequestLogEntry) => r.method !== "GET" && r.path.includes("/credentials/secrets"))
    .map((r) => `${r.method} ${r.path} ${r.status}`);
}

/** The app's secrets as `id STATUS` strings, from the emulator's full state. */
export function secretsOf(emulator: OktaEmulator, appId: string): { id: string; status: string; hash: string }[] {
  const app = emulator.state().apps.find((a) => a.id === appId);
  if (!app) throw new Error(`app ${appId} is not in the emulator`);
  return app.secrets.map((s) => ({ id: s.id, status: s.status, hash: s.secret_hash }));
}

/**
 * Replays the successful credential mutations of the log (client secrets or JSON Web Keys; other lines are skipped)
 * over the app's credentials before them, and returns the lowest number of ACTIVE ones the app had at any moment: a
 * zero-downtime rotation never reaches 0. A POST counts as an ACTIVE credential (the tests' creations all are).
 */
export function fewestActive(before: { id: string; status: string }[], mutations: string[]): number {
  const status = new Map(before.map((s) => [s.id, s.status]));
  const active = () => [...status.values()].filter((s) => s === "ACTIVE").length;
  let fewest = active();
  let created = 0;
  for (const line of mutations) {
    const [method, path, code] = line.split(" ");
    if (!code?.startsWith("2") || !path?.includes("/credentials/")) continue;
    const id = path.match(/\/credentials\/(?:secrets|jwks)\/([^/]+)/)?.[1];
    if (method === "POST" && !id) status.set(`created-${created++}`, "ACTIVE");
    else if (id && path.endsWith("/lifecycle/deactivate")) status.set(id, "INACTIVE");
    else if (id && path.endsWith("/lifecycle/activate")) status.set(id, "ACTIVE");
    else if (id && method === "DELETE") status.delete(id);
    fewest = Math.min(fewest, active());
  }
  return fewest;
}
