import type { CredentialChange } from "./changes";
import { resourceName } from "./kinds";
import type { PreviewDigest } from "./previewJson";
import { secretMarker } from "./previewJson";
import { publicValue } from "./publicValues";

/** What the stack hands out that a run changes: by name only, never a value. */
export interface StackOutputs {
  /** Stack outputs whose last value holds the Okta id or hash of `urn`'s credential. */
  holding(change: CredentialChange): string[];
  /** Stack outputs whose last value holds one of these ids. */
  holdingAny(ids: string[]): string[];
  /** Stack outputs that are secrets: the preview cannot say which credential each comes from. */
  secrets: string[];
}

/** The credential's outputs a consumer reads that the change gives anew (secret ones named as such). */
export function changedOutputs(change: CredentialChange): { name: string; secret: boolean }[] {
  const adopted = change.change === "adopt" || change.change === "take-over";
  const absent = change.kind.generated && (adopted || !change.generates) ? change.kind.generated.outputs : [];
  const named = (names: readonly string[]) =>
    names
      .filter((name) => !absent.includes(name))
      .map((name) => ({ name, secret: change.kind.secretOutputs.includes(name) }));
  switch (change.change) {
    case "create":
    case "adopt":
    case "rotate":
    case "move":
    case "take-over":
      return named(change.kind.replacedOutputs);
    case "deactivate":
    case "reactivate":
      return named(["status", "lastUpdated"]);
    default:
      return [];
  }
}

/**
 * The root stack's outputs as of the last update, read for the ids and hashes of the credentials that change: an
 * output holding one (`secretId`, a text built from it) will hold the new one's.
 */
export function stackOutputs(digest: PreviewDigest): StackOutputs {
  const root = digest.steps.find(
    (s) => resourceName(s.urn).kind === undefined && s.urn.includes("::pulumi:pulumi:Stack::"),
  );
  const outputs = root?.oldState?.outputs ?? {};
  const texts = Object.entries(outputs).map(([name, value]) => ({ name, text: strings(value).join("\n") }));
  const oldOutputs = new Map(digest.steps.map((s) => [s.urn, s.oldState?.outputs ?? {}]));
  return {
    holding(change) {
      if (!["rotate", "move", "take-over", "delete"].includes(change.change)) return [];
      const old = oldOutputs.get(change.urn) ?? {};
      const marks = [change.held?.id, publicValue("secretHash", old.secretHash), publicValue("kid", old.kid)].filter(
        (m): m is string => m !== undefined && m.length >= 8,
      );
      return texts.filter(({ text }) => marks.some((m) => text.includes(m))).map(({ name }) => name);
    },
    holdingAny: (ids) =>
      texts.filter(({ text }) => ids.some((id) => id.length >= 8 && text.includes(id))).map(({ name }) => name),
    secrets: Object.entries(outputs)
      .filter(([, value]) => strings(value).includes(secretMarker))
      .map(([name]) => name),
  };
}

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(strings);
  return [];
}
