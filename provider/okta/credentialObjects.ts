import { isRecord } from "./transport";

/** What every credential object of Okta's has: its id, status and dates. */
interface CredentialObject {
  id: string;
  status: "ACTIVE" | "INACTIVE";
  created: string;
  lastUpdated: string;
}

/**
 * The id, status and dates of a credential object Okta answered (a client secret, a JSON Web Key), or the error
 * `malformed` makes when the answer is not one.
 */
export function credentialObject(value: unknown, malformed: () => Error): CredentialObject {
  if (
    !isRecord(value) ||
    typeof value.id !== "string" ||
    (value.status !== "ACTIVE" && value.status !== "INACTIVE") ||
    typeof value.created !== "string" ||
    typeof value.lastUpdated !== "string"
  ) {
    throw malformed();
  }
  return { id: value.id, status: value.status, created: value.created, lastUpdated: value.lastUpdated };
}
