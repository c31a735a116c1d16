// The quickstart: an Okta app's client secrets managed by Pulumi, every change a reviewed `pulumi up`.
// Everything comes from stack config, so each step of the story is one `pulumi config set`:
//
//   appId            the OIDC app (0oa…); the quickstart makes one in the emulator
//   adopt            take over this existing secret (ocs…), e.g. the one Okta made with the app; remove it afterwards
//   rotation         any new value rotates app-secret: the new secret first, then the old one retired
//   status           ACTIVE (default) or INACTIVE: app-secret in or out of service, changed in place
//   partner          "true": a second secret on the app, for a second client
//   rotatingAppId    another app: its secrets on a schedule (RotatingClientSecret), every 30 days, 7 days' overlap
//
// The same program runs against a real org: `pulumi config set okta:orgName dev-123456` (+ okta:baseUrl),
// `pulumi config set --secret okta:apiToken …`, and the app ids of your own apps.
import * as pulumi from "@pulumi/pulumi";
import { ClientSecret, type ClientSecretStatus, RotatingClientSecret } from "pulumi-okta-credentials";

const config = new pulumi.Config();
const appId = config.require("appId");
const adopt = config.get("adopt");

const secret = new ClientSecret("app-secret", {
  appId,
  rotationTriggers: { rotation: config.get("rotation") ?? "initial" },
  status: (config.get("status") ?? "ACTIVE") as ClientSecretStatus,
  ...(adopt ? { adoptSecretId: adopt } : {}),
});

export const secretId = secret.secretId;
export const secretHash = secret.secretHash;
export const status = secret.status;
/** Stays encrypted in state and hidden in output: `pulumi stack output clientSecret --show-secrets` reveals it. */
export const clientSecret = secret.clientSecret;

if (config.getBoolean("partner")) new ClientSecret("partner-secret", { appId });

const rotatingAppId = config.get("rotatingAppId");
const scheduled = rotatingAppId
  ? new RotatingClientSecret("scheduled", {
      appId: rotatingAppId,
      rotateEvery: "30d",
      retireAfter: "7d",
      anchor: "2026-01-01",
      adoptExisting: true,
      verify: true,
    })
  : undefined;
export const schedule = scheduled
  ? pulumi.interpolate`generation ${scheduled.generation}, current ${scheduled.current.secretId}, previous retires ${scheduled.previousRetiresAt}`
  : "none (set rotatingAppId)";
