import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import type { JwsAlgorithm } from "./jwsAlgorithms";
import type { SigningKey } from "./privateKeyInput";

/** The longest life an assertion gets here: five minutes, as Okta's guides sign them; a leaked one soon expires. */
const maxAssertionLifetimeSeconds = 300;

/** What a `private_key_jwt` client assertion is made of. */
interface ClientAssertionClaims {
  clientId: string;
  /** The token endpoint the assertion is for, e.g. `https://dev-1.okta.com/oauth2/v1/token`: its `aud`. */
  audience: string;
  signing: SigningKey;
  algorithm: JwsAlgorithm;
  /** Header `kid`; Okta needs it when the app has more than one ACTIVE key. */
  kid?: string;
  /** 1 to 300 seconds; default 300. */
  lifetimeSeconds?: number;
  /** Epoch milliseconds; default `Date.now()`. */
  now?: number;
}

/**
 * Signs a client assertion (RFC 7523) as Okta's `private_key_jwt` wants it: `iss` = `sub` = the client id, `aud` =
 * the token URL, a fresh `jti`, `iat` now and `exp` at most five minutes later.
 */
export async function signAssertion(claims: ClientAssertionClaims): Promise<string> {
  const lifetime = claims.lifetimeSeconds ?? maxAssertionLifetimeSeconds;
  if (!Number.isInteger(lifetime) || lifetime < 1 || lifetime > maxAssertionLifetimeSeconds) {
    throw new Error(`lifetimeSeconds must be a whole number from 1 to ${maxAssertionLifetimeSeconds}, got ${lifetime}`);
  }
  const nowSeconds = Math.floor((claims.now ?? Date.now()) / 1000);
  const header: { alg: JwsAlgorithm; kid?: string; typ: "JWT" } = { alg: claims.algorithm, typ: "JWT" };
  if (claims.kid !== undefined) header.kid = claims.kid;
  return new SignJWT({})
    .setProtectedHeader(header)
    .setIssuer(claims.clientId)
    .setSubject(claims.clientId)
    .setAudience(claims.audience)
    .setJti(randomUUID())
    .setIssuedAt(nowSeconds)
    .setExpirationTime(nowSeconds + lifetime)
    .sign(claims.signing.key);
}
