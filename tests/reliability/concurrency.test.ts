import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startOktaEmulator } from "../../emulator/index";
import { createStack, type E2EStack } from "../e2e/harness";
import { createServiceApp } from "../serviceApp";
import { recordFigures, reliabilityScale } from "./figures";
import { heldCredentials, replayLog, startWatch, takeBaseline } from "./invariants";

// Concurrency (issue 20), through the real CLI against the emulator:
// (a) many credentials on a few apps under `pulumi up --parallel 32`: a RotatingClientSecret on each of several apps
//     and N generated ClientJsonWebKeys on one app, created, rotated (a new generation, new keys) and destroyed; after
//     each run the invariants hold exactly (Okta and the state agree, never over two secrets, never none ACTIVE).
// (b) two stacks adding a secret to one app that has room for one more, their `pulumi up`s started together: one
//     succeeds, the other fails naming Okta's two-secret limit, Okta holds exactly what the two states hold, and the
//     loser's rerun converges once the winner is destroyed.
const repo = path.resolve(__dirname, "../..");
const full = reliabilityScale === "full";
const secretAppCount = full ? 8 : 3;
const keyCount = full ? 30 : 8;

const stacks: E2EStack[] = [];
afterAll(async () => {
  for (const s of stacks) await s.cleanup();
});

describe("many credentials at once under --parallel 32", () => {
  it("create, rotate, destroy: no corruption, the invariants hold after each", async () => {
    const stack = await createStack({ program: path.join(__dirname, "fixtures/concurrency") });
    stacks.push(stack);
    const secretApps = [];
    for (let i = 0; i < secretAppCount - 1; i++)
      secretApps.push((await stack.emulator.createApp({ label: `s${i}` })).id);
    const keyApp = await createServiceApp(stack.emulator, { label: "keys", keyType: "EC" });
    await stack.setConfig("secretApps", JSON.stringify(secretApps));
    await stack.setConfig("keyApp", keyApp.id);
    await stack.setConfig("keys", String(keyCount));
    const appIds = [stack.app.id, ...secretApps, keyApp.id];
    const baseline = takeBaseline(stack, appIds);
    const parallel = ["--parallel", "32"];
    const ms: Record<string, number> = {};
    let operations = 0;
    const step = async (name: string, run: () => Promise<unknown>) => {
      const watch = await startWatch(stack, { appIds, baseline });
      const t = Date.now();
      const result = await run();
      ms[name] = Date.now() - t;
      operations += watch.log().filter((e) => e.method !== "GET").length;
      await watch.assert({ exact: true });
      return result;
    };

    const env = (now: string) => ({ env: { OKTA_CREDENTIALS_NOW: now }, args: parallel });
    await step("create", () => stack.up(env("2030-01-02T00:00:00Z")));
    const created = heldCredentials(await stack.exportState());
    // Each app's own secret taken over, one new per secret app, every key generated with its private half.
    expect(created.filter((h) => h.kind === "secret")).toHaveLength(2 * secretAppCount);
    expect(created.filter((h) => h.kind === "key" && h.hasPrivateHalf)).toHaveLength(keyCount);
    expect(stack.emulator.state().apps.find((a) => a.id === keyApp.id)?.jwks).toHaveLength(keyCount + 1);

    // A new generation of every secret (its oldest replaced) and every key replaced, all in one run.
    await stack.setConfig("rotation", "2");
    await step("rotate", () => stack.up(env("2030-01-31T12:00:00Z")));
    const rotated = heldCredentials(await stack.exportState());
    const before = new Set(created.map((h) => h.id));
    expect(rotated.filter((h) => h.kind === "key" && !before.has(h.id))).toHaveLength(keyCount);
    expect(rotated.filter((h) => h.kind === "secret" && !before.has(h.id))).toHaveLength(secretAppCount);
    await step("retire", () => stack.up(env("2030-02-08T12:00:00Z")));

    // Okta refuses to deactivate an app's last ACTIVE secret, so a destroy of the secrets' apps' only credentials
    // stops (docs/troubleshooting.md): the secrets are kept in Okta with `retainOnDelete`, as that page says, and are
    // then held by no state on purpose; every key is deleted (the key app keeps its own).
    await stack.setConfig("retain", "true");
    await step("retain", () => stack.up(env("2030-02-08T12:00:00Z")));
    const retained = heldCredentials(await stack.exportState())
      .filter((h) => h.kind === "secret")
      .map((h) => `${h.appId}/${h.id}`);
    const watch = await startWatch(stack, { appIds, baseline });
    const t = Date.now();
    await stack.destroy(env("2030-02-08T12:00:00Z"));
    ms.destroy = Date.now() - t;
    operations += watch.log().filter((e) => e.method !== "GET").length;
    await watch.assert({ exact: true, allowOrphans: retained });
    expect((await watch.check()).orphans.sort()).toEqual([...retained].sort());
    for (const appId of appIds) {
      const app = stack.emulator.state().apps.find((a) => a.id === appId);
      if (appId === keyApp.id) expect(app?.jwks.map((k) => k.status)).toEqual(["ACTIVE"]);
      // The current generation's secret ACTIVE, the previous one retired (INACTIVE) at the last up.
      else expect(app?.secrets.map((s) => s.status).sort()).toEqual(["ACTIVE", "INACTIVE"]);
    }
    recordFigures("concurrency", "many credentials under --parallel 32", {
      apps: appIds.length,
      secretApps: secretAppCount,
      keys: keyCount,
      runs: 5,
      writes: operations,
      objectsLost: 0,
      createMs: ms.create ?? 0,
      rotateMs: ms.rotate ?? 0,
      retireMs: ms.retire ?? 0,
      destroyMs: ms.destroy ?? 0,
    });
  });
});

describe("two stacks on one app at once", () => {
  it("one wins, the loser names the two-secret limit, Okta stays consistent, the loser's rerun converges", async () => {
    const emulator = await startOktaEmulator({ port: 0, rateLimit: "off" });
    const program = path.join(repo, "tests/e2e/clientSecret/fixture");
    const a = await createStack({ program, emulator, stackName: "e2e" });
    const b = await createStack({ program, emulator, stackName: "e2e" });
    stacks.push(a, b);
    // One app with its own secret: room for one more. Both stacks add a ClientSecret to it.
    const appId = a.app.id;
    await b.setConfig("appId", appId);
    const baseline = takeBaseline(a, [appId]);
    const from = emulator.requests().at(-1)?.requestId;
    const t = Date.now();
    const outcome = (stack: E2EStack) =>
      stack.up().then(
        () => ({ ok: true, message: "" }),
        (e: Error) => ({ ok: false, message: e.message }),
      );
    const [ra, rb] = await Promise.all([outcome(a), outcome(b)]);
    const ms = Date.now() - t;
    expect([ra.ok, rb.ok].filter(Boolean), `exactly one up succeeds:\nA: ${ra.message}\nB: ${rb.message}`).toHaveLength(
      1,
    );
    const [winner, loser, lost] = ra.ok ? [a, b, rb] : [b, a, ra];
    // What the loser sees: Okta's limit, named, with what to do.
    const refusedAt = /has a problem: app/.test(lost.message) ? "check (the up's own plan)" : "Okta's POST";
    const errorLines = lost.message.split("\n").filter((l) => /error/i.test(l) || /secret/i.test(l));
    console.log(`refused at: ${refusedAt}; the loser's output:\n${errorLines.join("\n")}`);
    const limitLine = errorLines.find((l) => /two|2 secrets|maximum|limit/i.test(l)) ?? "";
    expect(limitLine, lost.message).toContain(appId);
    if (refusedAt.startsWith("check")) {
      // Refused before any write: the app's two secrets listed by id, the winner's among them, and the fix.
      expect(lost.message).toContain("held 2 client secrets when this run looked");
      expect(lost.message).toContain("over Okta's maximum of 2");
      expect(lost.message).toContain("Fix: free a slot first");
    }

    // Okta holds exactly the app's own secret and the winner's, and both states together hold the new one once.
    const check = async () => {
      const held = [
        ...heldCredentials(await winner.exportState()),
        ...heldCredentials(await loser.exportState()),
      ].filter((h) => h.appId === appId);
      const okta = emulator.state().apps.find((x) => x.id === appId)?.secrets ?? [];
      const ids = held.map((h) => h.id);
      return {
        orphans: okta.filter((s) => !ids.includes(s.id) && !baseline.credentials.has(`${appId}/${s.id}`)),
        missing: held.filter((h) => !okta.some((s) => s.id === h.id)),
        doublyHeld: ids.filter((id, i) => ids.indexOf(id) !== i),
        okta,
      };
    };
    const afterRace = await check();
    expect(afterRace.orphans).toEqual([]);
    expect(afterRace.missing).toEqual([]);
    expect(afterRace.doublyHeld).toEqual([]);
    expect(afterRace.okta).toHaveLength(2);
    expect(heldCredentials(await loser.exportState())).toEqual([]);
    const log = emulator.requests();
    const since = log.slice(log.findIndex((e) => e.requestId === from) + 1);
    expect(replayLog(baseline, since)).toEqual({ overLimit: [], activeGaps: [] });
    const refusedPosts = since.filter((e) => e.method === "POST" && e.status >= 400).length;

    // The loser reruns after the winner is removed: it converges.
    await winner.destroy();
    await loser.up();
    const afterRerun = await check();
    expect(afterRerun.orphans).toEqual([]);
    expect(afterRerun.missing).toEqual([]);
    expect(afterRerun.okta).toHaveLength(2);
    expect(heldCredentials(await loser.exportState())).toHaveLength(1);
    const all = emulator.requests();
    expect(replayLog(baseline, all.slice(all.findIndex((e) => e.requestId === from) + 1))).toEqual({
      overLimit: [],
      activeGaps: [],
    });
    recordFigures("concurrency", "two stacks on one app", {
      stacks: 2,
      winners: 1,
      losers: 1,
      refusedPosts,
      orphans: 0,
      objectsLost: 0,
      raceMs: ms,
      refusedByCheck: refusedAt.startsWith("check") ? 1 : 0,
    });
    await emulator.close();
  });
});
