import type { OktaEmulator } from "../../../emulator/index";

/**
 * The emulator's request log as `METHOD path status` lines of what changes an app's keys and of token requests, in
 * the order Okta answered them; the app's id is written `{app}`.
 */
export function keyEvents(emulator: OktaEmulator, appId: string): string[] {
  return emulator
    .requests()
    .filter(
      (r) =>
        (r.method !== "GET" && r.path.includes("/credentials/jwks")) ||
        (r.method === "POST" && r.path === "/oauth2/v1/token"),
    )
    .map((r) => `${r.method} ${r.path.replace(`/api/v1/apps/${appId}/credentials/jwks`, "{jwks}")} ${r.status}`);
}

/** The app's keys, from the emulator's full state. */
export function keysOf(emulator: OktaEmulator, appId: string): { id: string; kid: string; status: string }[] {
  const app = emulator.state().apps.find((a) => a.id === appId);
  if (!app) throw new Error(`app ${appId} is not in the emulator`);
  return app.jwks.map((k) => ({ id: k.id, kid: k.kid ?? "", status: k.status }));
}

/** A key's `held` output (`"<keyId> <kid> <status>"`) read into its parts. */
export function heldKey(line: unknown): { keyId: string; kid: string; status: string } {
  const [keyId = "", kid = "", status = ""] = String(line).split(" ");
  return { keyId, kid, status };
}
