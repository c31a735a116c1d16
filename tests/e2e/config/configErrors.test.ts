import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type OktaEmulator, startOktaEmulator } from "../../../emulator/index";
import { createServiceApp } from "../../serviceApp";
import { createStack, type E2EStack } from "../harness";

// Configuration and access errors through the real CLI: each stops `pulumi preview` with a message naming the setting
// and the fix, before any write (the emulator's log holds no change, the state no resource), and no credential goes
// over plain http to another host or to an org other than the configured one (a decoy org hears nothing).
const program = path.join(__dirname, "../clientSecret/fixture");

describe("configuration and access errors at preview", () => {
  let stack: E2EStack;
  let decoy: OktaEmulator;
  const said = (run: { stdout: string; stderr: string }) => `${run.stdout}\n${run.stderr}`.replace(/\s+/g, " ");
  // Writes to the Management API (a token request changes nothing in Okta).
  const changes = () =>
    [...stack.emulator.requests(), ...decoy.requests()].filter((r) => r.method !== "GET" && r.path.startsWith("/api/"));
  const resources = async () =>
    ((await stack.exportState()).deployment.resources ?? []).filter((r: { type: string }) =>
      r.type.includes("ClientSecret"),
    );
  /** A preview that must fail, saying `message`; nothing changes in Okta or the state. */
  async function refused(message: string | RegExp, env: Record<string, string> = {}) {
    const run = await stack.preview({ expectFailure: true, env });
    if (typeof message === "string") expect(said(run)).toContain(message);
    else expect(said(run)).toMatch(message);
    expect(said(run)).not.toContain(stack.emulator.apiToken);
    expect(changes()).toEqual([]);
    expect(await resources()).toEqual([]);
    return said(run);
  }
  const set = (key: string, value: string, secret = false) => stack.setConfig(key, value, { secret });
  const unset = (key: string) => stack.pulumi(["config", "rm", key]);

  beforeAll(async () => {
    stack = await createStack({ program });
    decoy = await startOktaEmulator({ rateLimit: "off" });
  });
  afterAll(async () => {
    await stack?.cleanup();
    await decoy?.close();
  });
  beforeEach(async () => {
    stack.emulator.clearRequests();
    decoy.clearRequests();
    stack.emulator.faults.clear();
    await set("okta-credentials:orgUrl", stack.emulator.url);
    await set("okta:apiToken", stack.emulator.apiToken, true);
  });

  it("no org, a malformed URL, plain http to another host: named, with the fix, before any request", async () => {
    await unset("okta-credentials:orgUrl");
    await refused("no Okta org configured: run `pulumi config set okta:orgName <your-org>`");
    await set("okta-credentials:orgUrl", "dev-123456.okta.com");
    await refused('okta-credentials:orgUrl is not a URL: "dev-123456.okta.com"; set the org\'s URL');
    await set("okta-credentials:orgUrl", `http://dev-123456.example.com:${new URL(decoy.url).port}`);
    await refused(
      "okta-credentials:orgUrl uses plain http:// for dev-123456.example.com, which would send the API token in clear text",
    );
    expect(stack.emulator.requests()).toEqual([]);
  });

  it("an empty API token, and a token Okta does not know", async () => {
    await set("okta:apiToken", "", true);
    await refused("okta:apiToken is set but empty: set it with `pulumi config set --secret okta:apiToken <value>`");
    await set("okta:apiToken", "00-a-token-this-org-never-issued-1234567890", true);
    const text = await refused(
      "Okta does not accept the API token (okta:apiToken, or OKTA_API_TOKEN when stack config has none)",
    );
    expect(text).toContain("Okta HTTP 401 E0000011 Invalid token provided");
    expect(text).not.toContain("00-a-token-this-org-never-issued-1234567890");
  });

  it("a service app not granted okta.apps.manage, and one without an admin role", async () => {
    const readOnly = await createServiceApp(stack.emulator, { scopes: ["okta.apps.read"], label: "read-only" });
    const noRole = await createServiceApp(stack.emulator, { role: null, label: "no role" });
    const useApp = async (app: typeof readOnly) => {
      await set("okta:clientId", app.id);
      await set("okta:privateKeyId", app.kid);
      await set("okta:privateKey", app.privateKeyPem, true);
    };
    await unset("okta:apiToken");
    stack.emulator.clearRequests();
    try {
      await useApp(readOnly);
      await refused(
        /the scope okta\.apps\.manage is not granted to the app .*grant okta\.apps\.manage on its Okta API Scopes tab/,
      );
      await useApp(noRole);
      const text = await refused(
        `service app ${noRole.id} (okta:clientId) may not do this (its token holds okta.apps.read, okta.apps.manage): the app also needs an admin role that covers apps`,
      );
      expect(text).not.toContain(noRole.privateKeyPem.split("\n")[1]);
    } finally {
      for (const key of ["okta:clientId", "okta:privateKeyId", "okta:privateKey"]) await unset(key);
    }
  });

  it("a redirect to another host is never followed with the credential", async () => {
    stack.emulator.faults.inject({ redirect: `${decoy.url}/api/v1/apps/elsewhere`, count: 20 });
    await refused(
      `redirected to ${decoy.url}/api/v1/apps/elsewhere: the org URL must be the org's own address (credentials never follow a redirect)`,
    );
    expect(decoy.requests()).toEqual([]);
  });

  it("a credential in stack config never goes to an org the environment names", async () => {
    await unset("okta-credentials:orgUrl");
    await refused("okta:apiToken is set in stack config, but the org comes from OKTA_ORG_URL in the environment", {
      OKTA_ORG_URL: decoy.url,
    });
    expect(decoy.requests()).toEqual([]);
    // The org in config wins over the environment's: the preview asks the configured org only.
    await set("okta-credentials:orgUrl", stack.emulator.url);
    const run = await stack.preview({ env: { OKTA_ORG_URL: decoy.url, OKTA_API_TOKEN: decoy.apiToken } });
    expect(run.counts.create).toBeGreaterThan(0);
    expect(stack.emulator.requests().length).toBeGreaterThan(0);
    expect(decoy.requests()).toEqual([]);
  });
});
