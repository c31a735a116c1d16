import * as pulumi from "@pulumi/pulumi";
import { adoptionTarget, type RotationFlags, startRotation } from "./component";
import type { ScheduleArgs, SlotPlan } from "./schedule";
import { registerTwoSlots, slotTriggers } from "./twoSlots";

/** The arguments every rotating component takes: its app, its schedule and its flags. */
export interface RotatingCredentialArgs extends ScheduleArgs, RotationFlags {
  /** The OIDC app (`0oa…`). */
  appId: pulumi.Input<string>;
}

/** The inputs of a slot's credential resource that the schedule decides. */
interface SlotInputs {
  appId: pulumi.Input<string>;
  /** The slot's generation: a new one replaces its credential. */
  rotationTriggers: Record<string, string>;
  status: SlotPlan["status"];
  /**
   * Always true: whatever a slot holds that is not its planned generation is two or more generations old, past its
   * retirement, so a new generation may replace it delete-first even if it is still ACTIVE (a missed window).
   */
  heldRetired: true;
}

/**
 * What one kind of rotating component makes (its slot resources, their verification) and hands out: everything else,
 * the schedule, the slots' order and the adoption of the app's only credential, is {@link RotatingCredential}'s.
 */
interface RotationSpec<Slot extends pulumi.Resource, View> {
  /** The component's type token, e.g. `pulumi-okta-credentials:index:RotatingClientSecret`. */
  type: string;
  /** Its name in messages, e.g. `RotatingClientSecret`. */
  kind: string;
  /** What it rotates, in messages: `secret`, `key`. */
  noun: string;
  /** The ids of the app's credentials as the program runs, for `adoptExisting`. */
  heldIds(appId: pulumi.Input<string>): pulumi.Output<string[]>;
  /** The id of the credential a slot holds (its `secretId`, `keyId`). */
  heldId(slot: Slot): pulumi.Output<string>;
  /**
   * Makes a slot's resource, named `name`, with the inputs every slot has (`slot`: its app, generation, status and
   * `heldRetired`) and, when set, the credential it takes over (`adopt`).
   */
  slot(
    name: string,
    slot: SlotInputs,
    adopt: pulumi.Output<string> | undefined,
    opts: pulumi.CustomResourceOptions,
  ): Slot;
  /** A resource that succeeds only when the current slot's credential authenticates (`checkedFor`: why it checks). */
  verify(current: Slot, name: string, checkedFor: string, opts: pulumi.CustomResourceOptions): pulumi.Resource;
  /** What a generation hands out, from its slot. */
  view(slot: Slot): View;
}

/**
 * Two credential slots of one app rotated on a schedule, with a retirement window across deploys: generation `g`
 * (counted from `anchor` in steps of `rotateEvery`) lives in slot `g % 2` and `g - 1` in the other, ACTIVE until
 * `retireAfter` past the start of `g`; each `pulumi up` brings the slots to where the schedule stands. A new
 * generation replaces the slot that holds `g - 2`, INACTIVE by then (or retired all the same when a window was
 * missed: the slots say `heldRetired`), delete-first, so the app never holds more than its two and keeps an ACTIVE
 * credential at every moment. The base of {@link RotatingClientSecret} and {@link RotatingClientJsonWebKey}.
 */
export abstract class RotatingCredential<Slot extends pulumi.Resource, View> extends pulumi.ComponentResource {
  /** The newest generation's credential: what clients should use. */
  public readonly current: View;
  /** The generation before: ACTIVE until `previousRetiresAt`, then INACTIVE. */
  public readonly previous: View;
  /** The current generation's number (1 from the anchor). */
  public readonly generation: pulumi.Output<number>;
  /** When the next generation begins (ISO 8601): the first `up` from then on rotates. */
  public readonly nextRotationAt: pulumi.Output<string>;
  /** When the previous generation's credential is due to be deactivated (ISO 8601). */
  public readonly previousRetiresAt: pulumi.Output<string>;
  /** The two slot resources, by slot number. */
  public readonly slots: readonly [Slot, Slot];

  protected constructor(
    name: string,
    args: RotatingCredentialArgs,
    spec: RotationSpec<Slot, View>,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super(spec.type, name, {}, opts);
    const { schedule, say } = startRotation(spec.kind, name, args);
    // The current slot is registered first (registerTwoSlots); the previous one's adoption target may need its id.
    let current: Slot | undefined;
    const currentHolds = () => (current ? spec.heldId(current) : pulumi.output(""));
    const adopted =
      args.adoptExisting === true ? adoptionTarget(spec.heldIds(args.appId), currentHolds, spec.noun, say) : undefined;
    const checkedFor = `generation ${schedule.generation}, previous ${schedule.previous.status}`;
    const slots = registerTwoSlots(name, schedule, {
      slot: (plan, childName, dependsOn) => {
        const slot = spec.slot(
          childName,
          { appId: args.appId, rotationTriggers: slotTriggers(plan), status: plan.status, heldRetired: true },
          // An adoption target that resolves to undefined leaves the input out.
          plan.role === "previous" ? (adopted as pulumi.Output<string> | undefined) : undefined,
          { parent: this, dependsOn },
        );
        if (plan.role === "current") current = slot;
        return slot;
      },
      ...(args.verify === true
        ? { verify: (current: Slot) => spec.verify(current, `${name}-verify`, checkedFor, { parent: this }) }
        : {}),
    });
    this.slots = slots.bySlot;
    this.current = spec.view(slots.current);
    this.previous = spec.view(slots.previous);
    this.generation = pulumi.output(schedule.generation);
    this.nextRotationAt = pulumi.output(schedule.nextRotationAt);
    this.previousRetiresAt = pulumi.output(schedule.previousRetiresAt);
    this.registerOutputs({
      current: this.current,
      previous: this.previous,
      generation: this.generation,
      nextRotationAt: this.nextRotationAt,
      previousRetiresAt: this.previousRetiresAt,
    });
  }
}
