import { generateKeyPairSync } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type OktaEmulator, startOktaEmulator } from "../../../emulator/index";
import { readKeyInputs } from "../../../provider/resources/clientJsonWebKey/inputValidation";
import { clientJsonWebKeyKind } from "../../../provider/resources/clientJsonWebKey/kind";
import type { ClientJsonWebKeyOutputs } from "../../../provider/resources/clientJsonWebKey/types";
import { decideForExisting } from "../../../provider/resources/credential/plan";
import { RotatingClientJsonWebKey } from "../../../sdk";
import { createServiceApp } from "../../serviceApp";

// The key component as a program registers it, with pulumi.runtime.setMocks: which slot holds which generation, with
// which status and key pair, in which order, which outputs are secret, and what ClientJsonWebKey's own diff then
// decides for each slot from one run to the next. The schedule itself is the one RotatingClientSecret uses.
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
        const keyId = `pks${args.name
          .replace(/[^A-Za-z0-9]/g, "")
          .slice(-17)
          .padStart(17, "x")}`;
        const state = {
          ...args.inputs,
          keyId,
          kid: `kid-of-${args.name}`,
          privateKeyPem: "pem",
          privateJwk: { d: "d" },
        };
        return { id: `${args.inputs.appId}/${keyId}`, state: { ...state, status: args.inputs.status, created: "c" } };
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
  args: Partial<ConstructorParameters<typeof RotatingClientJsonWebKey>[1]> & { now: string },
) {
  const children: Child[] = [];
  const logged: string[] = [];
  const log = vi.spyOn(pulumi.log, "info").mockImplementation(async (message: string) => {
    logged.push(message);
  });
  const component = new RotatingClientJsonWebKey(
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
  await resolve(pulumi.all([component.current.keyId, component.previous.keyId]));
  log.mockRestore();
  const slot = (n: 0 | 1) => {
    const child = children.find((c) => c.name === `${name}-slot${n}`);
    if (!child) throw new Error(`no slot ${n}`);
    return child;
  };
  return { component, children, logged, slots: [slot(0), slot(1)] as const };
}

type Run = Awaited<ReturnType<typeof run>>;

/** A slot's inputs, resolved. */
async function inputsOf(child: Child): Promise<Record<string, unknown>> {
  const resolved = await resolve(pulumi.output(child.props));
  return resolved as Record<string, unknown>;
}

/** What ClientJsonWebKey's own diff decides for each slot from `before` (the last up) to `now`. */
async function decide(before: Run, now: Run): Promise<string> {
  const held = await Promise.all(
    ([0, 1] as const).map(async (n): Promise<Partial<ClientJsonWebKeyOutputs>> => {
      const last = await inputsOf(before.slots[n]);
      return {
        appId,
        keyId: `pks${n}abcdefghijklmnop`,
        kid: `kid${n}`,
        use: "sig",
        status: last.status as "ACTIVE",
        generate: last.generate as NonNullable<ClientJsonWebKeyOutputs["generate"]>,
        rotationTriggers: last.rotationTriggers as Record<string, string>,
      };
    }),
  );
  const found = async () => held.map((o) => ({ id: o.keyId, status: o.status, use: "sig" }) as never);
  const changes: string[] = [];
  for (const n of [0, 1] as const) {
    const news = await inputsOf(now.slots[n]);
    const { source, failures } = await readKeyInputs(news);
    expect(failures).toEqual([]);
    const decision = await decideForExisting(clientJsonWebKeyKind, `urn:slot${n}`, held[n] ?? {}, news, source, found);
    if (decision.plan?.kind === "replace") {
      expect(decision.replaces).toEqual(["rotationTriggers"]);
      changes.push(`slot${n} replaced ${decision.plan.order}`);
    } else if (decision.statusChanges) changes.push(`slot${n} updated`);
  }
  return changes.join(", ") || "none";
}

describe("RotatingClientJsonWebKey across generations (program side)", () => {
  const walk = [
    { now: "2026-01-02", g: 1, slot0: ["0", "ACTIVE"], slot1: ["1", "ACTIVE"], change: "create both" },
    { now: "2026-01-10", g: 1, slot0: ["0", "INACTIVE"], slot1: ["1", "ACTIVE"], change: "slot0 updated" },
    { now: "2026-04-02", g: 2, slot0: ["2", "ACTIVE"], slot1: ["1", "ACTIVE"], change: "slot0 replaced delete-first" },
    { now: "2026-04-20", g: 2, slot0: ["2", "ACTIVE"], slot1: ["1", "INACTIVE"], change: "slot1 updated" },
    { now: "2026-07-01", g: 3, slot0: ["2", "ACTIVE"], slot1: ["3", "ACTIVE"], change: "slot1 replaced delete-first" },
    // A missed window: slot 0 still holds generation 2, ACTIVE; heldRetired, while generation 3 is ACTIVE.
    { now: "2026-09-28", g: 4, slot0: ["4", "ACTIVE"], slot1: ["3", "ACTIVE"], change: "slot0 replaced delete-first" },
    { now: "2026-10-06", g: 4, slot0: ["4", "ACTIVE"], slot1: ["3", "INACTIVE"], change: "slot1 updated" },
  ] as const;

  it("puts generation g in slot g % 2 and g - 1 in the other; a new generation replaces its slot delete-first", async () => {
    let before: Run | undefined;
    for (const [i, step] of walk.entries()) {
      const now = await run(`walk${i}`, { now: `${step.now}T00:00:00Z` });
      for (const n of [0, 1] as const) {
        const [generation, status] = step[`slot${n}`];
        const props = await inputsOf(now.slots[n]);
        expect(props).toMatchObject({
          rotationTriggers: { generation },
          status,
          heldRetired: true,
          generate: { algorithm: "RS256" },
        });
        expect(now.slots[n].type).toBe("pulumi-nodejs:dynamic/okta:ClientJsonWebKey");
      }
      expect(await resolve(now.component.generation)).toBe(step.g);
      expect(before ? await decide(before, now) : "create both").toBe(step.change);
      before = now;
    }
  });

  it("a whole generation skipped after a retirement: the only ACTIVE key is not deleted first, the new one is added first", async () => {
    const before = await run("skipLast", { now: "2026-01-10T00:00:00Z" });
    const now = await run("skipNext", { now: "2026-07-01T00:00:00Z" });
    expect(await decide(before, now)).toBe("slot0 replaced delete-first, slot1 replaced create-first");
  });

  it("makes each generation's pair as `generate` says (default RS256)", async () => {
    const { slots } = await run("ec", { now: "2026-04-02T00:00:00Z", generate: { algorithm: "ES256" } });
    for (const slot of slots) expect((await inputsOf(slot)).generate).toEqual({ algorithm: "ES256" });
  });

  it("registers the current slot first, then the verification with the current key, then the previous slot", async () => {
    const plain = await run("order", { now: "2026-04-20T00:00:00Z" });
    expect(plain.children.map((c) => c.name)).toEqual(["order-slot0", "order-slot1"]);
    expect(plain.slots[1].opts.dependsOn).toEqual([plain.component.slots[0]]);
    expect(plain.children.every((c) => c.opts.parent === plain.component)).toBe(true);

    const verified = await run("checked", { now: "2026-04-20T00:00:00Z", verify: true });
    expect(verified.children.map((c) => c.name)).toEqual(["checked-slot0", "checked-verify", "checked-slot1"]);
    const verification = verified.children.find((c) => c.name === "checked-verify") as Child;
    expect(verification.type).toBe("pulumi-nodejs:dynamic/okta:ClientJsonWebKeyVerification");
    expect(verified.slots[1].opts.dependsOn).toHaveLength(2);
    const { current } = verified.component;
    const props = verification.props;
    expect(await resolve(pulumi.output(props.keyId))).toBe(await resolve(current.keyId));
    expect(await resolve(pulumi.output(props.kid))).toBe("kid-of-checked-slot0");
    expect(props.checkedFor).toBe("generation 2, previous INACTIVE");
    // The private key goes to the check only as a Pulumi secret.
    expect(await pulumi.isSecret(props.privateKey as pulumi.Output<string>)).toBe(true);
    expect(await resolve(props.privateKey as pulumi.Output<string>)).toBe("pem");
  });

  it("hands out current and previous: the private halves secret, the rest plain", async () => {
    const { component, slots } = await run("outputs", { now: "2026-04-02T00:00:00Z" });
    for (const slot of slots) expect(slot.opts.additionalSecretOutputs).toEqual(["privateKeyPem", "privateJwk"]);
    expect(component.current.privateKeyPem).toBe(component.slots[0].privateKeyPem);
    expect(component.previous.privateJwk).toBe(component.slots[1].privateJwk);
    expect(component.current.kid).toBe(component.slots[0].kid);
    const plain: pulumi.Output<unknown>[] = [component.current.keyId, component.current.kid, component.generation];
    for (const output of plain) expect(await pulumi.isSecret(output)).toBe(false);
    expect(await resolve(component.nextRotationAt)).toBe("2026-06-30T00:00:00.000Z");
    expect(await resolve(component.previousRetiresAt)).toBe("2026-04-08T00:00:00.000Z");
  });

  it("says in the preview why the slots are what they are", async () => {
    const { logged } = await run("why", { now: "2026-11-25T00:00:00Z" });
    expect(logged).toEqual([
      'RotatingClientJsonWebKey "why": generation 4 began 2026-09-28; previous retired 2026-10-05; next rotation ' +
        "2026-12-27 (time 2026-11-25 from input now)",
    ]);
  });

  it("adoptExisting: the previous slot takes over the app's only key; with two or none it adopts nothing", async () => {
    const service = await createServiceApp(okta);
    const [only] = okta.state().apps.find((a) => a.id === service.id)?.jwks ?? [];
    const one = await run("adopt1", { appId: service.id, now: "2026-04-02T00:00:00Z", adoptExisting: true });
    expect(await resolve(pulumi.output(one.slots[1].props.adoptKeyId))).toBe(only?.id);
    expect(one.slots[0].props.adoptKeyId).toBeUndefined();
    expect(one.logged).toContain(
      `RotatingClientJsonWebKey "adopt1": adoptExisting: the previous slot takes over ${only?.id}, the app's only key`,
    );
    const second = await fetch(`${okta.url}/api/v1/apps/${service.id}/credentials/jwks`, {
      method: "POST",
      headers: { Authorization: `SSWS ${okta.apiToken}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        ...generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ format: "jwk" }),
        kid: "second",
      }),
    });
    expect(second.status).toBe(201);
    const two = await run("adopt2", { appId: service.id, now: "2026-04-02T00:00:00Z", adoptExisting: true });
    expect(await resolve(pulumi.output(two.slots[1].props.adoptKeyId))).toBeUndefined();
    const none = await okta.createApp();
    const zero = await run("adopt0", { appId: none.id, now: "2026-04-02T00:00:00Z", adoptExisting: true });
    expect(await resolve(pulumi.output(zero.slots[1].props.adoptKeyId))).toBeUndefined();
    expect(zero.logged).toContain(
      'RotatingClientJsonWebKey "adopt0": adoptExisting: the app holds no key to take over; the previous slot creates one',
    );
  });

  it("refuses bad arguments with the component's name, the argument and the fix", () => {
    expect(() => new RotatingClientJsonWebKey("bad", { ...schedule, rotateEvery: "3m" })).toThrow(
      'RotatingClientJsonWebKey "bad": rotateEvery "3m" is not an ISO 8601 duration: write "PT3M"',
    );
    expect(() => new RotatingClientJsonWebKey("short", { ...schedule, retireAfter: "P90D" })).toThrow(
      'RotatingClientJsonWebKey "short": retireAfter (P90D) must be shorter than rotateEvery (P90D)',
    );
    expect(() => new RotatingClientJsonWebKey("flag", { ...schedule, adoptExisting: 1 as never })).toThrow(
      'RotatingClientJsonWebKey "flag": adoptExisting must be true or false, got 1',
    );
  });
});
