import * as pulumi from "@pulumi/pulumi";
import { type ScheduleArgs, scheduleReason, type TwoSlotSchedule, twoSlotSchedule } from "./schedule";

/** The arguments every rotating component takes besides the schedule's: plain values, read when the program runs. */
export interface RotationFlags {
  /** Take over the app's only credential as the first `previous` generation. */
  adoptExisting?: boolean;
  /** Prove the current credential at the org's token endpoint before the previous one is deactivated. */
  verify?: boolean;
}

/** Where a rotating component stands, and how it speaks in the run's output. */
interface Rotation {
  schedule: TwoSlotSchedule;
  /** Logs a line on the stack, prefixed by the component: `RotatingClientSecret "api": …`. */
  say(line: string): void;
}

/**
 * Validates a rotating component's flags and computes its schedule, with errors that name the component, the argument
 * and the fix, then logs why the slots are what they are. Logged on the stack, not on the component: `pulumi preview
 * --diff` shows only the diagnostics of resources that change, and the component itself never does.
 */
export function startRotation(kind: string, name: string, args: ScheduleArgs & RotationFlags): Rotation {
  for (const flag of ["adoptExisting", "verify"] as const) {
    const value: unknown = args[flag];
    if (value !== undefined && typeof value !== "boolean") {
      throw new Error(`${kind} "${name}": ${flag} must be true or false, got ${JSON.stringify(value)}`);
    }
  }
  let schedule: TwoSlotSchedule;
  try {
    schedule = twoSlotSchedule(args);
  } catch (e) {
    throw new Error(`${kind} "${name}": ${e instanceof Error ? e.message : String(e)}`);
  }
  const say = (line: string) => pulumi.log.info(`${kind} "${name}": ${line}`);
  say(scheduleReason(schedule));
  return { schedule, say };
}

/**
 * The app's only credential (`noun`: `secret`, `key`), when it holds exactly one as the program runs (a new app): the
 * previous slot adopts it. Otherwise nothing to adopt, and the run says so when the app holds none.
 */
export function adoptionTarget(
  ids: pulumi.Output<string[]>,
  noun: string,
  say: (line: string) => void,
): pulumi.Output<string | undefined> {
  return ids.apply((held) => {
    const [only] = held;
    if (held.length === 1 && only) {
      say(`adoptExisting: the previous slot takes over ${only}, the app's only ${noun}`);
      return only;
    }
    if (held.length === 0) say(`adoptExisting: the app holds no ${noun} to take over; the previous slot creates one`);
    return undefined;
  });
}
