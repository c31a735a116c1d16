import { type CredentialKind, credentialKinds, resourceName } from "./kinds";
import type { PreviewDigest, PreviewStep } from "./previewJson";
import { isKnown, publicTrigger, publicValue } from "./publicValues";

/** What happens to one credential resource in the preview. */
export type ChangeKind =
  | "create"
  | "adopt"
  | "rotate"
  | "take-over"
  | "move"
  | "deactivate"
  | "reactivate"
  | "update"
  | "delete"
  | "unchanged";

/** One credential as the preview plans it: what it holds before, what after, and why. */
export interface CredentialChange {
  urn: string;
  name: string;
  kind: CredentialKind;
  change: ChangeKind;
  /** For a replacement: which write comes first, from the engine's replacement steps; undefined when not shown. */
  order: "create-first" | "delete-first" | undefined;
  /** The app before and after (the same but for `move`); undefined when not known at preview. */
  oldAppId: string | undefined;
  appId: string | undefined;
  /** Okta's id and status of the credential held before the run (none for a new resource). */
  held: { id: string | undefined; status: string | undefined } | undefined;
  /** The status after the run, and the id when known at preview (an adopted credential's). */
  next: { id: string | undefined; status: string | undefined } | undefined;
  /** The inputs that force the replacement (`rotationTriggers`, `appId`, `clientSecret`, `adoptSecretId`…). */
  replaceReasons: string[];
  /** The `rotationTriggers` keys that changed, with their values: `null` when absent, undefined when not shown. */
  triggers: { key: string; from: string | null | undefined; to: string | null | undefined }[];
  /** True when the provider makes the credential's material (a generated key): it then has the generated outputs. */
  generates: boolean;
  /** The rotating component this credential is a slot of (its URN), if any. */
  component: string | undefined;
}

/** The steps of one resource, with the replacement's order when the preview shows its replacement steps. */
interface ResourceSteps {
  main: PreviewStep;
  position: number;
  order: "create-first" | "delete-first" | undefined;
}

/** Groups the preview's steps by resource: one logical step each, a replacement's extra steps folded in. */
export function stepsByResource(digest: PreviewDigest): Map<string, ResourceSteps> {
  const byUrn = new Map<string, { steps: { step: PreviewStep; index: number }[] }>();
  digest.steps.forEach((step, index) => {
    const entry = byUrn.get(step.urn) ?? { steps: [] };
    entry.steps.push({ step, index });
    byUrn.set(step.urn, entry);
  });
  const out = new Map<string, ResourceSteps>();
  for (const [urn, { steps }] of byUrn) {
    const main = steps.find((s) => !["create-replacement", "delete-replaced"].includes(s.step.op)) ?? steps[0];
    if (!main) continue;
    const created = steps.find((s) => s.step.op === "create-replacement")?.index;
    const deleted = steps.find((s) => s.step.op === "delete-replaced")?.index;
    const order =
      created === undefined || deleted === undefined ? undefined : deleted < created ? "delete-first" : "create-first";
    out.set(urn, { main: main.step, position: Math.min(...steps.map((s) => s.index)), order });
  }
  return out;
}

/** Every credential resource of the preview (`ClientSecret`, `ClientJsonWebKey`), with what happens to it, by URN. */
export function credentialChanges(digest: PreviewDigest): CredentialChange[] {
  const changes: CredentialChange[] = [];
  for (const [urn, { main, order }] of stepsByResource(digest)) {
    const { kind: kindName, name, parentKind } = resourceName(urn);
    const kind = kindName === undefined ? undefined : credentialKinds[kindName];
    if (kind === undefined) continue;
    const change = classify(main, kind);
    if (change === undefined) continue;
    const oldIn = main.oldState?.inputs ?? {};
    const oldOut = main.oldState?.outputs ?? {};
    const newIn = main.newState?.inputs ?? {};
    const held = main.oldState
      ? { id: publicValue(kind.idOutput, oldOut[kind.idOutput]), status: publicValue("status", oldOut.status) }
      : undefined;
    const adoptTarget = publicValue(kind.adoptInput, newIn[kind.adoptInput]);
    const next = main.newState
      ? {
          id: change === "adopt" || change === "take-over" ? adoptTarget : change === "rotate" ? undefined : held?.id,
          status: publicValue("status", isKnown(newIn.status) ? newIn.status : "ACTIVE"),
        }
      : undefined;
    changes.push({
      urn,
      name,
      kind,
      change,
      order: main.op === "replace" ? (order ?? undefined) : undefined,
      oldAppId: publicValue("appId", oldOut.appId ?? oldIn.appId),
      appId: publicValue("appId", main.newState ? newIn.appId : (oldOut.appId ?? oldIn.appId)),
      held,
      next,
      replaceReasons: main.replaceReasons ?? [],
      triggers: changedTriggers(oldOut.rotationTriggers ?? oldIn.rotationTriggers, newIn.rotationTriggers),
      generates: kind.generated !== undefined && typeof newIn[kind.generated.input] === "object",
      component: parentKind === undefined ? undefined : (main.newState?.parent ?? main.oldState?.parent),
    });
  }
  // By URN, not by the preview's order: the engine steps through independent resources in no fixed order, and the
  // review of one plan must read the same every time (what must come first is ordered by dependencies, appPlan.ts).
  return changes.sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
}

function classify(step: PreviewStep, kind: CredentialKind): ChangeKind | undefined {
  const newIn = step.newState?.inputs ?? {};
  const oldStatus = step.oldState?.outputs?.status;
  switch (step.op) {
    case "create": {
      return typeof newIn[kind.adoptInput] === "string" && newIn[kind.adoptInput] !== "" ? "adopt" : "create";
    }
    case "replace": {
      const reasons = step.replaceReasons ?? [];
      if (reasons.includes("appId")) return "move";
      if (reasons.includes(kind.adoptInput)) return "take-over";
      return "rotate";
    }
    case "update": {
      const desired = isKnown(newIn.status) ? newIn.status : "ACTIVE";
      if (oldStatus === "ACTIVE" && desired === "INACTIVE") return "deactivate";
      if (oldStatus === "INACTIVE" && desired === "ACTIVE") return "reactivate";
      return "update";
    }
    case "delete":
      return "delete";
    case "same":
      return "unchanged";
    default:
      // read, refresh, import, discard: nothing is written to Okta.
      return undefined;
  }
}

function changedTriggers(before: unknown, after: unknown): CredentialChange["triggers"] {
  const a = isObject(before) ? before : {};
  const b = isObject(after) ? after : {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys
    .filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]))
    .map((key) => ({ key, from: triggerValue(a, key), to: triggerValue(b, key) }));
}

function triggerValue(triggers: Record<string, unknown>, key: string): string | null | undefined {
  return key in triggers ? publicTrigger(triggers[key]) : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
