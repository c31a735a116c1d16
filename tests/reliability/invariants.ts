import { expect } from "vitest";
import type { CredentialsAfter, OktaEmulator, RequestLogEntry } from "../../emulator/index";
import type { E2EStack } from "../e2e/harness";

// The reliability suite's invariants (issue 20), checked on a stack after every `up`, refresh, destroy or rerun:
// (a) Okta (the emulator's state) and the Pulumi state agree exactly: no credential the run created that no state
//     entry holds (an orphan), no state entry without its object, no object held by two entries;
// (b) from the emulator's request log (each change's `credentials`, what the app held once it was handled, the changes
//     whose answers were lost included): an app never held more than two secrets, and an app that had an ACTIVE secret
//     (or signing key) never had none at any moment;
// (c) a generated key in Okta whose private half no state entry holds is reported (a lost private half).
// Ids only: never a secret value or a key.

/** `appId/credentialId`, how every report names a credential. */
export type CredentialRef = string;

/** What {@link checkInvariants} found: each list empty when the invariant holds. */
export interface InvariantReport {
  /** Credentials in Okta, not there when the baseline was taken, that no state entry holds. */
  orphans: CredentialRef[];
  /** State entries (`urn -> appId/id`) whose object Okta does not hold. */
  missing: string[];
  /** Credentials held by more than one state entry (`appId/id: urn, urn`). */
  doublyHeld: string[];
  /** Moments an app held more than two secrets (`appId after METHOD path: n secrets`). */
  overLimit: string[];
  /** Moments an app that had an ACTIVE secret or signing key had none (`appId after METHOD path: no ACTIVE secret`). */
  activeGaps: string[];
  /** Generated keys whose private half no state entry holds: an orphan key, or a held one without `privateKeyPem`. */
  lostPrivateHalves: CredentialRef[];
  /** Held credentials whose status in the state is not Okta's (`urn: state ACTIVE, Okta INACTIVE`); asserted only with `exact`. */
  statusDrift: string[];
  /** Pending operations the state records (`type urn`), e.g. a create cut short by a killed process. Informational. */
  pendingOperations: string[];
}

/** One state entry of the package's credential types (ClientSecret, ClientJsonWebKey), as the invariants read it. */
export interface HeldCredential {
  urn: string;
  kind: "secret" | "key";
  appId: string;
  id: string;
  status?: string;
  /** For a key: whether it was generated (no `publicKey` input), and whether the state holds its private half. */
  generated?: boolean;
  hasPrivateHalf?: boolean;
  /** A replaced resource the engine still has to delete (`delete: true`): it holds its object until then. */
  pendingDelete: boolean;
}

interface StateResource {
  urn: string;
  type: string;
  delete?: boolean;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

const SECRET_TYPE = /:ClientSecret$/;
const KEY_TYPE = /:ClientJsonWebKey$/;

/** A secret output in the exported state is `{ "4dabf1...": "1b4706...", ciphertext }`: present, its value unseen. */
function present(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return false;
  if (typeof value === "object" && "ciphertext" in (value as object))
    return Boolean((value as { ciphertext: unknown }).ciphertext);
  return true;
}

function plain(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** The credentials the stack's state holds: every ClientSecret and ClientJsonWebKey entry, pending deletes included. */
// biome-ignore lint/suspicious/noExplicitAny: the deployment format is Pulumi's
export function heldCredentials(state: any): HeldCredential[] {
  const resources = (state?.deployment?.resources ?? []) as StateResource[];
  const held: HeldCredential[] = [];
  for (const r of resources) {
    const kind = SECRET_TYPE.test(r.type) ? "secret" : KEY_TYPE.test(r.type) ? "key" : undefined;
    if (!kind) continue;
    const outputs = r.outputs ?? {};
    const inputs = r.inputs ?? {};
    const id = plain(kind === "secret" ? outputs.secretId : outputs.keyId);
    const appId = plain(outputs.appId) ?? plain(inputs.appId);
    // A RotatingClient* slot that holds nothing yet, or an entry whose create never finished: no object to agree on.
    if (!id || !appId) continue;
    const entry: HeldCredential = { urn: r.urn, kind, appId, id, pendingDelete: r.delete === true };
    const status = plain(outputs.status);
    if (status) entry.status = status;
    if (kind === "key") {
      // An adopted key (`adoptKeyId`, also a rotating slot's adoption) came with no private half to keep.
      entry.generated = !present(inputs.publicKey) && !present(inputs.adoptKeyId);
      entry.hasPrivateHalf = present(outputs.privateKeyPem);
    }
    held.push(entry);
  }
  return held;
}

/** The state's pending operations (`type urn`), e.g. `creating urn:…` after a process was killed mid-create. */
// biome-ignore lint/suspicious/noExplicitAny: the deployment format is Pulumi's
export function pendingOperations(state: any): string[] {
  const pending = (state?.deployment?.pending_operations ?? []) as { type: string; resource: { urn: string } }[];
  return pending.map((p) => `${p.type} ${p.resource.urn}`);
}

/** An app's credentials by kind, id -> status. */
interface AppCredentials {
  secrets: Map<string, string>;
  jwks: Map<string, string>;
}

function credentialsNow(emulator: OktaEmulator, appIds: readonly string[]): Map<string, AppCredentials> {
  const state = emulator.state();
  const result = new Map<string, AppCredentials>();
  for (const appId of appIds) {
    const app = state.apps.find((a) => a.id === appId);
    result.set(appId, {
      secrets: new Map((app?.secrets ?? []).map((s) => [s.id, s.status])),
      jwks: new Map((app?.jwks ?? []).map((k) => [k.id, k.status])),
    });
  }
  return result;
}

/** What the apps held before: credentials in it are not orphans (the app's own secret, a key set up by the test). */
export interface Baseline {
  appIds: readonly string[];
  credentials: ReadonlySet<CredentialRef>;
  /** What each app held then, id -> status: the starting point of the log's replay. */
  byApp: ReadonlyMap<string, AppCredentials>;
}

/** The apps' credentials now, as a baseline; `appIds` defaults to every app of the stack's emulator (its org). */
export function takeBaseline(stack: E2EStack, appIds?: readonly string[]): Baseline {
  appIds ??= stack.emulator.state().apps.map((a) => a.id);
  const byApp = credentialsNow(stack.emulator, appIds);
  const credentials = new Set<CredentialRef>();
  for (const [appId, c] of byApp) {
    for (const id of [...c.secrets.keys(), ...c.jwks.keys()]) credentials.add(`${appId}/${id}`);
  }
  return { appIds, credentials, byApp };
}

/** Options of {@link checkInvariants}. */
export interface CheckOptions {
  /** What existed before the test (default: taken now, so nothing is an orphan but what the state disowns later). */
  baseline?: Baseline;
  /** The request log to replay for (b), from the baseline's moment on (default: none, so (b) is not checked). */
  log?: RequestLogEntry[];
  /** The exported state, when the caller has it already. */
  // biome-ignore lint/suspicious/noExplicitAny: the deployment format is Pulumi's
  state?: any;
}

/**
 * Replays the log's credential changes over the baseline, app by app: each change's `credentials` is what the app held
 * once it was handled. Reports a moment with more than two secrets, or with no ACTIVE secret (signing key) after one
 * was ACTIVE.
 */
export function replayLog(
  baseline: Baseline,
  log: readonly RequestLogEntry[],
): Pick<InvariantReport, "overLimit" | "activeGaps"> {
  const overLimit: string[] = [];
  const activeGaps: string[] = [];
  const hadActive = new Map<string, { secret: boolean; key: boolean }>();
  for (const [appId, c] of baseline.byApp) {
    hadActive.set(appId, {
      secret: [...c.secrets.values()].includes("ACTIVE"),
      key: [...c.jwks.values()].includes("ACTIVE"),
    });
  }
  for (const entry of log) {
    const after: CredentialsAfter | undefined = entry.credentials;
    if (!after || !hadActive.has(after.appId)) continue;
    const had = hadActive.get(after.appId) as { secret: boolean; key: boolean };
    const moment = `${after.appId} after ${entry.method} ${entry.path} (${entry.status})`;
    if (after.secrets.length > 2) overLimit.push(`${moment}: ${after.secrets.length} secrets`);
    const activeSecret = after.secrets.some((s) => s.status === "ACTIVE");
    const activeKey = after.jwks.some((k) => k.status === "ACTIVE");
    if (had.secret && !activeSecret) activeGaps.push(`${moment}: no ACTIVE secret`);
    if (had.key && !activeKey) activeGaps.push(`${moment}: no ACTIVE key`);
    had.secret ||= activeSecret;
    had.key ||= activeKey;
  }
  return { overLimit, activeGaps };
}

/** Checks the invariants on the stack as it stands (see the top of this file); never throws for a broken one. */
export async function checkInvariants(stack: E2EStack, opts: CheckOptions = {}): Promise<InvariantReport> {
  const baseline = opts.baseline ?? takeBaseline(stack);
  const state = opts.state ?? (await stack.exportState());
  const held = heldCredentials(state);
  const appIds = [...new Set([...baseline.appIds, ...held.map((h) => h.appId)])];
  const okta = credentialsNow(stack.emulator, appIds);

  const holders = new Map<CredentialRef, HeldCredential[]>();
  for (const h of held) {
    const ref = `${h.appId}/${h.id}`;
    holders.set(ref, [...(holders.get(ref) ?? []), h]);
  }
  const statusIn = (ref: CredentialRef) => {
    const [appId, id] = ref.split("/") as [string, string];
    const c = okta.get(appId);
    return c?.secrets.get(id) ?? c?.jwks.get(id);
  };

  const missing = held
    .filter((h) => statusIn(`${h.appId}/${h.id}`) === undefined)
    .map((h) => `${h.urn} -> ${h.appId}/${h.id}`);
  const doublyHeld = [...holders]
    .filter(([, hs]) => hs.length > 1)
    .map(([ref, hs]) => `${ref}: ${hs.map((h) => h.urn).join(", ")}`);
  const orphans: CredentialRef[] = [];
  const orphanKeys: CredentialRef[] = [];
  for (const [appId, c] of okta) {
    for (const [kind, ids] of [
      ["secret", c.secrets],
      ["key", c.jwks],
    ] as const) {
      for (const id of ids.keys()) {
        const ref = `${appId}/${id}`;
        if (holders.has(ref) || baseline.credentials.has(ref)) continue;
        orphans.push(ref);
        if (kind === "key") orphanKeys.push(ref);
      }
    }
  }
  // A key the run created that no entry holds: its private half, if it was generated, is in no state (the package
  // keeps it nowhere else), so every orphan key is reported as one; and so is a held generated key without it.
  const lostPrivateHalves = [
    ...orphanKeys,
    ...held.filter((h) => h.kind === "key" && h.generated && !h.hasPrivateHalf).map((h) => `${h.appId}/${h.id}`),
  ];
  const statusDrift = held
    .filter((h) => !h.pendingDelete && h.status !== undefined)
    .flatMap((h) => {
      const now = statusIn(`${h.appId}/${h.id}`);
      return now !== undefined && now !== h.status ? [`${h.urn}: state ${h.status}, Okta ${now}`] : [];
    });
  const replay = opts.log ? replayLog(baseline, opts.log) : { overLimit: [], activeGaps: [] };
  return {
    orphans,
    missing,
    doublyHeld,
    ...replay,
    lostPrivateHalves,
    statusDrift,
    pendingOperations: pendingOperations(state),
  };
}

/** Options of {@link assertInvariants} and of a watch's `assert`. */
export interface AssertOptions {
  /** Also require the statuses to agree and no pending operation (after a run that succeeded). Default false. */
  exact?: boolean;
  /** Orphans the caller expects and reports itself (e.g. a key whose POST landed as the process was killed). */
  allowOrphans?: readonly CredentialRef[];
}

/** The broken invariants of a report, one line each naming the ids; empty when all hold. */
export function violations(report: InvariantReport, opts: AssertOptions = {}): string[] {
  const allowed = new Set(opts.allowOrphans ?? []);
  const lines: string[] = [];
  const add = (name: string, items: readonly string[]) => {
    if (items.length > 0) lines.push(`${name}: ${items.join("; ")}`);
  };
  add(
    "orphans (in Okta, created by the run, held by no state entry)",
    report.orphans.filter((o) => !allowed.has(o)),
  );
  add("missing (state entries whose object Okta does not hold)", report.missing);
  add("doubly held (one object, several state entries)", report.doublyHeld);
  add("over Okta's two secrets", report.overLimit);
  add("no ACTIVE credential at some moment", report.activeGaps);
  add(
    "lost private halves (generated keys no state entry holds)",
    report.lostPrivateHalves.filter((o) => !allowed.has(o)),
  );
  if (opts.exact) {
    add("status drift (state vs Okta)", report.statusDrift);
    add("pending operations in the state", report.pendingOperations);
  }
  return lines;
}

/** Checks the invariants and fails the test with every broken one, naming the ids. */
export async function assertInvariants(
  stack: E2EStack,
  opts: CheckOptions & AssertOptions = {},
): Promise<InvariantReport> {
  const report = await checkInvariants(stack, opts);
  const broken = violations(report, opts);
  expect(broken, `invariants broken:\n${broken.join("\n")}`).toEqual([]);
  return report;
}

/** A watch over one run: the baseline and the log from its start. */
export interface Watch {
  baseline: Baseline;
  /** The request log since the watch started (the emulator's log is never cleared by the watch). */
  log(): RequestLogEntry[];
  check(): Promise<InvariantReport>;
  /** Checks the invariants over the run since the watch started; fails naming the ids. */
  assert(opts?: AssertOptions): Promise<InvariantReport>;
}

/** Options of {@link startWatch}. */
export interface WatchOptions {
  /** The apps to watch (default: every app of the stack's emulator). */
  appIds?: readonly string[];
  /**
   * What existed before the test, when it started earlier than this watch: credentials in it are not orphans, and
   * orphans a failed run left stay orphans for the next watch unless its run adopts them. Default: taken now.
   */
  baseline?: Baseline;
}

/**
 * Starts watching a run: `const watch = startWatch(stack)` before an `up` (refresh, destroy), `await watch.assert()`
 * after it. The replay starts from the apps' credentials now; the orphans are counted against `opts.baseline` (what
 * existed before the test) or, without it, against now.
 */
export async function startWatch(stack: E2EStack, opts: WatchOptions = {}): Promise<Watch> {
  const now = takeBaseline(stack, opts.appIds ?? opts.baseline?.appIds);
  const orphansAgainst: Baseline = opts.baseline ? { ...now, credentials: opts.baseline.credentials } : now;
  // The last entry before the watch, by its request id: a test that clears the log meanwhile loses nothing after it.
  const last = stack.emulator.requests().at(-1)?.requestId;
  const since = () => {
    const log = stack.emulator.requests();
    const at = last === undefined ? -1 : log.findIndex((e) => e.requestId === last);
    return log.slice(at + 1);
  };
  const watch: Watch = {
    baseline: orphansAgainst,
    log: since,
    check: () => checkInvariants(stack, { baseline: orphansAgainst, log: watch.log() }),
    async assert(assertOpts = {}) {
      const report = await watch.check();
      const broken = violations(report, assertOpts);
      expect(broken, `invariants broken:\n${broken.join("\n")}`).toEqual([]);
      return report;
    },
  };
  return watch;
}
