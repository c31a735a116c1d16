import type * as pulumi from "@pulumi/pulumi";
import { ClientJsonWebKey, type ClientJsonWebKeyStatus, type GenerateKeyPairArgs } from "./clientJsonWebKey";
import { ClientJsonWebKeyVerification } from "./clientJsonWebKeyVerification";
import { listClientJsonWebKeysOutput } from "./listClientJsonWebKeys";
import { RotatingCredential, type RotatingCredentialArgs } from "./rotation/rotatingCredential";

/** The arguments of a {@link RotatingClientJsonWebKey}. The schedule's are plain values, read when the program runs. */
export interface RotatingClientJsonWebKeyArgs extends RotatingCredentialArgs {
  /** The OIDC app (`0oa…`), one that authenticates with `private_key_jwt`. */
  appId: pulumi.Input<string>;
  /** The key pair each generation gets, made by the provider. Default `{ algorithm: "RS256" }` (RSA, 2048 bits). */
  generate?: pulumi.Input<GenerateKeyPairArgs>;
  /**
   * Take over the key a new app comes with as the first `previous` generation: when the app holds exactly one key as
   * the program runs, the previous slot adopts it instead of adding one (its private half is yours: `previous` then
   * has no `privateKeyPem`; with two, one the current slot's, it adopts the other). Default false.
   */
  adoptExisting?: boolean;
  /**
   * Before the previous key is deactivated, prove that the current one authenticates its client at the org's
   * introspection endpoint (`/oauth2/v1/introspect` of a random token, with an assertion signed by its private key,
   * its `kid` in the header); a refusal fails the `up` and the previous key stays ACTIVE. Default false.
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
 * the app keeps an ACTIVE key at every moment and the new key never clashes with the old one. `current` is the newest
 * generation's key (what clients should sign with), `previous` the one before.
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
export class RotatingClientJsonWebKey extends RotatingCredential<ClientJsonWebKey, RotatingJsonWebKey> {
  constructor(name: string, args: RotatingClientJsonWebKeyArgs, opts?: pulumi.ComponentResourceOptions) {
    super(
      name,
      args,
      {
        type: "pulumi-okta-credentials:index:RotatingClientJsonWebKey",
        kind: "RotatingClientJsonWebKey",
        noun: "key",
        heldId: (slot) => slot.keyId,
        heldIds: (appId) => listClientJsonWebKeysOutput({ appId }).apply(({ keys }) => keys.map((k) => k.keyId)),
        slot: (childName, slot, adopt, slotOpts) =>
          new ClientJsonWebKey(
            childName,
            {
              ...slot,
              generate: args.generate ?? { algorithm: "RS256" },
              ...(adopt === undefined ? {} : { adoptKeyId: adopt }),
            },
            slotOpts,
          ),
        verify: (current, verifyName, checkedFor, verifyOpts) =>
          new ClientJsonWebKeyVerification(
            verifyName,
            {
              appId: args.appId,
              keyId: current.keyId,
              kid: current.kid,
              privateKey: current.privateKeyPem,
              checkedFor,
            },
            verifyOpts,
          ),
        view: (slot) => ({
          keyId: slot.keyId,
          kid: slot.kid,
          publicJwk: slot.publicJwk,
          privateKeyPem: slot.privateKeyPem,
          privateJwk: slot.privateJwk,
          status: slot.status,
          created: slot.created,
        }),
      },
      opts,
    );
  }
}
