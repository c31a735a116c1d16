import { createHash, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { secretMutations, secretsOf } from "../clientSecret/oktaHistory";
import { createStack, type E2EStack } from "../harness";
import { repoRoot } from "../harness/engine";
import { type OktaStyleOrg, oktaStyleOrg } from "./oktaStyleOrg";

// examples/bring-your-own-secret, step by step as its README tells it: what `pulumi config set` refuses, your value
// beside the app's own secret, the app's own secret retired by Pulumi, then a rotation by a new value (+-). Okta's
// secret_hash matches each value, and no value is ever in the state, the outputs or a command's output in plaintext.
const example = path.join(repoRoot, "examples/bring-your-own-secret");
const type = "pulumi-nodejs:dynamic/okta:ClientSecret";
const hashOf = (value: string) => createHash("sha256").update(value).digest().subarray(0, 16).toString("base64url");

describe("examples/bring-your-own-secret", () => {
  let stack: E2EStack;
  let initial: string;
  // Two values of the kind a user brings: 40 characters of [A-Za-z0-9_-].
  const first = randomBytes(30).toString("base64url");
  const second = randomBytes(30).toString("base64url");
  const printed: string[] = [];
  const secrets = () => secretsOf(stack.emulator, stack.app.id);
  const base = () => `/api/v1/apps/${stack.app.id}/credentials/secrets`;
  const said = (run: { stdout: string; stderr: string }) => {
    printed.push(run.stdout, run.stderr);
    return run.stdout + run.stderr;
  };
  /** Neither value in plaintext in the state, the outputs or the stack's config file. */
  async function expectNoValueInPlaintext() {
    const places = [
      JSON.stringify(await stack.exportState()),
      JSON.stringify(await stack.outputs()),
      await readFile(path.join(stack.workDir, "Pulumi.e2e.yaml"), "utf8"),
    ];
    for (const place of places) for (const value of [first, second]) expect(place).not.toContain(value);
  }

  let org: OktaStyleOrg;

  beforeAll(async () => {
    // The org as the README configures it: okta:orgName, okta:baseUrl and okta:apiToken.
    org = await oktaStyleOrg("byo-org");
    stack = await createStack({ program: example, ...org.stackOptions });
    initial = secrets()[0]?.id ?? "";
    expect(initial).toMatch(/^ocs\w{17}$/);
  });
  afterAll(async () => {
    await stack?.cleanup();
    await org?.cleanup();
  });

  it("pulumi config set: a key named like a secret refuses a value that looks like one, even an ocs… id", async () => {
    const refusal = "looks like a secret; rerun with --secret to encrypt it, or --plaintext";
    const setWithoutFlag = (key: string, value: string) =>
      stack.pulumi(["config", "set", key], { input: value, expectFailure: true });
    expect(said(await setWithoutFlag("clientSecret", first))).toContain(
      `config value for 'okta-credentials-bring-your-own-secret:clientSecret' ${refusal}`,
    );
    expect(said(await setWithoutFlag("initialSecretId", initial))).toContain(refusal);
    // The same kind of id under a key that does not say secret, token or password: taken as it is.
    await stack.pulumi(["config", "set", "appId", stack.app.id]);
    await stack.pulumi(["config", "set", "--plaintext", "initialSecretId", initial]);
    await stack.setConfig("clientSecret", first, { secret: true });
    const file = await readFile(path.join(stack.workDir, "Pulumi.e2e.yaml"), "utf8");
    expect(file).toContain(`initialSecretId: ${initial}`);
    expect(file).toContain("clientSecret:\n    secure: ");
    expect(file).not.toContain(first);
  });

  it("first up: your value beside the app's own secret, which is taken over (no POST for it)", async () => {
    const preview = await stack.preview();
    said(preview);
    expect(preview.counts).toMatchObject({ create: 3, update: 0, replace: 0, delete: 0 });
    stack.emulator.clearRequests();
    const run = await stack.up();
    said(run);
    expect(run.counts).toMatchObject({ create: 3, update: 0, replace: 0, delete: 0 });
    expect(secretMutations(stack.emulator)).toEqual([`POST ${base()} 201`]);
    const { secretId, secretHash } = (await stack.outputs()) as { secretId: string; secretHash: string };
    expect(secretHash).toBe(hashOf(first));
    expect(secrets()).toEqual([
      { id: initial, status: "ACTIVE", hash: expect.any(String) },
      { id: secretId, status: "ACTIVE", hash: hashOf(first) },
    ]);
    // Okta holds exactly the value that was set: the emulator's own record of it.
    const held = stack.emulator.state().apps[0]?.secrets.find((s) => s.id === secretId);
    expect(held?.client_secret).toBe(first);
    await expectNoValueInPlaintext();
  });

  it("initialSecretId removed from the config: the app's own secret is deactivated and deleted", async () => {
    await stack.pulumi(["config", "rm", "initialSecretId"]);
    const preview = await stack.preview();
    said(preview);
    expect(preview.counts).toMatchObject({ create: 0, update: 0, replace: 0, delete: 1 });
    stack.emulator.clearRequests();
    const run = await stack.up();
    said(run);
    expect(run.counts).toMatchObject({ create: 0, update: 0, replace: 0, delete: 1 });
    expect(secretMutations(stack.emulator)).toEqual([
      `POST ${base()}/${initial}/lifecycle/deactivate 200`,
      `DELETE ${base()}/${initial} 204`,
    ]);
    expect(secrets()).toEqual([{ id: expect.any(String), status: "ACTIVE", hash: hashOf(first) }]);
    await expectNoValueInPlaintext();
  });

  it("a new value is a rotation: previewed as +- with the reason, the new secret made before the old one goes", async () => {
    const before = ((await stack.outputs()) as { secretId: string }).secretId;
    await stack.setConfig("clientSecret", second, { secret: true });
    const preview = await stack.preview({ diff: true });
    // The engine masks every secret as "[secret]" before it compares old and new for display, so the changed value
    // shows as an unchanged line; the provider's warning says why the secret is replaced.
    const text = said(preview);
    expect(preview.stdout).toContain(`+-${type}: (replace)`);
    expect(preview.stdout).toMatch(/^ {8}clientSecret: \[secret\]$/m);
    expect(text).toContain(
      `ClientSecret "api" is replaced: the program's clientSecret is not the value Okta holds for ${before}`,
    );
    expect(preview.counts).toMatchObject({ create: 0, update: 0, replace: 1, delete: 0 });
    stack.emulator.clearRequests();
    const run = await stack.up();
    said(run);
    expect(run.counts).toMatchObject({ create: 0, update: 0, replace: 1, delete: 0 });
    expect(secretMutations(stack.emulator)).toEqual([
      `POST ${base()} 201`,
      `POST ${base()}/${before}/lifecycle/deactivate 200`,
      `DELETE ${base()}/${before} 204`,
    ]);
    const { secretId, secretHash } = (await stack.outputs()) as { secretId: string; secretHash: string };
    expect(secretId).not.toBe(before);
    expect(secretHash).toBe(hashOf(second));
    expect(secrets()).toEqual([{ id: secretId, status: "ACTIVE", hash: hashOf(second) }]);
    await expectNoValueInPlaintext();
  });

  it("no value in plaintext in anything a command printed; the state holds it only as ciphertext", async () => {
    const state = await stack.exportState();
    const held = state.deployment.resources.find((r: { type: string }) => r.type === type);
    expect(held.inputs.clientSecret).toHaveProperty("ciphertext");
    expect(held.outputs.clientSecret).toHaveProperty("ciphertext");
    expect(printed.length).toBeGreaterThan(10);
    for (const output of printed) for (const value of [first, second]) expect(output).not.toContain(value);
  });
});
