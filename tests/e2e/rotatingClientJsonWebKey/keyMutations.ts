import type { OktaEmulator } from "../../../emulator/index";

/** The emulator's request log as `METHOD path status` lines of the JSON Web Key writes and the verification's introspection requests. */
export function keyMutations(emulator: OktaEmulator): string[] {
  return emulator
    .requests()
    .filter(
      (r) =>
        (r.method !== "GET" && r.path.includes("/credentials/jwks")) ||
        (r.method === "POST" && r.path === "/oauth2/v1/introspect"),
    )
    .map((r) => `${r.method} ${r.path} ${r.status}`);
}
