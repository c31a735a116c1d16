import { withContext } from "./errors";
import { isLoopback } from "./orgUrl";
import { defaultRetryPolicy } from "./retryPolicy";
import { type Authorizer, isRecord, OktaTransport } from "./transport";

/** `client_assertion_type` of a signed client assertion (RFC 7523 §2.2), for `private_key_jwt` and `client_secret_jwt`. */
export const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/** The org authorization server's token endpoint, from the org's root. */
export const TOKEN_PATH = "/oauth2/v1/token";

/** The org authorization server's introspection endpoint (RFC 7662), from the org's root. */
const INTROSPECTION_PATH = "/oauth2/v1/introspect";

/**
 * How a client proves who it is to an endpoint of an authorization server that requires client authentication (the
 * token, introspection and revocation endpoints): its secret in a Basic header (`client_secret_basic`) or in the form
 * (`client_secret_post`), or a signed client assertion in the form (`private_key_jwt`, `client_secret_jwt`).
 */
export type ClientAuthentication =
  | { kind: "client_secret_basic"; clientId: string; clientSecret: string }
  | { kind: "client_secret_post"; clientId: string; clientSecret: string }
  | { kind: "client_assertion"; clientId: string; assertion: string };

/** An access token from a client-credentials grant. */
export interface ClientCredentialsToken {
  /** A bearer credential: never log it. */
  accessToken: string;
  /** `Bearer`, or `DPoP` for a token bound to a proof key. */
  tokenType: string;
  /** Seconds the token is valid for, from when it was issued. */
  expiresIn: number;
  /** The scopes granted, space-separated: what the token may be used for. */
  scope: string;
}

/**
 * The token endpoint: `tokenUrl` as given (a custom authorization server's included), or the org authorization
 * server's `{orgUrl}/oauth2/v1/token`. Exactly one of the two; https only, except plain http on loopback.
 */
export function tokenEndpoint(where: { tokenUrl?: string | undefined; orgUrl?: string | undefined }): URL {
  if (where.tokenUrl !== undefined && where.orgUrl !== undefined) {
    throw new Error("give tokenUrl or orgUrl, not both (orgUrl means {orgUrl}/oauth2/v1/token)");
  }
  if (where.orgUrl !== undefined) return orgEndpoint(where.orgUrl, TOKEN_PATH);
  if (where.tokenUrl === undefined) {
    throw new Error('tokenUrl or orgUrl is required, e.g. orgUrl: "https://dev-123456.okta.com"');
  }
  return checkedUrl(where.tokenUrl, "tokenUrl", "https://dev-123456.okta.com/oauth2/v1/token");
}

/** The org authorization server's introspection endpoint, `{orgUrl}/oauth2/v1/introspect`. */
export function introspectionEndpoint(orgUrl: string): URL {
  return orgEndpoint(orgUrl, INTROSPECTION_PATH);
}

function orgEndpoint(orgUrl: string, path: string): URL {
  const org = checkedUrl(orgUrl, "orgUrl", "https://dev-123456.okta.com");
  if (org.pathname !== "/") {
    throw new Error(
      `orgUrl must be the org's base URL, without a path (got "${org.origin}${org.pathname}"); ` +
        "for another authorization server, give its tokenUrl",
    );
  }
  return new URL(`${org.origin}${path}`);
}

function checkedUrl(value: string, name: string, example: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} is not a URL: "${value}"; e.g. ${example}`);
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopback(url.hostname))) {
    throw new Error(
      `${name} must be https:// (plain http only on loopback, such as the emulator), got a ${url.protocol} URL for ` +
        `${url.hostname}: the request carries client credentials`,
    );
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`${name} must have no query, fragment or credentials (got "${url.origin}${url.pathname}…")`);
  }
  return url;
}

/** A client's authentication, or a maker of a fresh one for each attempt (an assertion's `jti` is single use). */
type ClientAuthenticationSource = ClientAuthentication | (() => Promise<ClientAuthentication>);

/** The first attempt's authentication, and the maker of the next attempts' (none: the first's again). */
interface Attempts {
  first: ClientAuthentication;
  again?: () => Promise<ClientAuthentication>;
}

async function attemptsOf(source: ClientAuthenticationSource): Promise<Attempts> {
  return typeof source === "function" ? { first: await source(), again: source } : { first: source };
}

/** Attempts of a request to an endpoint that authenticates the client, when it is refused by a rate limit only. */
const rateLimitedAttempts = 3;

/**
 * One form POST to an endpoint that authenticates the client (`form` plus the client's authentication). Retried only
 * after a 429, which Okta answers before it reads the request (waiting for the reset), and then with a fresh
 * authentication: an assertion's `jti` can be used once, so a fixed assertion is sent once, and any other failure
 * (5xx, a lost answer) is not retried, since the request may have used it. Errors say `doing` and carry the
 * endpoint's answer, never the credential. Gives the answer's status and body.
 */
async function sendAuthenticated(
  endpoint: URL,
  form: Record<string, string>,
  { first, again }: Attempts,
  doing: string,
  fetchFn?: typeof fetch,
): Promise<{ status: number; body: unknown }> {
  let authorizer: Authorizer | undefined;
  const redact: string[] = [];
  let next: ClientAuthentication | undefined = first;
  const fieldsOf = async (): Promise<Record<string, string>> => {
    const client = next ?? (again ? await again() : first);
    next = undefined;
    if (client.kind === "client_assertion") {
      redact.push(client.assertion);
      return { ...form, client_assertion_type: JWT_BEARER, client_assertion: client.assertion };
    }
    if (client.kind === "client_secret_post") {
      return { ...form, client_id: client.clientId, client_secret: client.clientSecret };
    }
    return { ...form };
  };
  if (first.kind === "client_secret_basic") {
    // RFC 6749 2.3.1: both parts form-urlencoded, then base64.
    const encode = (s: string) => encodeURIComponent(s).replace(/%20/g, "+");
    const basic = Buffer.from(`${encode(first.clientId)}:${encode(first.clientSecret)}`).toString("base64");
    authorizer = {
      headers: async () => ({ Authorization: `Basic ${basic}` }),
      challenge: () => false,
      secrets: () => [first.clientSecret, basic],
    };
  }
  if (first.kind !== "client_assertion") redact.push(first.clientSecret);
  // A fixed assertion cannot be sent twice: one attempt.
  const once = first.kind === "client_assertion" && again === undefined;
  const policy = { ...defaultRetryPolicy, maxAttempts: once ? 1 : rateLimitedAttempts };
  const transport = new OktaTransport(endpoint.origin, authorizer, policy, fetchFn);
  try {
    const { status, body } = await transport.send({
      method: "POST",
      path: endpoint.pathname,
      prepare: async () => ({ form: await fieldsOf() }),
      redact,
      rateLimitRetriesOnly: true,
    });
    return { status, body };
  } catch (e) {
    throw withContext(e, doing);
  }
}

/**
 * One `client_credentials` grant at `endpoint`, the client authenticated as `client` says. Retried only after a
 * 429, and never with a fixed assertion (see {@link sendAuthenticated}). Errors carry Okta's OAuth error and never the credentials.
 */
export async function requestClientCredentialsToken(
  endpoint: URL,
  scopes: readonly string[],
  client: ClientAuthenticationSource,
  fetchFn?: typeof fetch,
): Promise<ClientCredentialsToken> {
  const form: Record<string, string> = { grant_type: "client_credentials" };
  // No scope at all is a request of its own (checking that a secret authenticates): send no empty parameter.
  if (scopes.length > 0) form.scope = scopes.join(" ");
  const attempts = await attemptsOf(client);
  const clientId = attempts.first.clientId;
  const doing = `requesting a client-credentials token for client ${clientId} at ${endpoint.href}`;
  const { body } = await sendAuthenticated(endpoint, form, attempts, doing, fetchFn);
  if (
    !isRecord(body) ||
    typeof body.access_token !== "string" ||
    typeof body.token_type !== "string" ||
    typeof body.expires_in !== "number"
  ) {
    throw new Error(`${endpoint.href} answered the token request of client ${clientId} without an access token`);
  }
  return {
    accessToken: body.access_token,
    tokenType: body.token_type,
    expiresIn: body.expires_in,
    scope: typeof body.scope === "string" ? body.scope : scopes.join(" "),
  };
}

/**
 * One introspection (RFC 7662) of `token` at `endpoint` (the org's `/oauth2/v1/introspect`), the client
 * authenticated as `client` says (or as it makes anew for each attempt); retried only after a 429 (see
 * {@link sendAuthenticated}). Gives the answer's status and body (`{"active": false}` for a token the server does
 * not know); errors say `doing` and never carry the credentials.
 */
export function introspectToken(
  endpoint: URL,
  token: string,
  client: ClientAuthenticationSource,
  doing: string,
): Promise<{ status: number; body: unknown }> {
  return attemptsOf(client).then((attempts) =>
    sendAuthenticated(endpoint, { token, token_type_hint: "access_token" }, attempts, doing),
  );
}
