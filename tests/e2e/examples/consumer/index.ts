import * as pulumi from "@pulumi/pulumi";
import { ClientSecret } from "pulumi-okta-credentials";
import { Consumer } from "./consumer";

// examples/deliver-to-consumer with its Kubernetes Secret and Deployment replaced by a stand-in consumer (consumer.ts);
// the ClientSecret is declared as in the example. Config: appId, adopt, rotation, healthy.
const config = new pulumi.Config();
const appId = config.require("appId");
const adopt = config.get("adopt");

const secret = new ClientSecret("orders-api", {
  appId,
  rotationTriggers: { rotation: config.require("rotation") },
  ...(adopt ? { adoptSecretId: adopt } : {}),
});

new Consumer("orders-api", {
  orgUrl: new pulumi.Config("okta-credentials").require("orgUrl"),
  clientId: appId,
  clientSecret: secret.clientSecret,
  secretHash: secret.secretHash,
  healthy: config.get("healthy") ?? "true",
});

export const secretId = secret.secretId;
