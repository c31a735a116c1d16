import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { secretsOf } from "../clientSecret/oktaHistory";
import { createStack, type E2EStack } from "../harness";

// Answers no Okta API gives, from a proxy in front of the org, through the real CLI: the run fails with a message that
// says what was asked and what came back, repeats no credential, and the state holds nothing the run did not finish;
// a create whose answer was cut short is found, not made twice.
const program = path.join(__dirname, "../clientSecret/fixture");

describe("hostile answers through pulumi preview and up", () => {
  let stack: E2EStack;
  const said = (run: { stdout: string; stderr: string }) => `${run.stdout}\n${run.stderr}`.replace(/\s+/g, " ");
  const managed = async () =>
    ((await stack.exportState()).deployment.resources ?? []).filter((r: { type: string }) =>
      r.type.endsWith(":ClientSecret"),
    );
  const secretsPath = () => `/api/v1/apps/${stack.app.id}/credentials/secrets`;

  beforeAll(async () => {
    stack = await createStack({ program });
  });
  afterAll(async () => {
    await stack?.cleanup();
  });
  beforeEach(() => {
    stack.emulator.clearRequests();
    stack.emulator.faults.clear();
  });

  it("an answer echoing the request's credentials: a clear preview error, the API token never repeated", async () => {
    stack.emulator.faults.inject({ method: "GET", echo: true, count: 20 });
    const run = await stack.preview({ expectFailure: true });
    expect(said(run)).toMatch(/Okta HTTP 400 E0000001 Api validation failed: echo of Authorization: SSWS \[redacted\]/);
    expect(said(run)).not.toContain(stack.emulator.apiToken);
    expect(await managed()).toEqual([]);
  });

  it("a proxy's HTML 502 page to the create: the up fails saying so, nothing is in the state or left in Okta", async () => {
    const before = secretsOf(stack.emulator, stack.app.id).map((s) => s.id);
    stack.emulator.faults.inject({ method: "POST", path: `${secretsPath()}$`, html: true, count: 20 });
    const run = await stack.up({ expectFailure: true });
    expect(said(run)).toMatch(
      /Okta HTTP 502 Bad Gateway, and the body is an HTML page \(text\/html, \d+ bytes, titled "502 Bad Gateway"\), which a proxy, a load balancer or a sign-in page sends, not Okta's API \(POST \/api\/v1\/apps\/0oa\w+\/credentials\/secrets, gave up after 6 attempts/,
    );
    expect(said(run)).not.toContain(stack.emulator.apiToken);
    expect(await managed()).toEqual([]);
    expect(secretsOf(stack.emulator, stack.app.id).map((s) => s.id)).toEqual(before);
  });

  it("a create whose answer is cut short: found by its list, held by the state, made once", async () => {
    stack.emulator.faults.inject({ method: "POST", path: `${secretsPath()}$`, truncate: true, count: 20 });
    const run = await stack.up();
    expect(run.counts.create).toBeGreaterThanOrEqual(1);
    const posts = stack.emulator.requests().filter((r) => r.method === "POST");
    expect(posts.map((r) => r.status)).toEqual([201]);
    const [held] = await managed();
    expect(secretsOf(stack.emulator, stack.app.id).map((s) => s.id)).toContain(held?.outputs.secretId);
    expect(secretsOf(stack.emulator, stack.app.id)).toHaveLength(2);
  });
});
