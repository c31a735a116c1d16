import { isOktaApiError } from "./errors";
import { type ClientAuthentication, requestClientCredentialsToken, tokenEndpoint } from "./tokenEndpoint";

/** What the org's token endpoint made of a client's credential (a client secret, or an assertion signed by a key). */
type ClientAuthenticationOutcome =
  /** Okta authenticated the client: `answer` is what it said next (`invalid_scope`, `unauthorized_client`, a token). */
  | { authenticated: true; answer: string }
  /** Okta refused the client's authentication (`invalid_client`): `refusal` is its answer, without the credential. */
  | { authenticated: false; refusal: string };

/**
 * Asks the org authorization server's token endpoint whether a credential authenticates its client: one
 * `client_credentials` request, no scope, the credential sent as `client_secret_basic` or as a signed
 * `client_assertion` (`private_key_jwt`). Okta checks the client's authentication before the grant and the scopes
 * (RFC 6749 §5.2; Okta's OAuth error examples: a wrong secret gets `invalid_client` "The client secret supplied for a
 * confidential client is invalid.", a client not allowed the grant `unauthorized_client`; a bad assertion gets
 * `invalid_client` too, e.g. "The client_assertion signature is invalid."), so `invalid_client` means refused and any
 * other OAuth answer means authenticated. An `okta.*` scope would be wrong here: the org authorization server refuses
 * those to secret clients with `invalid_client` whatever the secret. Anything that is not an OAuth answer (5xx, 429, no
 * answer) throws: the credential was not checked. The access token, if any, is dropped unread.
 */
export async function checkClientAuthenticates(
  orgUrl: string,
  client: ClientAuthentication,
): Promise<ClientAuthenticationOutcome> {
  const endpoint = tokenEndpoint({ orgUrl });
  try {
    await requestClientCredentialsToken(endpoint, [], client);
    return { authenticated: true, answer: "an access token" };
  } catch (e) {
    const oauthAnswer =
      isOktaApiError(e) && e.kind === "http" && e.status !== undefined && e.status >= 400 && e.status < 500;
    if (!oauthAnswer || e.status === 429 || e.errorCode === undefined || /^E\d+$/.test(e.errorCode)) throw e;
    if (e.errorCode === "invalid_client")
      return { authenticated: false, refusal: `HTTP ${e.status} ${e.errorCode}: ${e.summary}` };
    return { authenticated: true, answer: `HTTP ${e.status} ${e.errorCode}` };
  }
}
