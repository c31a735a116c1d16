import type { OktaClientSecret } from "../../okta/oktaClient";
import { secretHash } from "../../okta/secretHash";
import type { ClientSecretOutputs } from "./types";

/** The echoed inputs kept in outputs. */
export interface Echo {
  rotationTriggers?: Record<string, string> | undefined;
  adoptSecretId?: string | undefined;
}

/** Builds the outputs from Okta's secret object; `value` is the plaintext when Okta does not return it. */
export function toOutputs(
  appId: string,
  secret: OktaClientSecret,
  value: string | undefined,
  echo: Echo,
): ClientSecretOutputs {
  const clientSecret = value ?? secret.client_secret ?? "";
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
  return outputs;
}
