import type { CheckFailure } from "@pulumi/pulumi/dynamic";
import { sameKeyMaterial } from "../../keys/jwk";
import type { OktaJsonWebKey } from "../../okta/jsonWebKeys";
import type { AppLedger } from "../credential/ledger";
import { given } from "./inputValidation";
import { keyLabel as label } from "./messages";
import type { ClientJsonWebKeyInputs, KeyPlan } from "./types";

// Okta keeps each `kid` and each key material once in an app, and one ACTIVE encryption key: the rules a new key must
// meet beside the app's other keys and the other keys this run adds.

/**
 * Why the key `plan` adds would clash with a key of the app or of another plan of this run, as a check failure: on
 * `kid` when the program set it, else without a property (the reason names the input first: `publicKey`, `use`).
 */
export function keyClashes(
  ledger: AppLedger<OktaJsonWebKey, KeyPlan>,
  found: OktaJsonWebKey[],
  plan: KeyPlan,
  appId: string,
  news: Partial<ClientJsonWebKeyInputs>,
): CheckFailure[] {
  const conflict = keyConflict(ledger, found, plan, appId);
  if (!conflict) return [];
  if (conflict.on === "kid" && given(news.kid)) return [{ property: "kid", reason: conflict.reason }];
  return [{ property: "", reason: `${fieldOf(conflict.on)}: ${conflict.reason}` }];
}

/** What makes a planned key clash with a key of the app or of another plan of this run. */
interface KeyConflict {
  /** `kid` (the same kid) or `material` (the same key under another kid). */
  on: "kid" | "material" | "encryption";
  reason: string;
}

/** The input a key conflict is about, named at the start of a failure reported without a property. */
function fieldOf(on: "kid" | "material" | "encryption"): string {
  return { kid: "kid", material: "publicKey", encryption: "use" }[on];
}

/**
 * Why the key `plan` adds would clash, or undefined. Okta keeps each `kid` once and each key material once in an app,
 * and one ACTIVE encryption key: the new key is compared with every key the app held when this run looked (but the
 * one its own delete-first replacement removes before adding it) and with every other key this run plans to add.
 */
function keyConflict(
  ledger: AppLedger<OktaJsonWebKey, KeyPlan>,
  found: OktaJsonWebKey[],
  plan: KeyPlan,
  appId: string,
): KeyConflict | undefined {
  const ownRetired = plan.kind === "replace" ? plan.retiring : undefined;
  const deletedFirst = plan.kind === "replace" && plan.order === "delete-first";
  for (const key of found) {
    if (deletedFirst && key.id === ownRetired) continue;
    const sameKid = plan.kid !== undefined && key.kid === plan.kid;
    const sameKey = plan.material !== undefined && sameKeyMaterial(key, plan.material);
    if (!sameKid && !sameKey) continue;
    if (key.id === ownRetired) return { on: sameKey ? "material" : "kid", reason: againOwn(plan, key, sameKey) };
    const who = holderOf(ledger, key.id);
    const what = sameKey ? `this key material (under kid "${key.kid ?? ""}")` : `kid "${plan.kid}"`;
    // A forced replacement (--replace, a taint) of a brought key looks like this: the engine shows the hooks nothing of
    // the old resource, whose key is this one.
    const own =
      sameKey && !ledger.holders.has(key.id) && !ledger.retiring.has(key.id)
        ? ". If it is the key this resource holds now (replaced by --replace or a taint), a replacement needs a new " +
          `key: bring a new publicKey, or keep this one with \`adoptKeyId: "${key.id}"\``
        : "";
    const reason =
      `${label(plan.urn)} would add a key with ${what}, but app ${appId} holds it already as key ${key.id} ` +
      `(${key.status}, ${who}); Okta keeps each kid and each key once per app. Fix: ` +
      (sameKey ? "bring another key" : "give the new key another kid (or leave kid unset: the key's thumbprint)") +
      `, or take ${key.id} over with \`adoptKeyId: "${key.id}"\` (one resource holds a key)${own}`;
    return { on: sameKey ? "material" : "kid", reason };
  }
  for (const other of ledger.plans.values()) {
    if (other.urn === plan.urn) continue;
    const sameKid = plan.kid !== undefined && other.kid === plan.kid;
    const sameKey =
      plan.material !== undefined && other.material !== undefined && sameKeyMaterial(other.material, plan.material);
    if (!sameKid && !sameKey) continue;
    const what = sameKid ? `kid "${plan.kid}"` : "the same key material";
    return {
      on: sameKid ? "kid" : "material",
      reason:
        `${label(plan.urn)} and ${label(other.urn)} would both add a key with ${what} to app ${appId}; Okta keeps ` +
        `each kid and each key once per app: give them different ${sameKid ? "kids" : "keys"}`,
    };
  }
  if (plan.activeEncryption) {
    const active = found.find(
      (k) => k.use === "enc" && k.status === "ACTIVE" && !(deletedFirst && k.id === ownRetired),
    );
    const planned = [...ledger.plans.values()].find((p) => p.urn !== plan.urn && p.activeEncryption);
    if (active || planned) {
      const other = active ? `key ${active.id} (kid "${active.kid ?? ""}")` : label(planned?.urn ?? "");
      return {
        on: "encryption",
        reason:
          `${label(plan.urn)} would add an ACTIVE encryption key to app ${appId}, which has one already: ${other}; ` +
          'Okta keeps one ACTIVE encryption key per app. Fix: add this key with status "INACTIVE", then activate ' +
          "it (Okta deactivates the other one then)",
      };
    }
  }
  return undefined;
}

function againOwn(plan: KeyPlan, key: OktaJsonWebKey, sameKey: boolean): string {
  const why = sameKey
    ? `would add the key it holds now (${key.id}) again: the same key material`
    : `would add its new key with kid "${plan.kid}", the kid of the key it holds now (${key.id})`;
  const fix = sameKey
    ? "a rotation needs a new key pair: bring a new publicKey, or use generate"
    : "give the new key a kid of its own (e.g. one that names the rotation), or leave kid unset to use the new key's thumbprint";
  return (
    `${label(plan.urn)} ${why}, while that key is still in the app: a replacement adds the new key before it removes ` +
    `the old one, and Okta keeps each kid and each key once per app. Fix: ${fix}; or first set \`status: ` +
    '"INACTIVE"` (an update): an INACTIVE key is replaced delete-first'
  );
}

function holderOf(ledger: AppLedger<OktaJsonWebKey, KeyPlan>, keyId: string): string {
  const holder = ledger.holders.get(keyId);
  if (holder) return `held by ${label(holder)}`;
  const retiring = ledger.retiring.get(keyId);
  if (retiring) return `held by ${label(retiring)} until its replacement exists`;
  return "held by no ClientJsonWebKey this run has seen";
}
