import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createStack, type E2EStack } from "../e2e/harness";
import { createServiceApp } from "../serviceApp";
import { matrix, recordFigures } from "./figures";
import { type CredentialRef, startWatch, violations } from "./invariants";
import { type Kind, kinds, type Target } from "./walks";

// `pulumi up` and every process of the stack (the CLI's process group and every process under the CLI: the language
// host, the program, the provider) SIGKILLed at a chosen moment of a rotation, for each kind and for a rotating component's new generation:
// the moment is a request the emulator holds back (a delayMs fault), killed as soon as the emulator has taken it. The
// held request then finishes in Okta, as a request already sent would. Then what a user does: `pulumi cancel` if the
// stack is locked, `pulumi refresh`, `pulumi refresh --clear-pending-creates` where a pending create remains (after
// checking Okta's side: the invariants name what no state holds), `pulumi up`: the stack converges and the invariants
// hold. A credential the killed run made that no resource holds is found: where it takes the app's second secret slot,
// the next up fails naming it, the user removes it and runs up again; an orphan left after a successful up (a key whose
// private half died with the process) is reported by id and removed as the user would. Then the stack converges.

const e2e = path.join(__dirname, "../e2e");
const holdMs = 4_000;

interface Point {
  name: "during the create" | "after the create" | "before the delete" | "during the verification";
  target: (appId: string) => Target;
}
const creds = (appId: string, kind: "secrets" | "jwks") => `^/api/v1/apps/${appId}/credentials/${kind}`;

interface CrashStack {
  kind: Kind;
  stack: E2EStack;
  appId: string;
  noun: "secrets" | "jwks";
  points: Point[];
  /** Brings the stack to just before a rotation (or a new generation) and returns the env of the rotating `up`. */
  next: () => Promise<Record<string, string>>;
}

const day = 86_400_000;
const dateAt = (days: number) => new Date(Date.parse("2030-01-01T00:00:00Z") + days * day).toISOString().slice(0, 10);

async function crashStack(kind: Kind): Promise<CrashStack> {
  const config = { "okta:requestTimeout": "30" };
  const secrets = kind === "ClientSecret" || kind === "RotatingClientSecret";
  const noun = secrets ? "secrets" : "jwks";
  const post = (appId: string) => ({ label: "POST", method: "POST", path: `${creds(appId, noun)}$` });
  const del = (appId: string) => ({ label: "DELETE", method: "DELETE", path: `${creds(appId, noun)}/[^/]+$` });
  const deactivate = (appId: string) => ({
    label: "deactivate",
    method: "POST",
    path: `${creds(appId, noun)}/[^/]+/lifecycle/deactivate$`,
  });
  const introspect = () => ({ label: "introspect", method: "POST", path: "^/oauth2/v1/introspect$" });
  if (kind === "ClientSecret" || kind === "ClientJsonWebKey") {
    const program = secrets ? "clientSecret/fixture" : "clientJsonWebKey/keys";
    const stack = await createStack({
      program: path.join(e2e, program),
      config: secrets ? config : { ...config, keys: "[]" },
    });
    let appId = stack.app.id;
    let rotation = 1;
    const declare = async () => {
      if (secrets) await stack.setConfig("rotation", String(rotation));
      else
        await stack.setConfig("keys", JSON.stringify([{ name: "a", generate: "RS256", rotation: String(rotation) }]));
    };
    if (secrets) {
      // Adopt the app's own secret, so a rotation has its second slot.
      await stack.setConfig("adopt", stack.emulator.state().apps[0]?.secrets[0]?.id as string);
    } else {
      appId = (await createServiceApp(stack.emulator, { label: "keys killed mid-rotation" })).id;
      await stack.setConfig("appId", appId);
    }
    await declare();
    await stack.up();
    return {
      kind,
      stack,
      appId,
      noun,
      // A rotation: the new one created, the old deactivated, then deleted.
      points: [
        { name: "during the create", target: post },
        { name: "after the create", target: deactivate },
        { name: "before the delete", target: del },
      ],
      async next() {
        rotation += 1;
        await declare();
        return {};
      },
    };
  }
  const fixture = secrets ? "rotatingClientSecret/fixture" : "rotatingClientJsonWebKey/fixture";
  const stack = await createStack({ program: path.join(e2e, fixture), config: { ...config, verify: "true" } });
  let appId = stack.app.id;
  if (!secrets) {
    appId = (await createServiceApp(stack.emulator, { label: "rotating keys killed" })).id;
    await stack.setConfig("appId", appId);
  }
  // Generation g starts 30 (g - 1) days after the anchor; its previous is retired 7 days in.
  let generation = 1;
  await stack.up({ env: { OKTA_CREDENTIALS_NOW: dateAt(1) } });
  return {
    kind,
    stack,
    appId,
    noun,
    // A new generation: the slot of g - 2 deleted, the new one created, then verified before anything is retired.
    points: [
      { name: "before the delete", target: del },
      { name: "during the create", target: post },
      { name: "during the verification", target: introspect },
    ],
    async next() {
      await stack.up({ env: { OKTA_CREDENTIALS_NOW: dateAt(30 * (generation - 1) + 8) } });
      generation += 1;
      return { OKTA_CREDENTIALS_NOW: dateAt(30 * (generation - 1) + 1) };
    },
  };
}

/**
 * The CLI's process and every process under it (the language host, the program, the provider: the engine starts
 * plugins in their own process groups, so the CLI's group alone is not all of them), from `ps`.
 */
function processTree(root: number): number[] {
  const rows = execFileSync("ps", ["-eo", "pid=,ppid="], { encoding: "utf8" })
    .split("\n")
    .map((l) => l.trim().split(/\s+/).map(Number))
    .filter((r) => r.length === 2 && !Number.isNaN(r[0]));
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, ppid] of rows) if (ppid === tree[i] && !tree.includes(pid as number)) tree.push(pid as number);
  }
  return tree.filter((pid) => rows.some(([p]) => p === pid));
}
/** The processes still running: a zombie (killed, not yet reaped by its new parent) runs no more. */
const alive = (pids: number[]) =>
  pids.filter((pid) => {
    try {
      return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
    } catch {
      return false;
    }
  });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `pulumi up` in its own process group, waits until the emulator has taken the held request, then SIGKILLs the
 * whole group; answers how many processes were killed and the CLI's output (for the test's messages only).
 */
async function upKilledAt(stack: E2EStack, target: Target, env: Record<string, string>) {
  stack.emulator.faults.inject({ method: target.method, path: target.path, delayMs: holdMs });
  const child = spawn("pulumi", ["up", "--yes", "--non-interactive", "--stack", "e2e"], {
    cwd: stack.workDir,
    env: { ...stack.environment(), ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (c) => {
    output += c;
  });
  child.stderr?.on("data", (c) => {
    output += c;
  });
  const exited = new Promise<void>((resolve) => child.on("close", () => resolve()));
  const taken = () => stack.emulator.faults.pending().length === 0;
  for (let waited = 0; !taken(); waited += 50) {
    if (waited > 150_000 || child.exitCode !== null) break;
    await sleep(50);
  }
  const reached = taken();
  const pid = child.pid as number;
  const members = processTree(pid);
  // The CLI's process group, and each process under it with its own group, all at once.
  for (const member of members) {
    for (const target of [-member, member]) {
      try {
        process.kill(target, "SIGKILL");
      } catch {
        // not a group leader, or gone already
      }
    }
  }
  await exited;
  for (let waited = 0; alive(members).length > 0 && waited < 10_000; waited += 100) await sleep(100);
  stack.emulator.faults.clear();
  return { reached, killed: members.length, survivors: alive(members).length, output };
}

/** Waits until the held request has been answered (to a client that is gone): Okta's side is then settled. */
async function settled(stack: E2EStack, target: Target, from: number): Promise<void> {
  const re = new RegExp(target.path);
  for (let waited = 0; waited < holdMs + 30_000; waited += 200) {
    if (
      stack.emulator
        .requests()
        .slice(from)
        .some((e) => e.method === target.method && re.test(e.path))
    )
      return;
    await sleep(200);
  }
  throw new Error(`the held ${target.method} ${target.path} never finished`);
}

/** Removes a credential as `okta-credentials orphans` tells a user to: deactivate (if ACTIVE), then delete. */
async function removeOrphan(stack: E2EStack, ref: CredentialRef, noun: "secrets" | "jwks"): Promise<void> {
  const [appId, id] = ref.split("/");
  const base = `${stack.emulator.url}/api/v1/apps/${appId}/credentials/${noun}/${id}`;
  const headers = { Authorization: `SSWS ${stack.emulator.apiToken}` };
  await fetch(`${base}/lifecycle/deactivate`, { method: "POST", headers });
  const res = await fetch(base, { method: "DELETE", headers });
  expect(res.status, `removing ${ref}`).toBe(204);
}

interface Case {
  kind: Kind;
  point: Point["name"];
}
const allCases: Case[] = kinds.flatMap((kind) =>
  (["during the create", "after the create", "before the delete", "during the verification"] as const)
    .filter((point) =>
      kind.startsWith("Rotating") ? point !== "after the create" : point !== "during the verification",
    )
    .map((point) => ({ kind, point })),
);
const cases = matrix(allCases, (all) =>
  all.filter(
    (c) =>
      (c.kind === "ClientSecret" && c.point === "after the create") ||
      (c.kind === "ClientJsonWebKey" && c.point === "during the create") ||
      (c.kind === "RotatingClientSecret" && c.point === "during the verification") ||
      (c.kind === "RotatingClientJsonWebKey" && c.point === "before the delete"),
  ),
);

const totals = {
  crashes: 0,
  killed: 0,
  converged: 0,
  objectsLost: 0,
  orphansFound: 0,
  orphansReportedByUp: 0,
  orphansLeft: 0,
  pendingCreates: 0,
  locked: 0,
};

describe(`pulumi up SIGKILLed mid-rotation, then what a user does (${cases.length} crashes)`, () => {
  const stacks = new Map<Kind, CrashStack>();
  const failedKinds = new Set<Kind>();
  afterAll(async () => {
    recordFigures("crashes", "total", totals);
    for (const s of stacks.values()) await s.stack.cleanup();
  });

  for (const c of cases) {
    it(`${c.kind}: killed ${c.point}`, async () => {
      let cs = stacks.get(c.kind);
      // A crash case that failed left its stack anywhere: the next case of the kind starts on a new stack.
      if (cs && failedKinds.has(c.kind)) {
        await cs.stack.cleanup();
        cs = undefined;
      }
      failedKinds.add(c.kind);
      if (!cs) {
        cs = await crashStack(c.kind);
        stacks.set(c.kind, cs);
      }
      const { stack, appId } = cs;
      const point = cs.points.find((p) => p.name === c.point) as Point;
      const env = await cs.next();
      const target = point.target(appId);
      const watch = await startWatch(stack);
      const from = stack.emulator.requests().length;
      const kill = await upKilledAt(stack, target, env);
      expect(kill.reached, `the up never reached ${target.method} ${target.path}:\n${kill.output}`).toBe(true);
      expect(kill.survivors).toBe(0);
      await settled(stack, target, from);

      // What a user does. A killed update leaves the file backend's lock: `pulumi cancel` removes it.
      const cancel = await stack.pulumi(["cancel", "--yes", "--non-interactive"], { expectFailure: false }).then(
        () => 1,
        () => 0,
      );
      await stack.refresh({ env });
      let state = await stack.exportState();
      const pending = (state.deployment.pending_operations ?? []) as { type: string; resource: { urn: string } }[];
      const pendingCreates = pending.filter((p) => p.type === "creating").length;
      // Okta's side first: what the killed run made that no state holds is what the invariants call an orphan.
      const beforeClearing = await watch.check();
      if (pendingCreates > 0) {
        await stack.refresh({ env, args: ["--clear-pending-creates"] });
        state = await stack.exportState();
        expect(state.deployment.pending_operations ?? []).toEqual([]);
      }
      // The next up adopts what it can; where an orphan takes the app's second secret slot, it fails naming it, the
      // user removes it as the message says, and runs `pulumi up` again.
      let reportedByUp = 0;
      try {
        await stack.up({ env });
      } catch (error) {
        const message = String((error as Error).message);
        expect(
          beforeClearing.orphans.length,
          `the up failed, with no orphan to explain it:\n${message}`,
        ).toBeGreaterThan(0);
        for (const ref of beforeClearing.orphans) expect(message).toContain(ref.split("/")[1]);
        reportedByUp = beforeClearing.orphans.length;
        for (const ref of beforeClearing.orphans) await removeOrphan(stack, ref, cs.noun);
        await stack.up({ env });
      }
      const converged = await watch.check();
      // Nothing held is lost, no two entries share an object, never over two secrets or none ACTIVE, statuses agree.
      const orphansLeft = converged.orphans;
      const broken = violations(converged, { exact: true, allowOrphans: orphansLeft });
      // An orphan is reported (by id, with the command that removes it), then removed as the user would be told to.
      for (const ref of orphansLeft) await removeOrphan(stack, ref, cs.noun);
      const after = await startWatch(stack, { baseline: watch.baseline });
      const preview = await stack.preview({ env });
      const { create, update, replace, delete: deleted } = preview.counts;
      const finalReport = await after.assert({ exact: true });
      const objectsLost = converged.missing.length;
      recordFigures("crashes", `${c.kind}: killed ${c.point}`, {
        killed: kill.killed,
        locked: cancel,
        pendingCreates,
        orphansFound: beforeClearing.orphans.length,
        orphansReportedByUp: reportedByUp,
        orphansLeft: orphansLeft.length,
        privateHalvesLost: converged.lostPrivateHalves.length,
        objectsLost,
        converged: broken.length === 0 && create + update + replace + deleted === 0 ? 1 : 0,
      });
      totals.crashes += 1;
      totals.killed += kill.killed;
      totals.locked += cancel;
      totals.pendingCreates += pendingCreates;
      totals.orphansLeft += orphansLeft.length;
      totals.orphansFound += beforeClearing.orphans.length;
      totals.orphansReportedByUp += reportedByUp;
      totals.objectsLost += objectsLost;
      expect(broken, `after the user's steps:\n${broken.join("\n")}`).toEqual([]);
      expect({ create, update, replace, delete: deleted }, "the preview after converging").toEqual({
        create: 0,
        update: 0,
        replace: 0,
        delete: 0,
      });
      expect(finalReport.orphans).toEqual([]);
      totals.converged += 1;
      failedKinds.delete(c.kind);
    });
  }
});
