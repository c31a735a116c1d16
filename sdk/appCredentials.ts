import type { OktaClient } from "../provider/okta/oktaClient";
import { stackOktaClient } from "./stackOktaClient";

/**
 * What `read` finds of an app's credentials (`what`: `client secrets`, `JSON Web Keys`), read now with the stack's Okta
 * client; a failure says what was being read.
 */
export async function readAppCredentials<T>(
  appId: string,
  what: string,
  read: (okta: OktaClient) => Promise<T>,
): Promise<T> {
  try {
    return await read(stackOktaClient());
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`listing the ${what} of app ${appId}: ${reason}`);
  }
}
