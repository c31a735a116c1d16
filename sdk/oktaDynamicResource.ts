import * as pulumi from "@pulumi/pulumi";
import { ownUrn } from "./ownUrn";

/**
 * A dynamic resource of this package, `pulumi-nodejs:dynamic/okta:<type>`: its inputs with its own URN among them (the
 * dynamic-provider plugin gives the hooks none: the `__resourceUrn` input tells them which resource they serve; its
 * `__` keeps it out of the engine's display), its outputs, and those of them that are always Pulumi secrets.
 */
abstract class OktaDynamicResource extends pulumi.dynamic.Resource {
  protected constructor(
    provider: pulumi.dynamic.ResourceProvider,
    type: string,
    name: string,
    resource: { inputs: Record<string, unknown>; outputs: readonly string[]; secretOutputs?: readonly string[] },
    opts: pulumi.CustomResourceOptions | undefined,
  ) {
    const props = {
      __resourceUrn: ownUrn(name, `pulumi-nodejs:dynamic/okta:${type}`, opts?.parent),
      ...resource.inputs,
      ...Object.fromEntries(resource.outputs.map((output) => [output, undefined])),
    };
    const secrets = resource.secretOutputs ?? [];
    const options =
      secrets.length === 0
        ? opts
        : { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...secrets] };
    super(provider, name, props, options, "okta", type);
  }
}

/** The inputs named by `keys`, as the program gave them: a resource sends only the inputs it declares. */
export function inputsFrom<T extends object, K extends keyof T & string>(args: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, args[key]])) as Pick<T, K>;
}

/** What every credential resource takes: its app, its status, what rotates it. */
export interface CredentialArgs<Status extends string> {
  /** The OIDC app the credential belongs to (`0oa…`). Changing it forces a replacement. */
  appId: pulumi.Input<string>;
  /** `ACTIVE` (default) or `INACTIVE`. Changed in place through Okta's lifecycle endpoints, never a replacement. */
  status?: pulumi.Input<Status>;
  /**
   * Arbitrary strings; any change forces a replacement, that is a rotation: the new credential is made before the old
   * one is deactivated and deleted. E.g. `{ rotation: "2026-11" }`.
   */
  rotationTriggers?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * Say that the credential this resource holds now is retired: no client uses it any more, even if it is still
   * ACTIVE. A replacement on the same app then deletes it first (deactivate, delete, then make the new one), as it does
   * an INACTIVE credential, so it needs no room (and a key's `kid` is free again); only while the app keeps another
   * ACTIVE one (a signing key, for keys), else the new one is made first as usual. Default false; never forces a
   * replacement or an update. The rotating components set it on their slots.
   */
  heldRetired?: pulumi.Input<boolean>;
}

/** A credential of an Okta app (a client secret, a JSON Web Key) as a Pulumi resource: what every kind outputs. */
export abstract class CredentialResource<Status extends string> extends OktaDynamicResource {
  /** The app the credential belongs to. */
  declare public readonly appId: pulumi.Output<string>;
  /** `ACTIVE` or `INACTIVE`, as Okta reports it. */
  declare public readonly status: pulumi.Output<Status>;
  /** When Okta made the credential (ISO 8601). */
  declare public readonly created: pulumi.Output<string>;
  /** When Okta last changed the credential, e.g. its status (ISO 8601). */
  declare public readonly lastUpdated: pulumi.Output<string>;
  /** The rotation triggers as given. */
  declare public readonly rotationTriggers: pulumi.Output<Record<string, string> | undefined>;
}

/**
 * A check made by `pulumi up` that a credential authenticates its app (a child of a rotating component with
 * `verify: true`): a refusal fails the `up`, so whatever depends on it does not run. It holds no Okta object.
 */
export abstract class VerificationResource extends OktaDynamicResource {
  /** When Okta last accepted the credential (ISO 8601). */
  declare public readonly verifiedAt: pulumi.Output<string>;
  /** What Okta answered once it had authenticated the client, e.g. `HTTP 200 {"active":false}`. */
  declare public readonly answer: pulumi.Output<string>;

  protected constructor(
    provider: pulumi.dynamic.ResourceProvider,
    type: string,
    name: string,
    inputs: Record<string, unknown>,
    opts: pulumi.CustomResourceOptions | undefined,
  ) {
    super(provider, type, name, { inputs, outputs: ["verifiedAt", "answer", "endpoint"] }, opts);
  }
}
