import * as pulumi from "@pulumi/pulumi";
import { ownUrn } from "./ownUrn";
import { clientSecretProvider } from "./providerShim";

/** The type token Pulumi gives this dynamic resource: `pulumi-nodejs:dynamic/<module>:<type>`. */
const typeToken = "pulumi-nodejs:dynamic/okta:ClientSecret";

/** The status of an Okta client secret: only ACTIVE secrets authenticate. */
export type ClientSecretStatus = "ACTIVE" | "INACTIVE";

/** The arguments of a {@link ClientSecret}. */
export interface ClientSecretArgs {
  /** The OIDC app the secret belongs to (`0oa…`). Changing it forces a replacement. */
  appId: pulumi.Input<string>;
  /**
   * Bring your own secret (14 to 100 printable ASCII characters, 32 or more when the app authenticates with
   * `client_secret_jwt`) instead of letting Okta generate 64 characters. Always stored as a Pulumi secret.
   * Changing it forces a replacement.
   */
  clientSecret?: pulumi.Input<string>;
  /** `ACTIVE` (default) or `INACTIVE`. Changed in place through Okta's lifecycle endpoints, never a replacement. */
  status?: pulumi.Input<ClientSecretStatus>;
  /**
   * Arbitrary strings; any change forces a replacement, that is a rotation: the new secret is created before the old
   * one is deactivated and deleted. E.g. `{ rotation: "2026-11" }`.
   */
  rotationTriggers?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * Take over an existing secret of the app (`ocs…`), such as the one Okta made with the app, instead of creating one.
   * Honoured when the resource is created or when this value changes; a later rotation creates a new secret.
   * The adopted secret is deleted with the resource (use `retainOnDelete` to keep it).
   */
  adoptSecretId?: pulumi.Input<string>;
  /**
   * Say that the secret this resource holds now is retired: no client needs it any more, even if it is still ACTIVE.
   * A replacement on the same app then deletes it first (deactivate, delete, then create), as it does an INACTIVE
   * secret, so it needs no free slot; only while the app keeps another ACTIVE secret, else it creates first as usual.
   * Default false; never forces a replacement or an update. `RotatingClientSecret` sets it on its slots.
   */
  heldRetired?: pulumi.Input<boolean>;
}

/**
 * One client secret of an Okta OIDC app, as a Pulumi resource.
 *
 * Rotation is a replacement: change `rotationTriggers` and `pulumi up` creates the new secret, then deactivates and
 * deletes the old one, so the app always has an ACTIVE secret. Okta allows two secrets per app, so the resource checks
 * the app's free slots at preview and explains the fix when there is none.
 *
 * @example
 * ```ts
 * const secret = new ClientSecret("api", { appId: app.id, rotationTriggers: { rotation: "2026-11" } });
 * export const clientSecret = secret.clientSecret; // a Pulumi secret
 * ```
 */
export class ClientSecret extends pulumi.dynamic.Resource {
  /** The app the secret belongs to. */
  declare public readonly appId: pulumi.Output<string>;
  /** Okta's id of the secret (`ocs…`). */
  declare public readonly secretId: pulumi.Output<string>;
  /** The secret itself; always a Pulumi secret. */
  declare public readonly clientSecret: pulumi.Output<string>;
  /** Okta's `secret_hash`: compares a secret without revealing it. */
  declare public readonly secretHash: pulumi.Output<string>;
  /** `ACTIVE` or `INACTIVE`, as Okta reports it. */
  declare public readonly status: pulumi.Output<ClientSecretStatus>;
  /** When Okta created the secret (ISO 8601). */
  declare public readonly created: pulumi.Output<string>;
  /** When Okta last changed the secret (ISO 8601). */
  declare public readonly lastUpdated: pulumi.Output<string>;
  /** The rotation triggers as given. */
  declare public readonly rotationTriggers: pulumi.Output<Record<string, string> | undefined>;

  constructor(name: string, args: ClientSecretArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      // The dynamic-provider plugin gives the hooks no URN: this input tells them which resource they serve.
      resourceUrn: ownUrn(name, typeToken, opts?.parent),
      appId: args.appId,
      clientSecret: args.clientSecret === undefined ? undefined : pulumi.secret(args.clientSecret),
      status: args.status,
      rotationTriggers: args.rotationTriggers,
      adoptSecretId: args.adoptSecretId,
      heldRetired: args.heldRetired,
      secretId: undefined,
      secretHash: undefined,
      created: undefined,
      lastUpdated: undefined,
    };
    const secretOutputs = [...(opts?.additionalSecretOutputs ?? []), "clientSecret"];
    super(
      clientSecretProvider,
      name,
      props,
      { ...opts, additionalSecretOutputs: secretOutputs },
      "okta",
      "ClientSecret",
    );
  }
}
