import type { OktaClient } from "../provider/okta/oktaClient";
import { stackOktaClient } from "./stackOktaClient";

/** Where a list function gets its Okta client: a program's is the stack's; the provider plugin passes its own. */
export type OktaClientSource = () => OktaClient;

/**
 * What `read` finds of an app's credentials (`what`: `client secrets`, `JSON Web Keys`), read now with the stack's Okta
 * client (or `client`'s); a failure says what was being read.
 */
export async function readAppCredentials<T>(
  appId: string,
  what: string,
  read: (okta: OktaClient) => Promise<T>,
  client: OktaClientSource = stackOktaClient,
): Promise<T> {
  try {
    return await read(client());
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`listing the ${what} of app ${appId}: ${reason}`);
  }
}
