import type * as pulumi from "@pulumi/pulumi";
import { type CredentialArgs, CredentialResource, inputsFrom } from "./oktaDynamicResource";
import { clientJsonWebKeyProvider } from "./providerShim";

/** The status of an Okta client JSON Web Key: only ACTIVE keys authenticate. */
export type ClientJsonWebKeyStatus = "ACTIVE" | "INACTIVE";

/** The signing algorithms `generate` makes key pairs for. */
export type GeneratedKeyAlgorithm = "RS256" | "RS384" | "RS512" | "ES256" | "ES384" | "ES512";

/** A key pair the provider makes: RSA for RS256/384/512 (`rsaBits` 2048, 3072 or 4096; default 2048), else EC. */
export interface GenerateKeyPairArgs {
  /** The JWS algorithm the client will sign with; it decides the key type (RSA or the EC curve). */
  algorithm: pulumi.Input<GeneratedKeyAlgorithm>;
  /** The RSA modulus size for RS256/384/512: 2048 (default), 3072 or 4096. */
  rsaBits?: pulumi.Input<number>;
}

/** The arguments of a {@link ClientJsonWebKey}: `appId`, and the key (`publicKey` or `generate`, or `adoptKeyId`). */
export interface ClientJsonWebKeyArgs extends CredentialArgs<ClientJsonWebKeyStatus> {
  /**
   * Bring a public key: a PEM (`PUBLIC KEY`, `RSA PUBLIC KEY`, or an X.509 `CERTIFICATE`) or a public JWK (an object
   * or its JSON text), e.g. `@pulumi/tls` `PrivateKey.publicKeyPem`. A private key is refused at preview and never
   * shown. Exclusive with `generate`. A different key forces a replacement.
   */
  publicKey?: pulumi.Input<string | Record<string, pulumi.Input<string>>>;
  /**
   * Let the provider make a signing key pair, once, when the key is created; only the public half goes to Okta, the
   * private half is the `privateKeyPem` and `privateJwk` outputs (Pulumi secrets). Exclusive with `publicKey`.
   * Changing it forces a replacement (a new pair).
   */
  generate?: pulumi.Input<GenerateKeyPairArgs>;
  /**
   * The key's `kid`, unique in the app. Default: a brought JWK's own `kid`, else the key's RFC 7638 thumbprint.
   * Changing it forces a replacement; since a rotation adds the new key before the old one is removed, a fixed `kid`
   * must change with each rotation (leave it unset to use each key's thumbprint).
   */
  kid?: pulumi.Input<string>;
  /** `sig` (default) or `enc` (RSA, brought keys only). Changing it forces a replacement. */
  use?: pulumi.Input<"sig" | "enc">;
  /** A brought key's `alg`. Default: the JWK's own `alg`, else RS256 for RSA and the curve's ES256/384/512 for EC. */
  algorithm?: pulumi.Input<string>;
  /**
   * Take over an existing key of the app (`pks…`) instead of adding one. Honoured when the resource is created or when
   * this value changes; a later rotation adds a new key from `publicKey` or `generate`. `publicKey`, `kid` and `use`,
   * when given beside it, must be the adopted key's. The adopted key is deleted with the resource (use
   * `retainOnDelete` to keep it).
   */
  adoptKeyId?: pulumi.Input<string>;
}

/**
 * One JSON Web Key of an Okta OIDC app (what a `private_key_jwt` app signs its client assertions with), as a Pulumi
 * resource: a public key you bring, or a key pair the provider generates.
 *
 * Rotation is a replacement: change `rotationTriggers` and `pulumi up` adds the new key, then deactivates and deletes
 * the old one, so clients holding the new private key can authenticate before the old key goes. At preview the
 * resource checks the app's keys: at most 50 (every key this run adds counted together) and each `kid` once.
 *
 * @example
 * ```ts
 * const key = new ClientJsonWebKey("signing", {
 *   appId: app.id,
 *   generate: { algorithm: "RS256" },
 *   rotationTriggers: { rotation: "2026-11" },
 * });
 * export const privateKeyPem = key.privateKeyPem; // a Pulumi secret
 * export const kid = key.kid;
 * ```
 */
export class ClientJsonWebKey extends CredentialResource<ClientJsonWebKeyStatus> {
  /** Okta's id of the key (`pks…`). */
  declare public readonly keyId: pulumi.Output<string>;
  /** The key's `kid`: what a client assertion's header names. */
  declare public readonly kid: pulumi.Output<string>;
  /** The public JWK as Okta holds it (`kty`, `n`+`e` or `crv`+`x`+`y`, `kid`, `use`, `alg`). */
  declare public readonly publicJwk: pulumi.Output<Record<string, string>>;
  /** Okta's `alg` of the key, e.g. `RS256`; empty for an encryption key added without one. */
  declare public readonly algorithm: pulumi.Output<string>;
  /** `sig` or `enc`. */
  declare public readonly use: pulumi.Output<string>;
  /** A generated key's private half as PKCS#8 PEM; always a Pulumi secret; absent for a brought or adopted key. */
  declare public readonly privateKeyPem: pulumi.Output<string | undefined>;
  /** The same private key as a JWK (with `kid`, `use`, `alg`); always a Pulumi secret; absent unless generated. */
  declare public readonly privateJwk: pulumi.Output<Record<string, string> | undefined>;

  constructor(name: string, args: ClientJsonWebKeyArgs, opts?: pulumi.CustomResourceOptions) {
    const inputs = inputsFrom(args, [
      "appId",
      "publicKey",
      "generate",
      "kid",
      "use",
      "algorithm",
      "status",
      "rotationTriggers",
      "adoptKeyId",
      "heldRetired",
    ]);
    const outputs = ["keyId", "publicJwk", "created", "lastUpdated", "privateKeyPem", "privateJwk"];
    const secretOutputs = ["privateKeyPem", "privateJwk"];
    super(clientJsonWebKeyProvider, "ClientJsonWebKey", name, { inputs, outputs, secretOutputs }, opts);
  }
}
