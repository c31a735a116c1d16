import type { ClientCredentialsToken } from "../provider/okta/tokenEndpoint";
import { requestClientCredentialsToken as requestToken, tokenEndpoint } from "../provider/okta/tokenEndpoint";
import { type SignClientAssertionArgs, signClientAssertion } from "./clientAssertion";

/** The arguments of {@link requestClientCredentialsToken}: where, which scopes, and one way to authenticate. */
export interface RequestClientCredentialsTokenArgs {
  /** The app's client id (for an Okta app, its `0oa…` id unless its creator chose another). */
  clientId: string;
  /** E.g. `["okta.apps.read"]` at the org authorization server. */
  scopes: string[];
  /** The token endpoint; or `orgUrl` for `{orgUrl}/oauth2/v1/token`. */
  tokenUrl?: string;
  /** The org's URL (`https://dev-123456.okta.com`): its own authorization server's token endpoint. */
  orgUrl?: string;
  /** Sign a fresh assertion with this private key (PEM or private JWK), as {@link signClientAssertion} does. */
  privateKey?: string | Record<string, unknown>;
  /** With `privateKey`: the header `kid` (default: the JWK's own). */
  kid?: string;
  /** With `privateKey`: the JWS algorithm (default: the JWK's own `alg`, else RS256 or the curve's ES256/384/512). */
  algorithm?: string;
  /** Or an assertion signed already (used once). */
  clientAssertion?: string;
  /** Or a client secret (`client_secret_basic`). */
  clientSecret?: string;
}

/**
 * Exchanges client credentials for an access token with a `client_credentials` grant: proof that a key (or a secret)
 * authenticates the app, at Okta or at the emulator. Asked again only after a 429 (with a new assertion when it signs
 * one), never after another failure. The token is a credential: never log it.
 * A refusal throws Okta's OAuth error, e.g. `Okta HTTP 401 invalid_client The client_assertion JWT kid is invalid.`
 *
 * @example
 * ```ts
 * const { accessToken } = await requestClientCredentialsToken({
 *   orgUrl: "https://dev-123456.okta.com", clientId, scopes: ["okta.apps.read"], privateKey: pem, kid,
 * });
 * ```
 */
export async function requestClientCredentialsToken(
  args: RequestClientCredentialsTokenArgs,
): Promise<ClientCredentialsToken> {
  const ways = [args.privateKey, args.clientAssertion, args.clientSecret].filter((way) => way !== undefined);
  if (ways.length !== 1) {
    throw new Error(
      `requesting a token for client ${args.clientId}: give exactly one of privateKey, clientAssertion or clientSecret (got ${ways.length})`,
    );
  }
  if (!Array.isArray(args.scopes) || args.scopes.length === 0) {
    throw new Error(`requesting a token for client ${args.clientId}: scopes is required, e.g. ["okta.apps.read"]`);
  }
  const endpoint = tokenEndpoint(args);
  if (args.clientSecret !== undefined) {
    return requestToken(endpoint, args.scopes, {
      kind: "client_secret_basic",
      clientId: args.clientId,
      clientSecret: args.clientSecret,
    });
  }
  if (args.clientAssertion !== undefined) {
    // Signed already: sent once (its jti cannot be used twice).
    const assertion = args.clientAssertion;
    return requestToken(endpoint, args.scopes, { kind: "client_assertion", clientId: args.clientId, assertion });
  }
  const signing: SignClientAssertionArgs = {
    clientId: args.clientId,
    privateKey: args.privateKey as SignClientAssertionArgs["privateKey"],
    tokenUrl: endpoint.href,
  };
  if (args.kid !== undefined) signing.kid = args.kid;
  if (args.algorithm !== undefined) signing.algorithm = args.algorithm;
  // A new assertion for each attempt: one is asked again only after a 429.
  return requestToken(endpoint, args.scopes, async () => ({
    kind: "client_assertion",
    clientId: args.clientId,
    assertion: await signClientAssertion(signing),
  }));
}

export type { ClientCredentialsToken };
