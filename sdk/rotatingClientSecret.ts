import type * as pulumi from "@pulumi/pulumi";
import { ClientSecret, type ClientSecretStatus } from "./clientSecret";
import { ClientSecretVerification } from "./clientSecretVerification";
import { listClientSecretsOutput } from "./listClientSecrets";
import { RotatingCredential, type RotatingCredentialArgs } from "./rotation/rotatingCredential";

/** The arguments of a {@link RotatingClientSecret}. The schedule's are plain values, read when the program runs. */
export interface RotatingClientSecretArgs extends RotatingCredentialArgs {
  /**
   * Take over the secret a new app comes with as the first `previous` generation: when the app holds exactly one
   * secret as the program runs, the previous slot adopts it instead of creating one (or, when it holds two and one is
   * the current slot's, the other: so a first `up` cut short is mended by the next). Default false.
   */
  adoptExisting?: boolean;
  /**
   * Before the previous secret is deactivated, prove that the current one authenticates its client at the org's
   * introspection endpoint (`/oauth2/v1/introspect` of a random token, the secret as the client's authentication);
   * a refusal fails the `up` and the previous secret stays ACTIVE. Default false.
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
 * `current` is the newest generation's secret (what clients should use), `previous` the one before.
 *
 * @example
 * ```ts
 * const api = new RotatingClientSecret("api", {
 *   appId, rotateEvery: "P90D", retireAfter: "P7D", anchor: "2026-01-01", adoptExisting: true, verify: true,
 * });
 * export const clientSecret = api.current.clientSecret; // a Pulumi secret: hand it to the app's clients
 * ```
 */
export class RotatingClientSecret extends RotatingCredential<ClientSecret, RotatingSecret> {
  constructor(name: string, args: RotatingClientSecretArgs, opts?: pulumi.ComponentResourceOptions) {
    super(
      name,
      args,
      {
        type: "pulumi-okta-credentials:index:RotatingClientSecret",
        kind: "RotatingClientSecret",
        noun: "secret",
        heldId: (slot) => slot.secretId,
        heldIds: (appId) => listClientSecretsOutput({ appId }).apply(({ secrets }) => secrets.map((s) => s.secretId)),
        slot: (childName, slot, adopt, slotOpts) =>
          new ClientSecret(childName, { ...slot, ...(adopt === undefined ? {} : { adoptSecretId: adopt }) }, slotOpts),
        verify: (current, verifyName, checkedFor, verifyOpts) =>
          new ClientSecretVerification(
            verifyName,
            { appId: args.appId, secretId: current.secretId, secretHash: current.secretHash, checkedFor },
            verifyOpts,
          ),
        view: (slot) => ({
          secretId: slot.secretId,
          clientSecret: slot.clientSecret,
          status: slot.status,
          created: slot.created,
        }),
      },
      opts,
    );
  }
}
