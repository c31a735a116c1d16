import { createPublicKey, type KeyObject } from "node:crypto";
import type { CheckFailure } from "@pulumi/pulumi/dynamic";
import { keyText, materialOfKeyObject, type PublicKeyMaterial, privateMembers } from "./jwk";

/** A public key read from an input: its material, and the `kid`, `alg` and `use` a JWK input declared itself. */
interface PublicKeyRead {
  material: PublicKeyMaterial;
  declared: { kid?: string; alg?: string; use?: string };
}

const publicLabels = ["PUBLIC KEY", "RSA PUBLIC KEY", "CERTIFICATE"];
const accepted =
  'a PEM public key ("-----BEGIN PUBLIC KEY-----", "RSA PUBLIC KEY" or an X.509 "CERTIFICATE"), ' +
  'or a public JWK (an object, or its JSON text) with kty "RSA" or "EC"';

/**
 * Reads a public key given as PEM (SPKI `PUBLIC KEY`, PKCS#1 `RSA PUBLIC KEY`, an X.509 `CERTIFICATE`) or as a public
 * JWK (an object or its JSON text) into its RSA or EC key material. A private key is refused, and no failure ever
 * quotes the value: it may be a private key given by mistake.
 */
export function readPublicKey(value: unknown, property: string): PublicKeyRead | { failures: CheckFailure[] } {
  const fail = (reason: string) => ({ failures: [{ property, reason: `${property} ${reason}` }] });
  if (typeof value === "string") {
    const trimmed = keyText(value);
    if (trimmed.startsWith("{")) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(trimmed);
      } catch {
        return fail(`starts like a JWK but is not valid JSON; expected ${accepted}`);
      }
      return readJwk(parsed, property);
    }
    if (trimmed.includes("-----BEGIN ")) return readPem(trimmed, property);
    return fail(`is neither PEM nor JSON; expected ${accepted}`);
  }
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return readJwk(value, property);
  return fail(
    `must be a string or an object, got ${Array.isArray(value) ? "an array" : typeof value}; expected ${accepted}`,
  );
}

function privateKeyFailure(property: string, what: string): { failures: CheckFailure[] } {
  const reason =
    `${property} is ${what}, which must never be sent to Okta or kept in its input; pass only its public half ` +
    "(e.g. @pulumi/tls PrivateKey.publicKeyPem, or `openssl pkey -pubout`), or let the provider make the pair with " +
    "generate: { algorithm } (the value is not shown)";
  return { failures: [{ property, reason }] };
}

function readPem(text: string, property: string): PublicKeyRead | { failures: CheckFailure[] } {
  const labels = [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----/g)].map((m) => m[1] as string);
  const privateLabel = labels.find((label) => label.includes("PRIVATE KEY"));
  if (privateLabel) return privateKeyFailure(property, `a private key (PEM "${privateLabel}")`);
  const fail = (reason: string) => ({ failures: [{ property, reason: `${property} ${reason}` }] });
  if (labels.length !== 1) {
    return fail(`holds ${labels.length} PEM blocks (${labels.join(", ")}); pass exactly one public key`);
  }
  const label = labels[0] as string;
  if (!publicLabels.includes(label)) return fail(`is a PEM "${label}"; expected ${accepted}`);
  let key: KeyObject;
  try {
    key = createPublicKey(text);
  } catch {
    return fail(`is a PEM "${label}" that does not parse (damaged or truncated); expected ${accepted}`);
  }
  return fromKeyObject(key, property, {});
}

function readJwk(value: unknown, property: string): PublicKeyRead | { failures: CheckFailure[] } {
  const fail = (reason: string) => ({ failures: [{ property, reason: `${property} ${reason}` }] });
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return fail(`holds JSON that is not one JWK object; expected ${accepted}`);
  }
  const jwk = value as Record<string, unknown>;
  if (Array.isArray(jwk.keys)) return fail('is a JWK Set ({"keys": [...]}); pass one key of it');
  const secretMember = privateMembers.find((member) => member in jwk);
  if (secretMember) {
    return privateKeyFailure(property, `a private or symmetric JWK (it has "${secretMember}")`);
  }
  const declared: PublicKeyRead["declared"] = {};
  for (const member of ["kid", "alg", "use"] as const) {
    const given = jwk[member];
    if (given === undefined || given === null) continue;
    if (typeof given !== "string") return fail(`has a "${member}" that is not a string`);
    declared[member] = given;
  }
  if (jwk.kty !== "RSA" && jwk.kty !== "EC") {
    const kty = typeof jwk.kty === "string" && /^[A-Za-z-]{1,8}$/.test(jwk.kty) ? `kty "${jwk.kty}"` : "no usable kty";
    return fail(`has ${kty}; Okta's client keys are "RSA" or "EC"`);
  }
  const members = jwk.kty === "RSA" ? (["n", "e"] as const) : (["crv", "x", "y"] as const);
  const missing = members.filter((member) => typeof jwk[member] !== "string" || jwk[member] === "");
  if (missing.length > 0) return fail(`lacks ${missing.join(", ")}: an ${jwk.kty} JWK needs ${members.join(", ")}`);
  const material = Object.fromEntries([["kty", jwk.kty], ...members.map((m) => [m, jwk[m]])]);
  let key: KeyObject;
  try {
    key = createPublicKey({ key: material, format: "jwk" });
  } catch {
    const what = jwk.kty === "RSA" ? '"n" and "e"' : '"crv", "x" and "y" (a point on a supported curve)';
    return fail(`is not a valid ${jwk.kty} public key: check ${what}, base64url-encoded`);
  }
  return fromKeyObject(key, property, declared);
}

function fromKeyObject(
  key: KeyObject,
  property: string,
  declared: PublicKeyRead["declared"],
): PublicKeyRead | { failures: CheckFailure[] } {
  const type = key.asymmetricKeyType;
  const fail = (reason: string) => ({ failures: [{ property, reason: `${property} ${reason}` }] });
  if (type !== "rsa" && type !== "ec") {
    const which =
      type === "rsa-pss" ? "an RSA-PSS (restricted) key" : `${type ? `an ${type}` : "an unknown kind of"} key`;
    return fail(`is ${which}; Okta takes RSA keys (rsaEncryption) and EC keys on P-256, P-384 or P-521`);
  }
  let material: PublicKeyMaterial;
  try {
    material = materialOfKeyObject(key);
  } catch {
    const curve = key.asymmetricKeyDetails?.namedCurve ?? "unknown";
    return fail(`is an EC key on curve ${curve}; Okta takes P-256, P-384 or P-521`);
  }
  return { material, declared };
}
