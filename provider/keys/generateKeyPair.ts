import { generateKeyPair, type KeyObject } from "node:crypto";
import { promisify } from "node:util";
import type { CheckFailure } from "@pulumi/pulumi/dynamic";
import { jwkThumbprint } from "./clientJwk";
import { materialOfKeyObject, type PrivateJwk, type PublicJwk } from "./jwk";
import { curveOfAlgorithm, isJwsAlgorithm, type JwsAlgorithm, jwsAlgorithms, keyTypeOf } from "./jwsAlgorithms";

/** RSA modulus sizes `generate` makes: Okta's 2048-bit floor and the two sizes above it every JOSE library takes. */
const rsaKeySizes: readonly number[] = [2048, 3072, 4096];

/** What `generate` asks for: a signing algorithm, and for RSA the modulus size (default 2048). */
export interface KeyPairOptions {
  algorithm: JwsAlgorithm;
  rsaBits?: number;
}

/** A generated signing key pair: the public JWK for Okta, and the private key as PKCS#8 PEM and as a JWK. */
interface GeneratedKeyPair {
  publicJwk: PublicJwk;
  /** PKCS#8 (`-----BEGIN PRIVATE KEY-----`). A secret: never log it, keep it only in secret outputs. */
  privateKeyPem: string;
  /** The same private key as a JWK with the public JWK's `kid`, `use` and `alg`. A secret, like `privateKeyPem`. */
  privateJwk: PrivateJwk;
}

/** Checks a `generate` input (`{ algorithm, rsaBits? }`), with failures on `generate.algorithm` / `generate.rsaBits`. */
export function checkKeyPairOptions(
  value: unknown,
  property = "generate",
): { options: KeyPairOptions } | { failures: CheckFailure[] } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    const reason = `${property} must be an object like { algorithm: "RS256" } (or { algorithm: "RS256", rsaBits: 3072 })`;
    return { failures: [{ property, reason }] };
  }
  const { algorithm, rsaBits, ...rest } = value as Record<string, unknown>;
  const failures: CheckFailure[] = [];
  for (const key of Object.keys(rest)) {
    failures.push({
      property: `${property}.${key}`,
      reason: `${property}.${key} is not an option of ${property}; it takes algorithm and rsaBits`,
    });
  }
  if (!isJwsAlgorithm(algorithm)) {
    const got =
      typeof algorithm === "string" ? `"${algorithm}"` : algorithm === undefined ? "nothing" : `a ${typeof algorithm}`;
    failures.push({
      property: `${property}.algorithm`,
      reason: `${property}.algorithm must be one of ${jwsAlgorithms.join(", ")}, got ${got}`,
    });
  } else if (rsaBits !== undefined && rsaBits !== null) {
    if (keyTypeOf(algorithm) === "EC") {
      failures.push({
        property: `${property}.rsaBits`,
        reason: `${property}.rsaBits applies to RS256, RS384 and RS512 only; ${algorithm} keys are on ${curveOfAlgorithm[algorithm as "ES256"]}: remove rsaBits`,
      });
    } else if (typeof rsaBits !== "number" || !rsaKeySizes.includes(rsaBits)) {
      failures.push({
        property: `${property}.rsaBits`,
        reason: `${property}.rsaBits must be 2048, 3072 or 4096 (default 2048), got ${typeof rsaBits === "number" ? rsaBits : `a ${typeof rsaBits}`}`,
      });
    }
  }
  if (failures.length > 0) return { failures };
  const options: KeyPairOptions = { algorithm: algorithm as JwsAlgorithm };
  if (typeof rsaBits === "number") options.rsaBits = rsaBits;
  return { options };
}

const generate = promisify(generateKeyPair);

/**
 * Makes a signing key pair in this process (the private key never goes to Okta): RSA of `rsaBits` for RS256/384/512,
 * EC on P-256/384/521 for ES256/384/512. `kid` defaults to the public key's RFC 7638 thumbprint; `use` is `sig`.
 */
export async function generateClientKeyPair(options: KeyPairOptions & { kid?: string }): Promise<GeneratedKeyPair> {
  const { algorithm } = options;
  if (options.rsaBits !== undefined && !rsaKeySizes.includes(options.rsaBits)) {
    throw new Error(`generating an ${algorithm} key pair: rsaBits must be 2048, 3072 or 4096, got ${options.rsaBits}`);
  }
  const pair: { publicKey: KeyObject; privateKey: KeyObject } =
    keyTypeOf(algorithm) === "RSA"
      ? await generate("rsa", { modulusLength: options.rsaBits ?? 2048 })
      : await generate("ec", { namedCurve: curveOfAlgorithm[algorithm as "ES256"] });
  const material = materialOfKeyObject(pair.publicKey);
  const kid = options.kid ?? (await jwkThumbprint(material));
  const publicJwk: PublicJwk = { ...material, kid, use: "sig", alg: algorithm };
  const privateJwk = {
    ...(pair.privateKey.export({ format: "jwk" }) as object),
    kid,
    use: "sig",
    alg: algorithm,
  } as PrivateJwk;
  const privateKeyPem = pair.privateKey.export({ type: "pkcs8", format: "pem" }) as string;
  return { publicJwk, privateKeyPem, privateJwk };
}
