import * as pulumi from "@pulumi/pulumi";
import { type OktaClient, oktaClientFromEnvironment, readOktaConfig } from "../provider";

/** The Okta client of a Pulumi program: the stack config the resources read (`okta:*`, `okta-credentials:orgUrl`), then `OKTA_*`. */
export function stackOktaClient(): OktaClient {
  // runtime.getConfig reads the decrypted value without Config.get's warning about secrets; it is never logged.
  return oktaClientFromEnvironment(readOktaConfig((key) => pulumi.runtime.getConfig(key)));
}
