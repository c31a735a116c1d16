import * as pulumi from "@pulumi/pulumi";
import {
  ClientJsonWebKey,
  type ClientJsonWebKeyArgs,
  type ClientJsonWebKeyStatus,
  type GeneratedKeyAlgorithm,
  requestClientCredentialsToken,
} from "pulumi-okta-credentials";

// Config: appId (a private_key_jwt service app), `keys`, a JSON list of the ClientJsonWebKeys to declare, e.g.
// [{"name":"a","generate":"RS256"},{"name":"b","publicKey":"-----BEGIN…","kid":"k","status":"INACTIVE","rotation":"2",
// "adopt":"pks…"}], and `prove`: the name of a generated key whose private key this program exchanges for a token
// (with the okta.apps.read scope) as soon as the key exists, so a token request in Okta's log marks when it worked.
interface Spec {
  name: string;
  generate?: GeneratedKeyAlgorithm;
  publicKey?: string;
  kid?: string;
  status?: ClientJsonWebKeyStatus;
  rotation?: string;
  adopt?: string;
}

const config = new pulumi.Config();
const appId = config.require("appId");
const specs = config.requireObject<Spec[]>("keys");
const orgUrl = new pulumi.Config("okta-credentials").require("orgUrl");

const keys: Record<string, ClientJsonWebKey> = {};
for (const spec of specs) {
  const args: ClientJsonWebKeyArgs = { appId, rotationTriggers: { rotation: spec.rotation ?? "1" } };
  if (spec.generate) args.generate = { algorithm: spec.generate };
  if (spec.publicKey) args.publicKey = spec.publicKey;
  if (spec.kid) args.kid = spec.kid;
  if (spec.status) args.status = spec.status;
  if (spec.adopt) args.adoptKeyId = spec.adopt;
  keys[spec.name] = new ClientJsonWebKey(spec.name, args);
}

export const held = Object.fromEntries(
  Object.entries(keys).map(([name, k]) => [name, pulumi.interpolate`${k.keyId} ${k.kid} ${k.status}`]),
);
export const privateKeys = Object.fromEntries(Object.entries(keys).map(([name, k]) => [name, k.privateKeyPem]));

const proving = keys[config.get("prove") ?? ""];
export const proof = proving
  ? pulumi.all([proving.privateKeyPem, proving.kid]).apply(async ([privateKey, kid]) => {
      if (privateKey === undefined) return "no private key";
      const token = await requestClientCredentialsToken({
        orgUrl,
        clientId: appId,
        scopes: ["okta.apps.read"],
        privateKey,
        kid,
      });
      // Never the token itself: what it was granted.
      return `${token.tokenType} ${token.scope}`;
    })
  : undefined;
