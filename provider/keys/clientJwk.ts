import type { CheckFailure } from "@pulumi/pulumi/dynamic";
import { calculateJwkThumbprint } from "jose";
import { type JwkUse, keyMaterial, type PublicJwk, type PublicKeyMaterial } from "./jwk";
import { algorithmProblem, keyMaterialProblems } from "./jwkRules";
import { algorithmOfCurve } from "./jwsAlgorithms";
import { readPublicKey } from "./publicKeyInput";

/** The inputs that make a brought key's JWK; each is the value as given (checked here), absent when not set. */
interface ClientJwkRequest {
  /** A PEM public key or a public JWK (object or JSON text). */
  publicKey: unknown;
  /** Default: the JWK's own `kid`, else its RFC 7638 thumbprint. */
  kid?: unknown;
  /** `sig` or `enc`. Default: the JWK's own `use`, else `sig`. */
  use?: unknown;
  /** Default: the JWK's own `alg`, else RS256 for RSA signing keys and the curve's ES256/384/512 for EC keys. */
  algorithm?: unknown;
}

/** The property names failures are reported on (a nested input would use e.g. `key.publicKey`). */
interface ClientJwkProperties {
  publicKey: string;
  kid: string;
  use: string;
  algorithm: string;
}

const defaultProperties: ClientJwkProperties = {
  publicKey: "publicKey",
  kid: "kid",
  use: "use",
  algorithm: "algorithm",
};

/**
 * The RFC 7638 thumbprint (SHA-256, base64url) of a key: the default `kid`, and the same for the same key material
 * whatever its other members.
 */
export function jwkThumbprint(material: PublicKeyMaterial): Promise<string> {
  return calculateJwkThumbprint(keyMaterial(material), "sha256");
}

/**
 * The public JWK to add to an app, from a brought `publicKey` and the optional `kid`, `use` and `algorithm` inputs,
 * or the reasons Okta would refuse it, as Pulumi `check` failures naming the property (never quoting the key). An
 * input and the JWK's own member must agree when both are given. Call it with known values only (not the preview
 * placeholder).
 */
export async function resolveClientJwk(
  request: ClientJwkRequest,
  properties: ClientJwkProperties = defaultProperties,
): Promise<{ jwk: PublicJwk } | { failures: CheckFailure[] }> {
  const failures: CheckFailure[] = [];
  const given = (value: unknown, property: string): string | undefined => {
    if (value === undefined || value === null) return undefined;
    if (typeof value === "string" && value.trim() !== "") return value;
    failures.push({ property, reason: `${property} must be a non-empty string, got ${describe(value)}` });
    return undefined;
  };
  const kidInput = given(request.kid, properties.kid);
  let useInput = given(request.use, properties.use);
  const algInput = given(request.algorithm, properties.algorithm);
  if (useInput !== undefined && useInput !== "sig" && useInput !== "enc") {
    failures.push({ property: properties.use, reason: `${properties.use} must be "sig" or "enc", got "${useInput}"` });
    useInput = undefined;
  }
  const read = readPublicKey(request.publicKey, properties.publicKey);
  if ("failures" in read) return { failures: [...failures, ...read.failures] };
  const { material, declared } = read;
  failures.push(...keyMaterialProblems(material, properties.publicKey));

  const agree = (input: string | undefined, own: string | undefined, property: string, member: string) => {
    if (input !== undefined && own !== undefined && input !== own) {
      failures.push({
        property,
        reason: `${property} is "${input}" but the ${properties.publicKey} JWK says ${member} "${own}": make them agree, or drop one`,
      });
    }
    return input ?? own;
  };
  const kid = agree(kidInput, declared.kid, properties.kid, "kid") ?? (await jwkThumbprint(material));
  const use = agree(useInput, declared.use, properties.use, "use") ?? "sig";
  if (use !== "sig" && use !== "enc") {
    failures.push({
      property: properties.publicKey,
      reason: `${properties.publicKey} has use "${use}"; Okta takes "sig" or "enc"`,
    });
    return { failures };
  }
  const defaultAlg = use === "enc" ? undefined : material.kty === "RSA" ? "RS256" : algorithmOfCurve[material.crv];
  const alg = agree(algInput, declared.alg, properties.algorithm, "alg") ?? defaultAlg;
  const problem = algorithmProblem(material, use as JwkUse, alg);
  if (problem) {
    const property =
      algInput !== undefined
        ? properties.algorithm
        : declared.alg !== undefined
          ? properties.publicKey
          : properties.use;
    failures.push({ property, reason: `${property}: ${problem}` });
  }
  if (failures.length > 0) return { failures };
  const jwk: PublicJwk = { ...material, kid, use: use as JwkUse };
  if (alg !== undefined) jwk.alg = alg;
  return { jwk };
}

function describe(value: unknown): string {
  if (typeof value === "string") return "an empty string";
  return Array.isArray(value) ? "an array" : `a ${typeof value}`;
}
