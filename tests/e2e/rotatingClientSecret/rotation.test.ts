import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fewestActive, secretMutations, secretsOf } from "../clientSecret/oktaHistory";
import { createStack, type E2EStack } from "../harness";

// A RotatingClientSecret walked through four generations by the time override, under the real engine. Schedule:
// anchor 2030-01-01, a generation every 30 days (g1 from 01-01, g2 from 01-31, g3 from 03-02, g4 from 04-01), the
// previous one retired 7 days into the next.
const slotType = "pulumi-okta-credentials:index:RotatingClientSecret$pulumi-nodejs:dynamic/okta:ClientSecret";

interface Outputs {
  generation: number;
  currentSecretId: string;
  currentStatus: string;
  previousSecretId: string;
  previousStatus: string;
  nextRotationAt: string;
  previousRetiresAt: string;
}

describe("RotatingClientSecret end to end: four generations with the time override", () => {
  let stack: E2EStack;
  let initial: string;
  // Every secret value the app has held during the walk, deleted ones included.
  const values = new Set<string>();
  const secrets = () => secretsOf(stack.emulator, stack.app.id);
  const outputs = async () => (await stack.outputs()) as unknown as Outputs;
  const at = (now: string) => ({ env: { OKTA_CREDENTIALS_NOW: now } });
  const base = () => `/api/v1/apps/${stack.app.id}/credentials/secrets`;

  /** `pulumi up` at `now`, checking Okta's limits on the way: never more than two secrets, never none ACTIVE. */
  async function upAt(now: string) {
    const before = secrets();
    stack.emulator.clearRequests();
    const run = await stack.up(at(now));
    const after = secrets();
    for (const app of stack.emulator.state().apps) for (const secret of app.secrets) values.add(secret.client_secret);
    expect(after.length).toBeLessThanOrEqual(2);
    expect(after.filter((s) => s.status === "ACTIVE").length).toBeGreaterThanOrEqual(1);
    expect(fewestActive(before, secretMutations(stack.emulator))).toBeGreaterThanOrEqual(1);
    return run;
  }

  beforeAll(async () => {
    stack = await createStack({ program: path.join(__dirname, "fixture") });
    initial = secrets()[0]?.id ?? "";
    expect(initial).toMatch(/^ocs/);
  });
  afterAll(async () => {
    await stack?.cleanup();
  });

  it("generation 1: adopts the app's own secret as the previous one and creates the current one", async () => {
    const preview = await stack.preview(at("2030-01-02T00:00:00Z"));
    expect(preview.stdout).toContain(
      "generation 1 began 2030-01-01; previous retires 2030-01-08; next rotation 2030-01-31",
    );
    expect(preview.stdout).toContain(`adoptExisting: the previous slot takes over ${initial}, the app's only secret`);
    const run = await upAt("2030-01-02T00:00:00Z");
    expect(run.counts.create).toBe(4); // the stack, the component, two slots
    const out = await outputs();
    expect(out).toMatchObject({
      generation: 1,
      previousSecretId: initial,
      previousStatus: "ACTIVE",
      currentStatus: "ACTIVE",
    });
    expect(secretMutations(stack.emulator)).toEqual([`POST ${base()} 201`]);
    expect(secrets()).toEqual([
      expect.objectContaining({ id: initial, status: "ACTIVE" }),
      expect.objectContaining({ id: out.currentSecretId, status: "ACTIVE" }),
    ]);
  });

  it("a second up in the same window changes nothing and asks Okta nothing but the program's list", async () => {
    const run = await upAt("2030-01-05T00:00:00Z");
    expect(run.counts).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0 });
    // The program runs twice (the preview, then the update), and lists the app's secrets each time for adoptExisting.
    expect(stack.emulator.requests().map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${base()}`, `GET ${base()}`]);
  });

  it("after retireAfter: the previous secret is deactivated in place (an update), the current one kept", async () => {
    const { currentSecretId } = await outputs();
    const run = await upAt("2030-01-09T00:00:00Z");
    expect(run.counts).toMatchObject({ update: 1, replace: 0, create: 0, delete: 0 });
    expect(secretMutations(stack.emulator)).toEqual([`POST ${base()}/${initial}/lifecycle/deactivate 200`]);
    expect(await outputs()).toMatchObject({ previousStatus: "INACTIVE", currentSecretId });
  });

  it("the time set back inside the window reactivates the previous secret (Okta's guide: change it back to Active)", async () => {
    const back = await upAt("2030-01-07T00:00:00Z");
    expect(back.counts).toMatchObject({ update: 1, replace: 0 });
    expect(secretMutations(stack.emulator)).toEqual([`POST ${base()}/${initial}/lifecycle/activate 200`]);
    const forward = await upAt("2030-01-09T00:00:00Z");
    expect(forward.counts).toMatchObject({ update: 1, replace: 0 });
    expect(secrets().find((s) => s.id === initial)?.status).toBe("INACTIVE");
  });

  it.each([
    { now: "2030-02-01T00:00:00Z", retire: "2030-02-08T00:00:00Z", g: 2, began: "2030-01-31", slot: "api-slot0" },
    { now: "2030-03-03T00:00:00Z", retire: "2030-03-10T00:00:00Z", g: 3, began: "2030-03-02", slot: "api-slot1" },
    { now: "2030-04-02T00:00:00Z", retire: "2030-04-09T00:00:00Z", g: 4, began: "2030-04-01", slot: "api-slot0" },
  ])(
    "generation $g: replaces $slot delete-first, then retires the previous one",
    async ({ now, retire, g, began, slot }) => {
      const before = await outputs();
      const preview = await stack.preview({ diff: true, ...at(now) });
      // With --diff, the CLI prints the stack's diagnostics on stderr.
      expect(preview.stderr).toContain(`RotatingClientSecret "api": generation ${g} began ${began}`);
      expect(preview.stdout).toContain("+-pulumi-nodejs:dynamic/okta:ClientSecret: (replace)");
      expect(preview.stdout).toContain(`${slotType}::${slot}]`);
      expect(preview.stdout).toMatch(/~ status\s*: "INACTIVE" => "ACTIVE"/);
      expect(preview.stdout).toContain(`~ generation: "${g - 2}" => "${g}"`);
      expect(preview.counts).toMatchObject({ replace: 1, update: 0, create: 0, delete: 0 });

      const run = await upAt(now);
      expect(run.stdout).toContain(`RotatingClientSecret "api": generation ${g} began ${began}`);
      expect(run.counts).toMatchObject({ replace: 1, update: 0 });
      const after = await outputs();
      expect(after).toMatchObject({
        generation: g,
        previousSecretId: before.currentSecretId,
        previousStatus: "ACTIVE",
      });
      // The slot held g - 2, INACTIVE: deleted first (no deactivation needed), then the new secret is made.
      expect(secretMutations(stack.emulator)).toEqual([
        `DELETE ${base()}/${before.previousSecretId} 204`,
        `POST ${base()} 201`,
      ]);
      expect(secrets().map((s) => [s.id, s.status])).toEqual([
        [before.currentSecretId, "ACTIVE"],
        [after.currentSecretId, "ACTIVE"],
      ]);
      const state = await stack.exportState();
      expect(
        state.deployment.resources.find((r: { urn: string }) => r.urn.endsWith(`::${slot}`)).outputs.rotationTriggers,
      ).toEqual({
        generation: String(g),
      });

      const retired = await upAt(retire);
      expect(retired.counts).toMatchObject({ update: 1, replace: 0 });
      expect(secretMutations(stack.emulator)).toEqual([
        `POST ${base()}/${before.currentSecretId}/lifecycle/deactivate 200`,
      ]);
      expect(await outputs()).toMatchObject({ previousStatus: "INACTIVE", currentSecretId: after.currentSecretId });
    },
  );

  it("keeps every secret value the walk made out of the state in plaintext", async () => {
    expect(values.size).toBe(5); // the app's own, then generations 1 to 4
    const text = JSON.stringify(await stack.exportState());
    for (const value of values) expect(text).not.toContain(value);
    expect(text).not.toContain(stack.emulator.apiToken);
  });
});
