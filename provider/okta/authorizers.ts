import { type AccessToken, ClientCredentialsGrant, type OAuthSettings } from "./clientCredentials";
import type { OktaApiError } from "./errors";
import { parseChallenge } from "./failures";
import { explainAccessTokenRefusal, explainApiTokenRefusal, explainServiceAppRefusal } from "./refusals";
import type { Authorizer, OktaAnswer, OktaTransport } from "./transport";

/** A fixed token: `Authorization: SSWS <API token>` or `Bearer <access token>`. */
export function staticAuthorizer(scheme: "SSWS" | "Bearer", token: string): Authorizer {
  return {
    headers: async () => ({ Authorization: `${scheme} ${token}` }),
    challenge: () => false,
    secrets: () => [token],
    explain: (error) => (scheme === "SSWS" ? explainApiTokenRefusal(error) : explainAccessTokenRefusal(error)),
  };
}

/**
 * OAuth 2.0 for a service app: access tokens from the `client_credentials` grant ({@link ClientCredentialsGrant}),
 * cached until shortly before they expire; parallel requests share one token request. A DPoP-bound token goes out as
 * `Authorization: DPoP` with a proof per request. A 401 gets one new token and one more try; a resource server's
 * `use_dpop_nonce` challenge gets one more try with its nonce.
 */
export class OAuthAuthorizer implements Authorizer {
  private readonly grant: ClientCredentialsGrant;
  private cached: { token: AccessToken; renewAt: number } | undefined;
  private pending: Promise<AccessToken> | undefined;

  constructor(
    private readonly auth: OAuthSettings,
    orgUrl: string,
    tokenTransport: OktaTransport,
    private readonly now: () => number = Date.now,
  ) {
    this.grant = new ClientCredentialsGrant(auth, orgUrl, tokenTransport, now);
  }

  async headers(method: string, url: string): Promise<Record<string, string>> {
    const token = await this.token();
    const dpop = this.grant.dpop;
    if (token.type === "Bearer" || !dpop) return { Authorization: `Bearer ${token.value}` };
    return {
      Authorization: `DPoP ${token.value}`,
      DPoP: await dpop.proof({ method, url, server: "resource", accessToken: token.value }),
    };
  }

  challenge(answer: OktaAnswer, tried: Set<string>): boolean {
    const newNonce = this.grant.dpop?.observe("resource", answer.headers) ?? false;
    if (answer.status !== 401 && answer.status !== 400) return false;
    const challenge = parseChallenge(answer.headers.get("www-authenticate"));
    if (challenge.error === "use_dpop_nonce") {
      if (tried.has("nonce") || !newNonce) return false;
      tried.add("nonce");
      return true;
    }
    if (answer.status === 401 && !tried.has("token")) {
      // An expired or revoked access token: get a fresh one, once.
      tried.add("token");
      this.cached = undefined;
      return true;
    }
    return false;
  }

  secrets(): string[] {
    return this.cached ? [this.cached.token.value] : [];
  }

  explain(error: OktaApiError): OktaApiError {
    return explainServiceAppRefusal(error, this.auth.clientId, this.cached?.token.scopes);
  }

  private async token(): Promise<AccessToken> {
    if (this.cached && this.now() < this.cached.renewAt) return this.cached.token;
    this.pending ??= this.grant.request().finally(() => {
      this.pending = undefined;
    });
    const token = await this.pending;
    // Renew a minute early (or halfway, for very short tokens) so a request never carries a token about to expire.
    const margin = Math.min(60, token.expiresIn / 2) * 1000;
    if (this.cached?.token !== token) this.cached = { token, renewAt: this.now() + token.expiresIn * 1000 - margin };
    return token;
  }
}
