import { isOktaApiError, withContext } from "../../okta/errors";
import type { OktaAppInfo } from "../../okta/oktaClient";
import { processOktaClient } from "../../runState";
import { appInfoOfRun } from "../appInfo";
import { isUnknown } from "../previewUnknowns";
import { clientSecretProblem } from "./inputValidation";

/** A refusal of the app's rules, as a check failure: the property it concerns and why. */
interface AppRuleProblem {
  property: "appId" | "clientSecret";
  reason: string;
}

/**
 * Why Okta would refuse a new secret on this app, before anything is sent: the app does not exist, it authenticates
 * with `private_key_jwt` (no secrets at all), or a bring-your-own value is shorter than `client_secret_jwt` needs.
 */
export async function appRuleProblems(appId: string, clientSecret: string | undefined): Promise<AppRuleProblem[]> {
  let app: OktaAppInfo;
  try {
    app = await appInfoOfRun(appId);
  } catch (e) {
    if (isOktaApiError(e) && e.status === 404) {
      const org = processOktaClient().orgUrl;
      return [{ property: "appId", reason: `app ${appId} does not exist in ${org} (Okta answered 404)` }];
    }
    throw withContext(e, `reading app ${appId}`);
  }
  const method = app.tokenEndpointAuthMethod;
  if (method === "private_key_jwt") {
    const reason =
      `app ${appId} authenticates with private_key_jwt, so Okta allows it no client secrets: authenticate it with ` +
      "a JSON Web Key (/credentials/jwks) instead, or change its token_endpoint_auth_method";
    return [{ property: "appId", reason }];
  }
  if (method === "client_secret_jwt" && clientSecret !== undefined && !isUnknown(clientSecret)) {
    const reason = clientSecretProblem(clientSecret, 32);
    if (reason) return [{ property: "clientSecret", reason }];
  }
  return [];
}
