import * as pulumi from "@pulumi/pulumi";
import { inputsFrom, VerificationResource } from "./oktaDynamicResource";
import { clientJsonWebKeyVerificationProvider } from "./providerShim";

/** The arguments of a {@link ClientJsonWebKeyVerification}: which key, and its private half to sign with. */
interface ClientJsonWebKeyVerificationArgs {
  appId: pulumi.Input<string>;
  /** The key's `keyId` output (`pks…`). */
  keyId: pulumi.Input<string>;
  /** The key's `kid` output: the signed assertion's header names it. */
  kid: pulumi.Input<string>;
  /** The key's private half (a generated key's `privateKeyPem`); always passed on as a Pulumi secret. */
  privateKey: pulumi.Input<string | undefined>;
  /** Why the check is made; a change checks again (e.g. the generation, and the previous key's status). */
  checkedFor: pulumi.Input<string>;
}

/**
 * Proof that a JSON Web Key authenticates its app's client at the org authorization server (a client assertion signed
 * with its private half, authenticating the introspection of a random token), made when `pulumi up` creates or updates this resource; a refusal fails the `up`, so whatever depends
 * on it does not run. Its outputs hold no private key; the input is a Pulumi secret, encrypted in state.
 * `RotatingClientJsonWebKey` makes one with `verify: true`.
 */
export class ClientJsonWebKeyVerification extends VerificationResource {
  constructor(name: string, args: ClientJsonWebKeyVerificationArgs, opts?: pulumi.CustomResourceOptions) {
    const inputs = {
      ...inputsFrom(args, ["appId", "keyId", "kid"]),
      privateKey: pulumi.secret(args.privateKey),
      checkedFor: args.checkedFor,
    };
    super(clientJsonWebKeyVerificationProvider, "ClientJsonWebKeyVerification", name, inputs, opts);
  }
}
