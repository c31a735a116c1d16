import * as pulumi from "@pulumi/pulumi";
import { ClientJsonWebKey, type ClientJsonWebKeyStatus, type GenerateKeyPairArgs } from "./clientJsonWebKey";
import { ClientJsonWebKeyVerification } from "./clientJsonWebKeyVerification";
import { listClientJsonWebKeysOutput } from "./listClientJsonWebKeys";
import { adoptionTarget, type RotationFlags, startRotation } from "./rotation/component";
import type { ScheduleArgs } from "./rotation/schedule";
import { registerTwoSlots, slotTriggers } from "./rotation/twoSlots";

const componentType = "pulumi-okta-credentials:index:RotatingClientJsonWebKey";

/** The arguments of a {@link RotatingClientJsonWebKey}. The schedule's are plain values, read when the program runs. */
export interface RotatingClientJsonWebKeyArgs extends ScheduleArgs, RotationFlags {
  /** The OIDC app (`0oa…`), one that authenticates with `private_key_jwt`. */
  appId: pulumi.Input<string>;
  /** The key pair each generation gets, made by the provider. Default `{ algorithm: "RS256" }` (RSA, 2048 bits). */
  generate?: pulumi.Input<GenerateKeyPairArgs>;
  /**
   * Take over the key a new app comes with as the first `previous` generation: when the app holds exactly one key as
   * the program runs, the previous slot adopts it instead of adding one (its private half is yours: `previous` then
   * has no `privateKeyPem`). Default false.
   */
  adoptExisting?: boolean;
  /**
   * Before the previous key is deactivated, prove that the current one authenticates at the org's token endpoint (a
   * `client_credentials` request with an assertion signed by its private key, its `kid` in the header, no scope); a
   * refusal fails the `up` and the previous key stays ACTIVE. Default false.
   */
  verify?: boolean;
}

/** One generation's key, as a {@link RotatingClientJsonWebKey} hands it out. */
export interface RotatingJsonWebKey {
  /** Okta's id of the key (`pks…`). */
  keyId: pulumi.Output<string>;
  /** What a client assertion's header names. */
  kid: pulumi.Output<string>;
  /** The public JWK as Okta holds it. */
  publicJwk: pulumi.Output<Record<string, string>>;
  /** The private half, PKCS#8 PEM; always a Pulumi secret; absent for an adopted key. */
  privateKeyPem: pulumi.Output<string | undefined>;
  /** The same private key as a JWK; always a Pulumi secret; absent for an adopted key. */
  privateJwk: pulumi.Output<Record<string, string> | undefined>;
  /** `ACTIVE` or `INACTIVE`, as Okta reports it. */
  status: pulumi.Output<ClientJsonWebKeyStatus>;
  /** When Okta added the key (ISO 8601). */
  created: pulumi.Output<string>;
}

/**
 * Two {@link ClientJsonWebKey} slots of one app (generated key pairs) rotated on a schedule, with a retirement window
 * across deploys, on the same schedule as `RotatingClientSecret`: generation `g` lives in slot `g % 2` and `g - 1` in
 * the other, ACTIVE until `retireAfter` past the start of `g`. A new generation replaces the slot that holds `g - 2`
 * delete-first (INACTIVE by then, or retired all the same when a window was missed: the slots say `heldRetired`), so
 * the app keeps an ACTIVE key at every moment and the new key never clashes with the old one.
 *
 * @example
 * ```ts
 * const signing = new RotatingClientJsonWebKey("signing", {
 *   appId, rotateEvery: "P90D", retireAfter: "P7D", anchor: "2026-01-01", verify: true,
 * });
 * export const privateKeyPem = signing.current.privateKeyPem; // a Pulumi secret: the client signs with it
 * export const kid = signing.current.kid;
 * ```
 */
export class RotatingClientJsonWebKey extends pulumi.ComponentResource {
  /** The newest generation's key: what clients should sign with. */
  public readonly current: RotatingJsonWebKey;
  /** The generation before: ACTIVE until `previousRetiresAt`, then INACTIVE. */
  public readonly previous: RotatingJsonWebKey;
  /** The current generation's number (1 from the anchor). */
  public readonly generation: pulumi.Output<number>;
  /** When the next generation begins (ISO 8601): the first `up` from then on rotates. */
  public readonly nextRotationAt: pulumi.Output<string>;
  /** When the previous generation's key is due to be deactivated (ISO 8601). */
  public readonly previousRetiresAt: pulumi.Output<string>;
  /** The two `ClientJsonWebKey` children, by slot number. */
  public readonly slots: readonly [ClientJsonWebKey, ClientJsonWebKey];

  constructor(name: string, args: RotatingClientJsonWebKeyArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType, name, {}, opts);
    const { schedule, say } = startRotation("RotatingClientJsonWebKey", name, args);
    const adopted =
      args.adoptExisting === true
        ? adoptionTarget(
            listClientJsonWebKeysOutput({ appId: args.appId }).apply(({ keys }) => keys.map((k) => k.keyId)),
            "key",
            say,
          )
        : undefined;
    const verifyCurrent = (current: ClientJsonWebKey) =>
      new ClientJsonWebKeyVerification(
        `${name}-verify`,
        {
          appId: args.appId,
          keyId: current.keyId,
          kid: current.kid,
          privateKey: current.privateKeyPem,
          checkedFor: `generation ${schedule.generation}, previous ${schedule.previous.status}`,
        },
        { parent: this },
      );
    const slots = registerTwoSlots(name, schedule, {
      slot: (plan, childName, dependsOn) =>
        new ClientJsonWebKey(
          childName,
          {
            appId: args.appId,
            generate: args.generate ?? { algorithm: "RS256" },
            rotationTriggers: slotTriggers(plan),
            status: plan.status,
            // Whatever a slot holds that is not its planned generation is past its retirement (see RotatingClientSecret).
            heldRetired: true,
            // An adoption target that resolves to undefined leaves the input out.
            ...(plan.role === "previous" && adopted !== undefined
              ? { adoptKeyId: adopted as pulumi.Output<string> }
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

function view(slot: ClientJsonWebKey): RotatingJsonWebKey {
  return {
    keyId: slot.keyId,
    kid: slot.kid,
    publicJwk: slot.publicJwk,
    privateKeyPem: slot.privateKeyPem,
    privateJwk: slot.privateJwk,
    status: slot.status,
    created: slot.created,
  };
}
