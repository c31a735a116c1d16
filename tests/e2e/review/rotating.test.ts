import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServiceApp } from "../../serviceApp";
import { keysOf } from "../clientJsonWebKey/keyHistory";
import { secretsOf } from "../clientSecret/oktaHistory";
import { createStack, type E2EStack } from "../harness";
import { appSection, countsOf, expectNoSecret, expectReviewKept, secretValues, writesOf } from "./facts";
import { checkCapture, previewJson, runReview } from "./reviewRun";

// `okta-credentials review` on the rotating components' previews under the real engine (the e2e fixtures of
// RotatingClientSecret and RotatingClientJsonWebKey, anchor 2030-01-01, every 30 days, 7 days' overlap): a missed
// retirement window healed delete-first (the provider's heldRetired reason shown), the previous secret reactivated
// when the time goes back into its window, and a key's generations and retirement.
const at = (now: string) => ({ OKTA_CREDENTIALS_NOW: now });

async function reviewed(stack: E2EStack, name: string, now: string, known: Set<string>) {
  const preview = await previewJson(stack, { env: at(now) });
  const result = await runReview(preview.json);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  await checkCapture(name, preview.json);
  expectNoSecret(result.markdown, known);
  return result.markdown;
}

describe("okta-credentials review of a RotatingClientSecret whose ups miss windows", () => {
  let stack: E2EStack;
  let app: string;
  const known = new Set<string>();

  async function upKeeping(markdown: string, now: string) {
    const before = secretsOf(stack.emulator, app);
    stack.emulator.clearRequests();
    await stack.up({ env: at(now) });
    for (const value of secretValues(stack.emulator)) known.add(value);
    expectReviewKept(markdown, stack.emulator, app, before);
  }

  beforeAll(async () => {
    stack = await createStack({ program: path.join(__dirname, "../rotatingClientSecret/fixture") });
    app = stack.app.id;
    known.add(stack.emulator.apiToken);
    await stack.up({ env: at("2030-01-02T00:00:00Z") });
    for (const value of secretValues(stack.emulator)) known.add(value);
  });
  afterAll(async () => {
    await stack?.cleanup();
  });

  it("no up in the retirement window: the next generation deletes the still ACTIVE secret first, with the provider's reason", async () => {
    const { currentSecretId, previousSecretId } = (await stack.outputs()) as Record<string, string>;
    const md = await reviewed(stack, "rotating-missed-window", "2030-02-01T00:00:00Z", known);
    const section = appSection(md, app);
    expect(section).toContain("generation 1 → **2** (began 2030-01-31); previous retires 2030-02-07");
    expect(section).toContain(
      `current: ClientSecret \`api-slot0\` rotated, **delete-first**: \`${previousSecretId}\` (ACTIVE) is deactivated and deleted, then a new secret is created, ACTIVE`,
    );
    expect(section).toContain(
      `the provider: heldRetired: ${previousSecretId} is retired, so it is deleted first while the app keeps ${currentSecretId} ACTIVE`,
    );
    expect(countsOf(md, app)).toEqual({
      active: { before: 2, after: 2, during: "never fewer than 1" },
      held: { before: 2, after: 2, during: "at most 2" },
    });
    const base = `/api/v1/apps/${app}/credentials/secrets`;
    expect(writesOf(md, app)).toEqual([
      `POST ${base}/${previousSecretId}/lifecycle/deactivate`,
      `DELETE ${base}/${previousSecretId}`,
      `POST ${base}`,
    ]);
    await upKeeping(md, "2030-02-01T00:00:00Z");
  });

  it("the time set back into the window: the retired previous secret reactivated in place", async () => {
    await stack.up({ env: at("2030-02-09T00:00:00Z") });
    const { previousSecretId } = (await stack.outputs()) as Record<string, string>;
    const md = await reviewed(stack, "rotating-reactivate", "2030-02-05T00:00:00Z", known);
    const section = appSection(md, app);
    expect(section).toContain(
      `previous: ClientSecret \`api-slot1\` reactivated in place: \`${previousSecretId}\` (INACTIVE) → ACTIVE`,
    );
    expect(section).toContain("stays ACTIVE for its clients until 2030-02-07");
    expect(countsOf(md, app).active).toEqual({ before: 1, after: 2, during: "never fewer than 1" });
    await upKeeping(md, "2030-02-05T00:00:00Z");
  });
});

describe("okta-credentials review of a RotatingClientJsonWebKey", () => {
  let stack: E2EStack;
  let app: string;
  let own: string;
  const known = new Set<string>();

  async function upKeeping(markdown: string, now: string) {
    const before = keysOf(stack.emulator, app);
    stack.emulator.clearRequests();
    await stack.up({ env: at(now) });
    const out = await stack.outputs({ showSecrets: true });
    known.add(String(out.currentPrivateKeyPem));
    expectReviewKept(markdown, stack.emulator, app, before, "jwks");
  }

  beforeAll(async () => {
    stack = await createStack({ program: path.join(__dirname, "../rotatingClientJsonWebKey/fixture") });
    const service = await createServiceApp(stack.emulator, { label: "signed by a RotatingClientJsonWebKey" });
    known.add(service.privateKeyPem);
    known.add(stack.emulator.apiToken);
    app = service.id;
    own = keysOf(stack.emulator, app)[0]?.id ?? "";
    await stack.setConfig("appId", app);
  });
  afterAll(async () => {
    await stack?.cleanup();
  });

  it("generation 1: the app's own key adopted as the previous one, a new key added beside it", async () => {
    const md = await reviewed(stack, "jwk-generation-1", "2030-01-02T00:00:00Z", known);
    const section = appSection(md, app);
    expect(section).toContain(`### App \`${app}\`: JSON Web Keys`);
    expect(section).toContain("**RotatingClientJsonWebKey `signing`**: generation 1 (began 2030-01-01)");
    expect(section).toContain("current: ClientJsonWebKey `signing-slot1` created: a new key, ACTIVE");
    expect(section).toContain(`previous: ClientJsonWebKey \`signing-slot0\` adopted: takes over \`${own}\``);
    expect(countsOf(md, app, "keys").held).toEqual({ before: 1, after: 2, during: "at most 2" });
    expect(section).toContain("| keys held (Okta's maximum: 50) |");
    await upKeeping(md, "2030-01-02T00:00:00Z");
  });

  it("after retireAfter: the adopted key deactivated in place", async () => {
    const md = await reviewed(stack, "jwk-retire", "2030-01-09T00:00:00Z", known);
    expect(appSection(md, app)).toContain(
      `previous: ClientJsonWebKey \`signing-slot0\` deactivated in place: \`${own}\` (ACTIVE) → INACTIVE`,
    );
    await upKeeping(md, "2030-01-09T00:00:00Z");
  });

  it("generation 2: the INACTIVE key's slot replaced delete-first, consumers of current get a new private key", async () => {
    const md = await reviewed(stack, "jwk-generation-2", "2030-02-01T00:00:00Z", known);
    const section = appSection(md, app);
    expect(section).toContain("generation 1 → **2** (began 2030-01-31)");
    expect(section).toContain(
      `current: ClientJsonWebKey \`signing-slot0\` rotated, **delete-first**: \`${own}\` (INACTIVE) is deleted`,
    );
    expect(section).toContain("`privateKeyPem` (a Pulumi secret)");
    expect(writesOf(md, app, "jwks")).toEqual([
      `DELETE /api/v1/apps/${app}/credentials/jwks/${own}`,
      `POST /api/v1/apps/${app}/credentials/jwks`,
    ]);
    await upKeeping(md, "2030-02-01T00:00:00Z");
  });
});
