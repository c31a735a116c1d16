import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createStack, type E2EStack } from "../harness";
import { secretsOf } from "./oktaHistory";

// What a reviewer reads in `pulumi preview --diff` on the real engine: each credential's `change` input in its block,
// on stdout (where pulumi/actions' comment takes the text from), and no internal input (the URN the sdk hands the hooks
// is `__resourceUrn`, which the engine's display leaves out).
const program = path.join(__dirname, "many");

async function declare(s: E2EStack, specs: object[]): Promise<void> {
  await s.setConfig("secrets", JSON.stringify(specs));
}

describe("pulumi preview --diff, as a reviewer reads it", () => {
  let stack: E2EStack | undefined;
  afterAll(async () => {
    await stack?.cleanup();
  });

  it("shows what each change does and why on stdout: an adoption, a create-first and a delete-first rotation", async () => {
    const s = await createStack({ program });
    stack = s;
    const initial = secretsOf(s.emulator, s.app.id)[0]?.id as string;
    await declare(s, [{ name: "a", adopt: initial }]);
    // A create's block shows its outputs (unknown at preview), not its inputs: the note is in the preview's JSON.
    const adoption = await s.pulumi(["preview", "--json"]);
    const step = JSON.parse(adoption.stdout).steps.find((x: { urn: string }) => x.urn.endsWith("ClientSecret::a"));
    expect(step.newState.inputs.change).toEqual({
      action: "adopt",
      adopts: initial,
      why: `takes over client secret ${initial}, which the app holds already: nothing is created or deleted in Okta`,
    });
    await s.up();

    await declare(s, [{ name: "a", rotation: "2" }]);
    const rotation = await s.preview({ diff: true });
    expect(rotation.stdout).toMatch(/\+-pulumi-nodejs:dynamic\/okta:ClientSecret: \(replace\)/);
    // A replacement's block compares the old outputs with the planned ones: the whole note, as `+ change`.
    expect(rotation.stdout).toMatch(/\+ change\s*: \{/);
    expect(rotation.stdout).toMatch(/\+ action\s*: "rotate"/);
    expect(rotation.stdout).toMatch(/\+ order\s*: "create-first"/);
    expect(rotation.stdout).toMatch(new RegExp(`\\+ retires\\s*: "${initial}"`));
    expect(rotation.stdout).toMatch(/\+ because\s*: "rotationTriggers changed"/);
    expect(rotation.stdout).toContain(
      `the new secret is made first, then ${initial} is deactivated and deleted: the app keeps an ACTIVE secret throughout"`,
    );
    // No internal input in the block: the URN the hooks need is `__resourceUrn`, which the display leaves out.
    expect(rotation.stdout).not.toContain("resourceUrn");
    await s.up();

    // An INACTIVE secret rotates delete-first, and the preview says why.
    const rotated = secretsOf(s.emulator, s.app.id)[0]?.id as string;
    // A second secret first, so that the app keeps one ACTIVE when the first is deactivated.
    await declare(s, [{ name: "a", rotation: "2" }, { name: "b" }]);
    await s.up();
    await declare(s, [{ name: "a", rotation: "2", status: "INACTIVE" }, { name: "b" }]);
    // An update's block compares inputs: the note says it is a status change in place.
    const update = await s.preview({ diff: true });
    expect(update.stdout).toMatch(/~ pulumi-nodejs:dynamic\/okta:ClientSecret: \(update\)/);
    expect(update.stdout).toMatch(/~ action\s*: "rotate" => "update"/);
    expect(update.stdout).toContain("status ACTIVE => INACTIVE, in place through Okta's lifecycle endpoints");
    await s.up();
    await declare(s, [{ name: "a", rotation: "3", status: "INACTIVE" }, { name: "b" }]);
    const deleteFirst = await s.preview({ diff: true });
    expect(deleteFirst.stdout).toMatch(/\+ order\s*: "delete-first"/);
    expect(deleteFirst.stdout).toContain(
      `${rotated} is INACTIVE (nothing authenticates with it): it is deleted first, then the new secret takes its slot"`,
    );
  });
});
