import { isOktaApiError, type OktaApiError, withContext } from "../../okta/errors";
import type { CredentialStatus } from "./kind";

/** The lifecycle endpoints of one credential, and how the kind explains Okta's refusals. */
interface Lifecycle<Item> {
  activate(): Promise<Item>;
  deactivate(): Promise<Item>;
  /** The error that says why Okta refused and what to do instead, for the refusals the kind knows; else undefined. */
  explain(refusal: OktaApiError): Error | undefined;
}

/**
 * Activates or deactivates a credential through Okta's lifecycle endpoints (`…/lifecycle/activate`, `…/deactivate`):
 * a refusal the kind knows is explained in its words; any other failure says what was being done (`doing`).
 */
export async function changeStatus<Item>(
  status: CredentialStatus,
  doing: string,
  lifecycle: Lifecycle<Item>,
): Promise<Item> {
  try {
    return status === "ACTIVE" ? await lifecycle.activate() : await lifecycle.deactivate();
  } catch (e) {
    const explained = isOktaApiError(e) ? lifecycle.explain(e) : undefined;
    throw explained ?? withContext(e, doing);
  }
}
