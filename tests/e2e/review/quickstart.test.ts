import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { secretsOf } from "../clientSecret/oktaHistory";
import { createStack, type E2EStack } from "../harness";
import { appSection, countsOf, expectNoSecret, expectReviewKept, secretValues, writesOf } from "./facts";
import { checkCapture, previewJson, runReview } from "./reviewRun";

// `okta-credentials review` on the real engine's `pulumi preview --json` at each step of the quickstart
// (scripts/quickstart.sh, examples/quickstart/index.ts): adopt, no change, a create-first rotation, a second secret,
// the two-secret limit caught at preview, an INACTIVE status change, a delete-first rotation, a RotatingClientSecret
// through two generations and their retirements, a secret removed. Each review is checked for its facts (ids, order,
// counts, reasons), then `pulumi up` runs and the review is held to what Okta then holds and to the requests made.
describe("okta-credentials review on the quickstart's previews", () => {
  let stack: E2EStack;
  let app: string;
  let initial: string;
  const known = new Set<string>();
  const secrets = () => secretsOf(stack.emulator, app);

  /** Preview as the pull-request workflow does, review it, keep the capture true, and check it leaks nothing. */
  async function review(name: string, opts: { env?: Record<string, string>; expectFailure?: boolean } = {}) {
    const preview = await previewJson(stack, opts);
    const reviewed = await runReview(preview.json);
    expect(reviewed.stderr).toBe("");
    expect(reviewed.code).toBe(opts.expectFailure ? 1 : 0);
    await checkCapture(`quickstart-${name}`, preview.json);
    for (const value of secretValues(stack.emulator)) known.add(value);
    expectNoSecret(reviewed.markdown, known);
    return reviewed.markdown;
  }

  /** `pulumi up`, with the review's promises checked against what happened on `appId`. */
  async function upKeeping(markdown: string, appId: string, env: Record<string, string> = {}) {
    const before = secretsOf(stack.emulator, appId);
    stack.emulator.clearRequests();
    await stack.up({ env });
    for (const value of secretValues(stack.emulator)) known.add(value);
    expectReviewKept(markdown, stack.emulator, appId, before);
  }

  beforeAll(async () => {
    stack = await createStack({ program: path.join(__dirname, "quickstart") });
    await stack.useProgram("examples/quickstart");
    app = stack.app.id;
    initial = secrets()[0]?.id ?? "";
    expect(initial).toMatch(/^ocs/);
    known.add(stack.emulator.apiToken);
  });
  afterAll(async () => {
    await stack?.cleanup();
  });

  it("3. adopt: the app's own secret taken over, nothing created, one ACTIVE secret before and after", async () => {
    await stack.setConfig("adopt", initial);
    const md = await review("adopt");
    expect(md).toContain(`**ClientSecret \`app-secret\`**: adopted: takes over \`${initial}\``);
    expect(countsOf(md, app)).toEqual({
      active: { before: 1, after: 1, during: "never fewer than 1" },
      held: { before: 1, after: 1, during: "at most 1" },
    });
    expect(writesOf(md, app)).toEqual([]);
    expect(md).toContain(`1. take over \`${initial}\`: nothing is created (ClientSecret \`app-secret\`)`);
    await upKeeping(md, app);
  });

  it("4. adoptSecretId removed: no credential change, in one line", async () => {
    await stack.pulumi(["config", "rm", "adopt", "--stack", "e2e"]);
    const md = await review("no-change");
    expect(md.trim().split("\n").slice(2)).toEqual([
      "No credential change: every Okta client secret and key of this stack stays as it is (1 unchanged).",
    ]);
  });

  it("5. a rotation: create-first, the old secret deactivated and deleted after, never without an ACTIVE secret", async () => {
    await stack.setConfig("rotation", "2026-12");
    const md = await review("rotate-create-first");
    expect(md).toContain("**1 app, 1 credential change:** 1 rotated (create-first). The app keeps an ACTIVE");
    expect(md).toContain(
      `**ClientSecret \`app-secret\`**: rotated, **create-first**: a new secret is created, ACTIVE, then \`${initial}\` (ACTIVE) is deactivated and deleted`,
    );
    expect(md).toContain("why: `rotationTriggers.rotation` `initial` → `2026-12`");
    expect(countsOf(md, app)).toEqual({
      active: { before: 1, after: 1, during: "never fewer than 1" },
      held: { before: 1, after: 1, during: "at most 2" },
    });
    const base = `/api/v1/apps/${app}/credentials/secrets`;
    expect(writesOf(md, app)).toEqual([
      `POST ${base}`,
      `POST ${base}/${initial}/lifecycle/deactivate`,
      `DELETE ${base}/${initial}`,
    ]);
    expect(md).toMatch(/stack outputs that change: `secretHash`, `secretId`/);
    expect(md).toContain("secret stack outputs (`clientSecret`) cannot be read from the preview");
    await upKeeping(md, app);
  });

  it("6. a second secret: created beside the first, the app at Okta's maximum", async () => {
    const rotated = secrets()[0]?.id ?? "";
    await stack.setConfig("partner", "true");
    const md = await review("second-secret");
    expect(md).toContain("**ClientSecret `partner-secret`**: created: a new secret, ACTIVE");
    expect(countsOf(md, app).held).toEqual({ before: 1, after: 2, during: "at most 2" });
    expect(md).toContain(`Unchanged: ClientSecret \`app-secret\` (\`${rotated}\`, ACTIVE).`);
    await upKeeping(md, app);
  });

  it("7. the two-secret limit caught at preview: the blocking section with the fix, and exit code 1", async () => {
    await stack.setConfig("rotation", "2027-01");
    const md = await review("limit", { expectFailure: true });
    expect(md).toContain("### Blocked: the preview failed");
    expect(md).toContain("**ClientSecret `app-secret`**");
    expect(md).toContain(`app ${app} held 2 client secrets when this run looked`);
    expect(md).toContain("over Okta's maximum of 2");
    expect(md).toMatch(/\*\*Fix:\*\* rotate ClientSecret "app-secret" in two runs: first set `status: "INACTIVE"`/);
    expect(md).toContain("The preview planned no credential change before it stopped.");
  });

  it("8. out of service in place: deactivated, the other secret still ACTIVE", async () => {
    const [appSecret] = secrets();
    await stack.setConfig("rotation", "2026-12");
    await stack.setConfig("status", "INACTIVE");
    const md = await review("deactivate");
    expect(md).toContain(
      `**ClientSecret \`app-secret\`**: deactivated in place: \`${appSecret?.id}\` (ACTIVE) → INACTIVE`,
    );
    expect(md).toContain("why: `status` ACTIVE → INACTIVE");
    expect(countsOf(md, app)).toEqual({
      active: { before: 2, after: 1, during: "never fewer than 1" },
      held: { before: 2, after: 2, during: "at most 2" },
    });
    await upKeeping(md, app);
  });

  it("9. the INACTIVE secret rotated delete-first: the full app needs no free slot", async () => {
    const inactive = secrets().find((s) => s.status === "INACTIVE")?.id;
    await stack.setConfig("rotation", "2027-01");
    await stack.setConfig("status", "ACTIVE");
    const md = await review("rotate-delete-first");
    expect(md).toContain(
      `rotated, **delete-first**: \`${inactive}\` (INACTIVE) is deleted (it is INACTIVE: nothing authenticates with it), then a new secret is created, ACTIVE`,
    );
    expect(countsOf(md, app)).toEqual({
      active: { before: 1, after: 2, during: "never fewer than 1" },
      held: { before: 2, after: 2, during: "at most 2" },
    });
    const base = `/api/v1/apps/${app}/credentials/secrets`;
    expect(writesOf(md, app)).toEqual([`DELETE ${base}/${inactive}`, `POST ${base}`]);
    await upKeeping(md, app);
  });

  describe("10. a RotatingClientSecret on a second app, every 30 days, 7 days' overlap", () => {
    let rotating: string;
    let own: string;
    const at = (now: string) => ({ OKTA_CREDENTIALS_NOW: now });

    beforeAll(async () => {
      rotating = (await stack.emulator.createApp()).id;
      own = secretsOf(stack.emulator, rotating)[0]?.id ?? "";
      await stack.setConfig("rotatingAppId", rotating);
    });

    it("generation 1: the app's own secret adopted as the previous one, a new current secret, proven first", async () => {
      const md = await review("rotating-generation-1", { env: at("2026-01-02") });
      const section = appSection(md, rotating);
      expect(section).toContain(
        "**RotatingClientSecret `scheduled`**: generation 1 (began 2026-01-01); previous retires 2026-01-08; next rotation 2026-01-31",
      );
      expect(section).toContain("current: ClientSecret `scheduled-slot1` created: a new secret, ACTIVE");
      expect(section).toContain(`previous: ClientSecret \`scheduled-slot0\` adopted: takes over \`${own}\``);
      expect(section).toContain("stays ACTIVE for its clients until 2026-01-08");
      expect(section).toContain(`adoptExisting: the previous slot takes over ${own}, the app's only secret`);
      expect(countsOf(md, rotating).held).toEqual({ before: 1, after: 2, during: "at most 2" });
      // The previous slot waits for the current one and its proof: the order is fixed.
      expect([...section.matchAll(/^\d+\. (.+)$/gm)].map((m) => m[1])).toEqual([
        "create a new secret, ACTIVE (ClientSecret `scheduled-slot1`)",
        "prove the current secret at the org's token endpoint (a token request, no change)",
        `take over \`${own}\`: nothing is created (ClientSecret \`scheduled-slot0\`)`,
      ]);
      await upKeeping(md, rotating, at("2026-01-02"));
    });

    it("7 days on: the previous secret deactivated in place, after the current one is proven", async () => {
      const md = await review("rotating-retire-1", { env: at("2026-01-09") });
      const section = appSection(md, rotating);
      expect(section).toContain("generation 1 (began 2026-01-01); previous retired 2026-01-08");
      expect(section).toContain(
        `previous: ClientSecret \`scheduled-slot0\` deactivated in place: \`${own}\` (ACTIVE) → INACTIVE`,
      );
      expect(countsOf(md, rotating).active).toEqual({ before: 2, after: 1, during: "never fewer than 1" });
      await upKeeping(md, rotating, at("2026-01-09"));
    });

    it("generation 2: the INACTIVE slot replaced delete-first, generation 1 ACTIVE for its clients", async () => {
      const current = secretsOf(stack.emulator, rotating).find((s) => s.status === "ACTIVE")?.id;
      const md = await review("rotating-generation-2", { env: at("2026-01-31") });
      const section = appSection(md, rotating);
      expect(section).toContain(
        "**RotatingClientSecret `scheduled`**: generation 1 → **2** (began 2026-01-31); previous retires 2026-02-07; next rotation 2026-03-02",
      );
      expect(section).toContain(
        `current: ClientSecret \`scheduled-slot0\` rotated, **delete-first**: \`${own}\` (INACTIVE) is deleted`,
      );
      expect(section).toContain(`previous: ClientSecret \`scheduled-slot1\` is unchanged (\`${current}\`, ACTIVE)`);
      expect(section).toContain(
        "stays ACTIVE for its clients until 2026-02-07: the first `pulumi up` from then on deactivates it",
      );
      expect(countsOf(md, rotating)).toEqual({
        active: { before: 1, after: 2, during: "never fewer than 1" },
        held: { before: 2, after: 2, during: "at most 2" },
      });
      await upKeeping(md, rotating, at("2026-01-31"));
    });

    it("7 days on: generation 1's secret deactivated in its turn", async () => {
      const generation1 = secretsOf(stack.emulator, rotating).find((s) => s.id !== own && s.status === "ACTIVE");
      const md = await review("rotating-retire-2", { env: at("2026-02-08") });
      const section = appSection(md, rotating);
      expect(section).toContain("generation 2 (began 2026-01-31); previous retired 2026-02-07");
      expect(section).toContain("previous: ClientSecret `scheduled-slot1` deactivated in place");
      expect(generation1).toBeDefined();
      await upKeeping(md, rotating, at("2026-02-08"));
    });
  });

  it("a secret removed from the program: deactivated and deleted with the engine's deletes", async () => {
    const partner = (await stack.outputs()).secretId;
    const partnerSecret = secrets().find((s) => s.id !== partner);
    await stack.setConfig("partner", "false");
    const md = await review("delete", { env: { OKTA_CREDENTIALS_NOW: "2026-02-08" } });
    expect(md).toContain(
      `**ClientSecret \`partner-secret\`**: removed from the stack: \`${partnerSecret?.id}\` (ACTIVE) is deactivated and deleted`,
    );
    expect(md).toContain("After every create and update of the run (the engine's deletes):");
    await upKeeping(md, app, { OKTA_CREDENTIALS_NOW: "2026-02-08" });
  });
});
