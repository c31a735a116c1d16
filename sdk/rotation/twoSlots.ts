import type * as pulumi from "@pulumi/pulumi";
import type { SlotPlan, TwoSlotSchedule } from "./schedule";

/** The two slot resources of a rotation, by role and by slot number. */
interface TwoSlots<Slot> {
  current: Slot;
  previous: Slot;
  bySlot: readonly [Slot, Slot];
}

/** How a rotating component makes one slot's resource and, optionally, proves the current one works. */
interface SlotFactory<Slot extends pulumi.Resource> {
  /** Makes the resource of `plan`'s slot, named `childName`; it must depend on `dependsOn`. */
  slot(plan: SlotPlan, childName: string, dependsOn: pulumi.Resource[]): Slot;
  /** A resource that succeeds only when the current slot's credential authenticates; the previous waits for it. */
  verify?(current: Slot): pulumi.Resource;
}

/**
 * Registers both slots of a rotation in the order that keeps a working credential at every moment: the current slot
 * first, then its verification, then the previous slot, which depends on both. So the previous slot's deactivation
 * (its status going INACTIVE) always happens after the current credential exists (and, with a verification, after it
 * authenticated), whether it is due in a later `up` or in the one that made the current credential. Children are
 * named `${name}-slot0` and `${name}-slot1`: a slot keeps its name, and so its URN, across generations.
 */
export function registerTwoSlots<Slot extends pulumi.Resource>(
  name: string,
  schedule: TwoSlotSchedule,
  factory: SlotFactory<Slot>,
): TwoSlots<Slot> {
  const current = factory.slot(schedule.current, `${name}-slot${schedule.current.slot}`, []);
  const verification = factory.verify?.(current);
  const after = verification ? [current, verification] : [current];
  const previous = factory.slot(schedule.previous, `${name}-slot${schedule.previous.slot}`, after);
  return { current, previous, bySlot: schedule.current.slot === 0 ? [current, previous] : [previous, current] };
}

/** The `rotationTriggers` of a slot: its generation. A new generation in the slot replaces its credential. */
export function slotTriggers(plan: SlotPlan): Record<string, string> {
  return { generation: String(plan.generation) };
}
