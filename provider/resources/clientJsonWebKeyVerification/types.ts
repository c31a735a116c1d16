import type { VerificationInputs, VerificationRecord } from "../verificationProvider";

/** The inputs the `ClientJsonWebKeyVerification` hooks receive: which key to prove, and its private half to sign with. */
export interface ClientJsonWebKeyVerificationInputs extends VerificationInputs {
  /** Okta's id of the key (`pks…`). */
  keyId: string;
  /** The key's `kid`: the client assertion's header names it. */
  kid: string;
  /**
   * The key's private half (PEM or private JWK), used once to sign a client assertion. The sdk passes it as a Pulumi
   * secret, so the engine keeps it encrypted in the inputs it stores; the outputs never hold it.
   */
  privateKey: string | Record<string, unknown>;
}

/** The outputs: what was proven, when, and what Okta answered. No private key, not even encrypted. */
export interface ClientJsonWebKeyVerificationOutputs extends VerificationRecord {
  keyId: string;
  kid: string;
}
