import type { PrivateJwk, PublicKeyMaterial } from "../../keys/jwk";
import type { ChangeNote } from "../credential/change";
import type { Plan } from "../credential/ledger";

/** Status of a client JSON Web Key: only ACTIVE keys authenticate. */
export type ClientJsonWebKeyStatus = "ACTIVE" | "INACTIVE";

/** What `generate` asks for: a signing algorithm, and for RSA the modulus size (2048, 3072 or 4096; default 2048). */
export interface GenerateKeyPairInput {
  algorithm: "RS256" | "RS384" | "RS512" | "ES256" | "ES384" | "ES512";
  rsaBits?: number;
}

/** The inputs the `ClientJsonWebKey` hooks receive (unknown values at preview arrive as the unknown placeholder). */
export interface ClientJsonWebKeyInputs {
  appId: string;
  /** A PEM public key or a public JWK (object or JSON text); exclusive with `generate`. */
  publicKey?: string | Record<string, unknown>;
  /** A key pair made by the provider in `create`; exclusive with `publicKey`. */
  generate?: GenerateKeyPairInput;
  kid?: string;
  use?: "sig" | "enc";
  /** The `alg` of a brought key (a generated key's is `generate.algorithm`). */
  algorithm?: string;
  status?: ClientJsonWebKeyStatus;
  rotationTriggers?: Record<string, string>;
  adoptKeyId?: string;
  /** The caller says the key held now is retired: a replacement may then delete it first (see `decideForExisting`). */
  heldRetired?: boolean;
  /** The resource's own URN, added by the sdk (`resourceUrn` in state written by earlier versions). */
  __resourceUrn?: string;
  resourceUrn?: string;
  /** What this run changes about the credential, returned by `check` for the reviewer. */
  change?: ChangeNote;
  /** Added by the engine; passed through untouched. */
  __provider?: string;
}

/** The outputs of a `ClientJsonWebKey`, stored in state; resource id `"<appId>/<keyId>"`. */
export interface ClientJsonWebKeyOutputs {
  appId: string;
  /** Okta's id of the key (`pks…`). */
  keyId: string;
  kid: string;
  /** The public JWK as Okta holds it: `kty`, `n`+`e` or `crv`+`x`+`y`, `kid`, `use`, `alg`. */
  publicJwk: Record<string, string>;
  /** Okta's `alg` of the key; empty for an encryption key added without one. */
  algorithm: string;
  use: string;
  status: ClientJsonWebKeyStatus;
  created: string;
  lastUpdated: string;
  /** A generated key's private half (PKCS#8 PEM); the sdk marks it secret. Absent for a brought or adopted key. */
  privateKeyPem?: string;
  /** The same private key as a JWK; the sdk marks it secret. */
  privateJwk?: PrivateJwk;
  /** Echoed inputs: `diff` sees only the outputs. */
  generate?: GenerateKeyPairInput;
  rotationTriggers?: Record<string, string>;
  adoptKeyId?: string;
  __resourceUrn?: string;
  resourceUrn?: string;
  __provider?: string;
}

/** A plan of this run, with what the new key will be known by when the inputs say it (a generated key's kid is not). */
export type KeyPlan = Plan & {
  /** The new key's `kid`, when known before it is made. */
  kid?: string;
  /** The new key's material, for a brought key. */
  material?: PublicKeyMaterial;
  /** True when the new key is an ACTIVE encryption key (Okta keeps one per app). */
  activeEncryption?: boolean;
};

/** Okta's limit of JSON Web Keys per app. */
export const maxKeysPerApp = 50;

/** An example id for error messages. */
export const exampleId = "0oa1b2c3d4e5f6g7h8i9/pks1b2c3d4e5f6g7h8i9";
