import { generateKeyPairSync } from "node:crypto";
import path from "node:path";
import type { FaultSpec } from "../../emulator/index";
import { createStack, type E2EStack } from "../e2e/harness";
import { createServiceApp } from "../serviceApp";

// The four kinds' walks through their operations for the fault and crash suites: each step an operation (create,
// status change, rotation, refresh, destroy) with the requests a fault or a kill may target. Programs are the e2e
// fixtures, driven by stack config and the time override.

export type Kind = "ClientSecret" | "ClientJsonWebKey" | "RotatingClientSecret" | "RotatingClientJsonWebKey";
export const kinds: readonly Kind[] = [
  "ClientSecret",
  "ClientJsonWebKey",
  "RotatingClientSecret",
  "RotatingClientJsonWebKey",
];

/** A request of an operation: method, a pathname regex (the app's id filled in), and which match (1 = the first). */
export interface Target {
  label: string;
  method: string;
  path: string;
  nth?: number;
}

export type Command = "up" | "refresh" | "destroy";

/** One operation of a walk. */
export interface Step {
  op: "create (new)" | "create (adopt)" | "status change" | "rotation" | "retirement" | "refresh" | "destroy";
  command: Command;
  /** OKTA_CREDENTIALS_NOW for this step (rotating kinds). */
  now?: string;
  /** Config changes (and Okta set-up outside the stack) before the step, never a fault target. */
  prepare?: (k: KindStack) => Promise<void>;
  targets: Target[];
}

/** A kind's stack: the stack, the app its credentials live on, its walk. */
export interface KindStack {
  kind: Kind;
  stack: E2EStack;
  appId: string;
  steps: Step[];
  /** After a walk's last step: back to a start from which the walk runs again (never a fault target). */
  finish: () => Promise<void>;
}

const e2e = path.join(__dirname, "../e2e");

/** The stack config every suite stack gets: a short request timeout, so an answer slower than it is a fault. */
export const requestTimeoutSeconds = 2;

function paths(appId: string, kind: "secrets" | "jwks") {
  const base = `^/api/v1/apps/${appId}/credentials/${kind}`;
  const noun = kind === "secrets" ? "secret" : "key";
  return {
    post: { label: `POST new ${noun}`, method: "POST", path: `${base}$` },
    list: (nth = 1) => ({ label: `GET ${kind} list #${nth}`, method: "GET", path: `${base}$`, nth }),
    deactivate: { label: `deactivate ${noun}`, method: "POST", path: `${base}/[^/]+/lifecycle/deactivate$` },
    delete: { label: `DELETE ${noun}`, method: "DELETE", path: `${base}/[^/]+$` },
  };
}
const introspect: Target = { label: "introspect (verify)", method: "POST", path: "^/oauth2/v1/introspect$" };

/** A Management API request with the emulator's API token; fails unless it answers 2xx. */
async function oktaApi(stack: E2EStack, method: string, path: string, body?: object): Promise<void> {
  const res = await fetch(`${stack.emulator.url}${path}`, {
    method,
    headers: { Authorization: `SSWS ${stack.emulator.apiToken}`, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
}

/** Adds an ACTIVE signing key to the app outside the stack, as a user moving its clients elsewhere would. */
async function addOutsideKey(stack: E2EStack, appId: string): Promise<void> {
  const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: "jwk" }), kid: `outside-${Date.now()}`, use: "sig", status: "ACTIVE" };
  await oktaApi(stack, "POST", `/api/v1/apps/${appId}/credentials/jwks`, jwk);
}

/** The stack of a kind with its walk; `requestTimeout` is the suite's. */
export async function kindStack(kind: Kind): Promise<KindStack> {
  const config = { "okta:requestTimeout": String(requestTimeoutSeconds) };
  if (kind === "ClientSecret") {
    const stack = await createStack({ program: path.join(e2e, "clientSecret/fixture"), config });
    const appId = stack.app.id;
    const p = paths(appId, "secrets");
    const onlySecret = () => stack.emulator.state().apps.find((a) => a.id === appId)?.secrets[0]?.id as string;
    const urn = stack.urn("pulumi-nodejs:dynamic/okta:ClientSecret", "managed");
    const steps: Step[] = [
      { op: "create (new)", command: "up", targets: [p.post] },
      {
        op: "status change",
        command: "up",
        prepare: () => stack.setConfig("status", "INACTIVE"),
        targets: [p.deactivate],
      },
      { op: "refresh", command: "refresh", targets: [p.list(1)] },
      { op: "destroy", command: "destroy", targets: [p.delete] },
      {
        op: "create (adopt)",
        command: "up",
        prepare: async () => {
          await stack.pulumi(["config", "rm", "status"]);
          await stack.setConfig("adopt", onlySecret());
        },
        targets: [p.list(2)],
      },
      {
        op: "rotation",
        command: "up",
        prepare: () => stack.setConfig("rotation", "2"),
        targets: [p.post, p.deactivate, p.delete],
      },
    ];
    // The rotated secret is the app's only one: its resource leaves the state (the secret stays, as the app's own).
    const finish = async () => {
      await stack.pulumi(["state", "delete", urn, "--yes", "--non-interactive"]);
      await stack.pulumi(["config", "rm", "adopt"]);
      await stack.setConfig("rotation", "1");
    };
    return { kind, stack, appId, steps, finish };
  }
  if (kind === "ClientJsonWebKey") {
    const stack = await createStack({
      program: path.join(e2e, "clientJsonWebKey/keys"),
      config: { ...config, keys: "[]" },
    });
    const service = await createServiceApp(stack.emulator, { label: "keys under faults" });
    await stack.setConfig("appId", service.id);
    const p = paths(service.id, "jwks");
    const keys = (extra: object) =>
      stack.setConfig("keys", JSON.stringify([{ name: "a", generate: "RS256", ...extra }]));
    const steps: Step[] = [
      { op: "create (new)", command: "up", prepare: () => keys({}), targets: [p.post] },
      { op: "status change", command: "up", prepare: () => keys({ status: "INACTIVE" }), targets: [p.deactivate] },
      {
        op: "rotation",
        command: "up",
        prepare: () => keys({ status: "INACTIVE", rotation: "2" }),
        targets: [p.delete, p.post],
      },
      { op: "refresh", command: "refresh", targets: [p.list(1)] },
      { op: "destroy", command: "destroy", targets: [p.delete] },
    ];
    return { kind, stack, appId: service.id, steps, finish: async () => {} };
  }
  const secrets = kind === "RotatingClientSecret";
  const fixture = secrets ? "rotatingClientSecret/fixture" : "rotatingClientJsonWebKey/fixture";
  const stack = await createStack({ program: path.join(e2e, fixture), config: { ...config, verify: "true" } });
  let appId = stack.app.id;
  if (!secrets) {
    appId = (await createServiceApp(stack.emulator, { label: "rotating keys under faults" })).id;
    await stack.setConfig("appId", appId);
  }
  const kindPath = secrets ? "secrets" : "jwks";
  const p = paths(appId, kindPath);
  // Schedule of the fixtures: anchor 2030-01-01, a generation every 30 days, the previous retired 7 days in.
  const steps: Step[] = [
    { op: "create (adopt)", command: "up", now: "2030-01-02", targets: [p.post, introspect] },
    { op: "retirement", command: "up", now: "2030-01-09", targets: [introspect, p.deactivate] },
    { op: "rotation", command: "up", now: "2030-01-31", targets: [p.delete, p.post, introspect] },
    { op: "refresh", command: "refresh", now: "2030-01-31", targets: [p.list(1)] },
  ];
  if (secrets) {
    // No destroy: Okta keeps an app's last ACTIVE secret and at most two, both slots' while they hold them, so no
    // outside secret can take over first (ClientSecret's walk covers the secret's destroy). Back to one secret instead:
    // the previous generation retired, the state forgotten, the retired secret removed through the API.
    const finish = async () => {
      await stack.up({ env: { OKTA_CREDENTIALS_NOW: "2030-02-08" } });
      await stack.pulumi(["state", "delete", "--all", "--yes", "--non-interactive"]);
      const app = stack.emulator.state().apps.find((a) => a.id === appId);
      for (const secret of app?.secrets.filter((x) => x.status === "INACTIVE") ?? []) {
        await oktaApi(stack, "DELETE", `/api/v1/apps/${appId}/credentials/secrets/${secret.id}`);
      }
    };
    return { kind, stack, appId, steps, finish };
  }
  steps.push({
    op: "destroy",
    command: "destroy",
    now: "2030-01-31",
    // Okta keeps an app's last ACTIVE credential: the clients moved to one made outside the stack first.
    prepare: () => addOutsideKey(stack, appId),
    targets: [p.deactivate, p.delete],
  });
  return { kind, stack, appId, steps, finish: async () => {} };
}

/** The faults of the matrix, by family. */
export interface Fault {
  name: string;
  spec: Omit<FaultSpec, "method" | "path" | "count">;
  count?: number;
}
/** A 429 the client waits out within okta:maxWaitSeconds (default 65 s): the long reset is 10 s. */
export const longResetSeconds = 10;
export const faults: readonly Fault[] = [
  { name: "429 short reset (1 s), twice", spec: { status: 429, resetAfterSeconds: 1 }, count: 2 },
  { name: `429 long reset (${longResetSeconds} s)`, spec: { status: 429, resetAfterSeconds: longResetSeconds } },
  { name: "500", spec: { status: 500 } },
  { name: "502", spec: { status: 502 } },
  { name: "503", spec: { status: 503 } },
  { name: "dropped connection", spec: { drop: true } },
  {
    name: `answer slower than okta:requestTimeout (${requestTimeoutSeconds} s)`,
    spec: { delayMs: requestTimeoutSeconds * 1000 + 1500 },
  },
  { name: "ambiguous write: handled, then 502", spec: { status: 502, after: true } },
  { name: "ambiguous write: handled, then dropped", spec: { drop: true, after: true } },
  { name: "truncated answer (handled)", spec: { truncate: true } },
];

/**
 * Injects `fault` at the `nth` request matching the target: the earlier matches pass (a 0 ms delay, a fault that
 * changes nothing), so the queue's order puts the fault on exactly that request.
 */
export function injectAt(stack: E2EStack, target: Target, fault: Fault): void {
  const where = { method: target.method, path: target.path };
  const before = (target.nth ?? 1) - 1;
  if (before > 0) stack.emulator.faults.inject({ ...where, delayMs: 0, count: before });
  stack.emulator.faults.inject({ ...where, ...fault.spec, count: fault.count ?? 1 });
}
