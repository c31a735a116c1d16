import { expect } from "vitest";
import type { OktaEmulator } from "../../../emulator/index";
import { fewestActive } from "../clientSecret/oktaHistory";

/** The counts table of one app's section: `[before, after, during]` for the ACTIVE row and the held row. */
export function countsOf(markdown: string, appId: string, noun = "secrets") {
  const section = appSection(markdown, appId);
  const row = (label: string) => {
    const match = new RegExp(`^\\| ${label} \\| (\\d+) \\| (\\d+) \\| ([^|]+) \\|`, "m").exec(section);
    if (!match) throw new Error(`no "${label}" row for app ${appId} in:\n${markdown}`);
    return { before: Number(match[1]), after: Number(match[2]), during: (match[3] as string).trim() };
  };
  return { active: row(`ACTIVE ${noun}`), held: row(`${noun} held \\(Okta's maximum: \\d+\\)`) };
}

/** The section of one app (from its heading to the next). */
export function appSection(markdown: string, appId: string): string {
  const start = markdown.indexOf(`### App \`${appId}\``);
  if (start === -1) throw new Error(`no section for app ${appId} in:\n${markdown}`);
  const next = markdown.indexOf("\n### ", start + 1);
  return markdown.slice(start, next === -1 ? undefined : next);
}

/**
 * The numbered writes of an app's section as the Okta requests they stand for (`POST <secrets>`, `POST
 * <secrets>/<id>/lifecycle/deactivate`, `DELETE <secrets>/<id>`); an adoption and a token request are none.
 */
export function writesOf(markdown: string, appId: string, collection = "secrets"): string[] {
  const base = `/api/v1/apps/${appId}/credentials/${collection}`;
  const lines = [...appSection(markdown, appId).matchAll(/^\d+\. (.+)$/gm)].map((m) => m[1] as string);
  return lines.flatMap((line) => {
    const id = /`((?:ocs|pks)\w+)`/.exec(line)?.[1];
    if (line.startsWith("create a new")) return [`POST ${base}`];
    if (line.startsWith("deactivate ")) return [`POST ${base}/${id}/lifecycle/deactivate`];
    if (line.startsWith("activate ")) return [`POST ${base}/${id}/lifecycle/activate`];
    if (line.startsWith("delete ")) return [`DELETE ${base}/${id}`];
    return [];
  });
}

/** The writes `pulumi up` really made on the app, from the emulator's request log, without status codes. */
export function mutationsOf(emulator: OktaEmulator, appId: string, collection = "secrets"): string[] {
  const base = `/api/v1/apps/${appId}/credentials/${collection}`;
  return emulator
    .requests()
    .filter((r) => r.method !== "GET" && r.path.startsWith(base) && String(r.status).startsWith("2"))
    .map((r) => `${r.method} ${r.path}`);
}

/**
 * After `pulumi up`: the review said what Okta then holds and what the run did. Its writes are the requests made, in
 * that order; its `after` counts are the app's; and no moment of the real run had fewer ACTIVE than it promised.
 */
export function expectReviewKept(
  markdown: string,
  emulator: OktaEmulator,
  appId: string,
  before: { id: string; status: string }[],
  collection = "secrets",
): void {
  const done = mutationsOf(emulator, appId, collection);
  expect(done).toEqual(writesOf(markdown, appId, collection));
  const app = emulator.state().apps.find((a) => a.id === appId);
  const held = collection === "secrets" ? (app?.secrets ?? []) : (app?.jwks ?? []);
  const counts = countsOf(markdown, appId, collection === "secrets" ? "secrets" : "keys");
  expect({ active: held.filter((s) => s.status === "ACTIVE").length, held: held.length }).toEqual({
    active: counts.active.after,
    held: counts.held.after,
  });
  const promised = Number(/never fewer than (\d+)/.exec(counts.active.during)?.[1]);
  const log = done.map((line) => `${line} 200`);
  expect(fewestActive(before, log)).toBeGreaterThanOrEqual(promised);
}

/** Every secret value, token and private key the test knows: none may appear in what the review printed. */
export function expectNoSecret(text: string, secrets: Iterable<string>): void {
  for (const secret of secrets) {
    if (secret.length < 8) continue;
    expect(text.includes(secret), "a secret value is in the review's output").toBe(false);
  }
  // Okta's generated secrets are 64 characters of base64url; a PEM private key has its armour.
  expect(text).not.toMatch(/[A-Za-z0-9_-]{64}/);
  expect(text).not.toContain("PRIVATE KEY");
}

/** Every client secret value the emulator holds now (deleted ones are gathered by calling this after each step). */
export function secretValues(emulator: OktaEmulator): string[] {
  return emulator.state().apps.flatMap((a) => a.secrets.map((s) => s.client_secret));
}
