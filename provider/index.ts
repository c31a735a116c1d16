/**
 * `pulumi-okta-credentials/provider`: the code behind the dynamic resources, loaded by name by the shim that Pulumi
 * serializes into state. The module path, `providers` and its keys and hook names are a frozen public API: state
 * written by any release calls them.
 */
import { clientJsonWebKeyKind } from "./resources/clientJsonWebKey/kind";
import type { ClientJsonWebKeyInputs, ClientJsonWebKeyOutputs } from "./resources/clientJsonWebKey/types";
import { clientJsonWebKeyVerificationProvider } from "./resources/clientJsonWebKeyVerification/provider";
import type {
  ClientJsonWebKeyVerificationInputs,
  ClientJsonWebKeyVerificationOutputs,
} from "./resources/clientJsonWebKeyVerification/types";
import { clientSecretKind } from "./resources/clientSecret/kind";
import type { ClientSecretInputs, ClientSecretOutputs } from "./resources/clientSecret/types";
import { clientSecretVerificationProvider } from "./resources/clientSecretVerification/provider";
import type {
  ClientSecretVerificationInputs,
  ClientSecretVerificationOutputs,
} from "./resources/clientSecretVerification/types";
import { credentialProvider } from "./resources/credential/provider";
import type { FullResourceProvider } from "./resources/fullProvider";
import { oktaClientFromConfig } from "./runState";

/** One provider per resource kind, each with all seven hooks (`configure, check, diff, create, read, update, delete`). */
export const providers: {
  ClientSecret: FullResourceProvider<ClientSecretInputs, ClientSecretOutputs>;
  ClientJsonWebKey: FullResourceProvider<ClientJsonWebKeyInputs, ClientJsonWebKeyOutputs>;
  ClientSecretVerification: FullResourceProvider<ClientSecretVerificationInputs, ClientSecretVerificationOutputs>;
  ClientJsonWebKeyVerification: FullResourceProvider<
    ClientJsonWebKeyVerificationInputs,
    ClientJsonWebKeyVerificationOutputs
  >;
} = {
  ClientSecret: credentialProvider(clientSecretKind),
  ClientJsonWebKey: credentialProvider(clientJsonWebKeyKind),
  ClientSecretVerification: clientSecretVerificationProvider,
  ClientJsonWebKeyVerification: clientJsonWebKeyVerificationProvider,
};

export { readOktaConfig } from "./okta/config";
export type { OktaApiError } from "./okta/errors";
export { isOktaApiError } from "./okta/errors";
export type { OktaAppInfo, OktaClient, OktaClientSecret, OktaSecretStatus } from "./okta/oktaClient";
export { oktaClientFromConfig } from "./runState";

/**
 * The former name of {@link oktaClientFromConfig}, which reads stack-config keys first and the `OKTA_*` environment
 * only as a fallback.
 *
 * @deprecated Use `oktaClientFromConfig`.
 */
export const oktaClientFromEnvironment = oktaClientFromConfig;
export type {
  ClientJsonWebKeyInputs,
  ClientJsonWebKeyOutputs,
  ClientJsonWebKeyStatus,
  GenerateKeyPairInput,
} from "./resources/clientJsonWebKey/types";
export type { ClientSecretInputs, ClientSecretOutputs, ClientSecretStatus } from "./resources/clientSecret/types";
export type { FullResourceProvider } from "./resources/fullProvider";
