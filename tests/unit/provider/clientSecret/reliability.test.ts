import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type OktaEmulator, startOktaEmulator } from "../../../../emulator/index";
import { providers } from "../../../../provider";
import type { ClientSecretOutputs } from "../../../../provider/resources/clientSecret/types";
import { setProcessOktaClientOptions } from "../../../../provider/runState";
import { newRun, secretCalls } from "../engineCalls";
import { configRequest, fastRetry, secretsOf, startHookHarness } from "../harness";

let emulator: OktaEmulator;
let sleeps: number[];
const hooks = providers.ClientSecret;

beforeAll(async () => {
  ({ emulator, sleeps } = await startHookHarness());
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset();
  newRun();
  sleeps.length = 0;
});

/** An app whose only secret is a managed one, so exactly one slot is free. */
async function appWithOneSecret() {
  const app = await emulator.createApp();
  await secretCalls.create(
    secretCalls.inputsOf("adopted", { appId: app.id, adoptSecretId: secretsOf(emulator, app.id)[0]?.id as string }),
  );
  newRun();
  emulator.clearRequests();
  return app;
}

describe("hooks through the emulator's faults", () => {
  it.each([
    { status: 500 as const, after: true },
    { status: 503 as const, after: true },
    { drop: true, after: true },
  ])("create never makes a second secret when the POST's answer is lost (%o)", async (fault) => {
    const app = await appWithOneSecret();
    emulator.faults.inject({ method: "POST", path: "/credentials/secrets$", ...fault });
    const created = await hooks.create(secretCalls.inputsOf("a", { appId: app.id, rotationTriggers: { r: "1" } }));
    const secrets = secretsOf(emulator, app.id);
    expect(secrets).toHaveLength(2);
    expect(secrets.map((s) => s.id)).toContain((created.outs as ClientSecretOutputs).secretId);
    expect((created.outs as ClientSecretOutputs).clientSecret).toBe(
      secrets.find((s) => s.id === (created.outs as ClientSecretOutputs).secretId)?.client_secret,
    );
    expect(emulator.requests().filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("create retries 429, 5xx and a dropped connection on the way, ending with exactly one new secret", async () => {
    const app = await appWithOneSecret();
    emulator.faults.inject({ method: "GET", path: "/credentials/secrets$", status: 429, resetAfterSeconds: 2 });
    emulator.faults.inject({ method: "POST", path: "/credentials/secrets$", status: 502 });
    emulator.faults.inject({ method: "POST", path: "/credentials/secrets$", drop: true });
    await hooks.create(secretCalls.inputsOf("a", { appId: app.id, clientSecret: "a-bring-your-own-secret-value" }));
    expect(secretsOf(emulator, app.id)).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThanOrEqual(1_000);
    expect(emulator.requests().map((r) => `${r.method} ${r.status}`)).toEqual([
      "GET 429",
      "GET 200",
      "POST 502",
      "GET 200", // did the POST make a secret? no
      "GET 200", // and after the backoff? still no: post again
      "POST 0",
      "GET 200",
      "GET 200",
      "POST 201",
    ]);
  });

  it("delete and update retry 5xx and dropped answers of idempotent calls", async () => {
    const app = await emulator.createApp();
    const created = await secretCalls.create(secretCalls.inputsOf("a", { appId: app.id }));
    newRun();
    emulator.faults.inject({ method: "POST", path: "/lifecycle/deactivate$", status: 503, after: true });
    emulator.faults.inject({ method: "DELETE", drop: true, after: true });
    await hooks.delete(created.id, created.outs);
    expect(secretsOf(emulator, app.id)).toHaveLength(1);
    newRun();
    const again = await secretCalls.create(secretCalls.inputsOf("b", { appId: app.id }));
    emulator.faults.inject({ method: "POST", path: "/lifecycle/deactivate$", drop: true });
    const updated = await hooks.update(again.id, again.outs, { ...again.inputs, status: "INACTIVE" });
    expect(updated.outs?.status).toBe("INACTIVE");
  });

  it("gives up within bounds with a clear error when Okta keeps failing", async () => {
    const app = await appWithOneSecret();
    emulator.faults.inject({ method: "POST", path: "/credentials/secrets$", status: 503, count: 50 });
    const error = (await hooks.create(secretCalls.inputsOf("a", { appId: app.id })).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(
      new RegExp(
        `^creating a client secret for app ${app.id}: Okta HTTP 503 .*\\(POST /api/v1/apps/${app.id}/credentials/secrets, request id [\\w-]+, gave up after 6 attempts in`,
      ),
    );
    expect(secretsOf(emulator, app.id)).toHaveLength(1);
  });
});

describe("serialization per app", () => {
  // Without check, as if the app had filled up after the preview: the lock and the live count are the last guard.
  it("parallel creates on one app take the free slot one at a time: one succeeds, the others explain the slots", async () => {
    const app = await appWithOneSecret();
    const results = await Promise.allSettled(
      [1, 2, 3].map((n) =>
        hooks.create(secretCalls.inputsOf(`s${n}`, { appId: app.id, rotationTriggers: { n: `${n}` } })),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect(String((r as PromiseRejectedResult).reason)).toContain(`the app holds 2 secrets now`);
    }
    expect(emulator.requests().filter((r) => r.method === "POST")).toHaveLength(1);
    expect(secretsOf(emulator, app.id)).toHaveLength(2);
  });

  it("a replacement's create and the old resource's delete in parallel on one app never overlap", async () => {
    const app = await appWithOneSecret();
    const [initial] = secretsOf(emulator, app.id);
    // Free a slot for the replacement: retire the adopted secret, as a RotatingClientSecret would.
    const old = await secretCalls.create(secretCalls.inputsOf("old", { appId: app.id }));
    newRun();
    emulator.faults.inject({ method: "POST", path: "/lifecycle/deactivate$", delayMs: 150 });
    emulator.clearRequests();
    await Promise.all([
      hooks.delete(`${app.id}/${initial?.id}`, { status: "ACTIVE" } as ClientSecretOutputs),
      hooks.create(secretCalls.inputsOf("new", { appId: app.id, rotationTriggers: { r: "2" } })).catch((e: Error) => e),
    ]);
    const order = emulator.requests().map((r) => `${r.method} ${r.path.replace(/.*secrets/, "")}`);
    expect(order).toEqual([`POST /${initial?.id}/lifecycle/deactivate`, `DELETE /${initial?.id}`, "GET ", "POST "]);
    expect(secretsOf(emulator, app.id).map((s) => s.id)).toContain(old.outs.secretId);
  });
});

describe("rate limits and leaks", () => {
  it("waits out the real /api/v1/apps bucket's 429 and gives up with Okta's E0000047 when it stays empty", async () => {
    const limited = await startOktaEmulator({ rateLimit: 2 });
    try {
      const waits: number[] = [];
      setProcessOktaClientOptions({ retry: { ...fastRetry(waits), maxAttempts: 3 } });
      await hooks.configure(
        configRequest({ "okta-credentials:orgUrl": limited.url, "okta:apiToken": limited.apiToken }),
      );
      const app = await limited.createApp();
      const read = () => hooks.read(`${app.id}/${secretsOf(limited, app.id)[0]?.id}`, {} as ClientSecretOutputs);
      // Each run reads the app's secrets once: three runs, three requests against a bucket of two.
      await read();
      newRun();
      await read();
      newRun();
      const error = (await read().catch((e) => e)) as Error;
      expect(error.message).toMatch(
        /^reading the client secrets of app \w+: Okta HTTP 429 E0000047 API call exceeded rate limit/,
      );
      expect(error.message).toMatch(/gave up after 3 attempts/);
      // The pacer held the third read back until the reset before its first attempt (X-Rate-Limit-Remaining was 0),
      // and before each retry; this test's sleeps return at once, so the bucket stayed empty.
      expect(waits).toHaveLength(3);
      for (const wait of waits) expect(wait).toBeGreaterThan(1_000);
      expect(limited.requests().map((r) => r.status)).toEqual([200, 200, 429, 429, 429]);
    } finally {
      setProcessOktaClientOptions({ retry: fastRetry(sleeps) });
      await hooks.configure(
        configRequest({ "okta-credentials:orgUrl": emulator.url, "okta:apiToken": emulator.apiToken }),
      );
      await limited.close();
    }
  });

  it("never puts a bring-your-own secret, a generated secret or the API token into an error", async () => {
    const app = await emulator.createApp({
      credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_jwt" } },
    });
    const value = "twenty-char-secret!!";
    const refusal = (await hooks
      .create(secretCalls.inputsOf("a", { appId: app.id, clientSecret: value }))
      .catch((e: unknown) => e)) as Error;
    expect(refusal.message).toContain("Okta HTTP 400 E0000001 Api validation failed: client_secret");
    const [initial] = secretsOf(emulator, app.id);
    const adopted = await hooks.create(
      secretCalls.inputsOf("b", { appId: app.id, adoptSecretId: initial?.id as string }),
    );
    newRun();
    const onlyActive = (await hooks
      .delete(adopted.id, adopted.outs as ClientSecretOutputs)
      .catch((e: unknown) => e)) as Error;
    newRun();
    emulator.faults.inject({ method: "GET", status: 500, count: 20 });
    const exhausted = (await hooks
      .read(adopted.id, adopted.outs as ClientSecretOutputs)
      .catch((e: unknown) => e)) as Error;
    // An answer that echoes the request's Authorization header and body back, as a careless proxy might.
    emulator.faults.clear();
    emulator.faults.inject({ method: "POST", path: "/credentials/secrets$", echo: true });
    const echoed = (await hooks
      .create(secretCalls.inputsOf("c", { appId: app.id, clientSecret: "an-echoed-bring-your-own-secret-40-chars" }))
      .catch((e: unknown) => e)) as Error;
    expect(echoed.message).toContain("echo of Authorization: SSWS [redacted]");
    expect(echoed.message).toContain('request body: {"client_secret":"[redacted]","status":"ACTIVE"}');
    for (const error of [refusal, onlyActive, exhausted, echoed]) {
      const text = `${error.message}\n${error.stack}\n${inspect(error, { depth: 5 })}`;
      expect(text).not.toContain(value);
      expect(text).not.toContain("an-echoed-bring-your-own-secret-40-chars");
      expect(text).not.toContain(initial?.client_secret as string);
      expect(text).not.toContain(emulator.apiToken);
    }
  });
});
