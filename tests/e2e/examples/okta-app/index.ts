import { RotatingClientSecret } from "pulumi-okta-credentials";
import { OidcApp } from "./oidcApp";

// examples/with-okta-app with okta.app.OAuth replaced by a stand-in (oidcApp.ts) that makes the app through Okta's API;
// the RotatingClientSecret is declared as in the example. The time comes from OKTA_CREDENTIALS_NOW.
const app = new OidcApp("orders-api", { label: "orders-api" });

const secrets = new RotatingClientSecret("orders-api", {
  appId: app.id,
  rotateEvery: "90d",
  retireAfter: "7d",
  anchor: "2026-01-01",
  adoptExisting: true,
  verify: true,
});

export const appId = app.id;
export const currentSecretId = secrets.current.secretId;
export const previousSecretId = secrets.previous.secretId;
export const previousStatus = secrets.previous.status;
