import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fewestActive, secretMutations, secretsOf } from "../clientSecret/oktaHistory";
import { createStack, type E2EStack } from "../harness";

// A RotatingClientSecret whose ups skip windows, under the real engine: a missed retirement window heals in the next
// up (the slot's still ACTIVE secret goes delete-first while the other slot's stays ACTIVE: heldRetired), never more
// than two secrets, never none ACTIVE. A whole generation skipped after a retirement stops at preview, and one up
// inside the skipped generation mends it. Schedule: anchor 2030-01-01, every 30 days (g2 from 01-31, g3 03-02,
// g4 04-01, g5 05-01), the previous retired 7 days into the next.
interface Outputs {
  generation: number;
  currentSecretId: string;
  currentStatus: string;
  previousSecretId: string;
  previousStatus: string;
}

describe("RotatingClientSecret end to end: ups that miss windows", () => {
  let stack: E2EStack;
  let initial: string;
  const secrets = () => secretsOf(stack.emulator, stack.app.id).map((s) => [s.id, s.status]);
  const outputs = async () => (await stack.outputs()) as unknown as Outputs;
  const at = (now: string) => ({ env: { OKTA_CREDENTIALS_NOW: now } });
  const base = () => `/api/v1/apps/${stack.app.id}/credentials/secrets`;

  /** `pulumi up` at `now`, checking Okta's limits on the way: never more than two secrets, never none ACTIVE. */
  async function upAt(now: string) {
    const before = secretsOf(stack.emulator, stack.app.id);
    stack.emulator.clearRequests();
    const run = await stack.up(at(now));
    expect(secretsOf(stack.emulator, stack.app.id).length).toBeLessThanOrEqual(2);
    expect(fewestActive(before, secretMutations(stack.emulator))).toBeGreaterThanOrEqual(1);
    return run;
  }

  beforeAll(async () => {
    stack = await createStack({ program: path.join(__dirname, "fixture") });
    initial = secretsOf(stack.emulator, stack.app.id)[0]?.id ?? "";
  });
  afterAll(async () => {
    await stack?.cleanup();
  });

  it("generation 1, before the retirement: both secrets ACTIVE", async () => {
    await upAt("2030-01-02T00:00:00Z");
    expect(await outputs()).toMatchObject({ generation: 1, previousSecretId: initial, previousStatus: "ACTIVE" });
  });

  it("no up in generation 1's retirement window: generation 2's first up deletes the still ACTIVE secret first", async () => {
    const before = await outputs();
    const preview = await stack.preview({ diff: true, ...at("2030-02-01T00:00:00Z") });
    expect(preview.counts).toMatchObject({ replace: 1, update: 0, create: 0, delete: 0 });
    expect(preview.stdout).toContain('~ generation: "0" => "2"');
    expect(preview.stderr + preview.stdout).toContain(
      `ClientSecret "api-slot0" is replaced delete-first: heldRetired says its ACTIVE secret ${initial} is retired, and the app keeps ${before.currentSecretId} ACTIVE meanwhile`,
    );
    const run = await upAt("2030-02-01T00:00:00Z");
    expect(run.counts).toMatchObject({ replace: 1, update: 0 });
    expect(secretMutations(stack.emulator)).toEqual([
      `POST ${base()}/${initial}/lifecycle/deactivate 200`,
      `DELETE ${base()}/${initial} 204`,
      `POST ${base()} 201`,
    ]);
    const after = await outputs();
    expect(after).toMatchObject({ generation: 2, previousSecretId: before.currentSecretId, previousStatus: "ACTIVE" });
    expect(secrets()).toEqual([
      [before.currentSecretId, "ACTIVE"],
      [after.currentSecretId, "ACTIVE"],
    ]);
  });

  it("missed again, the next up past generation 3's retirement too: replaced delete-first, then the previous retired", async () => {
    const before = await outputs();
    const run = await upAt("2030-03-10T00:00:00Z");
    expect(run.counts).toMatchObject({ replace: 1, update: 1 });
    // The new secret exists before the previous one is deactivated: generation 2 stays ACTIVE until then.
    expect(secretMutations(stack.emulator)).toEqual([
      `POST ${base()}/${before.previousSecretId}/lifecycle/deactivate 200`,
      `DELETE ${base()}/${before.previousSecretId} 204`,
      `POST ${base()} 201`,
      `POST ${base()}/${before.currentSecretId}/lifecycle/deactivate 200`,
    ]);
    const after = await outputs();
    expect(after).toMatchObject({
      generation: 3,
      previousSecretId: before.currentSecretId,
      previousStatus: "INACTIVE",
    });
    expect(secrets()).toEqual([
      [before.currentSecretId, "INACTIVE"],
      [after.currentSecretId, "ACTIVE"],
    ]);
  });

  it("a whole generation skipped after a retirement stops at preview; an up inside it mends the rotation", async () => {
    const before = await outputs();
    stack.emulator.clearRequests();
    // Generation 5's slot holds generation 3, the app's only ACTIVE secret: never deleted first, and the app is full.
    const stopped = await stack.preview({ ...at("2030-05-02T00:00:00Z"), expectFailure: true });
    const said = stopped.stdout + stopped.stderr;
    expect(said).toContain(
      `ClientSecret "api-slot1" has heldRetired, but its secret ${before.currentSecretId} is the app's only ACTIVE secret`,
    );
    expect(said).toContain(
      "held 2 client secrets when this run looked, and this run would add 1 more before retiring any",
    );
    expect(secretMutations(stack.emulator)).toEqual([]);

    await upAt("2030-04-02T00:00:00Z"); // generation 4: slot 0's INACTIVE secret replaced delete-first
    const mended = await outputs();
    expect(mended).toMatchObject({ generation: 4, previousSecretId: before.currentSecretId, previousStatus: "ACTIVE" });
    const run = await upAt("2030-05-02T00:00:00Z");
    expect(run.counts).toMatchObject({ replace: 1, update: 0 });
    expect(secretMutations(stack.emulator)).toEqual([
      `POST ${base()}/${before.currentSecretId}/lifecycle/deactivate 200`,
      `DELETE ${base()}/${before.currentSecretId} 204`,
      `POST ${base()} 201`,
    ]);
    expect(await outputs()).toMatchObject({ generation: 5, previousSecretId: mended.currentSecretId });
  });
});
