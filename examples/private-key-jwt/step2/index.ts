// Step 2 of 3: a second key added beside the first, and the token obtained with the newest: the clients switch to it
// (`kid` and `privateKeyPem` now hand it out) while the first key still works for those that have not. Copy this file
// to index.ts and run `pulumi up`: one key is created, the first one is left as it is.
//
// Stack config: appId (an API Services app that authenticates with private_key_jwt), scope (an Okta API scope granted
// to the app, default okta.apps.read).
import * as pulumi from "@pulumi/pulumi";
import { ClientJsonWebKey, requestClientCredentialsToken } from "pulumi-okta-credentials";

const config = new pulumi.Config();
const appId = config.require("appId");

const previous = new ClientJsonWebKey("key-2026-01", { appId, generate: { algorithm: "RS256" } });
const key = new ClientJsonWebKey("key-2026-07", { appId, generate: { algorithm: "RS256" } });

/** What the app's clients sign their assertions with: the newest key's id and its private half (a Pulumi secret). */
export const kid = key.kid;
export const privateKeyPem = key.privateKeyPem;
/** The key the clients move away from: ACTIVE until step 3. */
export const previousKid = previous.kid;
/** A token obtained with the newest key once Okta holds it: what Okta granted, never the token. */
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
