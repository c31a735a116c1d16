// Loaded for its effect: secret outputs shown as [secret] in @pulumi/pulumi's debug log of resource answers.
import "./debugLogSecrets";

export { type SignClientAssertionArgs, signClientAssertion, signClientAssertionOutput } from "./clientAssertion";
export {
  type ClientCredentialsToken,
  type RequestClientCredentialsTokenArgs,
  requestClientCredentialsToken,
} from "./clientCredentialsToken";
export {
  ClientJsonWebKey,
  type ClientJsonWebKeyArgs,
  type ClientJsonWebKeyStatus,
  type GeneratedKeyAlgorithm,
  type GenerateKeyPairArgs,
} from "./clientJsonWebKey";
export { ClientSecret, type ClientSecretArgs, type ClientSecretStatus } from "./clientSecret";
export {
  type ClientJsonWebKeySummary,
  type ListClientJsonWebKeysArgs,
  type ListClientJsonWebKeysResult,
  listClientJsonWebKeys,
  listClientJsonWebKeysOutput,
} from "./listClientJsonWebKeys";
export {
  type ClientSecretSummary,
  type ListClientSecretsArgs,
  type ListClientSecretsResult,
  listClientSecrets,
  listClientSecretsOutput,
} from "./listClientSecrets";
export {
  RotatingClientJsonWebKey,
  type RotatingClientJsonWebKeyArgs,
  type RotatingJsonWebKey,
} from "./rotatingClientJsonWebKey";
export {
  RotatingClientSecret,
  type RotatingClientSecretArgs,
  type RotatingSecret,
} from "./rotatingClientSecret";
