import { secretMarker, unknownValue } from "./previewJson";

// The one gate between the preview's JSON and the Markdown: a value is copied only when its field is one the review
// knows to be public and the value looks like one. The preview may hold `[secret]` markers or, from an engine or a
// flag that shows secrets, plaintext: a client secret, a private key, a token in config. None of those shapes passes.
const shapes: Readonly<Record<string, RegExp>> = {
  oktaId: /^(0oa|ocs|pks)[A-Za-z0-9]{10,40}$/,
  status: /^(ACTIVE|INACTIVE)$/,
  instant: /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/,
  // Okta's secret_hash: 22 characters of base64url (a 128-bit digest), never the secret (64 characters).
  hash: /^[A-Za-z0-9_-]{22}$/,
  // A JWK's `kid`: what clients send in their assertion's header. Generated ones are base64url thumbprints.
  kid: /^[A-Za-z0-9._:-]{1,64}$/,
  algorithm: /^(RS|ES|PS)(256|384|512)$|^$/,
  use: /^(sig|enc)$/,
  generation: /^\d{1,6}$/,
};

const fields: Readonly<Record<string, keyof typeof shapes>> = {
  appId: "oktaId",
  secretId: "oktaId",
  keyId: "oktaId",
  adoptSecretId: "oktaId",
  adoptKeyId: "oktaId",
  status: "status",
  created: "instant",
  lastUpdated: "instant",
  nextRotationAt: "instant",
  previousRetiresAt: "instant",
  secretHash: "hash",
  kid: "kid",
  algorithm: "algorithm",
  use: "use",
  generation: "generation",
};

/** The value of a public field (`secretId`, `status`, `created`…) as text, or undefined when it cannot be shown. */
export function publicValue(field: string, value: unknown): string | undefined {
  const shape = fields[field];
  if (shape === undefined) return undefined;
  const text = typeof value === "number" && Number.isInteger(value) ? String(value) : value;
  if (typeof text !== "string" || text === unknownValue || text === secretMarker) return undefined;
  return shapes[shape]?.test(text) ? text : undefined;
}

/** True when the value is known at preview (not the engine's unknown placeholder, not absent). */
export function isKnown(value: unknown): boolean {
  return value !== undefined && value !== null && value !== unknownValue;
}

/**
 * A `rotationTriggers` value that may be shown: a number, a date or a version (a generation, `2026-12`, `v2`), or a
 * word of lowercase letters (`initial`, `rotate-now`). Other values are the program's own and may be anything, a
 * token included: the review names their key only.
 */
export function publicTrigger(value: unknown): string | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const text = String(value);
  const shown = [/^v?\d{1,6}(\.\d{1,6}){0,2}$/, /^\d{4}-\d{2}(-\d{2})?$/, /^[a-z]+(-[a-z]+)*$/];
  return text.length <= 32 && shown.some((shape) => shape.test(text)) ? text : undefined;
}
