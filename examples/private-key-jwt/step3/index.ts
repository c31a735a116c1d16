// Step 3 of 3: once every client signs with the second key, the first one is removed from the program. Copy this file
// to index.ts and run `pulumi up`: the first key is deactivated and deleted in Okta, and its assertions are refused.
//
// Stack config: appId (an API Services app that authenticates with private_key_jwt), scope (an Okta API scope granted
// to the app, default okta.apps.read).
import * as pulumi from "@pulumi/pulumi";
import { ClientJsonWebKey, requestClientCredentialsToken } from "pulumi-okta-credentials";

const config = new pulumi.Config();
const appId = config.require("appId");

const key = new ClientJsonWebKey("key-2026-07", { appId, generate: { algorithm: "RS256" } });

/** What the app's clients sign their assertions with: the key's id and its private half (a Pulumi secret). */
export const kid = key.kid;
export const privateKeyPem = key.privateKeyPem;
/** A token obtained with the key: what Okta granted, never the token. */
export const granted = grantedWith(key);

function grantedWith(signing: ClientJsonWebKey): pulumi.Output<string> {
  const token = pulumi.all([signing.privateKeyPem, signing.kid]).apply(async ([privateKey, keyId]) => {
    if (privateKey === undefined) throw new Error(`key ${keyId} has no private key: only generated keys have one`);
    const { tokenType, scope } = await requestClientCredentialsToken({
      orgUrl: orgUrl(),
      clientId: appId,
      scopes: [config.get("scope") ?? "okta.apps.read"],
      privateKey,
      kid: keyId,
    });
    return `${tokenType} ${scope}`;
  });
  return pulumi.unsecret(token);
}

/** The org: okta-credentials:orgUrl (a custom domain, the emulator), else okta:orgName and okta:baseUrl. */
function orgUrl(): string {
  const okta = new pulumi.Config("okta");
  return (
    new pulumi.Config("okta-credentials").get("orgUrl") ??
    `https://${okta.require("orgName")}.${okta.get("baseUrl") ?? "okta.com"}`
  );
}
