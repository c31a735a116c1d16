import { execFileSync, spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStack, type E2EStack } from "../harness";

// A `pulumi up` SIGKILLed (the CLI's whole process tree) while the POST of a new client secret is in flight: the POST
// lands in Okta after the kill, the state keeps only a pending create, and no resource of the stack holds the secret.
// `okta-credentials orphans` (the package's bin, as a user runs it) names it with the calls that remove it; then what
// a user does: `pulumi cancel`, `pulumi refresh --clear-pending-creates`, `okta-credentials orphans --delete`, `pulumi
// up`, and the command finds nothing.
const repo = path.resolve(__dirname, "../../..");
const bin = path.join(repo, "bin/okta-credentials.js");
const holdMs = 20_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" })
      .split("\n")
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0);
  } catch {
    // no children
  }
  return [pid, ...children.flatMap(processTree)];
}

async function orphans(stack: E2EStack, args: string[]) {
  const state = JSON.stringify(await stack.exportState());
  const child = spawn(process.execPath, [bin, "orphans", "--org-url", stack.emulator.url, ...args], {
    env: { PATH: process.env.PATH, OKTA_API_TOKEN: stack.emulator.apiToken },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c) => {
    stdout += c;
  });
  child.stderr.on("data", (c) => {
    stderr += c;
  });
  child.stdin.end(state);
  const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? -1)));
  return { code, stdout, stderr };
}

describe("okta-credentials orphans after a `pulumi up` killed mid-create", () => {
  let stack: E2EStack;
  beforeAll(async () => {
    stack = await createStack({ program: path.join(repo, "tests/e2e/clientSecret/fixture") });
  }, 300_000);
  afterAll(async () => {
    await stack?.cleanup();
  });

  it("names the secret no state holds, removes it with --delete, and the rerun converges", {
    timeout: 600_000,
  }, async () => {
    const appId = stack.app.id;
    const own = stack.emulator.state().apps[0]?.secrets[0]?.id as string;
    // The app's own secret is held by no resource either: --since narrows the list to the interrupted run.
    const since = new Date().toISOString();
    const post = `^/api/v1/apps/${appId}/credentials/secrets$`;
    stack.emulator.faults.inject({ method: "POST", path: post, delayMs: holdMs });
    const child = spawn("pulumi", ["up", "--yes", "--non-interactive", "--skip-preview", "--stack", "e2e"], {
      cwd: stack.workDir,
      env: stack.environment(),
      detached: true,
      stdio: "ignore",
    });
    const exited = new Promise<void>((resolve) => child.on("close", () => resolve()));
    for (let waited = 0; stack.emulator.faults.pending().length > 0; waited += 50) {
      if (waited > 150_000 || child.exitCode !== null) break;
      await sleep(50);
    }
    expect(stack.emulator.faults.pending(), "the up never sent the POST").toEqual([]);
    for (const pid of processTree(child.pid as number)) {
      for (const target of [-pid, pid]) {
        try {
          process.kill(target, "SIGKILL");
        } catch {
          // not a group leader, or gone already
        }
      }
    }
    await exited;
    // The held POST is handled once its delay is over, for a client that is gone: the secret lands in Okta.
    const landed = () => (stack.emulator.state().apps[0]?.secrets.length ?? 0) === 2;
    for (let waited = 0; !landed() && waited < holdMs + 30_000; waited += 200) await sleep(200);
    expect(landed()).toBe(true);
    const orphan = stack.emulator.state().apps[0]?.secrets.find((s) => s.id !== own);
    const orphanId = orphan?.id as string;

    // The file backend's lock stays after a kill; the state has a pending create and holds nothing.
    await stack.pulumi(["cancel", "--yes", "--non-interactive"], { expectFailure: true }).catch(() => undefined);
    const state = await stack.exportState();
    expect((state.deployment.pending_operations ?? []).map((p: { type: string }) => p.type)).toEqual(["creating"]);

    const found = await orphans(stack, ["--since", since]);
    expect(found.stderr).toBe("");
    expect(found.code).toBe(1);
    expect(found.stdout).toContain(`app ${appId}: 1 held by no resource of the stack created since`);
    expect(found.stdout).toContain(`client secret ${orphanId}  ACTIVE  created ${orphan?.created}`);
    const base = `${stack.emulator.url}/api/v1/apps/${appId}/credentials/secrets/${orphanId}`;
    expect(found.stdout).toContain(`"${base}/lifecycle/deactivate"`);
    expect(found.stdout).toContain(`curl -fsS -X DELETE -H "Authorization: SSWS $OKTA_API_TOKEN" "${base}"`);
    for (const value of [
      stack.emulator.apiToken,
      ...(stack.emulator.state().apps[0]?.secrets ?? []).map((s) => s.client_secret),
    ]) {
      expect(found.stdout).not.toContain(value);
    }
    // Without --since, the app's own secret (held by nothing of this stack) is listed too.
    const all = await orphans(stack, []);
    expect(all.stdout).toContain(`app ${appId}: 2 held by no resource of the stack`);
    expect(all.stdout).toContain(own);

    // What a CI user does: clear the pending create (Okta's side checked above), remove the orphan, run up again.
    await stack.refresh({ args: ["--clear-pending-creates"] });
    expect((await stack.exportState()).deployment.pending_operations ?? []).toEqual([]);
    // The cleared create was the state's only mention of the app: from now on the app is named with --app.
    const unnamed = await orphans(stack, ["--since", since]);
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toContain("give the app with --app ID");
    const removed = await orphans(stack, ["--app", appId, "--since", since, "--delete"]);
    expect(removed.stdout).toContain(`deleted ${appId}/${orphanId}`);
    expect(removed.code).toBe(0);
    expect(stack.emulator.state().apps[0]?.secrets.map((s) => s.id)).toEqual([own]);
    await stack.up();
    const after = await orphans(stack, ["--since", since]);
    expect(after.code).toBe(0);
    expect(after.stdout).toContain(`app ${appId}: 0 held by no resource of the stack`);
    const secrets = stack.emulator.state().apps[0]?.secrets ?? [];
    expect(secrets).toHaveLength(2);
    expect(secrets.map((s) => s.id)).not.toContain(orphanId);
  });
});
