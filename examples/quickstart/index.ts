// The quickstart: one Okta client secret managed by Pulumi, rotated by changing a config value.
//
//   pulumi config set appId 0oa…        the OIDC app (the quickstart makes one in the emulator)
//   pulumi config set rotation 2026-12  any new value rotates the secret: create the new one, then retire the old one
import * as pulumi from "@pulumi/pulumi";
import { ClientSecret } from "pulumi-okta-credentials";

const config = new pulumi.Config();

const secret = new ClientSecret("app-secret", {
  appId: config.require("appId"),
  rotationTriggers: { rotation: config.get("rotation") ?? "initial" },
});

export const secretId = secret.secretId;
export const secretHash = secret.secretHash;
export const status = secret.status;
/** Stays encrypted in state and hidden in output: `pulumi stack output clientSecret --show-secrets` reveals it. */
export const clientSecret = secret.clientSecret;
