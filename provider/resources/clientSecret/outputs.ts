import type { OktaClientSecret } from "../../okta/oktaClient";
import { secretHash } from "../../okta/secretHash";
import type { ClientSecretInputs, ClientSecretOutputs } from "./types";

/** The inputs echoed in the outputs, so that `diff` (which sees only outputs) and `delete` can compare and name them. */
type Echo = Pick<ClientSecretInputs, "rotationTriggers" | "adoptSecretId" | "resourceUrn">;

/**
 * Builds the outputs from Okta's secret object. The value is Okta's when it returns one (it does on every read), else
 * `value` (what was sent), so the outputs always hold the secret Okta has now.
 */
export function toOutputs(
  appId: string,
  secret: OktaClientSecret,
  value: string | undefined,
  echo: Echo,
): ClientSecretOutputs {
  const clientSecret = secret.client_secret ?? value ?? "";
  const outputs: ClientSecretOutputs = {
    appId,
    secretId: secret.id,
    clientSecret,
    secretHash: secret.secret_hash ?? (clientSecret === "" ? "" : secretHash(clientSecret)),
    status: secret.status,
    created: secret.created,
    lastUpdated: secret.lastUpdated,
  };
  // Pulumi's property structs cannot hold `undefined`: leave absent fields out.
  if (echo.rotationTriggers !== undefined) outputs.rotationTriggers = echo.rotationTriggers;
  if (echo.adoptSecretId !== undefined) outputs.adoptSecretId = echo.adoptSecretId;
  if (echo.resourceUrn !== undefined) outputs.resourceUrn = echo.resourceUrn;
  return outputs;
}

/** The echoed inputs of `outputs`. */
export function echoOf(outputs: Partial<ClientSecretOutputs>): Echo {
  const echo: Echo = {};
  if (outputs.rotationTriggers !== undefined) echo.rotationTriggers = outputs.rotationTriggers;
  if (outputs.adoptSecretId !== undefined) echo.adoptSecretId = outputs.adoptSecretId;
  if (outputs.resourceUrn !== undefined) echo.resourceUrn = outputs.resourceUrn;
  return echo;
}
