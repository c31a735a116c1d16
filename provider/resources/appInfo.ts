import type { OktaAppInfo } from "../okta/oktaClient";
import { processOktaClient, readOncePerRun } from "../runState";

/**
 * The app's settings (its client id, its token_endpoint_auth_method), read once per run whichever hook asks first:
 * a ClientSecret's check of Okta's rules for a new secret, or a verification's client id.
 */
export function appInfoOfRun(appId: string): Promise<OktaAppInfo> {
  return readOncePerRun(`app/${appId}`, () => processOktaClient().getApp(appId));
}
