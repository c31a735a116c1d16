// An Okta app's client secret whose value you bring: `pulumi config set --secret clientSecret`. A new value is a
// rotation, a `+-` replace: the new secret is created in Okta, then the old one is deactivated and deleted.
//
// Stack config:
//   appId            the OIDC app (0oa…)
//   clientSecret     your value, 14 to 100 printable ASCII characters: always set with --secret
//   initialSecretId  the secret Okta made with the app (ocs…), taken over so that Pulumi retires it: remove it from the
//                    config once your clients use your value, and the next `pulumi up` deactivates and deletes it
import * as pulumi from "@pulumi/pulumi";
import { ClientSecret } from "pulumi-okta-credentials";

const config = new pulumi.Config();
const appId = config.require("appId");

const secret = new ClientSecret("api", { appId, clientSecret: config.requireSecret("clientSecret") });

const initialSecretId = config.get("initialSecretId");
if (initialSecretId) new ClientSecret("okta-initial", { appId, adoptSecretId: initialSecretId });

export const secretId = secret.secretId;
/** Okta's secret_hash of your value: compare it with your copy without revealing either. */
export const secretHash = secret.secretHash;
export const status = secret.status;
