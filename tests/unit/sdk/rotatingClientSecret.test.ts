import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type OktaEmulator, startOktaEmulator } from "../../../emulator/index";
import { clientSecretKind } from "../../../provider/resources/clientSecret/kind";
import type { ClientSecretOutputs } from "../../../provider/resources/clientSecret/types";
import type { Plan } from "../../../provider/resources/credential/ledger";
import { decideForExisting } from "../../../provider/resources/credential/plan";
import { fitsOnApp } from "../../../provider/resources/credential/room";
import { RotatingClientSecret } from "../../../sdk";

// The component as a program registers it, with pulumi.runtime.setMocks: which slot holds which generation, with which
// status, in which order, and what the ClientSecret's own diff then decides for each slot from one run to the next.
interface Child {
  type: string;
  name: string;
  props: Record<string, unknown>;
  opts: pulumi.CustomResourceOptions;
}

const appId = "0oa1abcdefghijklmnop";
const schedule = { appId, rotateEvery: "P90D", retireAfter: "P7D", anchor: "2026-01-01" };
let okta: OktaEmulator;

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        const secretId = `ocs${args.name
          .replace(/[^A-Za-z0-9]/g, "")
          .slice(-17)
          .padStart(17, "x")}`;
        return {
          id: `${args.inputs.appId}/${secretId}`,
          state: { ...args.inputs, secretId, secretHash: `hash-of-${args.name}`, clientSecret: "value", created: "c" },
        };
      },
      call: () => ({}),
    },
    "project",
    "stack",
    true,
  );
  okta = await startOktaEmulator({ rateLimit: "off" });
  pulumi.runtime.setAllConfig({ "okta-credentials:orgUrl": okta.url, "okta:apiToken": okta.apiToken }, [
    "okta:apiToken",
  ]);
});
afterAll(async () => {
  pulumi.runtime.setAllConfig({});
  await okta.close();
});

const resolve = <T>(o: pulumi.Output<T>): Promise<T> => new Promise((r) => o.apply(r));

/** Builds the component as a program run would at `now`, and returns what it registers. */
async function run(
  name: string,
  args: Partial<ConstructorParameters<typeof RotatingClientSecret>[1]> & { now: string },
) {
  const children: Child[] = [];
  const logged: string[] = [];
  const log = vi.spyOn(pulumi.log, "info").mockImplementation(async (message: string) => {
    logged.push(message);
  });
  const component = new RotatingClientSecret(
    name,
    { ...schedule, ...args },
    {
      transformations: [
        (a) => {
          if (a.name === name) return undefined;
          children.push({ type: a.type, name: a.name, props: a.props, opts: a.opts as pulumi.CustomResourceOptions });
          return undefined;
        },
      ],
    },
  );
  await resolve(pulumi.all([component.current.secretId, component.previous.secretId]));
  log.mockRestore();
  const slot = (n: 0 | 1) => {
    const child = children.find((c) => c.name === `${name}-slot${n}`);
    if (!child) throw new Error(`no slot ${n}`);
    return child;
  };
  return { component, children, logged, slots: [slot(0), slot(1)] as const };
}

/** A slot as the next run's diff sees it: its last inputs echoed in its outputs, and the secret it holds. */
async function asOutputs(child: Child, n: 0 | 1): Promise<Partial<ClientSecretOutputs>> {
  const triggers = await resolve(pulumi.output(child.props.rotationTriggers as Record<string, string>));
  return {
    appId,
    secretId: `ocs${n}abcdefghijklmnop`,
    status: child.props.status as "ACTIVE",
    rotationTriggers: triggers,
  };
}

type Run = Awaited<ReturnType<typeof run>>;

/**
 * What ClientSecret's own diff decides for each slot when the program goes from `before` (what the last up left in
 * Okta) to `now`, given the app's two secrets as that run finds them, less those the run's earlier replacements retire
 * (as the ledger's `itemsStaying` gives them to diff; the current slot registers, and is diffed, first); and whether
 * the secrets the run adds before retiring any fit in Okta's two (what the preview's room check counts).
 */
async function decide(before: Run, now: Run): Promise<{ changes: string; fits: boolean }> {
  const held = await Promise.all(([0, 1] as const).map((n) => asOutputs(before.slots[n], n)));
  const plans: Plan[] = [];
  const found = async () =>
    held
      .filter((o) => !plans.some((p) => p.kind === "replace" && p.retiring === o.secretId))
      .map((o) => ({ id: o.secretId as string, status: o.status as "ACTIVE" }));
  const changes: string[] = [];
  const registered = now.children.map((c) => (c.name.endsWith("-slot0") ? 0 : 1));
  for (const n of registered) {
    const news = { ...(await asOutputs(now.slots[n], n)), heldRetired: now.slots[n].props.heldRetired as boolean };
    const { source } = await clientSecretKind.readInputs(news);
    const urn = `urn:pulumi:stack::project::slot${n}`;
    const decision = await decideForExisting(clientSecretKind, urn, held[n] ?? {}, news, source, found);
    if (decision.plan) plans.push(decision.plan);
    if (decision.plan?.kind === "replace") {
      expect(decision.replaces).toEqual(["rotationTriggers"]);
      changes.push(`slot${n} replaced ${decision.plan.order}`);
    } else if (decision.statusChanges) changes.push(`slot${n} updated`);
  }
  // The provider's own room rule, as the preview applies it to the run's plans on the app.
  return {
    changes: changes.sort().join(", ") || "none",
    fits: fitsOnApp(held.length, plans, clientSecretKind.maxPerApp),
  };
}

describe("RotatingClientSecret across generations (program side)", () => {
  // anchor 2026-01-01, every 90 days, the previous retired 7 days in: generation g begins at anchor + (g-1) * 90 days.
  const walk = [
    { now: "2026-01-02", g: 1, slot0: ["0", "ACTIVE"], slot1: ["1", "ACTIVE"], change: "create both" },
    { now: "2026-01-10", g: 1, slot0: ["0", "INACTIVE"], slot1: ["1", "ACTIVE"], change: "slot0 updated" },
    { now: "2026-04-02", g: 2, slot0: ["2", "ACTIVE"], slot1: ["1", "ACTIVE"], change: "slot0 replaced delete-first" },
    { now: "2026-04-20", g: 2, slot0: ["2", "ACTIVE"], slot1: ["1", "INACTIVE"], change: "slot1 updated" },
    { now: "2026-05-01", g: 2, slot0: ["2", "ACTIVE"], slot1: ["1", "INACTIVE"], change: "none" },
    { now: "2026-07-01", g: 3, slot0: ["2", "ACTIVE"], slot1: ["3", "ACTIVE"], change: "slot1 replaced delete-first" },
    { now: "2026-07-09", g: 3, slot0: ["2", "INACTIVE"], slot1: ["3", "ACTIVE"], change: "slot0 updated" },
    { now: "2026-09-28", g: 4, slot0: ["4", "ACTIVE"], slot1: ["3", "ACTIVE"], change: "slot0 replaced delete-first" },
  ] as const;

  it("puts generation g in slot g % 2 and g - 1 in the other; a new generation replaces its slot delete-first", async () => {
    let before: Run | undefined;
    for (const [i, step] of walk.entries()) {
      const now = await run(`walk${i}`, { now: `${step.now}T00:00:00Z` });
      for (const n of [0, 1] as const) {
        const [generation, status] = step[`slot${n}`];
        expect(await resolve(pulumi.output(now.slots[n].props.rotationTriggers))).toEqual({ generation });
        expect(now.slots[n].props.status).toBe(status);
        expect(now.slots[n].props.heldRetired).toBe(true);
      }
      expect(await resolve(now.component.generation)).toBe(step.g);
      // The slot a new generation takes held g - 2, INACTIVE: replaced delete-first, no third secret needed.
      const decided = before ? await decide(before, now) : { changes: "create both", fits: true };
      expect(decided).toEqual({ changes: step.change, fits: true });
      before = now;
    }
  });

  // What the next up does when ups were missed: `last` is the time of the last up, `next` the time of the next one.
  const skips = [
    // No up between 2026-01-08 (generation 0 retires) and 2026-04-01 (generation 2 begins in its slot): slot 0 still
    // holds generation 0, ACTIVE. heldRetired: deleted first while slot 1's generation 1 is ACTIVE, in one run.
    {
      case: "one missed retirement window",
      last: "2026-01-02",
      next: "2026-04-02",
      changes: "slot0 replaced delete-first",
      fits: true,
    },
    {
      case: "a missed window, the next up past the new generation's retirement too",
      last: "2026-01-02",
      next: "2026-04-10",
      changes: "slot0 replaced delete-first, slot1 updated",
      fits: true,
    },
    // The current slot (1) goes delete-first while slot 0's secret is ACTIVE; slot 0 then sees its secret as the app's
    // only ACTIVE one (slot 1's is retired by this run, its new one not made yet at preview): create-first, no room.
    // The same mend as below (docs/rotation.md, "Missed windows"; tests/reliability/soak.test.ts on the real engine).
    {
      case: "a whole generation skipped, both secrets still ACTIVE",
      last: "2026-01-02",
      next: "2026-07-01",
      changes: "slot0 replaced create-first, slot1 replaced delete-first",
      fits: false,
    },
    // The last up retired generation 0: generation 1 is the app's only ACTIVE secret, which heldRetired never deletes
    // first, and the app is full: the preview stops at the two-secret limit (mend below).
    {
      case: "a whole generation skipped after a retirement",
      last: "2026-01-10",
      next: "2026-07-01",
      changes: "slot0 replaced delete-first, slot1 replaced create-first",
      fits: false,
    },
    {
      case: "the mend: first an up inside the skipped generation",
      last: "2026-01-10",
      next: "2026-04-02",
      changes: "slot0 replaced delete-first",
      fits: true,
    },
    {
      case: "then the normal up",
      last: "2026-04-02",
      next: "2026-07-01",
      changes: "slot1 replaced delete-first",
      fits: true,
    },
  ];

  it.each(skips)("after ups were missed: $case", async ({ last, next, changes, fits }) => {
    const before = await run(`last${last}`, { now: `${last}T00:00:00Z` });
    const now = await run(`next${next}${last}`, { now: `${next}T00:00:00Z` });
    expect(await decide(before, now)).toEqual({ changes, fits });
  });

  it("registers the current slot first and makes the previous one wait for it (and for the verification)", async () => {
    const plain = await run("order", { now: "2026-04-20T00:00:00Z" });
    const [slot0, slot1] = plain.slots;
    expect(plain.children.map((c) => c.name)).toEqual(["order-slot0", "order-slot1"]);
    expect(slot0.opts.dependsOn).toEqual([]);
    expect(slot1.opts.dependsOn).toEqual([plain.component.slots[0]]);
    expect(plain.children.every((c) => c.opts.parent === plain.component)).toBe(true);

    const verified = await run("checked", { now: "2026-04-20T00:00:00Z", verify: true });
    const verification = verified.children.find((c) => c.name === "checked-verify");
    expect(verification?.type).toBe("pulumi-nodejs:dynamic/okta:ClientSecretVerification");
    expect(verified.children.map((c) => c.name)).toEqual(["checked-slot0", "checked-verify", "checked-slot1"]);
    expect(verified.slots[1].opts.dependsOn).toHaveLength(2);
    const props = verification?.props ?? {};
    expect(await resolve(pulumi.output(props.secretId))).toBe(await resolve(verified.component.current.secretId));
    expect(await resolve(pulumi.output(props.secretHash))).toBe("hash-of-checked-slot0");
    expect(props.checkedFor).toBe("generation 2, previous INACTIVE");
    // The check is told which secret by id and hash: its inputs hold no secret value.
    expect(props).not.toHaveProperty("clientSecret");
  });

  it("hands out current and previous with only the secret value secret", async () => {
    const { component, slots } = await run("outputs", { now: "2026-04-02T00:00:00Z" });
    for (const slot of slots) expect(slot.opts.additionalSecretOutputs).toEqual(["clientSecret"]);
    expect(component.current.secretId).toBe(component.slots[0].secretId);
    expect(component.current.clientSecret).toBe(component.slots[0].clientSecret);
    expect(component.previous.clientSecret).toBe(component.slots[1].clientSecret);
    const plain: pulumi.Output<unknown>[] = [
      component.current.secretId,
      component.current.status,
      component.generation,
    ];
    for (const output of plain) {
      expect(await pulumi.isSecret(output)).toBe(false);
    }
    expect(await resolve(component.nextRotationAt)).toBe("2026-06-30T00:00:00.000Z");
    expect(await resolve(component.previousRetiresAt)).toBe("2026-04-08T00:00:00.000Z");
  });

  it("says in the preview why the slots are what they are", async () => {
    const { logged } = await run("why", { now: "2026-11-25T00:00:00Z" });
    expect(logged).toEqual([
      'RotatingClientSecret "why": generation 4 began 2026-09-28; previous retired 2026-10-05; next rotation ' +
        "2026-12-27 (time 2026-11-25 from input now)",
    ]);
  });

  it("adoptExisting: the previous slot takes over the app's only secret; with none or two it adopts nothing", async () => {
    const app = await okta.createApp();
    const [only] = okta.state().apps.find((a) => a.id === app.id)?.secrets ?? [];
    const one = await run("adopt1", { appId: app.id, now: "2026-04-02T00:00:00Z", adoptExisting: true });
    expect(await resolve(pulumi.output(one.slots[1].props.adoptSecretId))).toBe(only?.id);
    expect(one.slots[0].props.adoptSecretId).toBeUndefined();
    expect(one.logged).toContain(
      `RotatingClientSecret "adopt1": adoptExisting: the previous slot takes over ${only?.id}, the app's only secret`,
    );

    await fetch(`${okta.url}/api/v1/apps/${app.id}/credentials/secrets`, {
      method: "POST",
      headers: { Authorization: `SSWS ${okta.apiToken}`, "Content-Type": "application/json" },
      body: "{}",
    });
    const two = await run("adopt2", { appId: app.id, now: "2026-04-02T00:00:00Z", adoptExisting: true });
    expect(await resolve(pulumi.output(two.slots[1].props.adoptSecretId))).toBeUndefined();

    const none = await okta.createApp({
      credentials: { oauthClient: { token_endpoint_auth_method: "private_key_jwt" } },
    } as never);
    const zero = await run("adopt0", { appId: none.id, now: "2026-04-02T00:00:00Z", adoptExisting: true });
    expect(await resolve(pulumi.output(zero.slots[1].props.adoptSecretId))).toBeUndefined();
    expect(zero.logged).toContain(
      'RotatingClientSecret "adopt0": adoptExisting: the app holds no secret to take over; the previous slot creates one',
    );
  });

  it("refuses bad schedule arguments with the component's name, the argument and the fix", () => {
    expect(() => new RotatingClientSecret("bad", { ...schedule, rotateEvery: "3m" })).toThrow(
      'RotatingClientSecret "bad": rotateEvery "3m" is not an ISO 8601 duration: write "PT3M"',
    );
    expect(() => new RotatingClientSecret("late", { ...schedule, now: "2025-06-01" })).toThrow(
      'RotatingClientSecret "late": anchor 2026-01-01 is after the current time',
    );
    expect(() => new RotatingClientSecret("flag", { ...schedule, verify: "yes" as never })).toThrow(
      'RotatingClientSecret "flag": verify must be true or false, got "yes"',
    );
  });
});
