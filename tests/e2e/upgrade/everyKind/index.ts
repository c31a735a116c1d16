import * as pulumi from "@pulumi/pulumi";
import {
  ClientJsonWebKey,
  ClientSecret,
  RotatingClientJsonWebKey,
  RotatingClientSecret,
} from "pulumi-okta-credentials";

// Every resource kind in one stack, written by one release and run by the next (../upgradeFromMain.test.ts). Config:
// appId (an OIDC app: the secret it came with, adopted, and a second one while `extra`), adopt, secretsAppId (an OIDC
// app for the rotating secrets), keyAppId (a private_key_jwt service app: the rotating keys, and one more key while
// `extra`), rotation. The time comes from OKTA_CREDENTIALS_NOW.
const config = new pulumi.Config();
const extra = config.getBoolean("extra") ?? true;
const schedule = { rotateEvery: "P30D", retireAfter: "P7D", anchor: "2030-01-01", adoptExisting: true, verify: true };

const adopted = new ClientSecret("adopted", {
  appId: config.require("appId"),
  adoptSecretId: config.require("adopt"),
  rotationTriggers: { rotation: config.get("rotation") ?? "1" },
});
if (extra) new ClientSecret("second", { appId: config.require("appId") });
const api = new RotatingClientSecret("api", { appId: config.require("secretsAppId"), ...schedule });
const signing = new RotatingClientJsonWebKey("signing", { appId: config.require("keyAppId"), ...schedule });
if (extra) new ClientJsonWebKey("extra", { appId: config.require("keyAppId"), generate: { algorithm: "ES256" } });

export const adoptedSecretId = adopted.secretId;
export const generation = api.generation;
export const currentSecretId = api.current.secretId;
export const currentKeyId = signing.current.keyId;
