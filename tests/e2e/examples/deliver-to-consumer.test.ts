import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { secretsOf } from "../clientSecret/oktaHistory";
import { createStack, type E2EStack } from "../harness";

// examples/deliver-to-consumer is type-checked only (its Kubernetes plugin cannot be downloaded here). What its README
// claims about the engine's order is held here, on the real engine, with a stand-in consumer where the Deployment is
// (consumer/consumer.ts: it authenticates with the secret it is handed, as a starting service does): the new secret is
// created, the consumer is updated with it and authenticates, and only then is the old secret deactivated and deleted;
// a consumer that fails stops the `up` with the old secret still ACTIVE.
const fixture = path.join(__dirname, "consumer");

describe("examples/deliver-to-consumer's order: the consumer moves before the old secret is retired", () => {
  let stack: E2EStack;
  let initial: string;
  const secrets = () => secretsOf(stack.emulator, stack.app.id);
  const base = () => `/api/v1/apps/${stack.app.id}/credentials/secrets`;
  // What changed the app's secrets and the consumer's token requests, in the order Okta answered them.
  const events = () =>
    stack.emulator
      .requests()
      .filter((r) => r.path === "/oauth2/v1/token" || (r.method !== "GET" && r.path.includes("/credentials/secrets")))
      .map((r) => `${r.method} ${r.path.replace(base(), "{secrets}")} ${r.status}`);
  const secretId = async () => ((await stack.outputs()) as { secretId: string }).secretId;
  /** The secret_hash the consumer was last started with (its state), and Okta's hash of the stack's secret. */
  async function hashes() {
    const { deployment } = await stack.exportState();
    const consumer = deployment.resources.find((r: { type: string }) => r.type.endsWith(":Consumer"));
    const id = await secretId();
    return { consumer: consumer.outputs.secretHash as string, stack: secrets().find((s) => s.id === id)?.hash };
  }

  beforeAll(async () => {
    stack = await createStack({ program: fixture });
    initial = secrets()[0]?.id ?? "";
    await stack.setConfig("adopt", initial);
    await stack.setConfig("rotation", "2026-11");
  });
  afterAll(async () => {
    await stack?.cleanup();
  });

  it("first up: the app's own secret taken over and handed to the consumer, which authenticates with it", async () => {
    stack.emulator.clearRequests();
    const run = await stack.up();
    expect(run.counts).toMatchObject({ create: 3, update: 0, replace: 0, delete: 0 });
    // Not 401 invalid_client: the secret authenticated (this app may not use client_credentials at the org server).
    expect(events()).toEqual(["POST /oauth2/v1/token 400"]);
    const first = await hashes();
    expect(first.consumer).toBe(first.stack);
    await stack.pulumi(["config", "rm", "adopt"]);
    expect((await stack.preview()).counts).toMatchObject({ update: 0, replace: 0 });
  });

  it("a rotation: new secret, then the consumer updated and authenticating with it, then the old one retired", async () => {
    const old = await secretId();
    const before = (await hashes()).consumer;
    await stack.setConfig("rotation", "2026-12");
    const preview = await stack.preview();
    expect(preview.counts).toMatchObject({ create: 0, update: 1, replace: 1, delete: 0 });
    stack.emulator.clearRequests();
    const run = await stack.up();
    expect(run.counts).toMatchObject({ create: 0, update: 1, replace: 1, delete: 0 });
    expect(events()).toEqual([
      "POST {secrets} 201",
      "POST /oauth2/v1/token 400",
      `POST {secrets}/${old}/lifecycle/deactivate 200`,
      `DELETE {secrets}/${old} 204`,
    ]);
    expect(secrets()).toEqual([expect.objectContaining({ id: await secretId(), status: "ACTIVE" })]);
    const rotated = await hashes();
    expect(rotated.consumer).toBe(rotated.stack);
    expect(rotated.consumer).not.toBe(before);
  });

  it("a consumer that fails stops the up before the old secret is retired; the next up finishes the rotation", async () => {
    const old = await secretId();
    await stack.setConfig("rotation", "2027-01");
    await stack.setConfig("healthy", "false");
    stack.emulator.clearRequests();
    const failed = await stack.up({ expectFailure: true });
    expect(failed.stdout + failed.stderr).toContain("consumer: the rollout never became ready");
    expect(events()).toEqual(["POST {secrets} 201"]);
    expect(secrets().map((s) => [s.id === old ? "old" : "new", s.status])).toEqual([
      ["old", "ACTIVE"],
      ["new", "ACTIVE"],
    ]);

    await stack.setConfig("healthy", "true");
    stack.emulator.clearRequests();
    const finished = await stack.up();
    // The consumer's update; the old secret, pending deletion since the failed up, is deleted at the end of this one
    // (the engine's summary does not count that as a delete).
    expect(finished.counts).toMatchObject({ create: 0, update: 1, replace: 0 });
    expect(events()).toEqual([
      "POST /oauth2/v1/token 400",
      `POST {secrets}/${old}/lifecycle/deactivate 200`,
      `DELETE {secrets}/${old} 204`,
    ]);
    expect(secrets()).toEqual([expect.objectContaining({ id: await secretId(), status: "ACTIVE" })]);
    const after = await hashes();
    expect(after.consumer).toBe(after.stack);
  });
});
