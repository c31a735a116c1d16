import * as pulumi from "@pulumi/pulumi";
import { ClientSecret, type ClientSecretStatus } from "./clientSecret";
import { ClientSecretVerification } from "./clientSecretVerification";
import { listClientSecretsOutput } from "./listClientSecrets";
import { adoptionTarget, type RotationFlags, startRotation } from "./rotation/component";
import type { ScheduleArgs } from "./rotation/schedule";
import { registerTwoSlots, slotTriggers } from "./rotation/twoSlots";

const componentType = "pulumi-okta-credentials:index:RotatingClientSecret";

/** The arguments of a {@link RotatingClientSecret}. The schedule's are plain values, read when the program runs. */
export interface RotatingClientSecretArgs extends ScheduleArgs, RotationFlags {
  /** The OIDC app (`0oa…`). */
  appId: pulumi.Input<string>;
  /**
   * Take over the secret a new app comes with as the first `previous` generation: when the app holds exactly one
   * secret as the program runs, the previous slot adopts it instead of creating one. Default false.
   */
  adoptExisting?: boolean;
  /**
   * Before the previous secret is deactivated, prove that the current one authenticates at the org's token endpoint
   * (a `client_credentials` request with the secret, no scope); a refusal fails the `up` and the previous secret
   * stays ACTIVE. Default false.
   */
  verify?: boolean;
}

/** One generation's secret, as a {@link RotatingClientSecret} hands it out. */
export interface RotatingSecret {
  /** Okta's id of the secret (`ocs…`). */
  secretId: pulumi.Output<string>;
  /** The secret itself; always a Pulumi secret. */
  clientSecret: pulumi.Output<string>;
  /** ACTIVE, or INACTIVE once retired. */
  status: pulumi.Output<ClientSecretStatus>;
  /** When Okta created the secret (ISO 8601). */
  created: pulumi.Output<string>;
}

/**
 * Two {@link ClientSecret} slots of one app rotated on a schedule, with a retirement window across deploys: generation
 * `g` (counted from `anchor` in steps of `rotateEvery`) lives in slot `g % 2` and `g - 1` in the other, ACTIVE until
 * `retireAfter` past the start of `g`; each `pulumi up` brings the slots to where the schedule stands. A new
 * generation replaces the slot that holds `g - 2`, INACTIVE by then, delete-first, so Okta never holds more than two
 * secrets and at least one is ACTIVE at every moment. When no `up` ran in the retirement window, `g - 2` is still
 * ACTIVE: the slots say so with `heldRetired`, so it is deleted first all the same while `g - 1` stays ACTIVE.
 *
 * @example
 * ```ts
 * const api = new RotatingClientSecret("api", {
 *   appId, rotateEvery: "P90D", retireAfter: "P7D", anchor: "2026-01-01", adoptExisting: true, verify: true,
 * });
 * export const clientSecret = api.current.clientSecret; // a Pulumi secret: hand it to the app's clients
 * ```
 */
export class RotatingClientSecret extends pulumi.ComponentResource {
  /** The newest generation's secret: what clients should use. */
  public readonly current: RotatingSecret;
  /** The generation before: ACTIVE until `previousRetiresAt`, then INACTIVE. */
  public readonly previous: RotatingSecret;
  /** The current generation's number (1 from the anchor). */
  public readonly generation: pulumi.Output<number>;
  /** When the next generation begins (ISO 8601): the first `up` from then on rotates. */
  public readonly nextRotationAt: pulumi.Output<string>;
  /** When the previous generation's secret is due to be deactivated (ISO 8601). */
  public readonly previousRetiresAt: pulumi.Output<string>;
  /** The two `ClientSecret` children, by slot number. */
  public readonly slots: readonly [ClientSecret, ClientSecret];

  constructor(name: string, args: RotatingClientSecretArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType, name, {}, opts);
    const { schedule, say } = startRotation("RotatingClientSecret", name, args);
    const adopted =
      args.adoptExisting === true
        ? adoptionTarget(
            listClientSecretsOutput({ appId: args.appId }).apply(({ secrets }) => secrets.map((s) => s.secretId)),
            "secret",
            say,
          )
        : undefined;
    const verifyCurrent = (current: ClientSecret) =>
      new ClientSecretVerification(
        `${name}-verify`,
        {
          appId: args.appId,
          secretId: current.secretId,
          secretHash: current.secretHash,
          checkedFor: `generation ${schedule.generation}, previous ${schedule.previous.status}`,
        },
        { parent: this },
      );
    const slots = registerTwoSlots(name, schedule, {
      slot: (plan, childName, dependsOn) =>
        new ClientSecret(
          childName,
          {
            appId: args.appId,
            rotationTriggers: slotTriggers(plan),
            status: plan.status,
            // Whatever a slot holds that is not its planned generation is two or more generations old, past its
            // retirement: a new generation may replace it delete-first even if it is still ACTIVE (a missed window).
            heldRetired: true,
            // An adoption target that resolves to undefined leaves the input out.
            ...(plan.role === "previous" && adopted !== undefined
              ? { adoptSecretId: adopted as pulumi.Output<string> }
              : {}),
          },
          { parent: this, dependsOn },
        ),
      ...(args.verify === true ? { verify: verifyCurrent } : {}),
    });
    this.slots = slots.bySlot;
    this.current = view(slots.current);
    this.previous = view(slots.previous);
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

function view(slot: ClientSecret): RotatingSecret {
  return { secretId: slot.secretId, clientSecret: slot.clientSecret, status: slot.status, created: slot.created };
}
