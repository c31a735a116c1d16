import { label, resourceName } from "./kinds";
import type { PreviewDigest, PreviewStep } from "./previewJson";

/** What the provider and the sdk said in the preview, by resource. */
export interface ProviderReasons {
  /** The lines about one resource (its URN), in the order given, prefixes such as `warning: ` removed. */
  about(urn: string): string[];
  /** What stops the preview: its errors, each with the resource it belongs to when known. */
  blocking: readonly BlockingProblem[];
}

/** An error of the preview. */
export interface BlockingProblem {
  urn: string | undefined;
  /** The error's text when it comes from this package (it holds no value by construction); else undefined. */
  message: string | undefined;
}

/** Kinds whose lines name themselves `Kind "name": …` or `Kind "name" is …` at their start. */
const speakers = [
  "RotatingClientSecret",
  "RotatingClientJsonWebKey",
  "ClientSecretVerification",
  "ClientJsonWebKeyVerification",
  "ClientSecret",
  "ClientJsonWebKey",
];
const leadingLabel = new RegExp(`^(${speakers.join("|")}) "([^"]+)"`);

/**
 * The provider's reasons, read from the preview. Today they reach `--json` only as diagnostics: a dynamic provider's
 * lines carry no URN (the plugin prints them on its stderr) and name their resource at their start
 * (`ClientSecret "api" is replaced delete-first: …`), as do a rotating component's (`RotatingClientSecret "api":
 * generation 2 began …`, logged on the stack); a hook's error (the two-secret limit) carries the resource's URN. This
 * is the one place that reads them. A credential's step carries the same facts in its `change` input (`noteOf`), which
 * is read instead where there is one.
 */
export function readReasons(digest: PreviewDigest): ProviderReasons {
  const urnsByLabel = new Map<string, string[]>();
  const known = new Set<string>();
  const note = (urn: string) => {
    if (known.has(urn)) return;
    known.add(urn);
    const { kind, name } = resourceName(urn);
    if (kind === undefined) return;
    const key = label(kind, name);
    urnsByLabel.set(key, [...(urnsByLabel.get(key) ?? []), urn]);
  };
  for (const step of digest.steps) {
    note(step.urn);
    if (step.newState?.parent) note(step.newState.parent);
    if (step.oldState?.parent) note(step.oldState.parent);
  }
  for (const d of digest.diagnostics) if (d.urn) note(d.urn);

  const lines = new Map<string, string[]>();
  const add = (urn: string, line: string) => lines.set(urn, [...(lines.get(urn) ?? []), line]);
  const blocking: BlockingProblem[] = [];
  for (const d of digest.diagnostics) {
    const text = d.message.replace(/^(error|warning|info): /, "").trim();
    if (d.severity === "error") {
      const ours = d.urn === undefined ? leadingLabel.test(text) : resourceName(d.urn).kind !== undefined;
      blocking.push({ urn: d.urn, message: ours ? text : undefined });
      continue;
    }
    const match = leadingLabel.exec(text);
    if (!match) continue;
    // A label names one resource of the stack; two of that name and kind under different parents share the line.
    const urns = d.urn ? [d.urn] : (urnsByLabel.get(label(match[1] as string, match[2] as string)) ?? []);
    for (const urn of urns) add(urn, text);
  }
  // The provider's note of the change, where the step has one: the same facts as its lines, in one place.
  const notes = new Map<string, string[]>();
  for (const step of digest.steps) {
    const said = noteOf(step);
    if (said) notes.set(step.urn, said);
  }
  return { about: (urn) => notes.get(urn) ?? lines.get(urn) ?? [], blocking };
}

/** Steps whose new inputs are this run's: a create's, a replacement's, an update's. */
const changing = new Set(["create", "create-replacement", "replace", "update"]);

/**
 * What the `change` input of a credential's new state says (provider/resources/credential/change.ts): `why`, and
 * `because` where it says more than the replacement's reasons. Only this run's: an update's step keeps the last change's
 * note unless the update is the change (`action: "update"`), and an unchanged resource's is not read at all.
 */
function noteOf(step: PreviewStep): string[] | undefined {
  const change = step.newState?.inputs?.change;
  if (!changing.has(step.op) || typeof change !== "object" || change === null) return undefined;
  const { action, why, because } = change as Record<string, unknown>;
  if (typeof why !== "string" || (step.op === "update" && action !== "update")) return undefined;
  const forced = typeof because === "string" && !because.endsWith(" changed") ? [`because ${because}`] : [];
  return [why, ...forced];
}
