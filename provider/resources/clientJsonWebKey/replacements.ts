import { jwkThumbprint } from "../../keys/clientJwk";
import { keyMaterial, type PublicKeyMaterial, sameKeyMaterial } from "../../keys/jwk";
import type { OwnReplacements } from "../credential/kind";
import type { KeySource } from "./inputValidation";
import type { ClientJsonWebKeyInputs, ClientJsonWebKeyOutputs, KeyPlan } from "./types";

/**
 * The inputs of a key that exists (its outputs `olds`) that force a replacement, given the key the new inputs describe
 * (`source`): the key itself (a `publicKey` whose material is not the key Okta holds, a `generate` of another algorithm
 * or size, or `generate` in place of a key the provider did not make); `kid`, `use` and a brought key's `algorithm`
 * when they differ from the key's. (`appId`, `rotationTriggers` and `adoptKeyId` are every credential's.)
 */
export async function keyReplacements(
  olds: Partial<ClientJsonWebKeyOutputs>,
  news: Partial<ClientJsonWebKeyInputs>,
  source: KeySource,
): Promise<OwnReplacements> {
  const replaces: string[] = [];
  // The key held is the adopted one while adoptKeyId still names it: its kid and use are Okta's, not defaults.
  const holdsAdopted = olds.adoptKeyId !== undefined && olds.adoptKeyId === olds.keyId;
  const held = heldMaterial(olds);
  if (source.kind === "unknown") replaces.push(...source.unknown);
  else if (source.kind === "brought") {
    const { jwk } = source;
    if (!held || !sameKeyMaterial(jwk, held)) replaces.push("publicKey");
    if (jwk.kid !== olds.kid) replaces.push("kid");
    if (jwk.use !== olds.use) replaces.push("use");
    if ((jwk.alg ?? "") !== (olds.algorithm ?? "")) replaces.push("algorithm");
  } else if (source.kind === "generate") {
    const before = olds.generate;
    if (before === undefined ? !holdsAdopted : !sameOptions(before, source.options)) replaces.push("generate");
    const kid = source.kid ?? (holdsAdopted || !held ? undefined : await jwkThumbprint(held));
    if (kid !== undefined && kid !== olds.kid) replaces.push("kid");
    if (news.use !== undefined && news.use !== olds.use) replaces.push("use");
  } else {
    if (source.kid !== undefined && source.kid !== olds.kid) replaces.push("kid");
    if (source.use !== undefined && source.use !== olds.use) replaces.push("use");
  }
  return { replaces };
}

/** What the new key will be known by before it exists: a brought key's kid and material, an explicit kid. */
export function newKeyFacts(source: KeySource, status: string): Pick<KeyPlan, "kid" | "material" | "activeEncryption"> {
  if (source.kind === "brought") {
    const facts: Pick<KeyPlan, "kid" | "material" | "activeEncryption"> = {
      kid: source.jwk.kid,
      material: keyMaterial(source.jwk),
    };
    if (source.jwk.use === "enc" && status === "ACTIVE") facts.activeEncryption = true;
    return facts;
  }
  return source.kind === "generate" && source.kid !== undefined ? { kid: source.kid } : {};
}

/** The key material of the key held, from the outputs. */
function heldMaterial(olds: Partial<ClientJsonWebKeyOutputs>): PublicKeyMaterial | undefined {
  const jwk = olds.publicJwk;
  if (jwk?.kty === "RSA" && jwk.n && jwk.e) return { kty: "RSA", n: jwk.n, e: jwk.e };
  if (jwk?.kty === "EC" && jwk.crv && jwk.x && jwk.y) return { kty: "EC", crv: jwk.crv, x: jwk.x, y: jwk.y };
  return undefined;
}

function sameOptions(a: { algorithm: string; rsaBits?: number }, b: { algorithm: string; rsaBits?: number }): boolean {
  const bits = (o: { algorithm: string; rsaBits?: number }) => (o.algorithm.startsWith("RS") ? (o.rsaBits ?? 2048) : 0);
  return a.algorithm === b.algorithm && bits(a) === bits(b);
}
