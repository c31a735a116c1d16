// Everything this package's code remembers in a process, in one place with one reset. A dynamic-provider process
// serves exactly one engine run (`pulumi preview` and the update of `pulumi up` each start their own), and a program's
// process runs once per engine run too: what is kept here is true of one run by construction. Each entry is keyed by
// the Okta object it is about (the org, an app, an app's credential list), never by the order in which the engine
// happens to call the hooks of different resources. Decisions that must hold across runs come from each resource's own
// inputs and outputs (docs/decisions/0002). Nothing here loads a hook: a program that only lists an app's secrets
// loads the Okta client and this module.
import type { ConfigureRequest } from "@pulumi/pulumi/dynamic";
import { orgUrlKey, readOktaConfig, resolveOktaSettings } from "./okta/config";
import { OktaClient, type OktaClientOptions } from "./okta/oktaClient";
import { RateLimitPacer } from "./okta/rateLimitPacer";

// The configuration `configure()` stored (it replaces it; the engine calls it once per process and provider text).
let stackConfig: Record<string, string | undefined> = {};
// `okta:orgUrl`, which release 0.1.0 read and @pulumi/okta refuses: only looked at to tell an upgrading stack where
// its value goes now.
const legacyOrgUrlKey = "okta:orgUrl";
let legacyOrgUrl = false;
let clientOptions: OktaClientOptions = {};
// Each resource kind's provider is configured on its own: the proxy warning is said once per process.
let proxyWarned = false;

// What the run has learnt, by key.
let client: OktaClient | undefined;
const pacers = new Map<string, RateLimitPacer>();
const singles = new Map<string, unknown>();
const reads = new Map<string, Promise<unknown>>();
const lockTails = new Map<string, Promise<unknown>>();
const checked = new Set<string>();

/** Stores the stack's config for this process (the dynamic provider's `configure` hook). */
export function configureOkta(req: ConfigureRequest): void {
  stackConfig = readOktaConfig((key) => req.config.get(key));
  legacyOrgUrl = req.config.get(legacyOrgUrlKey) !== undefined;
  client = undefined;
  if (stackConfig["okta:httpProxy"] !== undefined && !proxyWarned) {
    proxyWarned = true;
    // The plugin shows the provider's stderr in the CLI's output, once per process.
    console.error(
      "warning: okta:httpProxy is set; pulumi-okta-credentials does not send its requests through a proxy " +
        "(it talks to the org directly), only @pulumi/okta uses that setting",
    );
  }
}

/**
 * The process's client, built on first use from the stored config and the `OKTA_*` environment: a configuration error
 * surfaces in the first hook that needs Okta (`check`, at preview).
 */
export function processOktaClient(): OktaClient {
  try {
    client ??= oktaClientFromConfig(stackConfig, clientOptions);
  } catch (e) {
    if (legacyOrgUrl && e instanceof Error && e.message.startsWith("no Okta org configured")) {
      throw new Error(
        `${legacyOrgUrlKey} is set, but it is not a key of @pulumi/okta (whose provider refuses it) and this package ` +
          `no longer reads it: move its value with \`pulumi config set ${orgUrlKey} "$(pulumi config get ` +
          `${legacyOrgUrlKey})" && pulumi config rm ${legacyOrgUrlKey}\`, or use okta:orgName + okta:baseUrl`,
      );
    }
    throw e;
  }
  return client;
}

/** Replaces the options (retry timing, fetch) of the process's client: for tests. */
export function setProcessOktaClientOptions(next: OktaClientOptions): void {
  clientOptions = next;
  client = undefined;
}

/**
 * An Okta client from config values keyed as in the stack (`okta:orgName`, `okta:apiToken`, …; see
 * `resolveOktaSettings`), with the `OKTA_*` environment variables as fallback. Its requests are paced together with
 * every other client of the same org in this process (Okta's rate-limit buckets are the org's), each client held to its
 * own `okta:maxApiCapacity`. Throws a clear error naming the key to set when the org or the credentials are missing or
 * malformed.
 *
 * @example
 * ```ts
 * const okta = oktaClientFromConfig({ "okta:orgName": "dev-123456", "okta:apiToken": cfg.require("apiToken") });
 * const secrets = await okta.listClientSecrets(appId);
 * ```
 */
export function oktaClientFromConfig(
  config: Record<string, string | undefined> = {},
  options: OktaClientOptions = {},
): OktaClient {
  const settings = resolveOktaSettings((key) => config[key]);
  return new OktaClient(settings, { ...options, pacer: rateLimitPacerOf(settings.orgUrl) });
}

/** The rate-limit pacer of the org at `orgUrl` in this process (decision 0005). */
function rateLimitPacerOf(orgUrl: string): RateLimitPacer {
  let pacer = pacers.get(orgUrl);
  if (!pacer) {
    pacer = new RateLimitPacer();
    pacers.set(orgUrl, pacer);
  }
  return pacer;
}

/** The one object of this run under `key` (an app's ledger of one credential kind), made by `make` the first time. */
export function onePerRun<T>(key: string, make: () => T): T {
  if (!singles.has(key)) singles.set(key, make());
  return singles.get(key) as T;
}

/**
 * A read whose answer this run may share between hooks (e.g. an app's settings), made once per key and run. A failed
 * read is not remembered.
 */
export function readOncePerRun<T>(key: string, load: () => Promise<T>): Promise<T> {
  let pending = reads.get(key) as Promise<T> | undefined;
  if (!pending) {
    const started = load();
    pending = started;
    reads.set(key, started);
    started.catch(() => {
      if (reads.get(key) === started) reads.delete(key);
    });
  }
  return pending;
}

/**
 * Runs `work` after every earlier piece of work on the same app has finished (successfully or not). Okta's slot rules
 * are per app (two secrets; the only ACTIVE one cannot be deactivated), and the engine runs resource operations in
 * parallel in one provider process: chaining them per app keeps "look at the slots, then POST" atomic in this process.
 */
export async function withAppLock<T>(appId: string, work: () => Promise<T>): Promise<T> {
  const previous = lockTails.get(appId) ?? Promise.resolve();
  const run = previous.then(work, work);
  const tail = run.catch(() => undefined);
  lockTails.set(appId, tail);
  try {
    return await run;
  } finally {
    if (lockTails.get(appId) === tail) lockTails.delete(appId);
  }
}

/**
 * Records that the engine called `check` for this resource (its URN) in this run. An update's `diff` always follows its
 * own resource's `check`; the `diff` a refresh makes to show drift (engine `RefreshStep`: refreshed outputs against the
 * stored inputs) follows none, and must plan nothing and refuse nothing: a refresh only reports.
 */
export function markChecked(urn: string): void {
  checked.add(urn);
}

/** True when this run's `check` saw the resource: its `diff` plans an update, not a refresh's report. */
export function wasChecked(urn: string): boolean {
  return checked.has(urn);
}

/**
 * Forgets everything a run planned and read (the process's client, the ledgers, the shared reads, the checks, the
 * locks): what a new provider process starts with. Two things stay: the configuration, until the next `configure()`,
 * and the pacers' views of the org's rate-limit windows, which are Okta's (its clock, its counts), not the run's: a
 * process that serves several runs must not send into a window Okta has already closed. For tests, which run many
 * engine runs in one process.
 */
export function resetRunState(): void {
  client = undefined;
  singles.clear();
  reads.clear();
  lockTails.clear();
  checked.clear();
}
