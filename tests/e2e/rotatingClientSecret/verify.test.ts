import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { secretMutations, secretsOf } from "../clientSecret/oktaHistory";
import { createStack, type E2EStack } from "../harness";

// verify: true under the real engine: the previous secret is deactivated only after the current one authenticated the
// app's client at the introspection endpoint, and a failed check (a fault injected there) fails the up with the
// previous secret ACTIVE.
const verificationType = "pulumi-nodejs:dynamic/okta:ClientSecretVerification";

describe("RotatingClientSecret with verify", () => {
  let stack: E2EStack;
  let initial: string;
  const secrets = () => secretsOf(stack.emulator, stack.app.id);
  const at = (now: string) => ({ env: { OKTA_CREDENTIALS_NOW: now } });
  const base = () => `/api/v1/apps/${stack.app.id}/credentials/secrets`;
  const checksAndMutations = () =>
    stack.emulator
      .requests()
      .filter(
        (r) => r.path === "/oauth2/v1/introspect" || (r.method !== "GET" && r.path.includes("/credentials/secrets")),
      )
      .map((r) => `${r.method} ${r.path} ${r.status}`);

  beforeAll(async () => {
    stack = await createStack({ program: path.join(__dirname, "fixture"), config: { verify: "true" } });
    initial = secrets()[0]?.id ?? "";
  });
  afterAll(async () => {
    await stack?.cleanup();
  });

  it("checks the new current secret at the introspection endpoint when it is made, with no secret in the check's state", async () => {
    stack.emulator.clearRequests();
    const run = await stack.up(at("2030-01-02T00:00:00Z"));
    expect(run.counts.create).toBe(5); // the stack, the component, two slots, the verification
    expect(checksAndMutations()).toEqual([`POST ${base()} 201`, "POST /oauth2/v1/introspect 200"]);
    const state = await stack.exportState();
    const verification = state.deployment.resources.find((r: { type: string }) => r.type === verificationType);
    expect(verification.outputs).toMatchObject({
      answer: 'HTTP 200 {"active":false}',
      checkedFor: "generation 1, previous ACTIVE",
    });
    const text = JSON.stringify(verification);
    for (const s of stack.emulator.state().apps[0]?.secrets ?? []) expect(text).not.toContain(s.client_secret);
  });

  it("a failed check fails the up and leaves the previous secret ACTIVE", async () => {
    stack.emulator.clearRequests();
    stack.emulator.faults.inject({ path: "/oauth2/v1/introspect$", status: 503 });
    const run = await stack.up({ ...at("2030-01-09T00:00:00Z"), expectFailure: true });
    expect(run.stdout + run.stderr).toContain("the previous secret stays ACTIVE");
    expect(secrets().find((s) => s.id === initial)?.status).toBe("ACTIVE");
    expect(checksAndMutations()).toEqual(["POST /oauth2/v1/introspect 503"]);
  });

  it("the next up checks again, then deactivates the previous secret", async () => {
    stack.emulator.clearRequests();
    const run = await stack.up(at("2030-01-09T00:00:00Z"));
    expect(run.counts).toMatchObject({ update: 2, replace: 0 }); // the verification, then the previous slot
    expect(checksAndMutations()).toEqual([
      "POST /oauth2/v1/introspect 200",
      `POST ${base()}/${initial}/lifecycle/deactivate 200`,
    ]);
    expect(secrets().find((s) => s.id === initial)?.status).toBe("INACTIVE");
    expect(secretMutations(stack.emulator)).toHaveLength(1);
  });
});

describe("RotatingClientSecret with adoptExisting, its first up cut short", () => {
  let stack: E2EStack | undefined;
  afterAll(async () => {
    await stack?.cleanup();
  });

  it("is mended by the next up: the previous slot takes over the app's own secret, not a third one", async () => {
    const s = await createStack({ program: path.join(__dirname, "fixture"), config: { verify: "true" } });
    stack = s;
    const [own] = secretsOf(s.emulator, s.app.id);
    const at = { env: { OKTA_CREDENTIALS_NOW: "2030-01-02T00:00:00Z" } };
    // The current slot's secret is made, then the verification fails: the previous slot is never registered.
    s.emulator.faults.inject({ path: "/oauth2/v1/introspect$", status: 503 });
    await s.up({ ...at, expectFailure: true });
    expect(secretsOf(s.emulator, s.app.id)).toHaveLength(2);
    // The app holds its own secret and the current slot's: adoptExisting takes over the one the current slot does not
    // hold, so the plan fits in Okta's two and nothing more is created.
    s.emulator.clearRequests();
    expect((await s.up(at)).counts).toMatchObject({ create: 2, replace: 0 }); // the verification, the previous slot
    expect(secretMutations(s.emulator)).toEqual([]);
    const outputs = await s.outputs();
    expect(outputs.previousSecretId).toBe(own?.id);
    expect(secretsOf(s.emulator, s.app.id).map((x) => x.status)).toEqual(["ACTIVE", "ACTIVE"]);
    // In later runs the target is what the previous slot holds already: nothing changes.
    expect((await s.preview(at)).counts).toMatchObject({ update: 0, replace: 0, create: 0 });
    // A new generation replaces the current slot, whose id is unknown at preview; the previous slot is not replaced.
    const next = await s.up({ env: { OKTA_CREDENTIALS_NOW: "2030-02-01T00:00:00Z" } });
    expect(next.counts).toMatchObject({ replace: 1 });
    expect(secretsOf(s.emulator, s.app.id)).toHaveLength(2);
  });
});
