// An OAuth service app made by @pulumi/okta, and its client secrets rotated on a schedule by this package: the app's
// `id` is the `appId`. One stack config serves both providers: okta:orgName, okta:baseUrl, okta:apiToken.
import * as okta from "@pulumi/okta";
import { RotatingClientSecret } from "pulumi-okta-credentials";

const app = new okta.app.OAuth("orders-api", {
  label: "orders-api",
  type: "service",
  grantTypes: ["client_credentials"],
  responseTypes: ["token"],
  tokenEndpointAuthMethod: "client_secret_basic",
  // @pulumi/okta neither keeps the secret Okta makes with the app in its state nor sets it again on each update: the
  // app's secrets are this package's to manage.
  omitSecret: true,
});

const secrets = new RotatingClientSecret("orders-api", {
  appId: app.id,
  rotateEvery: "90d",
  retireAfter: "7d",
  anchor: "2026-01-01",
  // The app's own secret, listed once the app exists, becomes the first `previous` and is retired after 7 days.
  adoptExisting: true,
  verify: true,
});

export const clientId = app.clientId;
/** What the app's clients use: a Pulumi secret. */
export const clientSecret = secrets.current.clientSecret;
export const nextRotationAt = secrets.nextRotationAt;
export const previousRetiresAt = secrets.previousRetiresAt;
