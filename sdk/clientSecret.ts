import * as pulumi from "@pulumi/pulumi";
import { type CredentialArgs, CredentialResource, inputsFrom } from "./oktaDynamicResource";
import { clientSecretProvider } from "./providerShim";

/** The status of an Okta client secret: only ACTIVE secrets authenticate. */
export type ClientSecretStatus = "ACTIVE" | "INACTIVE";

/** The arguments of a {@link ClientSecret}. */
export interface ClientSecretArgs extends CredentialArgs<ClientSecretStatus> {
  /**
   * Bring your own secret (14 to 100 printable ASCII characters, 32 or more when the app authenticates with
   * `client_secret_jwt`) instead of letting Okta generate 64 characters. Always stored as a Pulumi secret.
   * Changing it forces a replacement.
   */
  clientSecret?: pulumi.Input<string>;
  /**
   * Take over an existing secret of the app (`ocs…`), such as the one Okta made with the app, instead of creating one.
   * Honoured when the resource is created or when this value changes; a later rotation creates a new secret.
   * The adopted secret is deleted with the resource (use `retainOnDelete` to keep it).
   */
  adoptSecretId?: pulumi.Input<string>;
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
export class ClientSecret extends CredentialResource<ClientSecretStatus> {
  /** Okta's id of the secret (`ocs…`). */
  declare public readonly secretId: pulumi.Output<string>;
  /** The secret itself; always a Pulumi secret. */
  declare public readonly clientSecret: pulumi.Output<string>;
  /** Okta's `secret_hash`: compares a secret without revealing it. */
  declare public readonly secretHash: pulumi.Output<string>;

  constructor(name: string, args: ClientSecretArgs, opts?: pulumi.CustomResourceOptions) {
    const inputs = {
      ...inputsFrom(args, ["appId"]),
      clientSecret: args.clientSecret === undefined ? undefined : pulumi.secret(args.clientSecret),
      ...inputsFrom(args, ["status", "rotationTriggers", "adoptSecretId", "heldRetired"]),
    };
    const outputs = ["secretId", "secretHash", "created", "lastUpdated"];
    super(clientSecretProvider, "ClientSecret", name, { inputs, outputs, secretOutputs: ["clientSecret"] }, opts);
  }
}
