import { jwkThumbprint } from "../../keys/clientJwk";
import { keyMaterial, type PublicKeyMaterial, sameKeyMaterial } from "../../keys/jwk";
import type { OktaJsonWebKey } from "../../okta/jsonWebKeys";
import { isUnknown } from "../fullProvider";
import { replacementOrder } from "../replacementOrder";
import { sameTriggers } from "../rotationTriggers";
import type { KeySource } from "./inputValidation";
import { label } from "./keyLedger";
import type { ClientJsonWebKeyInputs, ClientJsonWebKeyOutputs, KeyPlan } from "./types";

/** What `diff` decides for a resource that exists: the one place that says replace, update, or nothing. */
interface ExistingDecision {
  /** Inputs that force a replacement (Pulumi's `replaces`). */
  replaces: string[];
  /** True when `status` changes in place. */
  statusChanges: boolean;
  /** The replacement's plan, when `replaces` is not empty. */
  plan?: KeyPlan;
  /** How `heldRetired` ordered the replacement, or why it could not, for the person running Pulumi. */
  orderNote?: string;
}

/**
 * A resource that exists (its outputs `olds`), given its new inputs and the key they describe (`source`).
 * Replacements: `appId`; the key itself (a `publicKey` whose material is not the key Okta holds, a `generate` of
 * another algorithm or size, or `generate` in place of a key the provider did not make); `kid`, `use` and a brought
 * key's `algorithm` when they differ from the key's; `rotationTriggers`; `adoptKeyId` set to another existing key,
 * which is then taken over. A replacement otherwise adds a new key: adoption happens only when a resource is created
 * or `adoptKeyId` changes. A replacement of an INACTIVE key deletes it first; so does one of an ACTIVE key that
 * `heldRetired` says is retired, on the same app, while the app keeps another ACTIVE signing key (`found`: the app's
 * keys as this run found them, listed only then). Others add the new key first.
 */
export async function decideForExisting(
  urn: string,
  olds: Partial<ClientJsonWebKeyOutputs>,
  news: Partial<ClientJsonWebKeyInputs>,
  source: KeySource,
  found: () => Promise<readonly OktaJsonWebKey[]>,
): Promise<ExistingDecision> {
  const replaces: string[] = [];
  if (news.appId !== olds.appId) replaces.push("appId");
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
  if (!sameTriggers(olds.rotationTriggers, news.rotationTriggers)) replaces.push("rotationTriggers");
  const adopt = news.adoptKeyId;
  // Removing adoptKeyId changes nothing (the key is already ours); naming the key held neither.
  const adoptsAnother = adopt !== undefined && adopt !== olds.adoptKeyId && adopt !== olds.keyId;
  if (adoptsAnother) replaces.push("adoptKeyId");
  const desired = news.status ?? "ACTIVE";
  const statusChanges = isUnknown(desired) || desired !== olds.status;
  const unique = [...new Set(replaces)];
  if (unique.length === 0) return { replaces: unique, statusChanges };
  const retiring = olds.keyId ?? "";
  if (adoptsAnother) {
    return { replaces: unique, statusChanges, plan: { kind: "replace-adopt", urn, itemId: adopt, retiring } };
  }
  const { order, note } = await replacementOrder({
    heldId: retiring,
    heldStatus: olds.status,
    heldRetired: news.heldRetired,
    sameApp: !unique.includes("appId"),
    // An encryption key authenticates nothing: only another ACTIVE signing key keeps a private_key_jwt app working.
    found: async () => (await found()).filter((k) => k.use !== "enc"),
    label: label(urn),
    noun: "signing key",
  });
  const plan: KeyPlan = { kind: "replace", urn, order, retiring, ...newKeyFacts(source, desired) };
  return note === undefined
    ? { replaces: unique, statusChanges, plan }
    : { replaces: unique, statusChanges, plan, orderNote: note };
}

/** What a new resource does (also one replaced by `--replace` or a taint: the engine shows the hooks no difference). */
export function decideForNew(urn: string, news: Partial<ClientJsonWebKeyInputs>, source: KeySource): KeyPlan {
  const adopt = news.adoptKeyId;
  if (typeof adopt === "string" && adopt !== "") return { kind: "adopt", urn, itemId: adopt };
  return { kind: "create", urn, ...newKeyFacts(source, news.status ?? "ACTIVE") };
}

/** What the new key will be known by before it exists: a brought key's kid and material, an explicit kid. */
function newKeyFacts(source: KeySource, status: string): Pick<KeyPlan, "kid" | "material" | "activeEncryption"> {
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
