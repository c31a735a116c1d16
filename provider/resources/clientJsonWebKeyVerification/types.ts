/** The inputs the `ClientJsonWebKeyVerification` hooks receive: which key to prove, and its private half to sign with. */
export interface ClientJsonWebKeyVerificationInputs {
  appId: string;
  /** Okta's id of the key (`pks…`). */
  keyId: string;
  /** The key's `kid`: the client assertion's header names it. */
  kid: string;
  /**
   * The key's private half (PEM or private JWK), used once to sign a client assertion. The sdk passes it as a Pulumi
   * secret, so the engine keeps it encrypted in the inputs it stores; the outputs never hold it.
   */
  privateKey: string | Record<string, unknown>;
  /** Why the check is made (e.g. `generation 5, previous INACTIVE`): any change checks again. */
  checkedFor: string;
  /** The resource's own URN, added by the sdk. */
  resourceUrn?: string;
  __provider?: string;
}

/** The outputs: what was proven, when, and what Okta answered. No private key, not even encrypted. */
export interface ClientJsonWebKeyVerificationOutputs {
  appId: string;
  keyId: string;
  kid: string;
  checkedFor: string;
  /** When Okta accepted an assertion signed by the key (ISO 8601, this machine's clock). */
  verifiedAt: string;
  /** What Okta answered after authenticating the client, e.g. `HTTP 200 {"active":false}`. */
  answer: string;
  /** The endpoint that answered: the org's introspection endpoint (its token endpoint where that is not served). */
  endpoint: string;
  resourceUrn?: string;
  __provider?: string;
}
