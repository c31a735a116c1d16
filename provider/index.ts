/**
 * `pulumi-okta-credentials/provider`: the code behind the dynamic resources, loaded by name by the shim that Pulumi
 * serializes into state. The module path, `providers` and its keys and hook names are a frozen public API: state
 * written by any release calls them.
 */
import { clientJsonWebKeyProvider } from "./resources/clientJsonWebKey/provider";
import type { ClientJsonWebKeyInputs, ClientJsonWebKeyOutputs } from "./resources/clientJsonWebKey/types";
import { clientJsonWebKeyVerificationProvider } from "./resources/clientJsonWebKeyVerification/provider";
import type {
  ClientJsonWebKeyVerificationInputs,
  ClientJsonWebKeyVerificationOutputs,
} from "./resources/clientJsonWebKeyVerification/types";
import { clientSecretProvider } from "./resources/clientSecret/provider";
import type { ClientSecretInputs, ClientSecretOutputs } from "./resources/clientSecret/types";
import { clientSecretVerificationProvider } from "./resources/clientSecretVerification/provider";
import type {
  ClientSecretVerificationInputs,
  ClientSecretVerificationOutputs,
} from "./resources/clientSecretVerification/types";
import type { FullResourceProvider } from "./resources/fullProvider";

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
  ClientSecret: clientSecretProvider,
  ClientJsonWebKey: clientJsonWebKeyProvider,
  ClientSecretVerification: clientSecretVerificationProvider,
  ClientJsonWebKeyVerification: clientJsonWebKeyVerificationProvider,
};

export type { OktaApiError } from "./okta/errors";
export { isOktaApiError } from "./okta/errors";
export type { OktaAppInfo, OktaClient, OktaClientSecret, OktaSecretStatus } from "./okta/oktaClient";
export { oktaClientFromEnvironment, readOktaConfig } from "./okta/processClient";
export type {
  ClientJsonWebKeyInputs,
  ClientJsonWebKeyOutputs,
  ClientJsonWebKeyStatus,
  GenerateKeyPairInput,
} from "./resources/clientJsonWebKey/types";
export type { ClientSecretInputs, ClientSecretOutputs, ClientSecretStatus } from "./resources/clientSecret/types";
export type { FullResourceProvider } from "./resources/fullProvider";
