// `okta-credentials orphans`: the client secrets and JSON Web Keys of a stack's apps that no resource of the stack
// holds, e.g. one whose POST landed in Okta while `pulumi up` was killed (its create is only a pending operation in the
// state, and a generated key's private half died with the process). Reads the state (`pulumi stack export`) and the
// org with the provider's own configuration and client; prints ids, statuses, dates and the commands that remove each
// one, never a secret value or a token. Deletes only with `--delete`, and never an app's last ACTIVE secret or key.
import { readFile } from "node:fs/promises";
import { resolveOktaSettings } from "../provider/okta/config";
import { OktaClient } from "../provider/okta/oktaClient";

/** One credential in Okta that no resource of the stack holds. */
interface Orphan {
  appId: string;
  kind: "secret" | "key";
  id: string;
  status: string;
  created: string;
  /** For a key: its `kid`, when it has one. */
  kid?: string;
}

/** What the state says: the apps the stack's credentials are on, and the credentials it holds (`appId/id`). */
interface StateCredentials {
  appIds: string[];
  held: Set<string>;
}

interface StateResource {
  urn?: string;
  type?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

const SECRET_TYPE = /:ClientSecret$/;
const KEY_TYPE = /:ClientJsonWebKey$/;

function plain(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** An error in the command's input (the state, an option): exit code 2. */
class OrphansInputError extends Error {}

/**
 * The credentials a `pulumi stack export` holds: every ClientSecret and ClientJsonWebKey (the RotatingClient* slots'
 * included, a replaced one still to delete included), and the apps of those and of the pending operations (a create
 * cut short by a killed process names its app in its inputs, and holds nothing).
 */
export function stateCredentials(text: string): StateCredentials {
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch (e) {
    throw new OrphansInputError(
      `not JSON (${e instanceof Error ? e.message : String(e)}): give the output of \`pulumi stack export\``,
    );
  }
  const deployment = (state as { deployment?: { resources?: unknown; pending_operations?: unknown } } | null)
    ?.deployment;
  if (!deployment || typeof deployment !== "object") {
    throw new OrphansInputError("no deployment in it: give the output of `pulumi stack export`");
  }
  const resources = (Array.isArray(deployment.resources) ? deployment.resources : []) as StateResource[];
  const pending = (Array.isArray(deployment.pending_operations) ? deployment.pending_operations : []) as {
    resource?: StateResource;
  }[];
  const appIds = new Set<string>();
  const held = new Set<string>();
  const visit = (r: StateResource | undefined, holds: boolean) => {
    if (!r || typeof r.type !== "string") return;
    const kind = SECRET_TYPE.test(r.type) ? "secret" : KEY_TYPE.test(r.type) ? "key" : undefined;
    if (!kind) return;
    const appId = plain(r.outputs?.appId) ?? plain(r.inputs?.appId);
    if (!appId) return;
    appIds.add(appId);
    const id = plain(kind === "secret" ? r.outputs?.secretId : r.outputs?.keyId);
    if (holds && id) held.add(`${appId}/${id}`);
  };
  for (const r of resources) visit(r, true);
  for (const p of pending) visit(p.resource, false);
  return { appIds: [...appIds], held };
}

/** The command's options, parsed. */
interface OrphansOptions {
  state?: string;
  orgUrl?: string;
  apps: string[];
  since?: Date;
  delete: boolean;
}

export const orphansUsage = `usage: okta-credentials orphans [--state FILE] [--org-url URL] [--app ID]... [--since TIME] [--delete]

Lists the client secrets and JSON Web Keys of each Okta app the stack's credentials are on (and of each --app) that
no resource of the stack holds: e.g. one created by a \`pulumi up\` that was killed or cancelled before its state was
saved. Reads the state from --state FILE, or from stdin (\`pulumi stack export | okta-credentials orphans\`), and the
org from --org-url (else OKTA_ORG_URL, or OKTA_ORG_NAME + OKTA_BASE_URL) with the credentials of the provider's
environment variables (OKTA_API_TOKEN, OKTA_ACCESS_TOKEN, or OKTA_API_CLIENT_ID + OKTA_API_PRIVATE_KEY).
Prints each one's id, status and creation time and the Okta Management API calls that remove it; never a secret value
or a token. A credential another stack or a person holds is listed too: check before removing one.

  --since TIME  only those created at or after TIME (ISO 8601, to the second, e.g. the interrupted run's start)
  --delete      deactivate then delete each one listed, refusing an app's last ACTIVE secret or key

Exit codes: 0 no orphan (with --delete: none left), 1 orphans found (with --delete: some left), 2 bad usage or input.`;

/** Parses the command's arguments; throws {@link OrphansInputError} for a bad one. */
export function parseOrphansArgs(args: readonly string[]): OrphansOptions {
  const options: OrphansOptions = { apps: [], delete: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined || v === "") throw new OrphansInputError(`${name} needs a value`);
      return v;
    };
    if (name === "--state") options.state = value();
    else if (name === "--org-url") options.orgUrl = value();
    else if (name === "--app") options.apps.push(value());
    else if (name === "--since") {
      const v = value();
      const at = new Date(v);
      if (!/^\d{4}-\d{2}-\d{2}/.test(v) || Number.isNaN(at.getTime())) {
        throw new OrphansInputError(`--since must be an ISO 8601 time, like 2026-12-02T13:30:00Z (got "${v}")`);
      }
      options.since = at;
    } else if (name === "--delete" && inline === undefined) options.delete = true;
    else throw new OrphansInputError(`unknown option ${arg}`);
  }
  return options;
}

/** What one app holds in Okta, as the command reads it. */
interface AppCredentials {
  secrets: { id: string; status: string; created: string }[];
  keys: { id: string; status: string; created: string; kid?: string }[];
}

/** The orphans of `apps` in `okta`: what each holds that `held` does not, created at or after `since`. */
function findOrphans(byApp: ReadonlyMap<string, AppCredentials>, held: ReadonlySet<string>, since?: Date): Orphan[] {
  const orphans: Orphan[] = [];
  // Okta's times are to the second (`…:33.000Z`): a credential created in the second `since` falls in counts.
  const from = since === undefined ? undefined : Math.floor(since.getTime() / 1000) * 1000;
  const recent = (created: string) => from === undefined || new Date(created).getTime() >= from;
  for (const [appId, c] of byApp) {
    for (const s of c.secrets) {
      if (!held.has(`${appId}/${s.id}`) && recent(s.created)) {
        orphans.push({ appId, kind: "secret", id: s.id, status: s.status, created: s.created });
      }
    }
    for (const k of c.keys) {
      if (!held.has(`${appId}/${k.id}`) && recent(k.created)) {
        const orphan: Orphan = { appId, kind: "key", id: k.id, status: k.status, created: k.created };
        if (k.kid !== undefined) orphan.kid = k.kid;
        orphans.push(orphan);
      }
    }
  }
  return orphans;
}

/** The curl calls that remove an orphan (deactivate when ACTIVE, then delete), the token as a variable, never its value. */
function removalCommands(orgUrl: string, orphan: Orphan, authHeader: string): string[] {
  const base = `${orgUrl}/api/v1/apps/${encodeURIComponent(orphan.appId)}/credentials/${orphan.kind === "secret" ? "secrets" : "jwks"}/${encodeURIComponent(orphan.id)}`;
  const curl = (method: string, url: string) => `curl -fsS -X ${method} -H "Authorization: ${authHeader}" "${url}"`;
  return [...(orphan.status === "ACTIVE" ? [curl("POST", `${base}/lifecycle/deactivate`)] : []), curl("DELETE", base)];
}

/** True when taking `orphan` away would leave its app without an ACTIVE credential of its kind. */
function lastActive(orphan: Orphan, c: AppCredentials): boolean {
  if (orphan.status !== "ACTIVE") return false;
  const list = orphan.kind === "secret" ? c.secrets : c.keys;
  return list.filter((x) => x.status === "ACTIVE").length <= 1;
}

type IO = { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream };

/** `okta-credentials orphans …`; returns the exit code. */
export async function orphansMain(args: readonly string[], io: IO, env: NodeJS.ProcessEnv = process.env) {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout.write(`${orphansUsage}\n`);
    return 0;
  }
  const fail = (message: string) => {
    io.stderr.write(`okta-credentials orphans: ${message}\n`);
    return 2;
  };
  let options: OrphansOptions;
  let state: StateCredentials;
  try {
    options = parseOrphansArgs(args);
    if (options.state === undefined && (io.stdin as { isTTY?: boolean }).isTTY) {
      throw new OrphansInputError("no state: pipe `pulumi stack export` in, or give --state FILE");
    }
    const text = options.state === undefined ? await readAll(io.stdin) : await readFile(options.state, "utf8");
    state = stateCredentials(text);
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
  let client: OktaClient;
  let authHeader: string;
  try {
    const config: Record<string, string | undefined> = { "okta-credentials:orgUrl": options.orgUrl };
    const settings = resolveOktaSettings((key) => config[key], env);
    client = new OktaClient(settings);
    authHeader =
      settings.auth.kind === "apiToken"
        ? "SSWS $OKTA_API_TOKEN"
        : `Bearer $OKTA_ACCESS_TOKEN${settings.auth.kind === "accessToken" ? "" : " (a token of the service app, scope okta.apps.manage)"}`;
  } catch (e) {
    return fail(e instanceof Error ? e.message.replace(/okta-credentials:orgUrl/g, "--org-url") : String(e));
  }
  const appIds = [...new Set([...state.appIds, ...options.apps])];
  if (appIds.length === 0) {
    // Not "no orphan": nothing was looked at (e.g. the state's only entry was a pending create, cleared since).
    return fail(
      "the state holds no ClientSecret or ClientJsonWebKey, nor a pending create of one, so it names no app: " +
        "give the app with --app ID (after `pulumi refresh --clear-pending-creates`, the killed create's app is no longer in the state)",
    );
  }
  const byApp = new Map<string, AppCredentials>();
  try {
    for (const appId of appIds) {
      const [secrets, keys] = await Promise.all([client.listClientSecrets(appId), client.listClientJsonWebKeys(appId)]);
      byApp.set(appId, {
        secrets: secrets.map((s) => ({ id: s.id, status: s.status, created: s.created })),
        keys: keys.map((k) => ({ id: k.id, status: k.status, created: k.created, ...(k.kid ? { kid: k.kid } : {}) })),
      });
    }
  } catch (e) {
    io.stderr.write(`okta-credentials orphans: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const orphans = findOrphans(byApp, state.held, options.since);
  const since = options.since ? ` created since ${options.since.toISOString()}` : "";
  for (const appId of appIds) {
    const c = byApp.get(appId) as AppCredentials;
    const mine = orphans.filter((o) => o.appId === appId);
    io.stdout.write(
      `app ${appId}: ${mine.length} held by no resource of the stack${since} ` +
        `(Okta holds ${c.secrets.length} secret${c.secrets.length === 1 ? "" : "s"}, ${c.keys.length} key${c.keys.length === 1 ? "" : "s"})\n`,
    );
    for (const o of mine) {
      const what = o.kind === "secret" ? "client secret" : `JSON Web Key${o.kid ? ` (kid "${o.kid}")` : ""}`;
      io.stdout.write(`  ${what} ${o.id}  ${o.status}  created ${o.created}\n`);
      if (lastActive(o, c)) {
        io.stdout.write(
          `    the app's only ACTIVE ${o.kind === "secret" ? "secret" : "key"}: add or activate another, and move its clients to it, before removing this one\n`,
        );
      }
      if (o.kind === "key") {
        io.stdout.write(
          "    its private half is in no state: no client can be holding it unless it was saved elsewhere\n",
        );
      }
      for (const command of removalCommands(client.orgUrl, o, authHeader)) io.stdout.write(`    ${command}\n`);
    }
  }
  if (!options.delete) {
    if (orphans.length > 0) {
      io.stdout.write(
        `${orphans.length} orphan${orphans.length === 1 ? "" : "s"}: check that no other stack or client uses ${orphans.length === 1 ? "it" : "them"}, then run the commands above (or this command with --delete)\n`,
      );
    }
    return orphans.length > 0 ? 1 : 0;
  }
  let left = 0;
  for (const o of orphans) {
    const c = byApp.get(o.appId) as AppCredentials;
    if (lastActive(o, c)) {
      io.stdout.write(`kept ${o.appId}/${o.id}: the app's only ACTIVE ${o.kind === "secret" ? "secret" : "key"}\n`);
      left++;
      continue;
    }
    try {
      if (o.kind === "secret") {
        if (o.status === "ACTIVE") await client.deactivateClientSecret(o.appId, o.id);
        await client.deleteClientSecret(o.appId, o.id);
      } else {
        if (o.status === "ACTIVE") await client.deactivateClientJsonWebKey(o.appId, o.id);
        await client.deleteClientJsonWebKey(o.appId, o.id);
      }
      const list = o.kind === "secret" ? c.secrets : c.keys;
      list.splice(
        list.findIndex((x) => x.id === o.id),
        1,
      );
      io.stdout.write(`deleted ${o.appId}/${o.id}\n`);
    } catch (e) {
      io.stdout.write(`failed to remove ${o.appId}/${o.id}: ${e instanceof Error ? e.message : String(e)}\n`);
      left++;
    }
  }
  return left > 0 ? 1 : 0;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}
