import { expect } from "vitest";
import type { OktaEmulator } from "../../../emulator/index";
import type { E2EStack } from "../harness/types";

/**
 * The quickstart's story (scripts/quickstart.sh, examples/quickstart) for any program that tells it: the TypeScript
 * quickstart on the dynamic provider, and the YAML and Go programs on the plugin. Each program says how it takes the
 * story's shapes (a step folder, or config). `tellStory` runs the steps with the quickstart test's own assertions and
 * records after each step what Okta holds, ids renamed in order of appearance, so that programs' records compare.
 */
export type Shape = "adopt" | "plain" | "partner" | "scheduled";

export interface StoryProgram {
  name: string;
  /** The resource type token of a ClientSecret in previews. */
  secretType: string;
  /** Puts the program (its folder or its config) in the given shape. */
  enter(stack: E2EStack, shape: Shape): Promise<void>;
}

interface Row {
  id: string;
  status: string;
}

/** What Okta holds after each step: per step, each app's secrets (oldest first) as `s<n> STATUS`. */
export type StoryRecord = Record<string, string[][]>;

export function secretsOf(emulator: OktaEmulator, appId: string): Row[] {
  const app = emulator.state().apps.find((a) => a.id === appId);
  return (app?.secrets ?? []).map((s) => ({ id: s.id, status: s.status }));
}

/** Runs the quickstart's steps on `stack` (made with `appId` set, the app holding the one secret Okta made). */
export async function tellStory(stack: E2EStack, program: StoryProgram): Promise<StoryRecord> {
  const names = new Map<string, string>();
  const name = (id: string) => {
    if (!names.has(id)) names.set(id, `s${names.size + 1}`);
    return names.get(id) as string;
  };
  const record: StoryRecord = {};
  const apps = [stack.app.id];
  const note = (step: string) => {
    record[step] = apps.map((app) => secretsOf(stack.emulator, app).map((r) => `${name(r.id)} ${r.status}`));
  };
  const rows = () => secretsOf(stack.emulator, stack.app.id);
  const type = program.secretType;

  const [initial] = rows();
  note("1. the app and its own secret");
  await stack.setConfig("adopt", initial?.id ?? "");
  await program.enter(stack, "adopt");
  const adopted = await stack.up();
  expect(adopted.stdout).toMatch(new RegExp(`\\+ {2}${type} app-secret created`));
  expect(rows()).toEqual([initial]);
  note("3. adopted");

  await stack.pulumi(["config", "rm", "adopt"]);
  await program.enter(stack, "plain");
  const unchanged = await stack.preview();
  expect(unchanged.counts).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0 });
  note("4. adoptSecretId removed");

  await stack.setConfig("rotation", "2026-12");
  const review = await stack.preview({ diff: true });
  expect(review.stdout).toContain(`+-${type}: (replace)`);
  expect(review.stdout).toMatch(/~ rotation: "initial" => "2026-12"/);
  const rotation = await stack.up();
  expect(rotation.counts).toMatchObject({ replace: 1 });
  const rotated = rows();
  expect(rotated).toHaveLength(1);
  expect(rotated[0]?.id).not.toBe(initial?.id);
  note("5. rotated");

  await stack.setConfig("partner", "true");
  await program.enter(stack, "partner");
  expect((await stack.up()).counts).toMatchObject({ create: 1 });
  expect(rows()).toHaveLength(2);
  note("6. a second secret");

  await stack.setConfig("rotation", "2027-01");
  const refused = await stack.preview({ expectFailure: true });
  const refusal = refused.stdout + refused.stderr;
  expect(refusal).toContain("held 2 client secrets when this run looked");
  expect(refusal).toContain('rotate ClientSecret "app-secret" in two runs');
  note("7. the limit, caught at preview");

  await stack.setConfig("rotation", "2026-12");
  await stack.setConfig("status", "INACTIVE");
  const inPlace = await stack.preview({ diff: true });
  expect(inPlace.stdout).toMatch(/~ status\s*: "ACTIVE" => "INACTIVE"/);
  expect((await stack.up()).counts).toMatchObject({ update: 1, replace: 0 });
  expect(rows()).toContainEqual({ id: rotated[0]?.id, status: "INACTIVE" });
  note("8. deactivated in place");

  await stack.setConfig("rotation", "2027-01");
  await stack.setConfig("status", "ACTIVE");
  expect((await stack.up()).counts).toMatchObject({ replace: 1 });
  const full = rows();
  expect(full).toHaveLength(2);
  expect(full.every((r) => r.status === "ACTIVE")).toBe(true);
  expect(full.map((r) => r.id)).not.toContain(rotated[0]?.id);
  note("9. rotated delete-first");

  const scheduledApp = await stack.emulator.createApp();
  apps.push(scheduledApp.id);
  await stack.setConfig("rotatingAppId", scheduledApp.id);
  await program.enter(stack, "scheduled");
  const walk: [number, number][] = [];
  let last = "";
  for (const now of ["2026-01-02", "2026-01-09", "2026-01-31", "2026-02-08"]) {
    const step = await stack.up({ env: { OKTA_CREDENTIALS_NOW: now } });
    last = step.stdout + step.stderr;
    const held = secretsOf(stack.emulator, scheduledApp.id);
    walk.push([held.length, held.filter((r) => r.status === "ACTIVE").length]);
    note(`10. scheduled, ${now}`);
  }
  expect(walk).toEqual([
    [2, 2],
    [2, 1],
    [2, 2],
    [2, 1],
  ]);
  expect(last).toContain('RotatingClientSecret "scheduled": generation 2 began 2026-01-31');
  const outputs = await stack.outputs();
  expect(outputs.clientSecret).toBe("[secret]");
  expect(outputs.schedule).toMatch(/^generation 2, current ocs\w{17}, previous retires 2026-02-07/);
  return record;
}
