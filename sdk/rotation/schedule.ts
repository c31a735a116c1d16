import { parseFixedDuration } from "./duration";
import { parseInstant, shortInstant } from "./instant";

/** The environment variable that overrides the current time of every schedule: for tests and dry runs only. */
export const nowVariable = "OKTA_CREDENTIALS_NOW";

/** The anchor when none is given: the Unix epoch, which never moves between runs. */
export const defaultAnchor = "1970-01-01T00:00:00Z";

/** When the schedule turns: plain values, read when the program runs. */
export interface ScheduleArgs {
  /** ISO 8601 duration of fixed-length units, e.g. `P90D`: how long each generation is current. */
  rotateEvery: string;
  /** ISO 8601 duration, shorter than `rotateEvery`: how long the previous generation stays ACTIVE once the next began. */
  retireAfter: string;
  /** ISO 8601 date the schedule counts from: generation 1 begins then. Default `1970-01-01T00:00:00Z`, which never moves. */
  anchor?: string;
  /** Overrides the current time (ISO 8601), before `OKTA_CREDENTIALS_NOW` and the clock: for tests and dry runs. */
  now?: string;
}

/** One of the two slots, as the schedule wants it now. */
export interface SlotPlan {
  slot: 0 | 1;
  /** The generation the slot holds: `g` for the current slot, `g - 1` for the previous one. */
  generation: number;
  role: "current" | "previous";
  /** The current slot is always ACTIVE; the previous one until `previousRetiresAt`. */
  status: "ACTIVE" | "INACTIVE";
}

/**
 * Where a two-slot rotation stands at one instant. Generation `g` (1 from the anchor) begins at
 * `anchor + (g - 1) * rotateEvery` and lives in slot `g % 2`; generation `g - 1` is in the other slot and stays ACTIVE
 * until `retireAfter` past the start of `g`. So when a generation begins, its slot holds `g - 2`, retired long since.
 */
export interface TwoSlotSchedule {
  generation: number;
  generationStartedAt: string;
  nextRotationAt: string;
  previousRetiresAt: string;
  /** True once `previousRetiresAt` has passed: the previous slot is INACTIVE. */
  previousRetired: boolean;
  /** The instant the schedule was computed for, and where it came from. */
  now: string;
  nowFrom: "input now" | typeof nowVariable | "clock";
  current: SlotPlan;
  previous: SlotPlan;
  /** Both plans by slot number. */
  slots: readonly [SlotPlan, SlotPlan];
}

/**
 * Computes the schedule at the current time (`args.now`, else the `OKTA_CREDENTIALS_NOW` environment variable, else
 * the clock). Throws an error naming the argument and the fix for any bad input. Knows nothing of what a slot holds:
 * the same schedule serves client secrets and JSON Web Keys.
 *
 * @example
 * ```ts
 * const s = twoSlotSchedule({ rotateEvery: "P90D", retireAfter: "P7D", anchor: "2026-01-01" });
 * s.current.slot; // where generation s.generation lives
 * ```
 */
export function twoSlotSchedule(
  args: ScheduleArgs,
  env: Record<string, string | undefined> = process.env,
  clock: () => number = Date.now,
): TwoSlotSchedule {
  const every = parseFixedDuration("rotateEvery", args.rotateEvery);
  const retire = parseFixedDuration("retireAfter", args.retireAfter);
  if (retire >= every) {
    throw new Error(
      `retireAfter (${args.retireAfter}) must be shorter than rotateEvery (${args.rotateEvery}): the previous ` +
        "generation must be retired before its slot is needed for the next one; shorten retireAfter or lengthen rotateEvery",
    );
  }
  const anchor = parseInstant("anchor", args.anchor ?? defaultAnchor);
  const { now, nowFrom } = currentTime(args, env, clock);
  if (now < anchor) {
    throw new Error(
      `anchor ${args.anchor} is after the current time (${new Date(now).toISOString()}, from ${nowFrom}): the schedule ` +
        "has not begun; set anchor to a date in the past (generation 1 begins at the anchor)",
    );
  }
  const generation = Math.floor((now - anchor) / every) + 1;
  const startedAt = anchor + (generation - 1) * every;
  const retiresAt = startedAt + retire;
  const previousRetired = now >= retiresAt;
  const current: SlotPlan = { slot: slotOf(generation), generation, role: "current", status: "ACTIVE" };
  const previous: SlotPlan = {
    slot: slotOf(generation - 1),
    generation: generation - 1,
    role: "previous",
    status: previousRetired ? "INACTIVE" : "ACTIVE",
  };
  return {
    generation,
    generationStartedAt: new Date(startedAt).toISOString(),
    nextRotationAt: new Date(startedAt + every).toISOString(),
    previousRetiresAt: new Date(retiresAt).toISOString(),
    previousRetired,
    now: new Date(now).toISOString(),
    nowFrom,
    current,
    previous,
    slots: current.slot === 0 ? [current, previous] : [previous, current],
  };
}

/** Why the slots are what they are, in one line: `generation 5 began 2026-11-20; previous retires 2026-11-27; …`. */
export function scheduleReason(schedule: TwoSlotSchedule): string {
  const at = (iso: string) => shortInstant(Date.parse(iso));
  const retires = `previous ${schedule.previousRetired ? "retired" : "retires"}`;
  const clock = schedule.nowFrom === "clock" ? "" : ` (time ${at(schedule.now)} from ${schedule.nowFrom})`;
  return (
    `generation ${schedule.generation} began ${at(schedule.generationStartedAt)}; ${retires} ` +
    `${at(schedule.previousRetiresAt)}; next rotation ${at(schedule.nextRotationAt)}${clock}`
  );
}

function slotOf(generation: number): 0 | 1 {
  return generation % 2 === 0 ? 0 : 1;
}

function currentTime(
  args: ScheduleArgs,
  env: Record<string, string | undefined>,
  clock: () => number,
): { now: number; nowFrom: TwoSlotSchedule["nowFrom"] } {
  if (args.now !== undefined) return { now: parseInstant("now", args.now), nowFrom: "input now" };
  const fromEnv = env[nowVariable];
  if (fromEnv !== undefined && fromEnv !== "") return { now: parseInstant(nowVariable, fromEnv), nowFrom: nowVariable };
  return { now: clock(), nowFrom: "clock" };
}
