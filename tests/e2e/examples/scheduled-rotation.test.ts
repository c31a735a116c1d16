import { createHash } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fewestActive, secretMutations, secretsOf } from "../clientSecret/oktaHistory";
import { createStack, type E2EStack } from "../harness";
import { repoRoot } from "../harness/engine";
import { type OktaStyleOrg, oktaStyleOrg } from "./oktaStyleOrg";

// examples/scheduled-rotation walked through two generations as its README tells it, the calendar stood in for by
// OKTA_CREDENTIALS_NOW: the schedule (30 days, 7 days' overlap, anchor 2026-01-01) gives generation 1 from 01-01,
// generation 2 from 01-31, each previous secret retired 7 days into the next generation.
const example = path.join(repoRoot, "examples/scheduled-rotation");
const hashOf = (value: string) => createHash("sha256").update(value).digest().subarray(0, 16).toString("base64url");

interface Outputs {
  generation: number;
  currentSecretId: string;
  previousSecretId: string;
  previousStatus: string;
  nextRotationAt: string;
  previousRetiresAt: string;
  clientSecret: string;
}

describe("examples/scheduled-rotation", () => {
  let stack: E2EStack;
  let initial: string;
  const values = new Set<string>();
  const secrets = () => secretsOf(stack.emulator, stack.app.id);
  const base = () => `/api/v1/apps/${stack.app.id}/credentials/secrets`;
  const at = (now: string) => ({ env: { OKTA_CREDENTIALS_NOW: now } });
  const outputs = async () => (await stack.outputs({ showSecrets: true })) as unknown as Outputs;
  // What changed the app's secrets, and the verification's introspection requests (a secret that authenticates the
  // app's client gets 200 {"active": false} for the random token it asks about).
  const changes = () =>
    stack.emulator
      .requests()
      .filter(
        (r) => r.path === "/oauth2/v1/introspect" || (r.method !== "GET" && r.path.includes("/credentials/secrets")),
      )
      .map((r) => `${r.method} ${r.path.replace(base(), "{secrets}")} ${r.status}`);

  /** `pulumi up` at `now`: never more than two secrets, never none ACTIVE, and `clientSecret` is the current one. */
  async function upAt(now: string) {
    const before = secrets();
    stack.emulator.clearRequests();
    const run = await stack.up(at(now));
    for (const secret of stack.emulator.state().apps[0]?.secrets ?? []) values.add(secret.client_secret);
    const after = secrets();
    expect(after.length).toBeLessThanOrEqual(2);
    expect(fewestActive(before, secretMutations(stack.emulator))).toBeGreaterThanOrEqual(1);
    const out = await outputs();
    expect(after.find((s) => s.id === out.currentSecretId)).toMatchObject({
      status: "ACTIVE",
      hash: hashOf(out.clientSecret),
    });
    return run;
  }

  let org: OktaStyleOrg;

  beforeAll(async () => {
    // The org as the README configures it: okta:orgName, okta:baseUrl and okta:apiToken.
    org = await oktaStyleOrg("scheduled-org");
    stack = await createStack({ program: example, ...org.stackOptions });
    initial = secrets()[0]?.id ?? "";
    expect(initial).toMatch(/^ocs/);
  });
  afterAll(async () => {
    await stack?.cleanup();
    await org?.cleanup();
  });

  it("a dry run with the time set says where the schedule stands and changes nothing", async () => {
    stack.emulator.clearRequests();
    const preview = await stack.preview(at("2026-01-02"));
    expect(preview.stdout).toContain(
      'RotatingClientSecret "api": generation 1 began 2026-01-01; previous retires 2026-01-08; next rotation 2026-01-31',
    );
    expect(preview.counts).toMatchObject({ create: 5, update: 0, replace: 0, delete: 0 });
    expect(changes()).toEqual([]);
  });

  it("generation 1: the app's own secret adopted as the previous one, a new current one proven beside it", async () => {
    const run = await upAt("2026-01-02");
    expect(run.counts).toMatchObject({ create: 5, update: 0, replace: 0, delete: 0 });
    expect(changes()).toEqual(["POST {secrets} 201", "POST /oauth2/v1/introspect 200"]);
    const out = await outputs();
    expect(out).toMatchObject({ generation: 1, previousSecretId: initial, previousStatus: "ACTIVE" });
    expect(out.nextRotationAt).toBe("2026-01-31T00:00:00.000Z");
    expect(secrets().map((s) => s.status)).toEqual(["ACTIVE", "ACTIVE"]);
  });

  it("a scheduled up inside the window changes nothing", async () => {
    const run = await upAt("2026-01-05");
    expect(run.counts).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0 });
    expect(changes()).toEqual([]);
  });

  it("7 days on: the previous secret is deactivated in place, after the current one is proven again", async () => {
    const run = await upAt("2026-01-09");
    expect(run.counts).toMatchObject({ create: 0, update: 2, replace: 0, delete: 0 });
    expect(changes()).toEqual(["POST /oauth2/v1/introspect 200", `POST {secrets}/${initial}/lifecycle/deactivate 200`]);
    expect(await outputs()).toMatchObject({ generation: 1, previousStatus: "INACTIVE" });
  });

  it("generation 2: the INACTIVE slot replaced delete-first, generation 1 ACTIVE for its clients", async () => {
    const before = await outputs();
    const preview = await stack.preview({ diff: true, ...at("2026-02-01") });
    expect(preview.stderr).toContain('RotatingClientSecret "api": generation 2 began 2026-01-31');
    expect(preview.stdout).toContain("+-pulumi-nodejs:dynamic/okta:ClientSecret: (replace)");
    expect(preview.stdout).toContain('~ generation: "0" => "2"');
    expect(preview.counts).toMatchObject({ create: 0, update: 1, replace: 1, delete: 0 });

    const run = await upAt("2026-02-01");
    expect(run.counts).toMatchObject({ create: 0, update: 1, replace: 1, delete: 0 });
    expect(changes()).toEqual([
      `DELETE {secrets}/${initial} 204`,
      "POST {secrets} 201",
      "POST /oauth2/v1/introspect 200",
    ]);
    const after = await outputs();
    expect(after).toMatchObject({ generation: 2, previousSecretId: before.currentSecretId, previousStatus: "ACTIVE" });
    expect(after.clientSecret).not.toBe(before.clientSecret);
    expect(secrets().map((s) => [s.id, s.status])).toEqual([
      [before.currentSecretId, "ACTIVE"],
      [after.currentSecretId, "ACTIVE"],
    ]);
  });

  it("7 days on: generation 1's secret is deactivated in its turn", async () => {
    const { previousSecretId } = await outputs();
    const run = await upAt("2026-02-08");
    expect(run.counts).toMatchObject({ create: 0, update: 2, replace: 0, delete: 0 });
    expect(changes()).toEqual([
      "POST /oauth2/v1/introspect 200",
      `POST {secrets}/${previousSecretId}/lifecycle/deactivate 200`,
    ]);
  });

  it("no secret value of the walk in plaintext in the state or the plain outputs", async () => {
    expect(values.size).toBe(3); // the app's own, generations 1 and 2
    const text = JSON.stringify(await stack.exportState()) + JSON.stringify(await stack.outputs());
    for (const value of values) expect(text).not.toContain(value);
  });
});
