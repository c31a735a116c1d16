import { randomBytes, randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { isOktaApiError, type OktaApiError } from "./errors";
import {
  type ClientAuthentication,
  introspectionEndpoint,
  introspectToken,
  requestClientCredentialsToken,
  tokenEndpoint,
} from "./tokenEndpoint";
import { isRecord } from "./transport";

/** What Okta made of a client's credential (a client secret, or an assertion signed by a key), and where it said so. */
type CredentialProof =
  /** Okta authenticated the client: `answer` is what it said next (`HTTP 200 {"active":false}`, `invalid_scope`). */
  | { authenticated: true; endpoint: string; answer: string }
  /** Okta refused the client's authentication (`invalid_client`): `refusal` is its answer, without the credential. */
  | { authenticated: false; endpoint: string; refusal: string };

/**
 * Asks the org authorization server whether a credential authenticates its client, by introspecting a random token
 * with the credential as the client's authentication (RFC 7662). Okta's `/oauth2/v1/introspect` requires client
 * authentication "configured per client app" and has no grant-type or scope rule; a token it does not know is only
 * inactive (Okta's spec: "If the token is invalid, expired, or revoked, it's considered inactive"), so
 * `{"active": false}` means authenticated and 401 `invalid_client` means refused. `credentialFor` makes the
 * authentication for an endpoint (an assertion's `aud` must name the endpoint it is sent to).
 *
 * Only where the introspection endpoint does not exist (404 or 405: a server other than Okta, such as an older
 * emulator) is the token endpoint asked instead: one `client_credentials` request without a scope, `invalid_client`
 * read as refused and any other OAuth answer as authenticated, since client authentication comes before the grant
 * and the scopes (RFC 6749 §5.2). Anything that is not an answer about the credential (5xx, 429, no answer, an answer
 * that is not an introspection answer) throws: the credential was not checked.
 */
export async function proveClientCredential(
  orgUrl: string,
  clientId: string,
  credentialFor: (audience: string) => Promise<ClientAuthentication>,
): Promise<CredentialProof> {
  const endpoint = introspectionEndpoint(orgUrl);
  const doing = `introspecting a random token as client ${clientId} at ${endpoint.href}`;
  let answer: { status: number; body: unknown };
  try {
    const randomToken = randomBytes(32).toString("base64url");
    answer = await introspectToken(endpoint, randomToken, () => credentialFor(endpoint.href), doing);
  } catch (e) {
    if (!isOktaApiError(e) || e.kind !== "http") throw e;
    if (e.status === 404 || e.status === 405) {
      return proveAtTokenEndpoint(orgUrl, credentialFor, `the introspection endpoint answered HTTP ${e.status}`);
    }
    if (isOAuthAnswer(e) && e.errorCode === "invalid_client") {
      return { authenticated: false, endpoint: endpoint.href, refusal: refusalOf(e) };
    }
    throw e;
  }
  const { status, body } = answer;
  if (isRecord(body) && body.active === false) {
    return { authenticated: true, endpoint: endpoint.href, answer: `HTTP ${status} {"active":false}` };
  }
  const what =
    isRecord(body) && body.active === true
      ? "said that a random token is active, which Okta never says of a token it did not issue"
      : "gave no introspection answer (no boolean `active`)";
  throw new Error(
    `${doing}: HTTP ${status}, but the answer ${what}: not Okta's introspection endpoint, so the credential was not ` +
      "checked; check the org URL",
  );
}

/** The token endpoint's reading of a credential (see {@link proveClientCredential}), where introspection is not served. */
async function proveAtTokenEndpoint(
  orgUrl: string,
  credentialFor: (audience: string) => Promise<ClientAuthentication>,
  why: string,
): Promise<CredentialProof> {
  const endpoint = tokenEndpoint({ orgUrl });
  try {
    await requestClientCredentialsToken(endpoint, [], await credentialFor(endpoint.href));
    // A token, dropped unread.
    return { authenticated: true, endpoint: endpoint.href, answer: `an access token (${why})` };
  } catch (e) {
    if (!isOktaApiError(e) || !isOAuthAnswer(e)) throw e;
    if (e.errorCode === "invalid_client")
      return { authenticated: false, endpoint: endpoint.href, refusal: refusalOf(e) };
    return { authenticated: true, endpoint: endpoint.href, answer: `HTTP ${e.status} ${e.errorCode} (${why})` };
  }
}

/** An OAuth error answer (4xx but 429, with an OAuth `error`, not a Management API `E…` code). */
function isOAuthAnswer(e: OktaApiError): boolean {
  const { status, errorCode } = e;
  return (
    e.kind === "http" &&
    status !== undefined &&
    status >= 400 &&
    status < 500 &&
    status !== 429 &&
    errorCode !== undefined &&
    !/^E\d+$/.test(errorCode)
  );
}

function refusalOf(e: OktaApiError): string {
  return `HTTP ${e.status} ${e.errorCode}: ${e.summary}`;
}

/**
 * How a client secret authenticates its client, by the app's `token_endpoint_auth_method`: in a Basic header
 * (`client_secret_basic`, Okta's default), in the form (`client_secret_post`), or as an HS256 assertion signed with the
 * secret (`client_secret_jwt`: Okta's client authentication guide, "sign the JWT with the client_secret using an HMAC
 * SHA algorithm"), whose `aud` is `audience`. The assertion lives five minutes, as those this package signs with keys.
 */
export async function secretAuthentication(
  method: "client_secret_basic" | "client_secret_post" | "client_secret_jwt",
  clientId: string,
  clientSecret: string,
  audience: string,
): Promise<ClientAuthentication> {
  if (method !== "client_secret_jwt") return { kind: method, clientId, clientSecret };
  const now = Math.floor(Date.now() / 1000);
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(audience)
    .setJti(randomUUID())
    .setIssuedAt(now)
    .setExpirationTime(now + 300)
    .sign(Buffer.from(clientSecret, "utf8"));
  return { kind: "client_assertion", clientId, assertion };
}
