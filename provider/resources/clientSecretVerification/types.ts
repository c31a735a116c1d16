import type { VerificationInputs, VerificationRecord } from "../verificationProvider";

/** The inputs the `ClientSecretVerification` hooks receive: which secret to check, never its value. */
export interface ClientSecretVerificationInputs extends VerificationInputs {
  secretId: string;
  /** Okta's `secret_hash` of the secret expected under `secretId`: the value checked must be that one. */
  secretHash: string;
}

/** The outputs: what was checked, when, and what Okta answered. No secret value, not even encrypted. */
export interface ClientSecretVerificationOutputs extends VerificationRecord {
  secretId: string;
  secretHash: string;
}
