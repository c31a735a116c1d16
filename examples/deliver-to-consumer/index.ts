// An Okta app's client secret handed to the service that uses it: a Kubernetes Secret holds it, and the Deployment's
// pods roll onto each new value. A rotation (a new `rotation` value) is one `pulumi up`, in the engine's order for a
// replacement: the new secret is created in Okta, the resources that depend on it are updated (the Kubernetes Secret,
// then the Deployment, whose rollout the update waits for), and only then is the old secret deactivated and deleted.
//
// Stack config:
//   appId     the OIDC app (0oa…), which authenticates with a client secret
//   adopt     the secret Okta made with the app (ocs…), taken over on the first `up`; remove it afterwards
//   rotation  any new value rotates the secret, e.g. 2026-12
//   image     the service's container image
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { ClientSecret } from "pulumi-okta-credentials";

const config = new pulumi.Config();
const appId = config.require("appId");
const adopt = config.get("adopt");

const secret = new ClientSecret("orders-api", {
  appId,
  rotationTriggers: { rotation: config.require("rotation") },
  ...(adopt ? { adoptSecretId: adopt } : {}),
});

// clientSecret is a Pulumi secret, so @pulumi/kubernetes keeps stringData encrypted in the state too.
const credentials = new k8s.core.v1.Secret("orders-api-okta", {
  metadata: { name: "orders-api-okta" },
  stringData: { OKTA_CLIENT_ID: appId, OKTA_CLIENT_SECRET: secret.clientSecret },
});

const labels = { app: "orders-api" };
new k8s.apps.v1.Deployment("orders-api", {
  metadata: { name: "orders-api" },
  spec: {
    replicas: 2,
    selector: { matchLabels: labels },
    template: {
      metadata: {
        labels,
        // Pods read the Secret when they start: a new secret changes this annotation (Okta's secret_hash, never the
        // value), so the pods are replaced by ones started with the new value.
        annotations: { "okta-credentials/secret-hash": secret.secretHash },
      },
      spec: {
        containers: [
          {
            name: "orders-api",
            image: config.require("image"),
            envFrom: [{ secretRef: { name: credentials.metadata.name } }],
          },
        ],
      },
    },
  },
});

export const secretId = secret.secretId;
export const secretHash = secret.secretHash;
