import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import type { OktaAuth } from "./config";
import { OktaApiError } from "./errors";
import { type Authorizer, isRecord, type OktaTransport } from "./transport";

/** A fixed token: `Authorization: SSWS <API token>` or `Bearer <access token>`. */
export function staticAuthorizer(scheme: "SSWS" | "Bearer", token: string): Authorizer {
  return {
    header: async () => `${scheme} ${token}`,
    invalidate: () => false,
    secrets: () => [token],
  };
}

type OAuth = Extract<OktaAuth, { kind: "oauth" }>;

/**
 * OAuth 2.0 for a service app: a client-credentials grant at `{org}/oauth2/v1/token`, the client authenticated by a
 * `private_key_jwt` assertion signed with its private key. The access token is cached until a minute before it expires
 * (or until a 401 invalidates it); parallel requests share one token request.
 */
export class OAuthAuthorizer implements Authorizer {
  private cached: { token: string; expiresAt: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly auth: OAuth,
    private readonly orgUrl: string,
    private readonly tokenTransport: OktaTransport,
    private readonly now: () => number = Date.now,
  ) {}

  async header(): Promise<string> {
    if (this.cached && this.now() < this.cached.expiresAt) return `Bearer ${this.cached.token}`;
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return `Bearer ${await this.pending}`;
  }

  invalidate(): boolean {
    this.cached = undefined;
    return true;
  }

  secrets(): string[] {
    return this.cached ? [this.cached.token] : [];
  }

  private async fetchToken(): Promise<string> {
    const path = "/oauth2/v1/token";
    const response = await this.tokenTransport.send({
      method: "POST",
      path,
      authenticate: false,
      form: {
        grant_type: "client_credentials",
        scope: this.auth.scopes.join(" "),
        client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        client_assertion: await this.assertion(`${this.orgUrl}${path}`),
      },
    });
    const body = response.body;
    if (!isRecord(body) || typeof body.access_token !== "string") {
      throw new OktaApiError({
        kind: "http",
        status: response.status,
        summary: "no access_token in the answer",
        method: "POST",
        path,
      });
    }
    if (typeof body.token_type === "string" && body.token_type.toLowerCase() !== "bearer") {
      throw new OktaApiError({
        kind: "http",
        status: response.status,
        summary: `the service app ${this.auth.clientId} requires ${body.token_type} tokens, which this provider does not support yet: turn off "Require DPoP" on the app`,
        method: "POST",
        path,
      });
    }
    const expiresIn = typeof body.expires_in === "number" ? body.expires_in : 3600;
    // Renew a minute early (or halfway, for very short tokens) so a request never carries a token about to expire.
    const margin = Math.min(60, expiresIn / 2) * 1000;
    this.cached = { token: body.access_token, expiresAt: this.now() + expiresIn * 1000 - margin };
    return body.access_token;
  }

  private async assertion(audience: string): Promise<string> {
    const header: { alg: string; kid?: string } = { alg: signingAlgorithm(this.auth.privateKey) };
    if (this.auth.privateKeyId) header.kid = this.auth.privateKeyId;
    const nowSeconds = Math.floor(this.now() / 1000);
    return new SignJWT({})
      .setProtectedHeader(header)
      .setIssuer(this.auth.clientId)
      .setSubject(this.auth.clientId)
      .setAudience(audience)
      .setJti(randomUUID())
      .setIssuedAt(nowSeconds)
      .setExpirationTime(nowSeconds + 300)
      .sign(this.auth.privateKey);
  }
}

function signingAlgorithm(key: OAuth["privateKey"]): string {
  if (key.asymmetricKeyType === "ec") {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    return curve === "secp384r1" ? "ES384" : curve === "secp521r1" ? "ES512" : "ES256";
  }
  return "RS256";
}
