import * as pulumi from "@pulumi/pulumi";
import { ownUrn } from "./ownUrn";
import { clientJsonWebKeyProvider } from "./providerShim";

/** The type token Pulumi gives this dynamic resource: `pulumi-nodejs:dynamic/<module>:<type>`. */
const typeToken = "pulumi-nodejs:dynamic/okta:ClientJsonWebKey";

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
export interface ClientJsonWebKeyArgs {
  /** The OIDC app the key belongs to (`0oa…`). Changing it forces a replacement. */
  appId: pulumi.Input<string>;
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
  /** `ACTIVE` (default) or `INACTIVE`. Changed in place through Okta's lifecycle endpoints, never a replacement. */
  status?: pulumi.Input<ClientJsonWebKeyStatus>;
  /**
   * Arbitrary strings; any change forces a replacement, that is a rotation: the new key is added before the old one
   * is deactivated and deleted. E.g. `{ rotation: "2026-11" }`.
   */
  rotationTriggers?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * Take over an existing key of the app (`pks…`) instead of adding one. Honoured when the resource is created or when
   * this value changes; a later rotation adds a new key from `publicKey` or `generate`. `publicKey`, `kid` and `use`,
   * when given beside it, must be the adopted key's. The adopted key is deleted with the resource (use
   * `retainOnDelete` to keep it).
   */
  adoptKeyId?: pulumi.Input<string>;
  /**
   * Say that the key this resource holds now is retired: no client signs with it any more, even if it is still ACTIVE.
   * A replacement on the same app then deletes it first (deactivate, delete, then add), as it does an INACTIVE key, so
   * it needs no room and its `kid` is free again; only while the app keeps another ACTIVE signing key, else it adds
   * the new key first as usual. Default false; never forces a replacement or an update.
   */
  heldRetired?: pulumi.Input<boolean>;
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
export class ClientJsonWebKey extends pulumi.dynamic.Resource {
  /** The app the key belongs to. */
  declare public readonly appId: pulumi.Output<string>;
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
  /** `ACTIVE` or `INACTIVE`, as Okta reports it. */
  declare public readonly status: pulumi.Output<ClientJsonWebKeyStatus>;
  /** When Okta added the key (ISO 8601). */
  declare public readonly created: pulumi.Output<string>;
  /** When Okta last changed the key (ISO 8601). */
  declare public readonly lastUpdated: pulumi.Output<string>;
  /** A generated key's private half as PKCS#8 PEM; always a Pulumi secret; absent for a brought or adopted key. */
  declare public readonly privateKeyPem: pulumi.Output<string | undefined>;
  /** The same private key as a JWK (with `kid`, `use`, `alg`); always a Pulumi secret; absent unless generated. */
  declare public readonly privateJwk: pulumi.Output<Record<string, string> | undefined>;
  /** The rotation triggers as given. */
  declare public readonly rotationTriggers: pulumi.Output<Record<string, string> | undefined>;

  constructor(name: string, args: ClientJsonWebKeyArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      // The dynamic-provider plugin gives the hooks no URN: this input tells them which resource they serve.
      resourceUrn: ownUrn(name, typeToken, opts?.parent),
      appId: args.appId,
      publicKey: args.publicKey,
      generate: args.generate,
      kid: args.kid,
      use: args.use,
      algorithm: args.algorithm,
      status: args.status,
      rotationTriggers: args.rotationTriggers,
      adoptKeyId: args.adoptKeyId,
      heldRetired: args.heldRetired,
      keyId: undefined,
      publicJwk: undefined,
      created: undefined,
      lastUpdated: undefined,
      privateKeyPem: undefined,
      privateJwk: undefined,
    };
    const secretOutputs = [...(opts?.additionalSecretOutputs ?? []), "privateKeyPem", "privateJwk"];
    super(
      clientJsonWebKeyProvider,
      name,
      props,
      { ...opts, additionalSecretOutputs: secretOutputs },
      "okta",
      "ClientJsonWebKey",
    );
  }
}
