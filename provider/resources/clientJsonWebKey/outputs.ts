import type { PrivateJwk } from "../../keys/jwk";
import type { OktaJsonWebKey } from "../../okta/jsonWebKeys";
import type { ClientJsonWebKeyOutputs } from "./types";

/** A generated key's private half, kept in (secret) outputs: Okta never has it. */
export interface PrivateHalf {
  privateKeyPem: string;
  privateJwk: PrivateJwk;
}

/**
 * The outputs of a key, from Okta's object and the private half when the provider made the pair (which only the state
 * holds). The echoed inputs are added by the hooks.
 */
export function keyOutputs(
  appId: string,
  key: OktaJsonWebKey,
  privateHalf: Partial<PrivateHalf> | undefined,
): ClientJsonWebKeyOutputs {
  const { id, status, created, lastUpdated, ...jwk } = key;
  const outputs: ClientJsonWebKeyOutputs = {
    appId,
    keyId: id,
    kid: jwk.kid ?? "",
    publicJwk: { ...jwk },
    algorithm: jwk.alg ?? "",
    use: jwk.use ?? "",
    status,
    created,
    lastUpdated,
  };
  // Pulumi's property structs cannot hold `undefined`: leave absent fields out.
  if (privateHalf?.privateKeyPem !== undefined) outputs.privateKeyPem = privateHalf.privateKeyPem;
  if (privateHalf?.privateJwk !== undefined) outputs.privateJwk = privateHalf.privateJwk;
  return outputs;
}

/** The key as stored in the outputs, in Okta's shape (for an update that changes nothing at Okta). */
export function keyOfOutputs(outputs: ClientJsonWebKeyOutputs): OktaJsonWebKey {
  return {
    ...(outputs.publicJwk as OktaJsonWebKey),
    id: outputs.keyId,
    status: outputs.status,
    created: outputs.created,
    lastUpdated: outputs.lastUpdated,
  };
}

/** The private half the outputs hold (a generated key's), if any. */
export function privateHalfOf(outputs: Partial<ClientJsonWebKeyOutputs>): Partial<PrivateHalf> | undefined {
  const { privateKeyPem, privateJwk } = outputs;
  if (privateKeyPem === undefined && privateJwk === undefined) return undefined;
  return {
    ...(privateKeyPem === undefined ? {} : { privateKeyPem }),
    ...(privateJwk === undefined ? {} : { privateJwk }),
  };
}
