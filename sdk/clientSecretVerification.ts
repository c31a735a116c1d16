import type * as pulumi from "@pulumi/pulumi";
import { inputsFrom, VerificationResource } from "./oktaDynamicResource";
import { clientSecretVerificationProvider } from "./providerShim";

/** The arguments of a {@link ClientSecretVerification}: which secret, identified without its value. */
interface ClientSecretVerificationArgs {
  appId: pulumi.Input<string>;
  secretId: pulumi.Input<string>;
  /** The secret's `secretHash` output: the value Okta holds under `secretId` must be that one. */
  secretHash: pulumi.Input<string>;
  /** Why the check is made; a change checks again (e.g. the generation, and the previous secret's status). */
  checkedFor: pulumi.Input<string>;
}

/**
 * Proof that a client secret authenticates its app's client at the org authorization server (a random token
 * introspected with the secret as the client's authentication), made when `pulumi up` creates or updates this
 * resource; a refusal fails the `up`, so whatever depends on it does not run. Its state holds no secret value, only
 * Okta's `secret_hash`. `RotatingClientSecret` makes one with `verify: true`.
 */
export class ClientSecretVerification extends VerificationResource {
  constructor(name: string, args: ClientSecretVerificationArgs, opts?: pulumi.CustomResourceOptions) {
    const inputs = inputsFrom(args, ["appId", "secretId", "secretHash", "checkedFor"]);
    super(clientSecretVerificationProvider, "ClientSecretVerification", name, inputs, opts);
  }
}
