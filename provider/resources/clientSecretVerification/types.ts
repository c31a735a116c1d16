/** The inputs the `ClientSecretVerification` hooks receive: which secret to check, never its value. */
export interface ClientSecretVerificationInputs {
  appId: string;
  secretId: string;
  /** Okta's `secret_hash` of the secret expected under `secretId`: the value checked must be that one. */
  secretHash: string;
  /** Why the check is made (e.g. `generation 5, previous INACTIVE`): any change checks again. */
  checkedFor: string;
  /** The resource's own URN, added by the sdk. */
  resourceUrn?: string;
  __provider?: string;
}

/** The outputs: what was checked, when, and what Okta answered. No secret value, not even encrypted. */
export interface ClientSecretVerificationOutputs {
  appId: string;
  secretId: string;
  secretHash: string;
  checkedFor: string;
  /** When Okta accepted the secret (ISO 8601, this machine's clock). */
  verifiedAt: string;
  /** What Okta answered after authenticating the client, e.g. `HTTP 200 {"active":false}`. */
  answer: string;
  /** The endpoint that answered: the org's introspection endpoint (its token endpoint where that is not served). */
  endpoint: string;
  resourceUrn?: string;
  __provider?: string;
}
