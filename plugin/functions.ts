import type * as provider from "@pulumi/pulumi/provider";
import { processOktaClient } from "../provider/runState";
import { signClientAssertion } from "../sdk/clientAssertion";
import { requestClientCredentialsToken } from "../sdk/clientCredentialsToken";
import { listClientJsonWebKeysWith } from "../sdk/listClientJsonWebKeys";
import { listClientSecretsWith } from "../sdk/listClientSecrets";
import { reveal, secret } from "./propertyValues";
import { inPluginTerms } from "./providerConfig";

/**
 * The plugin's functions (invokes): the sdk's own functions, the list functions with the provider's configured client
 * instead of the program's stack config. A credential in an answer (an assertion, an access token) is a secret.
 */
type Call = (args: Record<string, unknown>) => Promise<Record<string, unknown>>;

const calls: Record<string, Call> = {
  "okta-credentials:index:listClientSecrets": async (args) => ({
    ...(await listClientSecretsWith(processOktaClient, args as { appId: string })),
  }),
  "okta-credentials:index:listClientJsonWebKeys": async (args) => ({
    ...(await listClientJsonWebKeysWith(processOktaClient, args as { appId: string })),
  }),
  "okta-credentials:index:signClientAssertion": async (args) => ({
    assertion: secret(await signClientAssertion(args as unknown as Parameters<typeof signClientAssertion>[0])),
  }),
  "okta-credentials:index:requestClientCredentialsToken": async (args) => {
    const token = await requestClientCredentialsToken(
      args as unknown as Parameters<typeof requestClientCredentialsToken>[0],
    );
    return { ...token, accessToken: secret(token.accessToken) };
  },
};

/** The tokens of the functions the plugin serves. */
export const functionTokens = Object.keys(calls);

export const invoke: Required<provider.Provider>["invoke"] = async (token, inputs) => {
  const call = calls[token];
  if (!call) throw new Error(`the okta-credentials provider has no function ${token}`);
  try {
    return { outputs: await call(reveal(inputs as Record<string, unknown>).plain) };
  } catch (e) {
    if (e instanceof Error) e.message = inPluginTerms(e.message);
    throw e;
  }
};
