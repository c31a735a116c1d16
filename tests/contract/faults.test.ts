import { describe, expect, it, vi } from "vitest";
import { startOktaEmulator } from "../../emulator/index";
import { callOkta, errorShape, useOktaHarness } from "./harness";
import { basic, secretApp } from "./oauthApps";

const okta = useOktaHarness();
const TOO_MANY = {
  errorCode: "E0000047",
  errorSummary: "API call exceeded rate limit due to too many requests.",
  errorCauses: [],
};

async function secretsPath() {
  return `/api/v1/apps/${(await okta.emulator.createApp()).id}/credentials/secrets`;
}

describe("injected faults", () => {
  it("answers an injected 429 with E0000047 and a Reset that many seconds ahead, then serves normally", async () => {
    const path = await secretsPath();
    okta.emulator.faults.inject({ path: "/credentials/secrets$", status: 429, resetAfterSeconds: 30, count: 2 });
    for (let i = 0; i < 2; i++) {
      const limited = await okta.api("GET", path);
      expect(limited.status).toBe(429);
      expect(errorShape(limited.body)).toEqual(TOO_MANY);
      const reset = Number(limited.headers.get("x-rate-limit-reset"));
      expect(reset - Date.now() / 1000).toBeGreaterThan(28);
      expect(limited.headers.get("x-rate-limit-remaining")).toBe("0");
    }
    expect((await okta.api("GET", path)).status).toBe(200);
    expect(okta.emulator.faults.pending()).toEqual([]);
  });

  it("answers injected 500, 502 and 503 with Okta error bodies", async () => {
    const path = await secretsPath();
    for (const status of [500, 502, 503] as const) {
      okta.emulator.faults.inject({ method: "POST", status });
      const response = await okta.api("POST", path, { body: {} });
      expect(response.status).toBe(status);
      expect((response.body as { errorCode: string }).errorCode).toMatch(/^E00000(09|10)$/);
    }
    expect(okta.emulator.state().apps[0]?.secrets).toHaveLength(1);
  });

  it("matches only the given method and path", async () => {
    const path = await secretsPath();
    okta.emulator.faults.inject({ method: "DELETE", path: "/credentials/secrets/", status: 503 });
    expect((await okta.api("GET", path)).status).toBe(200);
    expect(okta.emulator.faults.pending()).toEqual([
      { method: "DELETE", path: "/credentials/secrets/", status: 503, count: 1 },
    ]);
  });

  it("delays a request and then handles it", async () => {
    const path = await secretsPath();
    okta.emulator.faults.inject({ delayMs: 300 });
    const started = Date.now();
    expect((await okta.api("GET", path)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(okta.emulator.requests().at(-1)?.durationMs).toBeGreaterThanOrEqual(290);
  });

  it("drops the connection before handling: the client sees a network error and nothing changed", async () => {
    const path = await secretsPath();
    okta.emulator.faults.inject({ method: "POST", drop: true });
    await expect(
      fetch(`${okta.emulator.url}${path}`, {
        method: "POST",
        headers: { Authorization: `SSWS ${okta.emulator.apiToken}` },
      }),
    ).rejects.toThrow();
    expect(okta.emulator.state().apps[0]?.secrets).toHaveLength(1);
    expect(okta.emulator.requests().at(-1)).toMatchObject({ method: "POST", path, status: 0 });
  });

  it("after: the change happens but the answer is lost (dropped, or replaced by a 5xx)", async () => {
    const path = await secretsPath();
    const auth = { Authorization: `SSWS ${okta.emulator.apiToken}` };
    okta.emulator.faults.inject({ method: "POST", drop: true, after: true });
    await expect(fetch(`${okta.emulator.url}${path}`, { method: "POST", headers: auth })).rejects.toThrow();
    expect(okta.emulator.state().apps[0]?.secrets).toHaveLength(2);

    const [, second] = okta.emulator.state().apps[0]?.secrets ?? [];
    okta.emulator.faults.inject({ path: "/lifecycle/deactivate$", status: 502, after: true });
    const response = await okta.api("POST", `${path}/${second?.id}/lifecycle/deactivate`);
    expect(response.status).toBe(502);
    expect(okta.emulator.state().apps[0]?.secrets[1]?.status).toBe("INACTIVE");
  });

  it("targets the token endpoint too, also through the control API", async () => {
    const response = await fetch(`${okta.emulator.url}/__emulator/faults`, {
      method: "POST",
      body: JSON.stringify({ path: "^/oauth2/v1/token$", status: 503 }),
    });
    expect(response.status).toBe(201);
    const app = await secretApp(okta);
    const refused = await okta.token(
      { grant_type: "client_credentials", scope: "secret-check" },
      basic(app.id, app.secret),
    );
    expect(refused.status).toBe(503);
    expect(okta.emulator.requests().at(-1)).toMatchObject({ path: "/oauth2/v1/token", status: 503 });
    const served = await okta.token(
      { grant_type: "client_credentials", scope: "secret-check" },
      basic(app.id, app.secret),
    );
    expect(served.status).toBe(400);
  });

  it("never applies to the control API, and the control API is not logged", async () => {
    okta.emulator.faults.inject({ status: 500 });
    const state = await fetch(`${okta.emulator.url}/__emulator/state`);
    expect(state.status).toBe(200);
    expect(okta.emulator.faults.pending()).toHaveLength(1);
    expect(okta.emulator.requests()).toEqual([]);
  });
});

describe("the request log", () => {
  it("records method, path, status, time, duration, request id and auth scheme (never the credential) in order", async () => {
    const path = await secretsPath();
    const listed = await okta.api("GET", path);
    await okta.api("POST", path, { body: {} });
    await okta.api("POST", path, { body: {} });
    const log = okta.emulator.requests();
    expect(log.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
      `GET ${path} 200`,
      `POST ${path} 201`,
      `POST ${path} 400`,
    ]);
    expect(log[0]?.requestId).toBe(listed.headers.get("x-okta-request-id"));
    expect(log.map((e) => e.auth)).toEqual(["SSWS", "SSWS", "SSWS"]);
    expect(JSON.stringify(log)).not.toContain(okta.emulator.apiToken);
    expect(Date.parse(log[0]?.time ?? "")).toBeLessThanOrEqual(Date.parse(log[1]?.time ?? ""));
    okta.emulator.clearRequests();
    expect(okta.emulator.requests()).toEqual([]);
  });
});

describe("rate limits", () => {
  it("counts /api/v1/apps requests in a bucket, sends X-Rate-Limit-* on every response, and 429s when empty", async () => {
    const limited = await startOktaEmulator({ rateLimit: 3 });
    try {
      const app = await limited.createApp();
      const path = `/api/v1/apps/${app.id}/credentials/secrets`;
      const remaining: Array<string | null> = [];
      for (let i = 0; i < 3; i++) {
        const response = await callOkta(limited, "GET", path);
        expect(response.status).toBe(200);
        expect(response.headers.get("x-rate-limit-limit")).toBe("3");
        remaining.push(response.headers.get("x-rate-limit-remaining"));
      }
      expect(remaining).toEqual(["2", "1", "0"]);
      const refused = await callOkta(limited, "GET", path);
      expect(refused.status).toBe(429);
      expect(errorShape(refused.body)).toEqual(TOO_MANY);
      const reset = Number(refused.headers.get("x-rate-limit-reset"));
      expect(reset).toBeGreaterThan(Date.now() / 1000);
      expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 60);
      limited.reset();
      expect((await callOkta(limited, "GET", path)).status).toBe(404);
    } finally {
      await limited.close();
    }
  });

  it("refuses requests beyond the concurrency limit with 429", async () => {
    const limited = await startOktaEmulator({ rateLimit: "off", concurrencyLimit: 2 });
    try {
      const app = await limited.createApp();
      limited.faults.inject({ delayMs: 1000, count: 2 });
      const path = `/api/v1/apps/${app.id}`;
      const slow = [callOkta(limited, "GET", path), callOkta(limited, "GET", path)];
      // Both are admitted (in flight) as soon as they have taken their delay fault.
      await vi.waitFor(() => expect(limited.faults.pending()).toEqual([]), { timeout: 5000, interval: 5 });
      const third = await callOkta(limited, "GET", path);
      expect(third.status).toBe(429);
      expect(errorShape(third.body)).toEqual(TOO_MANY);
      expect((await Promise.all(slow)).map((r) => r.status)).toEqual([200, 200]);
      expect((await callOkta(limited, "GET", path)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe("the per-token and per-app share of a bucket (rateLimitShare)", () => {
  it("stops one API token or OAuth app at its share while others still get through", async () => {
    const limited = await startOktaEmulator({ rateLimit: 4, rateLimitShare: 0.5 });
    try {
      const app = await limited.createApp();
      const path = `/api/v1/apps/${app.id}`;
      const first = await callOkta(limited, "GET", path);
      expect(first.headers.get("x-rate-limit-limit")).toBe("2");
      expect(first.headers.get("x-rate-limit-remaining")).toBe("1");
      expect((await callOkta(limited, "GET", path)).status).toBe(200);
      const refused = await callOkta(limited, "GET", path);
      expect(refused.status).toBe(429);
      expect(errorShape(refused.body)).toEqual(TOO_MANY);
      // Another client (here, no valid credential at all) is not held to that token's share.
      const other = await fetch(`${limited.url}${path}`, { headers: { Authorization: "SSWS another-token" } });
      expect(other.status).toBe(401);
    } finally {
      await limited.close();
    }
  });

  it("refuses a share outside (0, 1]", async () => {
    await expect(startOktaEmulator({ rateLimitShare: 1.5 })).rejects.toThrow(/rateLimitShare/);
    await expect(startOktaEmulator({ rateLimitShare: 0 })).rejects.toThrow(/rateLimitShare/);
  });
});
