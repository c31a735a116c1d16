import { generateClientKeyPair } from "../../keys/generateKeyPair";
import type { PublicJwk } from "../../keys/jwk";
import { explainedError, withContext } from "../../okta/errors";
import type { OktaJsonWebKey } from "../../okta/jsonWebKeys";
import { processOktaClient } from "../../runState";
import type { CredentialKind } from "../credential/kind";
import { ledgerOf } from "../credential/ledger";
import { adoptionMismatch } from "./adoption";
import { type KeySource, readKeyInputs } from "./inputValidation";
import { keyClashes } from "./keyConflicts";
import { type DeactivationFixes, setKeyStatus } from "./lifecycle";
import { clientJsonWebKeyMessages as messages } from "./messages";
import { keyOfOutputs, keyOutputs, type PrivateHalf, privateHalfOf } from "./outputs";
import { keyReplacements, newKeyFacts } from "./replacements";
import { parseKeyResourceId } from "./resourceId";
import { type ClientJsonWebKeyInputs, type ClientJsonWebKeyOutputs, type KeyPlan, maxKeysPerApp } from "./types";

/** What to do instead when Okta refuses to deactivate a key, by when it happens. */
const deactivationFixes: Record<"create" | "update" | "delete", DeactivationFixes> = {
  create: {
    lastSigningKey:
      "add or activate another signing key of the app first (e.g. another ClientJsonWebKey), then deactivate this one",
    activeEncryptionKey: "activate another encryption key of the app first (Okta then deactivates this one)",
  },
  update: {
    lastSigningKey:
      "add or activate another signing key of the app first (e.g. another ClientJsonWebKey), then set status INACTIVE",
    activeEncryptionKey: "activate another encryption key of the app instead: Okta then deactivates this one",
  },
  delete: {
    lastSigningKey:
      "add or activate another signing key of the app first (another ClientJsonWebKey, applied before this one is " +
      "deleted), or keep this key in Okta by deleting the resource with the `retainOnDelete: true` option",
    activeEncryptionKey:
      "activate another encryption key of the app first (Okta then deactivates this one), or keep this key in Okta " +
      "by deleting the resource with the `retainOnDelete: true` option",
  },
};

/**
 * `ClientJsonWebKey` as a kind of credential: one JSON Web Key of an app. What is its own: Okta's 50 keys per app, each
 * `kid` and each key material once, one ACTIVE encryption key; the key brought (`publicKey`) or generated here, once,
 * in `create` (the private half never goes to Okta and only the state keeps it); and only signing keys keep a
 * `private_key_jwt` app authenticating.
 */
export const clientJsonWebKeyKind: CredentialKind<
  ClientJsonWebKeyInputs,
  ClientJsonWebKeyOutputs,
  OktaJsonWebKey,
  KeySource,
  Partial<PrivateHalf>,
  KeyPlan
> = {
  name: "ClientJsonWebKey",
  adoptInput: "adoptKeyId",
  idOutput: "keyId",
  echoedInputs: ["generate", "rotationTriggers", "adoptKeyId"],
  maxPerApp: maxKeysPerApp,
  ledger: (appId) =>
    ledgerOf<OktaJsonWebKey, KeyPlan>("jwks", appId, () => processOktaClient().listClientJsonWebKeys(appId)),
  parseId: (id) => {
    const { appId, keyId } = parseKeyResourceId(id);
    return { appId, itemId: keyId };
  },

  readInputs: readKeyInputs,
  ownReplacements: (_urn, olds, news, source) => keyReplacements(olds, news, source),
  newFacts: newKeyFacts,
  // An encryption key authenticates nothing: only another ACTIVE signing key keeps a private_key_jwt app working.
  authenticates: (key) => key.use !== "enc",
  rulesForNew: async (_appId, urn, _news, source, replacing) =>
    replacing !== undefined && source.kind === "adopted" ? [{ property: "", reason: messages.noNewKey(urn) }] : [],
  clashes: keyClashes,
  adoptionMismatch,

  get: (okta, appId, keyId) => okta.getClientJsonWebKey(appId, keyId),
  listedInFull: () => true,
  prepare: async (appId, source, status) => {
    let jwk: PublicJwk;
    let kept: PrivateHalf | undefined;
    if (source.kind === "brought") jwk = source.jwk;
    else if (source.kind === "generate") {
      // The one place a pair is made: check and diff never make one, so the key Okta gets is the key in the outputs.
      const pair = await generateClientKeyPair(
        source.kid === undefined ? source.options : { ...source.options, kid: source.kid },
      );
      jwk = pair.publicJwk;
      kept = { privateKeyPem: pair.privateKeyPem, privateJwk: pair.privateJwk };
    } else {
      throw explainedError(
        `adding a JSON Web Key to app ${appId}: the resource has neither publicKey nor generate, so there is no new ` +
          'key to add: set generate: { algorithm: "RS256" } or publicKey',
      );
    }
    return {
      post: (okta) =>
        okta.addClientJsonWebKey(appId, { jwk, status }).catch((e) => {
          throw withContext(e, `adding JSON Web Key "${jwk.kid}" to app ${appId}`);
        }),
      ...(kept === undefined ? {} : { kept }),
    };
  },
  setStatus: (okta, appId, keyId, status, during) =>
    setKeyStatus(okta, appId, keyId, status, deactivationFixes[during]),
  remove: (okta, appId, keyId) => okta.deleteClientJsonWebKey(appId, keyId),

  outputs: keyOutputs,
  kept: privateHalfOf,
  heldItem: keyOfOutputs,

  messages,
};
