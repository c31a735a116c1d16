import * as pulumi from "@pulumi/pulumi";
import { type ScheduleArgs, scheduleReason, type TwoSlotSchedule, twoSlotSchedule } from "./schedule";

/** The arguments every rotating component takes besides the schedule's: plain values, read when the program runs. */
export interface RotationFlags {
  /** Take over the app's only credential as the first `previous` generation. */
  adoptExisting?: boolean;
  /** Prove the current credential at the org's introspection endpoint before the previous one is deactivated. */
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
 * The credential the previous slot adopts (`noun`: `secret`, `key`), from the app's credentials as the program runs:
 * the app's only one (a new app); or, when it holds two and one is the current slot's (`currentHolds`), the other, so
 * that a first `up` cut short after the current slot's credential was made is mended by the next (the app holds its
 * own and the new one then, and the previous slot takes its own over instead of asking for a third). Otherwise nothing
 * to adopt, and the run says so when the app holds none. In later generations the other one is what the previous slot
 * holds already, which changes nothing; while the current slot is replaced its id is unknown at preview, and so is
 * the target, which the provider reads as no change.
 */
export function adoptionTarget(
  ids: pulumi.Output<string[]>,
  currentHolds: () => pulumi.Output<string>,
  noun: string,
  say: (line: string) => void,
): pulumi.Output<string | undefined> {
  return ids.apply((held): pulumi.Output<string | undefined> => {
    const [only] = held;
    if (held.length === 1 && only) {
      say(`adoptExisting: the previous slot takes over ${only}, the app's only ${noun}`);
      return pulumi.output<string | undefined>(only);
    }
    if (held.length === 2) {
      return currentHolds().apply((mine) => (held.includes(mine) ? held.find((id) => id !== mine) : undefined));
    }
    if (held.length === 0) say(`adoptExisting: the app holds no ${noun} to take over; the previous slot creates one`);
    return pulumi.output<string | undefined>(undefined);
  });
}
