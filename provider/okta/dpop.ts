import { createHash, generateKeyPairSync, type KeyObject, randomUUID } from "node:crypto";
import { SignJWT } from "jose";

/**
 * Who handed out a DPoP nonce: RFC 9449 keeps the authorization server's (the token endpoint) and the resource
 * server's (the Management API) apart, even on one origin; each is only valid where it came from.
 */
type DpopServer = "authorization" | "resource";

/** What one DPoP proof is for. */
interface ProofRequest {
  method: string;
  /** The request's URL; its query and fragment are left out of `htu`. */
  url: string;
  server: DpopServer;
  /** The DPoP-bound access token a resource request carries: its hash goes in `ath`. */
  accessToken?: string;
}

/**
 * DPoP (RFC 9449) for this process: an ES256 key pair made once and never written anywhere, a fresh proof per request
 * (`htm`, `htu`, `iat`, `jti`, and `ath` for resource requests), and the latest nonce each server asked for.
 */
export class DpopSigner {
  private readonly privateKey: KeyObject;
  private readonly publicJwk: { kty: string; crv: string; x: string; y: string };
  private readonly nonces = new Map<DpopServer, string>();

  constructor(private readonly now: () => number = Date.now) {
    const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
    this.privateKey = pair.privateKey;
    const { kty, crv, x, y } = pair.publicKey.export({ format: "jwk" });
    this.publicJwk = { kty: kty as string, crv: crv as string, x: x as string, y: y as string };
  }

  /** A proof for one attempt of one request, carrying the server's latest nonce if it gave one. */
  async proof(request: ProofRequest): Promise<string> {
    const claims: Record<string, string> = { htm: request.method.toUpperCase(), htu: htu(request.url) };
    const nonce = this.nonces.get(request.server);
    if (nonce !== undefined) claims.nonce = nonce;
    if (request.accessToken !== undefined) {
      claims.ath = createHash("sha256").update(request.accessToken, "ascii").digest("base64url");
    }
    return new SignJWT(claims)
      .setProtectedHeader({ typ: "dpop+jwt", alg: "ES256", jwk: this.publicJwk })
      .setJti(randomUUID())
      .setIssuedAt(Math.floor(this.now() / 1000))
      .sign(this.privateKey);
  }

  /** Keeps a `DPoP-Nonce` the server sent (with an error or a success); true when it is new. */
  observe(server: DpopServer, headers: Headers): boolean {
    const nonce = headers.get("dpop-nonce");
    if (!nonce || this.nonces.get(server) === nonce) return false;
    this.nonces.set(server, nonce);
    return true;
  }
}

function htu(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}
