import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createStack, type E2EStack } from "../harness";
import { fewestActive, secretMutations, secretsOf } from "./oktaHistory";

// Several ClientSecrets on one app in one stack, on the real engine with its preview: every change that needs one of
// Okta's two slots is counted together at preview, and a full app rotates by deactivating first.
const program = path.join(__dirname, "many");
const base = (s: E2EStack) => `/api/v1/apps/${s.app.id}/credentials/secrets`;

async function declare(s: E2EStack, specs: object[]): Promise<void> {
  await s.setConfig("secrets", JSON.stringify(specs));
}

/** The Diagnostics section of a CLI run: where the engine prints each error once. */
function diagnostics(output: string): string {
  return output.slice(output.indexOf("Diagnostics:"));
}

function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

describe("ClientSecrets sharing one app", () => {
  let stack: E2EStack | undefined;
  afterEach(async () => {
    await stack?.cleanup();
    stack = undefined;
  });

  it("two new secrets on an app with one free slot fail at preview, once, with nothing changed in Okta", async () => {
    const s = await createStack({ program });
    stack = s;
    const before = secretsOf(s.emulator, s.app.id);
    await declare(s, [{ name: "a" }, { name: "b" }]);
    s.emulator.clearRequests();
    const preview = await s.preview({ expectFailure: true });
    const said = preview.stdout + preview.stderr;
    expect(said).toContain(`app ${s.app.id} held 1 client secret when this run looked, and this run would add 2 more`);
    expect(said).toContain('ClientSecret "a": create a secret');
    expect(said).toContain('ClientSecret "b": create a secret');
    // Printed by the engine, once: no second copy from the provider process (a message of the stack).
    expect(occurrences(diagnostics(said), "when this run looked")).toBe(1);
    expect(diagnostics(said)).not.toContain("pulumi:pulumi:Stack (");

    const up = await s.up({ expectFailure: true });
    expect(up.counts).toMatchObject({ create: 0 });
    expect(secretMutations(s.emulator)).toEqual([]);
    expect(secretsOf(s.emulator, s.app.id)).toEqual(before);
  });

  it("two resources naming the same adoptSecretId fail at preview", async () => {
    const s = await createStack({ program });
    stack = s;
    const initial = secretsOf(s.emulator, s.app.id)[0]?.id as string;
    await declare(s, [
      { name: "a", adopt: initial },
      { name: "b", adopt: initial },
    ]);
    const preview = await s.preview({ expectFailure: true });
    const said = diagnostics(preview.stdout + preview.stderr);
    expect(said).toMatch(
      /ClientSecret "[ab]" would take over client secret \w+, but ClientSecret "[ab]" names it in adoptSecretId too/,
    );
    expect(occurrences(said, "would take over client secret")).toBe(1);
    expect(secretMutations(s.emulator)).toEqual([]);
  });

  it("two secrets on one app: adopt one and create one, then rotate a full app by deactivating first", async () => {
    const s = await createStack({ program });
    stack = s;
    const initial = secretsOf(s.emulator, s.app.id)[0]?.id as string;
    await declare(s, [{ name: "a", adopt: initial }, { name: "b" }]);
    const created = await s.up();
    expect(created.counts).toMatchObject({ create: 3, replace: 0 });
    const held = secretsOf(s.emulator, s.app.id);
    expect(held.map((x) => x.status)).toEqual(["ACTIVE", "ACTIVE"]);
    const bOld = held.find((x) => x.id !== initial)?.id as string;

    // b is ACTIVE and the app full: a create-first rotation cannot fit, and the preview names the two-run fix.
    await declare(s, [{ name: "a" }, { name: "b", rotation: "2" }]);
    const refused = await s.preview({ expectFailure: true });
    const told = refused.stdout + refused.stderr;
    expect(told).toContain('rotate ClientSecret "b" in two runs: first set `status: "INACTIVE"`');
    // diff's error is shown once, by the engine: the provider process prints no copy of its own (it would show as
    // a message of the stack, before the resource's error).
    expect(occurrences(diagnostics(told), "rotate ClientSecret")).toBe(1);
    expect(diagnostics(told)).not.toContain("pulumi:pulumi:Stack (");

    // Run 1: b goes INACTIVE in place (a keeps the app working).
    await declare(s, [{ name: "a" }, { name: "b", status: "INACTIVE" }]);
    const preview = await s.preview();
    expect(preview.counts).toMatchObject({ update: 1, replace: 0 });
    s.emulator.clearRequests();
    expect((await s.up()).counts).toMatchObject({ update: 1, replace: 0, create: 0, delete: 0 });
    expect(secretMutations(s.emulator)).toEqual([`POST ${base(s)}/${bOld}/lifecycle/deactivate 200`]);

    // Run 2: a trigger change with status ACTIVE: the INACTIVE secret is deleted first, then the new one is created
    // ACTIVE in one POST; a stays ACTIVE throughout.
    await declare(s, [{ name: "a" }, { name: "b", rotation: "2" }]);
    const before = secretsOf(s.emulator, s.app.id);
    expect((await s.preview()).counts).toMatchObject({ replace: 1 });
    s.emulator.clearRequests();
    expect((await s.up()).counts).toMatchObject({ replace: 1, update: 0 });
    expect(secretMutations(s.emulator)).toEqual([`DELETE ${base(s)}/${bOld} 204`, `POST ${base(s)} 201`]);
    expect(fewestActive(before, secretMutations(s.emulator))).toBe(1);
    const after = secretsOf(s.emulator, s.app.id);
    expect(after).toEqual([
      expect.objectContaining({ id: initial, status: "ACTIVE" }),
      expect.objectContaining({ status: "ACTIVE" }),
    ]);

    // Okta never deactivates an app's last ACTIVE secret: destroying both ends with a clear refusal for the second,
    // which names the ways out (the first is deleted; the app keeps one working secret).
    const destroyed = await s.destroy({ expectFailure: true });
    expect(destroyed.stdout + destroyed.stderr).toContain("it is the app's only ACTIVE client secret");
    expect(destroyed.stdout + destroyed.stderr).toContain("`retainOnDelete: true`");
    expect(secretsOf(s.emulator, s.app.id)).toEqual([expect.objectContaining({ status: "ACTIVE" })]);
  });
});
