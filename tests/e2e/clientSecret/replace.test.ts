import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createStack, type E2EStack } from "../harness";
import { fewestActive, secretMutations, secretsOf } from "./oktaHistory";

// Forced replacements on the real engine: `pulumi up --replace <urn>` and `pulumi state taint`. The engine then calls
// `check` without old inputs, skips `diff` and the second `check`, and creates before it deletes: the hooks learn
// nothing of the old resource before `create`.
const program = path.join(__dirname, "many");
const type = "pulumi-nodejs:dynamic/okta:ClientSecret";
const base = (s: E2EStack) => `/api/v1/apps/${s.app.id}/credentials/secrets`;

async function declare(s: E2EStack, specs: object[]): Promise<void> {
  await s.setConfig("secrets", JSON.stringify(specs));
}

async function clientSecretIds(s: E2EStack): Promise<string[]> {
  const { deployment } = await s.exportState();
  return deployment.resources.filter((r: { type: string }) => r.type === type).map((r: { id: string }) => r.id);
}

describe("ClientSecret under forced replacement (--replace, taint)", () => {
  let stack: E2EStack | undefined;
  afterEach(async () => {
    await stack?.cleanup();
    stack = undefined;
  });

  it("--replace while adoptSecretId still names the held secret takes it over again: Okta unchanged, and says so", async () => {
    const s = await createStack({ program });
    stack = s;
    const initial = secretsOf(s.emulator, s.app.id)[0]?.id as string;
    await declare(s, [{ name: "a", adopt: initial }]);
    expect((await s.up()).counts).toMatchObject({ create: 2 });

    s.emulator.clearRequests();
    const replaced = await s.up({ args: ["--replace", s.urn(type, "a")] });
    expect(replaced.counts).toMatchObject({ replace: 1, create: 0, delete: 0 });
    expect(secretMutations(s.emulator)).toEqual([]);
    expect(secretsOf(s.emulator, s.app.id)).toEqual([expect.objectContaining({ id: initial, status: "ACTIVE" })]);
    expect(await clientSecretIds(s)).toEqual([`${s.app.id}/${initial}`]);
    expect(replaced.stdout).toContain(
      `ClientSecret "a" was replaced (by --replace or a taint) while adoptSecretId still names its secret ${initial}`,
    );

    // Without adoptSecretId, --replace is a rotation: the new secret first, then the old one retired.
    await declare(s, [{ name: "a" }]);
    expect((await s.up()).counts).toMatchObject({ replace: 0, update: 0, same: 2 });
    s.emulator.clearRequests();
    const rotated = await s.up({ args: ["--replace", s.urn(type, "a")] });
    expect(rotated.counts).toMatchObject({ replace: 1 });
    expect(secretMutations(s.emulator)).toEqual([
      `POST ${base(s)} 201`,
      `POST ${base(s)}/${initial}/lifecycle/deactivate 200`,
      `DELETE ${base(s)}/${initial} 204`,
    ]);
    const [now] = secretsOf(s.emulator, s.app.id);
    expect(now?.id).not.toBe(initial);
    expect(await clientSecretIds(s)).toEqual([`${s.app.id}/${now?.id}`]);
  });

  it("a taint rotates with zero downtime, and a forced replacement that cannot fit is refused at preview", async () => {
    const s = await createStack({ program });
    stack = s;
    const initial = secretsOf(s.emulator, s.app.id)[0]?.id as string;
    await declare(s, [{ name: "a", adopt: initial }, { name: "b" }]);
    expect((await s.up()).counts).toMatchObject({ create: 3 });
    const held = secretsOf(s.emulator, s.app.id);
    expect(held).toHaveLength(2);

    // The app is full: a forced replacement creates first, so it needs a slot the app does not have.
    await declare(s, [{ name: "a" }, { name: "b" }]);
    s.emulator.clearRequests();
    const refused = await s.up({ args: ["--replace", s.urn(type, "b")], expectFailure: true });
    expect(refused.stdout + refused.stderr).toContain(`app ${s.app.id} held 2 client secrets when this run looked`);
    expect(refused.stdout + refused.stderr).toContain(
      `ClientSecret "b": create a secret (a new resource, or one replaced`,
    );
    expect(secretMutations(s.emulator)).toEqual([]);
    expect(secretsOf(s.emulator, s.app.id)).toEqual(held);

    // Retire a's secret as Okta's guide does (b stays ACTIVE), then taint b: a rotation, never zero ACTIVE.
    await declare(s, [{ name: "b" }]);
    expect((await s.up()).counts).toMatchObject({ delete: 1 });
    const before = secretsOf(s.emulator, s.app.id);
    const bSecret = before[0]?.id as string;
    await s.pulumi(["state", "taint", s.urn(type, "b"), "--yes"]);
    s.emulator.clearRequests();
    expect((await s.up()).counts).toMatchObject({ replace: 1 });
    expect(secretMutations(s.emulator)).toEqual([
      `POST ${base(s)} 201`,
      `POST ${base(s)}/${bSecret}/lifecycle/deactivate 200`,
      `DELETE ${base(s)}/${bSecret} 204`,
    ]);
    expect(fewestActive(before, secretMutations(s.emulator))).toBeGreaterThanOrEqual(1);
  });
});
