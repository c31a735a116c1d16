import { createHash } from "node:crypto";
import {
  calculateJwkThumbprint,
  decodeProtectedHeader,
  importJWK,
  type JWK,
  type JWTPayload,
  jwtVerify,
  type ProtectedHeaderParameters,
} from "jose";
import { accessTokenValue } from "../ids";
import type { Store } from "../state/store";

/** The server a proof is presented to: the token endpoint, or the Management API. */
type DpopServer = "authorization" | "resource";

/** What a proof must match. */
interface ProofCheck {
  /** The `DPoP` request header(s) as received (Node joins repeated headers with ", "). */
  header: string | undefined;
  method: string;
  /** The request's URL without query: the `htu` the proof must carry. */
  url: string;
  server: DpopServer;
  /** For a resource request: the access token, whose hash the proof's `ath` must be. */
  accessToken?: string;
  /** Whether this server demands a nonce (the token endpoint always does). */
  requireNonce: boolean;
}

/** A refused proof, with Okta's error code and text (its OAuth error list), and a nonce to retry with. */
export class DpopRefusal extends Error {
  constructor(
    readonly error: "invalid_dpop_proof" | "use_dpop_nonce",
    readonly description: string,
    readonly nonce?: string,
  ) {
    super(description);
  }
}

const ALGORITHMS = ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512"];
const MAX_AGE_SECONDS = 300;
const CLOCK_SKEW_SECONDS = 10;

/** The server's nonces: one per server, replaced when it is older than `lifetimeMs` (unpredictable, RFC 9449 §8). */
export class DpopNonces {
  private readonly current = new Map<DpopServer, { value: string; until: number }>();

  constructor(private readonly lifetimeMs: number) {}

  nonce(server: DpopServer, now = Date.now()): string {
    const held = this.current.get(server);
    if (held && held.until > now) return held.value;
    const fresh = { value: accessTokenValue(), until: now + this.lifetimeMs };
    this.current.set(server, fresh);
    return fresh.value;
  }

  reset(): void {
    this.current.clear();
  }
}

/**
 * Checks a DPoP proof (RFC 9449 §4.3) the way Okta answers: one header, a JWT with `typ: dpop+jwt`, an asymmetric `alg`
 * and a public `jwk` it verifies with, `htm` and `htu` of this request, the nonce, `iat` within five minutes, `ath` of
 * the access token, a `jti` never seen before. Returns the key's thumbprint (`jkt`), which binds the token.
 */
export async function verifyProof(check: ProofCheck, store: Store, nonces: DpopNonces): Promise<string> {
  const refuse = (description: string) => new DpopRefusal("invalid_dpop_proof", description);
  const proof = check.header?.trim();
  if (!proof) throw refuse("The DPoP proof JWT header is missing.");
  if (proof.includes(",")) throw refuse("Multiple DPoP proof JWT headers are not allowed.");
  let header: ProtectedHeaderParameters;
  try {
    header = decodeProtectedHeader(proof);
  } catch {
    throw refuse("The DPoP proof JWT cannot be parsed.");
  }
  if (header.typ !== "dpop+jwt") throw refuse("'typ' must be 'dpop+jwt' in the DPoP proof JWT.");
  const jwk = header.jwk as JWK | undefined;
  if (!header.alg || !ALGORITHMS.includes(header.alg) || !jwk || "d" in jwk) {
    throw refuse("The DPoP proof JWT signature algorithm is invalid.");
  }
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(proof, await importJWK(jwk, header.alg), { typ: "dpop+jwt" }));
  } catch {
    throw refuse("The DPoP proof JWT signature is invalid.");
  }
  if (payload.htm !== check.method) throw refuse("'htm' claim in the DPoP proof JWT is invalid.");
  if (payload.htu !== check.url) throw refuse("'htu' claim in the DPoP proof JWT is invalid.");
  if (check.requireNonce) {
    const expected = nonces.nonce(check.server);
    if (payload.nonce !== expected) {
      const who = check.server === "authorization" ? "Authorization server" : "Resource server";
      throw new DpopRefusal("use_dpop_nonce", `${who} requires nonce in DPoP proof.`, expected);
    }
  }
  const now = Math.floor(Date.now() / 1000);
  if (typeof payload.iat !== "number") throw refuse("'iat' claim in the DPoP proof JWT is invalid.");
  if (payload.iat > now + CLOCK_SKEW_SECONDS) throw refuse("The DPoP proof JWT is issued in the future.");
  if (payload.iat < now - MAX_AGE_SECONDS) {
    throw refuse("The DPoP proof JWT is issued more than five minutes in the past.");
  }
  if (check.accessToken !== undefined) {
    const ath = createHash("sha256").update(check.accessToken, "ascii").digest("base64url");
    if (payload.ath !== ath) throw refuse("'ath' claim in the DPoP proof does not match the presented access_token.");
  }
  if (typeof payload.jti !== "string" || payload.jti === "")
    throw refuse("'jti' claim in the DPoP proof JWT is invalid.");
  const jkt = await calculateJwkThumbprint(jwk);
  // Replay: a proof's jti is single use for the five minutes its iat keeps it acceptable.
  if (!store.rememberAssertion(`dpop:${jkt}:${payload.jti}`, (payload.iat + MAX_AGE_SECONDS) * 1000)) {
    throw refuse("The DPoP proof JWT has already been used.");
  }
  return jkt;
}
