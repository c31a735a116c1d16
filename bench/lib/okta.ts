import path from "node:path";
import type { OktaEmulator, RequestLogEntry } from "../../emulator/index";
import type { OktaClient } from "../../provider/okta/oktaClient";
import { oktaClientFromConfig } from "../../provider/runState";
import { createStack, type E2EStack } from "../../tests/e2e/harness";

/** One resource of the bench programs (`bench/programs/secrets` and `floor` read the same list). */
export interface Spec {
  name: string;
  appId: string;
  rotation: string;
  adopt?: string;
  status?: "ACTIVE" | "INACTIVE";
}

/** This package's own Okta client against an emulator: the bench's set-up talks to Okta only through it. */
export function clientOf(emulator: OktaEmulator): OktaClient {
  return oktaClientFromConfig({ "okta-credentials:orgUrl": emulator.url, "okta:apiToken": emulator.apiToken });
}

/** `n` OIDC apps, each with the one secret Okta makes with an app. */
export async function makeApps(emulator: OktaEmulator, n: number): Promise<string[]> {
  const apps: string[] = [];
  for (let i = 0; i < n; i++) apps.push((await emulator.createApp({ label: `bench ${i}` })).id);
  return apps;
}

/** The id of the one secret an app holds. */
export async function onlySecretOf(okta: OktaClient, appId: string): Promise<string> {
  const secrets = await okta.listClientSecrets(appId);
  if (secrets.length !== 1) throw new Error(`bench: app ${appId} holds ${secrets.length} secrets, expected one`);
  return (secrets[0] as { id: string }).id;
}

/** A stack of one of the bench programs, on a given emulator (several stacks may share one: one org). */
export function benchStack(
  program: "secrets" | "floor",
  emulator: OktaEmulator,
  options: { env?: Record<string, string>; config?: Record<string, string> } = {},
): Promise<E2EStack> {
  return createStack({ program: path.join(__dirname, "../programs", program), emulator, ...options });
}

/** Sets the resources a bench stack declares. */
export function declare(stack: E2EStack, specs: Spec[]): Promise<void> {
  return stack.setConfig("specs", JSON.stringify(specs));
}

/** The emulator's log of requests that count against Okta's `/api/v1/apps…` buckets. */
export function apiRequests(emulator: OktaEmulator): RequestLogEntry[] {
  return emulator.requests().filter((r) => r.path.startsWith("/api/v1/apps"));
}

/** What a request was, in Okta's words: `GET app`, `list`, `create`, `deactivate`, `activate`, `delete`, `get`. */
export function kindOf(entry: RequestLogEntry): string {
  const { method, path: p } = entry;
  if (/^\/api\/v1\/apps\/[^/]+$/.test(p)) return `${method} app`;
  if (p.endsWith("/credentials/secrets")) return method === "GET" ? "list" : "create";
  if (p.endsWith("/lifecycle/deactivate")) return "deactivate";
  if (p.endsWith("/lifecycle/activate")) return "activate";
  return method === "DELETE" ? "delete" : `${method} secret`;
}

/** `{ list: 2, create: 1 }` for a log. */
export function breakdown(entries: RequestLogEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of entries) counts[kindOf(entry)] = (counts[kindOf(entry)] ?? 0) + 1;
  return counts;
}
