import { signAssertion } from "../keys/clientAssertion";
import { signingAlgorithm } from "../keys/privateKeyInput";
import type { OktaAuth } from "./config";
import { DpopSigner } from "./dpop";
import { isOktaApiError, OktaApiError } from "./errors";
import { JWT_BEARER, TOKEN_PATH } from "./tokenEndpoint";
import { explainTokenError, missingScopes } from "./tokenErrors";
import { isRecord, type OktaAnswer, type OktaTransport } from "./transport";

/** A service app's OAuth settings; `dpop` defaults to `auto`. */
export type OAuthSettings = Extract<OktaAuth, { kind: "oauth" }>;

/** An access token from the org authorization server. */
export interface AccessToken {
  value: string;
  /** `DPoP`: bound to the signer's key, sent as `Authorization: DPoP` with a proof on every request. */
  type: "Bearer" | "DPoP";
  expiresIn: number;
  /** The scopes Okta granted (its answer's `scope`), when it said. */
  scopes?: string[];
}

/**
 * The `client_credentials` grant at the org authorization server, the client authenticated by `private_key_jwt`.
 * Every attempt (the transport's retries included) carries a new assertion and, with DPoP, a new proof: both are
 * single use. Answers Okta's `invalid_dpop_proof` (the app requires DPoP) by switching the process to DPoP, and
 * `use_dpop_nonce` by retrying with the nonce, each once.
 */
export class ClientCredentialsGrant {
  private readonly tokenUrl: string;

  constructor(
    private readonly auth: OAuthSettings,
    orgUrl: string,
    private readonly transport: OktaTransport,
    private readonly now: () => number,
    /** The process's DPoP signer, once DPoP is in use (from the start with `dpop: "always"`). */
    public dpop: DpopSigner | undefined = auth.dpop === "always" ? new DpopSigner(now) : undefined,
  ) {
    this.tokenUrl = `${orgUrl}${TOKEN_PATH}`;
  }

  /** A new access token, or a clear error saying what the service app lacks and how to fix it. */
  async request(): Promise<AccessToken> {
    let body: unknown;
    try {
      ({ body } = await this.transport.send({
        method: "POST",
        path: TOKEN_PATH,
        authenticate: false,
        prepare: async () => ({ form: await this.form(), headers: await this.proofHeader() }),
        challenge: (answer, tried) => this.challenge(answer, tried),
      }));
    } catch (e) {
      throw isOktaApiError(e) ? explainTokenError(e, this.auth, this.dpop !== undefined) : e;
    }
    return this.accept(body);
  }

  private challenge(answer: OktaAnswer, tried: Set<string>): boolean {
    this.dpop?.observe("authorization", answer.headers);
    if (answer.status !== 400 || !isRecord(answer.body)) return false;
    const error = answer.body.error;
    if (error === "invalid_dpop_proof" && this.dpop === undefined && !tried.has("dpop")) {
      // The app requires DPoP ("The DPoP proof JWT header is missing."): from now on this process uses it.
      tried.add("dpop");
      this.dpop = new DpopSigner(this.now);
      return true;
    }
    if (error === "use_dpop_nonce" && this.dpop !== undefined && !tried.has("nonce")) {
      tried.add("nonce");
      return answer.headers.has("dpop-nonce");
    }
    return false;
  }

  private accept(body: unknown): AccessToken {
    const fail = (summary: string) =>
      new OktaApiError({ kind: "http", status: 200, summary, method: "POST", path: TOKEN_PATH });
    if (!isRecord(body) || typeof body.access_token !== "string") throw fail("no access_token in the answer");
    const type = typeof body.token_type === "string" ? body.token_type.toLowerCase() : "bearer";
    if (type !== "bearer" && type !== "dpop") throw fail(`unknown token_type ${String(body.token_type)}`);
    if (type === "dpop" && this.dpop === undefined) throw fail("a DPoP token, but no DPoP proof was sent");
    if (typeof body.scope === "string") {
      const missing = missingScopes(this.auth, body.scope);
      if (missing) throw missing;
    }
    const token: AccessToken = {
      value: body.access_token,
      type: type === "dpop" ? "DPoP" : "Bearer",
      expiresIn: typeof body.expires_in === "number" && body.expires_in > 0 ? body.expires_in : 3600,
    };
    if (typeof body.scope === "string") token.scopes = body.scope.split(/\s+/).filter(Boolean);
    return token;
  }

  private async form(): Promise<Record<string, string>> {
    return {
      grant_type: "client_credentials",
      scope: this.auth.scopes.join(" "),
      client_assertion_type: JWT_BEARER,
      client_assertion: await this.assertion(),
    };
  }

  private async proofHeader(): Promise<Record<string, string>> {
    if (!this.dpop) return {};
    return { DPoP: await this.dpop.proof({ method: "POST", url: this.tokenUrl, server: "authorization" }) };
  }

  private assertion(): Promise<string> {
    const signing = { key: this.auth.privateKey };
    const claims = {
      clientId: this.auth.clientId,
      audience: this.tokenUrl,
      signing,
      algorithm: signingAlgorithm(signing, undefined, "okta:privateKey"),
      now: this.now(),
    };
    return signAssertion(this.auth.privateKeyId ? { ...claims, kid: this.auth.privateKeyId } : claims);
  }
}
