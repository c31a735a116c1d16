import * as pulumi from "@pulumi/pulumi";
import { readOktaConfig } from "../provider/okta/config";
import type { OktaClient } from "../provider/okta/oktaClient";
import { oktaClientFromConfig } from "../provider/runState";

/** The Okta client of a Pulumi program: the stack config the resources read (`okta:*`, `okta-credentials:orgUrl`), then `OKTA_*`. */
export function stackOktaClient(): OktaClient {
  // runtime.getConfig reads the decrypted value without Config.get's warning about secrets; it is never logged.
  return oktaClientFromConfig(readOktaConfig((key) => pulumi.runtime.getConfig(key)));
}
