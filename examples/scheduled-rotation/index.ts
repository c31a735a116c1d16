// An Okta app's client secrets on a schedule: a new secret every 30 days, the previous one ACTIVE for 7 more days so
// that clients can move, then deactivated; Okta's two slots reused in turn. Run `pulumi up` on a schedule (a daily CI
// job): inside a window nothing changes, and the first `up` past a boundary makes the change.
//
// Stack config: appId, the OIDC app (0oa…), which authenticates with a client secret.
import * as pulumi from "@pulumi/pulumi";
import { RotatingClientSecret } from "pulumi-okta-credentials";

const config = new pulumi.Config();

const api = new RotatingClientSecret("api", {
  appId: config.require("appId"),
  rotateEvery: "30d",
  retireAfter: "7d",
  anchor: "2026-01-01", // generation 1 began then; generation g at anchor + (g - 1) * 30 days
  adoptExisting: true, // the secret Okta made with the app becomes the first `previous`
  verify: true, // the new secret must authenticate the app's client at Okta before the previous one goes
});

export const generation = api.generation;
export const nextRotationAt = api.nextRotationAt;
export const previousRetiresAt = api.previousRetiresAt;
export const currentSecretId = api.current.secretId;
export const previousSecretId = api.previous.secretId;
export const previousStatus = api.previous.status;
/** What clients use: a Pulumi secret, `pulumi stack output clientSecret --show-secrets` reveals it. */
export const clientSecret = api.current.clientSecret;
