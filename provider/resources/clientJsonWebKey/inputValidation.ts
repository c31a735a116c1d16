import type { CheckFailure } from "@pulumi/pulumi/dynamic";
import { resolveClientJwk } from "../../keys/clientJwk";
import { checkKeyPairOptions, type KeyPairOptions } from "../../keys/generateKeyPair";
import type { PublicJwk } from "../../keys/jwk";
import { oktaIdPattern } from "../../okta/ids";
import { validateCommonInputs } from "../commonInputs";
import { hasUnknown, isUnknown } from "../previewUnknowns";

/** Where the resource's key comes from, as its inputs say. */
export type KeySource =
  /** A brought `publicKey`, resolved into the JWK Okta gets (with its `kid`, `use`, `alg`). */
  | { kind: "brought"; jwk: PublicJwk }
  /** A pair the provider makes in `create`; `kid` when the input sets it (else the new key's thumbprint). */
  | { kind: "generate"; options: KeyPairOptions; kid?: string }
  /** Neither: only `adoptKeyId`, whose key is taken over; `kid` and `use`, when given, must be that key's. */
  | { kind: "adopted"; kid?: string; use?: string }
  /** A value Pulumi does not know yet (at preview) decides the key: these inputs. */
  | { kind: "unknown"; unknown: string[] };

/**
 * Validates the `ClientJsonWebKey` inputs without any request and reads where its key comes from. Each failure names
 * the property and the fix; a failure about `publicKey` has the property `""` and names it at the start of the
 * reason, because the engine prints a property's value next to its failure and the value may be a private key given
 * by mistake. Never quotes a key.
 */
export async function readKeyInputs(
  news: Record<string, unknown>,
): Promise<{ source: KeySource; failures: CheckFailure[] }> {
  const { appId, status, rotationTriggers, heldRetired, publicKey, generate, kid, use, algorithm, adoptKeyId } = news;
  // The inputs both kinds share (appId, status, rotationTriggers, heldRetired) are validated by the one implementation.
  const failures = validateCommonInputs({ appId, status, rotationTriggers, heldRetired });
  const fail = (property: string, reason: string) => failures.push({ property, reason });
  if (given(adoptKeyId) && !isUnknown(adoptKeyId)) {
    if (typeof adoptKeyId !== "string" || !oktaIdPattern.test(adoptKeyId)) {
      fail(
        "adoptKeyId",
        `adoptKeyId ${JSON.stringify(adoptKeyId)} is not an Okta JSON Web Key id: expected 20 letters and digits, like pks1b2c3d4e5f6g7h8i9 (see listClientJsonWebKeys)`,
      );
    }
  }
  const unknown = ["publicKey", "generate", "kid", "use", "algorithm"].filter((name) => hasUnknown(news[name]));
  if (given(publicKey) && given(generate)) {
    fail(
      "generate",
      "set either publicKey (bring the public half of a key pair you keep) or generate (the provider makes the pair), not both",
    );
    return { source: { kind: "unknown", unknown }, failures };
  }
  if (given(publicKey)) {
    if (isUnknown(publicKey)) return { source: { kind: "unknown", unknown }, failures };
    // With another input unknown, the key itself is still checked.
    const request = unknown.length > 0 ? { publicKey } : { publicKey, kid, use, algorithm };
    const resolved = await resolveClientJwk(request);
    if ("failures" in resolved) {
      for (const f of resolved.failures) failures.push(f.property === "publicKey" ? { ...f, property: "" } : f);
      return { source: { kind: "unknown", unknown }, failures };
    }
    if (unknown.length > 0) return { source: { kind: "unknown", unknown }, failures };
    return { source: { kind: "brought", jwk: resolved.jwk }, failures };
  }
  const kidGiven = checkKid(kid, fail);
  const useGiven = checkUse(use, fail);
  if (given(generate)) {
    if (useGiven === "enc") {
      fail("use", 'a generated key signs client assertions: use must be "sig" or unset, got "enc"');
    }
    if (given(algorithm)) {
      fail("algorithm", "algorithm is for a brought publicKey; a generated key's algorithm is generate.algorithm");
    }
    if (unknown.length > 0) return { source: { kind: "unknown", unknown }, failures };
    const checked = checkKeyPairOptions(generate);
    if ("failures" in checked) {
      failures.push(...checked.failures);
      return { source: { kind: "unknown", unknown }, failures };
    }
    const source: KeySource = { kind: "generate", options: checked.options };
    if (kidGiven !== undefined) source.kid = kidGiven;
    return { source, failures };
  }
  if (!given(adoptKeyId)) {
    fail(
      "",
      'publicKey or generate is required: bring a public key (publicKey: a PEM or a public JWK), let the provider make the pair (generate: { algorithm: "RS256" }), or take over an existing key with adoptKeyId',
    );
  }
  if (given(algorithm)) fail("algorithm", "algorithm is for a brought publicKey; remove it, or set publicKey");
  if (unknown.length > 0) return { source: { kind: "unknown", unknown }, failures };
  const source: KeySource = { kind: "adopted" };
  if (kidGiven !== undefined) source.kid = kidGiven;
  if (useGiven !== undefined) source.use = useGiven;
  return { source, failures };
}

/** A value the program set (`null`, `undefined` and `""` are unset). */
export function given(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "";
}

function checkKid(kid: unknown, fail: (property: string, reason: string) => void): string | undefined {
  if (!given(kid) || isUnknown(kid)) return undefined;
  if (typeof kid === "string" && kid.trim() !== "") return kid;
  fail("kid", `kid must be a non-empty string, got a ${typeof kid}`);
  return undefined;
}

function checkUse(use: unknown, fail: (property: string, reason: string) => void): string | undefined {
  if (!given(use) || isUnknown(use)) return undefined;
  if (use === "sig" || use === "enc") return use;
  fail("use", `use must be "sig" or "enc", got ${JSON.stringify(use)}`);
  return undefined;
}
