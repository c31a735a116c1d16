import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proveClientCredential, secretAuthentication } from "../../../../provider/okta/clientAuthentication";

// How an answer of the introspection endpoint is read, against a server that answers what a test says (what Okta
// itself answers is tested against the emulator, in the verifications' tests).
let server: Server;
let origin: string;
let answer: { status: number; body: string; type?: string } = { status: 200, body: '{"active":false}' };
/** Answers given before `answer`, one per request (a 429 first, say). */
const queue: Array<{ status: number; body: string; headers?: Record<string, string> }> = [];
const seen: Array<{ path: string; auth: string | undefined; body: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      seen.push({ path: req.url ?? "", auth: req.headers.authorization, body });
      const token = req.url === "/oauth2/v1/token";
      const queued = token ? undefined : queue.shift();
      if (queued !== undefined) {
        res.writeHead(queued.status, { "Content-Type": "application/json", ...queued.headers });
        res.end(queued.body);
        return;
      }
      const { status, body: text, type } = token ? { status: 400, body: '{"error":"invalid_scope"}' } : answer;
      res.writeHead(status, { "Content-Type": type ?? "application/json" });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

const secret = "a-client-secret-of-some-length";
const basic = async () => ({ kind: "client_secret_basic" as const, clientId: "0oaclient", clientSecret: secret });

describe("proveClientCredential", () => {
  it('reads 200 {"active":false} as authenticated, asking about a random token each time', async () => {
    answer = { status: 200, body: '{"active":false}' };
    seen.length = 0;
    for (let i = 0; i < 2; i++) {
      expect(await proveClientCredential(origin, "0oaclient", basic)).toEqual({
        authenticated: true,
        endpoint: `${origin}/oauth2/v1/introspect`,
        answer: 'HTTP 200 {"active":false}',
      });
    }
    const tokens = seen.map((s) => new URLSearchParams(s.body).get("token"));
    expect(tokens[0]).toMatch(/^[\w-]{43}$/);
    expect(tokens[0]).not.toBe(tokens[1]);
    expect(new URLSearchParams(seen[0]?.body).get("token_type_hint")).toBe("access_token");
  });

  it("asks again after a 429, once the limit resets, with a fresh assertion; never after a 5xx", async () => {
    answer = { status: 200, body: '{"active":false}' };
    const reset = String(Math.ceil(Date.now() / 1000) + 1);
    const limited = { status: 429, body: '{"errorCode":"E0000047"}', headers: { "X-Rate-Limit-Reset": reset } };
    queue.push(limited);
    seen.length = 0;
    let made = 0;
    const assertion = async () => ({
      kind: "client_assertion" as const,
      clientId: "0oaclient",
      assertion: `header.payload-${++made}.signature`,
    });
    expect(await proveClientCredential(origin, "0oaclient", assertion)).toMatchObject({ authenticated: true });
    expect(seen.map((r) => r.body.match(/payload-\d/)?.[0])).toEqual(["payload-1", "payload-2"]);
    queue.push({ status: 503, body: '{"errorCode":"E0000010"}' });
    seen.length = 0;
    await expect(proveClientCredential(origin, "0oaclient", assertion)).rejects.toThrow("503");
    expect(seen).toHaveLength(1);
  });

  it("reads 401 invalid_client as refused, with Okta's text and without the secret", async () => {
    answer = { status: 401, body: `{"error":"invalid_client","error_description":"No: ${secret}"}` };
    expect(await proveClientCredential(origin, "0oaclient", basic)).toEqual({
      authenticated: false,
      endpoint: `${origin}/oauth2/v1/introspect`,
      refusal: "HTTP 401 invalid_client: No: [redacted]",
    });
  });

  it("never reads as a pass an answer that is not an introspection answer, or says a random token is active", async () => {
    for (const [body, said] of [
      ['{"active":true}', "said that a random token is active, which Okta never says of a token it did not issue"],
      ['{"ok":true}', "gave no introspection answer (no boolean `active`)"],
      ['{"active":"false"}', "gave no introspection answer (no boolean `active`)"],
    ] as const) {
      answer = { status: 200, body };
      await expect(proveClientCredential(origin, "0oaclient", basic)).rejects.toThrow(said);
    }
    answer = {
      status: 400,
      body: '{"error":"invalid_request","error_description":"The `token` parameter is required."}',
    };
    await expect(proveClientCredential(origin, "0oaclient", basic)).rejects.toThrow(
      /^introspecting a random token as client 0oaclient at .*: Okta HTTP 400 invalid_request The `token` parameter is required\./,
    );
  });

  it("asks the token endpoint where introspection is not served (404, 405), with a credential made for it", async () => {
    for (const status of [404, 405]) {
      answer = { status, body: "" };
      seen.length = 0;
      const audiences: string[] = [];
      const outcome = await proveClientCredential(origin, "0oaclient", async (audience) => {
        audiences.push(audience);
        return basic();
      });
      expect(outcome).toEqual({
        authenticated: true,
        endpoint: `${origin}/oauth2/v1/token`,
        answer: `HTTP 400 invalid_scope (the introspection endpoint answered HTTP ${status})`,
      });
      expect(audiences).toEqual([`${origin}/oauth2/v1/introspect`, `${origin}/oauth2/v1/token`]);
      expect(new URLSearchParams(seen[1]?.body).get("grant_type")).toBe("client_credentials");
    }
  });
});

describe("secretAuthentication", () => {
  it("sends a secret as the app's method says; client_secret_jwt as an HS256 assertion for the audience", async () => {
    expect(await secretAuthentication("client_secret_post", "0oa1", secret, "https://x.example/")).toEqual({
      kind: "client_secret_post",
      clientId: "0oa1",
      clientSecret: secret,
    });
    const jwt = await secretAuthentication("client_secret_jwt", "0oa1", secret, "https://x.example/introspect");
    if (jwt.kind !== "client_assertion") throw new Error("not an assertion");
    const [header, payload] = jwt.assertion
      .split(".")
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, "base64url").toString()));
    expect(header).toEqual({ alg: "HS256", typ: "JWT" });
    expect(payload).toMatchObject({ iss: "0oa1", sub: "0oa1", aud: "https://x.example/introspect" });
    expect(payload.exp - payload.iat).toBe(300);
    expect(jwt.assertion).not.toContain(secret);
  });
});
