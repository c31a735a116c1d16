import { describe, expect, it } from "vitest";
import { useOktaHarness } from "./harness";
import { basic, secretApp } from "./oauthApps";

// The faults that answer as no Okta API does, but a proxy or a misbehaving server in front of an org may: a redirect,
// an HTML error page, a truncated JSON body, a huge body, a 404 for a path, each also through the control API.
const okta = useOktaHarness();
const raw = (path: string, init: RequestInit = {}) =>
  fetch(`${okta.emulator.url}${path}`, {
    redirect: "manual",
    ...init,
    headers: { Authorization: `SSWS ${okta.emulator.apiToken}`, ...(init.headers ?? {}) },
  });

async function appPath() {
  return `/api/v1/apps/${(await okta.emulator.createApp()).id}`;
}

describe("hostile answers", () => {
  it("redirects with a Location (302 by default, or the status given) and does not handle the request", async () => {
    const path = await appPath();
    okta.emulator.faults.inject({ method: "POST", redirect: "https://login.example.com/signin?from=okta" });
    const moved = await raw(`${path}/credentials/secrets`, { method: "POST" });
    expect(moved.status).toBe(302);
    expect(moved.headers.get("location")).toBe("https://login.example.com/signin?from=okta");
    expect(okta.emulator.state().apps[0]?.secrets).toHaveLength(1);
    okta.emulator.faults.inject({ redirect: "https://elsewhere.example.com/", status: 308 });
    expect((await raw(path)).status).toBe(308);
    expect(okta.emulator.requests().map((r) => r.status)).toEqual([302, 308]);
  });

  it("answers a proxy's HTML error page (502 by default), also for 200", async () => {
    const path = await appPath();
    okta.emulator.faults.inject({ html: true });
    const page = await raw(path);
    expect(page.status).toBe(502);
    expect(page.headers.get("content-type")).toBe("text/html");
    expect(await page.text()).toContain("<title>502 Bad Gateway</title>");
    okta.emulator.faults.inject({ html: true, status: 200 });
    expect((await raw(path)).status).toBe(200);
  });

  it("truncates the real answer to half its JSON: the change happens, the body does not parse", async () => {
    const path = await appPath();
    okta.emulator.faults.inject({ method: "POST", truncate: true });
    const cut = await raw(`${path}/credentials/secrets`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(cut.status).toBe(201);
    const text = await cut.text();
    expect(() => JSON.parse(text)).toThrow();
    expect(text.startsWith('{"id":"ocs')).toBe(true);
    expect(okta.emulator.state().apps[0]?.secrets).toHaveLength(2);
  });

  it("answers many MB of valid JSON, of the size asked for", async () => {
    const path = await appPath();
    okta.emulator.faults.inject({ hugeBytes: 8 * 1024 * 1024 });
    const huge = await raw(path);
    expect(huge.status).toBe(200);
    const text = await huge.text();
    expect(text.length).toBe(8 * 1024 * 1024);
    expect(Array.isArray(JSON.parse(text))).toBe(true);
  });

  it("answers 404 E0000007 for a path the org does not serve, at the OAuth endpoints too", async () => {
    const app = await secretApp(okta);
    okta.emulator.faults.inject({ path: "/oauth2/v1/introspect$", status: 404 });
    const missing = await okta.oauth("/oauth2/v1/introspect", { token: "x" }, basic(app.id, app.secret));
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ errorCode: "E0000007" });
  });

  it("takes each kind through the control API, and refuses kinds that do not combine, naming why", async () => {
    const control = (body: unknown) =>
      fetch(`${okta.emulator.url}/__emulator/faults`, { method: "POST", body: JSON.stringify(body) });
    for (const fault of [{ redirect: "https://x.example/" }, { html: true }, { truncate: true }, { hugeBytes: 10 }]) {
      expect((await control(fault)).status).toBe(201);
    }
    const refusals: Array<[unknown, string]> = [
      [{ redirect: "not a url" }, "needs an absolute URL"],
      [{ redirect: "https://x.example/", status: 200 }, "must be one of 301, 302, 303, 307, 308"],
      [{ html: true, truncate: true }, "html and truncate do not combine"],
      [{ truncate: true, status: 502 }, "keeps the real answer's status"],
      [{ hugeBytes: 0 }, "positive whole number"],
      [{ html: true, drop: true }, "answers by itself"],
      [{ status: 418 }, "fault status must be 404, 429, 500, 502 or 503"],
    ];
    for (const [fault, reason] of refusals) {
      const refused = await control(fault);
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: string }).error).toContain(reason);
    }
  });
});
