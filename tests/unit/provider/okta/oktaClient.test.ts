import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type OktaEmulator, startOktaEmulator } from "../../../../emulator/index";
import { isOktaApiError, OktaApiError } from "../../../../provider/okta/errors";
import { OktaClient } from "../../../../provider/okta/oktaClient";
import { secretHash } from "../../../../provider/okta/secretHash";
import { fastRetry, secretsOf } from "../harness";

let emulator: OktaEmulator;
let sleeps: number[];
let okta: OktaClient;

function client(retry: Record<string, unknown> = {}) {
  return new OktaClient(
    { orgUrl: emulator.url, auth: { kind: "apiToken", token: emulator.apiToken } },
    { retry: { ...fastRetry(sleeps), ...retry } },
  );
}

async function failureOf(promise: Promise<unknown>): Promise<OktaApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isOktaApiError(error)) throw new Error(`expected an OktaApiError, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  emulator = await startOktaEmulator({ rateLimit: "off" });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset();
  sleeps = [];
  okta = client();
});

describe("OktaClient against the emulator", () => {
  it("lists, creates, gets, deactivates, activates and deletes secrets", async () => {
    const app = await emulator.createApp();
    const [initial] = await okta.listClientSecrets(app.id);
    expect(initial?.status).toBe("ACTIVE");
    const made = await okta.createClientSecret(app.id);
    expect(made.id).toMatch(/^ocs[0-9A-Za-z]{17}$/);
    expect(made.client_secret).toHaveLength(64);
    expect(made.secret_hash).toBe(secretHash(made.client_secret as string));
    expect((await okta.getClientSecret(app.id, made.id)).id).toBe(made.id);
    expect((await okta.deactivateClientSecret(app.id, made.id)).status).toBe("INACTIVE");
    expect((await okta.activateClientSecret(app.id, made.id)).status).toBe("ACTIVE");
    await okta.deactivateClientSecret(app.id, made.id);
    expect(await okta.deleteClientSecret(app.id, made.id)).toBe(true);
    expect(await okta.deleteClientSecret(app.id, made.id)).toBe(false);
    expect((await okta.listClientSecrets(app.id)).map((s) => s.id)).toEqual([initial?.id]);
    expect((await okta.getApp(app.id)).tokenEndpointAuthMethod).toBe("client_secret_basic");
  });

  it("turns Okta's error body into an OktaApiError with code, summary, causes, status, method, path and request id", async () => {
    const app = await emulator.createApp();
    const value = "short-secret1";
    const error = await failureOf(okta.createClientSecret(app.id, { clientSecret: value }));
    expect(error).toBeInstanceOf(OktaApiError);
    expect(error).toMatchObject({ status: 400, errorCode: "E0000001", method: "POST", kind: "http" });
    expect(error.summary).toBe("Api validation failed: client_secret");
    expect(error.causes[0]).toContain("at least '14' characters");
    expect(error.path).toBe(`/api/v1/apps/${app.id}/credentials/secrets`);
    expect(error.requestId).toBeTruthy();
    expect(error.message).toBe(
      `Okta HTTP 400 E0000001 Api validation failed: client_secret: ${error.causes[0]} ` +
        `(POST /api/v1/apps/${app.id}/credentials/secrets, request id ${error.requestId})`,
    );
    expect(error.message).not.toContain(value);
    expect(error.message).not.toContain(emulator.apiToken);
  });

  it("maps Okta's other refusals: only ACTIVE secret, delete ACTIVE, two secrets, unknown secret and app, bad token", async () => {
    const app = await emulator.createApp();
    const [only] = await okta.listClientSecrets(app.id);
    const id = only?.id as string;
    expect((await failureOf(okta.deactivateClientSecret(app.id, id))).is(400, "only active client secret")).toBe(true);
    expect((await failureOf(okta.deleteClientSecret(app.id, id))).is(400, "delete an active client secret")).toBe(true);
    await okta.createClientSecret(app.id);
    const full = await failureOf(okta.createClientSecret(app.id));
    expect(full.is(400, "maximum number of client secrets")).toBe(true);
    expect((await failureOf(okta.getClientSecret(app.id, "ocs00000000000000000"))).errorCode).toBe("E0000007");
    expect((await failureOf(okta.getApp("0oa00000000000000000"))).status).toBe(404);
    const wrong = new OktaClient({ orgUrl: emulator.url, auth: { kind: "apiToken", token: "00wrongtokenvalue" } });
    emulator.clearRequests();
    const unauthorized = await failureOf(wrong.listClientSecrets(app.id));
    expect(emulator.requests()).toHaveLength(1); // an API token cannot be refreshed: no second try
    expect(unauthorized).toMatchObject({ status: 401, errorCode: "E0000011" });
    expect(unauthorized.message).not.toContain("00wrongtokenvalue");
  });
});

describe("retries", () => {
  it("waits for a 429 until X-Rate-Limit-Reset, measured on the server's Date, then retries", async () => {
    const app = await emulator.createApp();
    emulator.faults.inject({ method: "GET", path: "/credentials/secrets$", status: 429, resetAfterSeconds: 3 });
    const secrets = await okta.listClientSecrets(app.id);
    expect(secrets).toHaveLength(1);
    expect(sleeps).toHaveLength(1);
    // Reset is 3 s after the server's clock; Date has whole seconds, so the wait is 2..4 s plus jitter.
    expect(sleeps[0]).toBeGreaterThanOrEqual(2_000);
    expect(sleeps[0]).toBeLessThanOrEqual(4_000 + 2);
    expect(emulator.requests().filter((r) => r.status === 429)).toHaveLength(1);
  });

  it.each([500, 502, 503] as const)("retries a GET after %i with growing backoff", async (status) => {
    const app = await emulator.createApp();
    emulator.faults.inject({ method: "GET", path: "/credentials/secrets$", status, count: 3 });
    expect(await okta.listClientSecrets(app.id)).toHaveLength(1);
    expect(sleeps).toHaveLength(3);
    expect(emulator.requests().map((r) => r.status)).toEqual([status, status, status, 200]);
  });

  it("retries a dropped connection and a request that timed out", async () => {
    const app = await emulator.createApp();
    emulator.faults.inject({ method: "GET", path: `/apps/${app.id}$`, drop: true });
    expect((await okta.getApp(app.id)).id).toBe(app.id);
    const slow = client({ requestTimeoutMs: 100 });
    emulator.faults.inject({ method: "GET", path: `/apps/${app.id}$`, delayMs: 400 });
    expect((await slow.getApp(app.id)).id).toBe(app.id);
    expect(sleeps).toHaveLength(2);
    // The emulator still answers the abandoned attempt later: let it, so its log line (a 404 once the next test has
    // reset the emulator) lands in this test, not in a later one.
    await vi.waitFor(() => expect(emulator.requests().filter((r) => r.method === "GET")).toHaveLength(4), {
      timeout: 2_000,
      interval: 50,
    });
  });

  it("gives up after maxAttempts with a clear error that counts them", async () => {
    const app = await emulator.createApp();
    emulator.faults.inject({ method: "GET", path: "/credentials/secrets$", status: 503, count: 10 });
    const error = await failureOf(client({ maxAttempts: 3 }).listClientSecrets(app.id));
    expect(error.status).toBe(503);
    expect(error.message).toMatch(/gave up after 3 attempts in \d+\.\ds\)$/);
    expect(emulator.requests()).toHaveLength(3);
  });

  it("takes its attempts from okta:maxRetries (retries after the first attempt), as @pulumi/okta does", async () => {
    const app = await emulator.createApp();
    emulator.faults.inject({ method: "GET", path: "/credentials/secrets$", status: 503, count: 10 });
    const tuned = new OktaClient(
      { orgUrl: emulator.url, auth: { kind: "apiToken", token: emulator.apiToken }, tuning: { maxRetries: 1 } },
      { retry: fastRetry(sleeps) },
    );
    expect((await failureOf(tuned.listClientSecrets(app.id))).message).toMatch(/gave up after 2 attempts/);
    expect(emulator.requests()).toHaveLength(2);
  });

  it("abandons a request after okta:requestTimeout", async () => {
    const app = await emulator.createApp();
    emulator.faults.inject({ method: "GET", path: `/apps/${app.id}$`, delayMs: 600 });
    const settings = { orgUrl: emulator.url, auth: { kind: "apiToken" as const, token: emulator.apiToken } };
    const { requestTimeoutMs: _, ...retry } = fastRetry(sleeps);
    const tuned = new OktaClient({ ...settings, tuning: { requestTimeoutMs: 200, maxRetries: 0 } }, { retry });
    expect((await failureOf(tuned.getApp(app.id))).message).toMatch(/^Okta request timed out: no answer within 200 ms/);
    // The emulator still answers the abandoned request later: let it, so its log line lands in this test, not the next.
    await vi.waitFor(() => expect(emulator.requests()).toHaveLength(1), { timeout: 2_000, interval: 50 });
  });

  it("gives up when the next wait would pass maxElapsedMs, also for network errors", async () => {
    const app = await emulator.createApp();
    emulator.faults.inject({ method: "GET", path: `/apps/${app.id}$`, drop: true, count: 10 });
    const error = await failureOf(
      client({ baseDelayMs: 400, maxDelayMs: 400, maxElapsedMs: 300, random: () => 1 }).getApp(app.id),
    );
    expect(error.kind).toBe("network");
    expect(error.message).toMatch(/^Okta request failed: .* \(GET \/api\/v1\/apps\/\w+, gave up after 1 attempt in/);
    expect(emulator.faults.pending()[0]?.count).toBe(9);
  });

  it("does not retry a 4xx", async () => {
    await failureOf(okta.getApp("0oa00000000000000000"));
    expect(emulator.requests()).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });
});

describe("creating a secret is never repeated blindly", () => {
  it.each([
    { name: "500 after the change", fault: { status: 500 as const, after: true } },
    { name: "dropped answer after the change", fault: { drop: true, after: true } },
  ])("recognises the generated secret its POST made ($name)", async ({ fault }) => {
    const app = await emulator.createApp();
    emulator.faults.inject({ method: "POST", path: "/credentials/secrets$", ...fault });
    const made = await okta.createClientSecret(app.id);
    const secrets = secretsOf(emulator, app.id);
    expect(secrets).toHaveLength(2);
    expect(secrets.map((s) => s.id)).toContain(made.id);
    expect(emulator.requests().filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("recognises a bring-your-own secret by its hash", async () => {
    const app = await emulator.createApp();
    const value = "a-bring-your-own-secret-0123456789";
    emulator.faults.inject({ method: "POST", path: "/credentials/secrets$", status: 502, after: true });
    const made = await okta.createClientSecret(app.id, { clientSecret: value });
    expect(made.secret_hash).toBe(secretHash(value));
    expect(secretsOf(emulator, app.id)).toHaveLength(2);
  });

  it("posts again when the failed POST made nothing", async () => {
    const app = await emulator.createApp();
    emulator.faults.inject({ method: "POST", path: "/credentials/secrets$", status: 503 });
    emulator.faults.inject({ method: "POST", path: "/credentials/secrets$", drop: true });
    const made = await okta.createClientSecret(app.id);
    expect(secretsOf(emulator, app.id).map((s) => s.id)).toContain(made.id);
    expect(secretsOf(emulator, app.id)).toHaveLength(2);
    expect(
      emulator
        .requests()
        .filter((r) => r.method === "POST")
        .map((r) => r.status),
    ).toEqual([503, 0, 201]);
  });

  it("retries a 429 on POST without looking (Okta did nothing)", async () => {
    const app = await emulator.createApp();
    emulator.faults.inject({ method: "POST", path: "/credentials/secrets$", status: 429, resetAfterSeconds: 1 });
    await okta.createClientSecret(app.id, { before: await okta.listClientSecrets(app.id) });
    expect(emulator.requests().map((r) => `${r.method} ${r.status}`)).toEqual(["GET 200", "POST 429", "POST 201"]);
  });

  it("gives up on a POST that keeps failing without making a second secret, and says so", async () => {
    const app = await emulator.createApp();
    emulator.faults.inject({ method: "POST", path: "/credentials/secrets$", status: 500, count: 10 });
    const error = await failureOf(client({ maxAttempts: 3 }).createClientSecret(app.id));
    expect(error.message).toMatch(/^Okta HTTP 500 .*gave up after 3 attempts/);
    expect(secretsOf(emulator, app.id)).toHaveLength(1);
  });
});

describe("a create that timed out but still ran at Okta", () => {
  it("is found by a second look after the backoff, instead of being posted again", async () => {
    const app = await emulator.createApp();
    // Okta handles the POST 300 ms after it arrives; the client gives up after 100 ms and waits 400 ms.
    emulator.faults.inject({ method: "POST", path: "/credentials/secrets$", delayMs: 300 });
    const patient = client({
      requestTimeoutMs: 100,
      baseDelayMs: 400,
      maxDelayMs: 400,
      random: () => 1,
      sleep: (ms: number) => new Promise((resolve) => setTimeout(resolve, ms)),
    });
    const made = await patient.createClientSecret(app.id);
    expect(secretsOf(emulator, app.id).map((s) => s.id)).toContain(made.id);
    expect(secretsOf(emulator, app.id)).toHaveLength(2);
    expect(emulator.requests().filter((r) => r.method === "POST")).toHaveLength(1);
  });
});
