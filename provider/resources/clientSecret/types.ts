import type { ChangeNote } from "../credential/change";
/** Status of a client secret. */
export type ClientSecretStatus = "ACTIVE" | "INACTIVE";

/** The inputs the `ClientSecret` hooks receive (unknown values at preview arrive as the unknown placeholder). */
export interface ClientSecretInputs {
  appId: string;
  clientSecret?: string;
  status?: ClientSecretStatus;
  rotationTriggers?: Record<string, string>;
  adoptSecretId?: string;
  /** The caller says the secret held now is retired: a replacement may then delete it first (see `decideForExisting`). */
  heldRetired?: boolean;
  /** The resource's own URN, added by the sdk (`resourceUrn` in state written by earlier versions). */
  __resourceUrn?: string;
  resourceUrn?: string;
  /** What this run changes about the credential, returned by `check` for the reviewer. */
  change?: ChangeNote;
  /** Added by the engine; passed through untouched. */
  __provider?: string;
}

/** The outputs of a `ClientSecret`, stored in state; resource id `"<appId>/<secretId>"`. */
export interface ClientSecretOutputs {
  appId: string;
  secretId: string;
  /** The secret's value; the sdk marks it secret (`additionalSecretOutputs`). */
  clientSecret: string;
  secretHash: string;
  status: ClientSecretStatus;
  created: string;
  lastUpdated: string;
  rotationTriggers?: Record<string, string>;
  adoptSecretId?: string;
  __resourceUrn?: string;
  resourceUrn?: string;
  __provider?: string;
}

/** Okta's limit of client secrets per app. */
export const maxSecretsPerApp = 2;

/** An example id for error messages. */
export const exampleId = "0oa1b2c3d4e5f6g7h8i9/ocs1b2c3d4e5f6g7h8i9";
