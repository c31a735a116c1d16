import type { PrivateJwk } from "../../keys/jwk";
import type { OktaJsonWebKey } from "../../okta/jsonWebKeys";
import type { ClientJsonWebKeyInputs, ClientJsonWebKeyOutputs } from "./types";

/** The inputs echoed in the outputs, so that `diff` (which sees only outputs) and `delete` can compare and name them. */
type Echo = Pick<ClientJsonWebKeyInputs, "generate" | "rotationTriggers" | "adoptKeyId" | "resourceUrn">;

/** A generated key's private half, kept in (secret) outputs: Okta never has it. */
export interface PrivateHalf {
  privateKeyPem: string;
  privateJwk: PrivateJwk;
}

/** Builds the outputs from Okta's key object, the private half when the provider made the pair, and the echo. */
export function toOutputs(
  appId: string,
  key: OktaJsonWebKey,
  privateHalf: Partial<PrivateHalf> | undefined,
  echo: Partial<Echo>,
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
  if (echo.generate !== undefined) outputs.generate = echo.generate;
  if (echo.rotationTriggers !== undefined) outputs.rotationTriggers = echo.rotationTriggers;
  if (echo.adoptKeyId !== undefined) outputs.adoptKeyId = echo.adoptKeyId;
  if (echo.resourceUrn !== undefined) outputs.resourceUrn = echo.resourceUrn;
  return outputs;
}

/** The echoed inputs of `outputs` (or of inputs). */
export function echoOf(from: Partial<Echo>): Partial<Echo> {
  const echo: Partial<Echo> = {};
  if (from.generate !== undefined) echo.generate = from.generate;
  if (from.rotationTriggers !== undefined) echo.rotationTriggers = from.rotationTriggers;
  if (from.adoptKeyId !== undefined) echo.adoptKeyId = from.adoptKeyId;
  if (from.resourceUrn !== undefined) echo.resourceUrn = from.resourceUrn;
  return echo;
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
