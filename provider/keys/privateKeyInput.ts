import { createPrivateKey, type JsonWebKey, type KeyObject } from "node:crypto";
import { keyText } from "./jwk";
import { isJwsAlgorithm, type JwsAlgorithm, keyTypeOf } from "./jwsAlgorithms";

/** A signing key read from a PEM or a JWK, with the `kid` and `alg` a JWK declared. */
export interface SigningKey {
  key: KeyObject;
  kid?: string;
  alg?: string;
}

const accepted =
  'a PEM private key ("PRIVATE KEY", "RSA PRIVATE KEY" or "EC PRIVATE KEY", unencrypted) or a private JWK ' +
  "(an object or its JSON text), such as ClientJsonWebKey's privateKeyPem or privateJwk output";

/**
 * Reads a private key given as PEM (PKCS#8, PKCS#1, SEC1) or as a private JWK (object or JSON text). Errors name
 * `property` and never quote the value.
 */
export function readSigningKey(value: unknown, property: string): SigningKey {
  let source: unknown = value;
  if (typeof value === "string") {
    const text = keyText(value);
    if (text.startsWith("{")) {
      try {
        source = JSON.parse(text);
      } catch {
        throw new Error(`${property} starts like a JWK but is not valid JSON; expected ${accepted}`);
      }
    } else {
      if (/-----BEGIN (RSA |EC )?PUBLIC KEY-----|-----BEGIN CERTIFICATE-----/.test(text)) {
        throw new Error(
          `${property} is a public key or certificate; signing needs the private key: expected ${accepted}`,
        );
      }
      try {
        return { key: createPrivateKey(text) };
      } catch {
        throw new Error(`${property} is not a usable private key (the value is not shown); expected ${accepted}`);
      }
    }
  }
  if (typeof source !== "object" || source === null || Array.isArray(source)) {
    throw new Error(`${property} must be a string or an object; expected ${accepted}`);
  }
  const jwk = source as Record<string, unknown>;
  if (typeof jwk.d !== "string") {
    throw new Error(
      `${property} is a JWK without "d", a public key; signing needs the private key: expected ${accepted}`,
    );
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: jwk as JsonWebKey, format: "jwk" });
  } catch {
    throw new Error(`${property} is not a usable private JWK (the value is not shown); expected ${accepted}`);
  }
  const read: SigningKey = { key };
  if (typeof jwk.kid === "string") read.kid = jwk.kid;
  if (typeof jwk.alg === "string") read.alg = jwk.alg;
  return read;
}

/**
 * The JWS algorithm to sign with: `requested` when given (it must fit the key), else the key's declared `alg`, else
 * RS256 for RSA and the curve's ES256/384/512 for EC.
 */
export function signingAlgorithm(signing: SigningKey, requested: string | undefined, property: string): JwsAlgorithm {
  const type = signing.key.asymmetricKeyType;
  const curve = signing.key.asymmetricKeyDetails?.namedCurve;
  const curveAlg = { prime256v1: "ES256", secp384r1: "ES384", secp521r1: "ES512" }[curve ?? ""] as
    | JwsAlgorithm
    | undefined;
  const natural = type === "rsa" ? "RS256" : curveAlg;
  if (natural === undefined) {
    throw new Error(
      `${property} is ${type ? `an ${type}` : "an unknown kind of"} key${curve ? ` on ${curve}` : ""}; Okta takes RSA keys and EC keys on P-256, P-384 or P-521`,
    );
  }
  const alg = requested ?? signing.alg ?? natural;
  if (!isJwsAlgorithm(alg)) {
    throw new Error(
      `algorithm ${JSON.stringify(alg)} is not one Okta takes for client assertions: RS256, RS384, RS512, ES256, ES384, ES512`,
    );
  }
  const fits = type === "rsa" ? keyTypeOf(alg) === "RSA" : alg === curveAlg;
  if (!fits) {
    const expected = type === "rsa" ? "RS256, RS384 or RS512" : `${curveAlg} (its curve's)`;
    throw new Error(
      `algorithm ${alg} does not fit ${property}, a${type === "rsa" ? "n RSA" : "n EC"} key: use ${expected}`,
    );
  }
  return alg;
}
