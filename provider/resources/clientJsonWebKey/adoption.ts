import type { CheckFailure } from "@pulumi/pulumi/dynamic";
import { sameKeyMaterial } from "../../keys/jwk";
import type { OktaJsonWebKey } from "../../okta/jsonWebKeys";
import type { KeySource } from "./inputValidation";

/**
 * Why the key `adoptKeyId` names is not the key the other inputs describe, as check failures: an adopted key is kept
 * as Okta holds it, so a `publicKey`, `kid` or `use` given beside `adoptKeyId` must be that key's (a publicKey failure
 * has the property `""`, like every failure about it).
 */
export function adoptionMismatch(key: OktaJsonWebKey, source: KeySource): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const fix = "set it to the adopted key's, or remove it (the adopted key is kept as Okta holds it)";
  const differs = (property: string, wanted: string | undefined, held: string | undefined) => {
    if (wanted === undefined || wanted === (held ?? "")) return;
    failures.push({
      property,
      reason: `${property} is "${wanted}", but JSON Web Key ${key.id} (adoptKeyId) has ${property === "algorithm" ? "alg" : property} "${held ?? ""}": ${fix}`,
    });
  };
  if (source.kind === "brought") {
    if (!sameKeyMaterial(source.jwk, key)) {
      failures.push({
        property: "",
        reason: `publicKey is not the key of JSON Web Key ${key.id} (adoptKeyId): other key material; set publicKey to that key's public half, or remove publicKey to keep the adopted key as Okta holds it`,
      });
      return failures;
    }
    differs("kid", source.jwk.kid, key.kid);
    differs("use", source.jwk.use, key.use);
    differs("algorithm", source.jwk.alg ?? "", key.alg);
  } else if (source.kind === "generate" || source.kind === "adopted") {
    differs("kid", source.kid, key.kid);
    if (source.kind === "adopted") differs("use", source.use, key.use);
  }
  return failures;
}
