/**
 * Property values as the engine sends them to a provider that accepts secrets: a secret is an object marked with
 * Pulumi's signature key (`sdk/go/common/resource/sig`), the same in every language. The core's hooks take plain
 * values; the adapter reveals them on the way in and marks what must stay secret on the way out.
 */
const sigKey = "4dabf18193072939515e22adb298388d";
const secretSig = "1b47061264138c4ac30d75fd1eb44270";

type Props = Record<string, unknown>;

function isSecretValue(value: unknown): value is { value: unknown } {
  return typeof value === "object" && value !== null && (value as Props)[sigKey] === secretSig;
}

/** `value` with every secret inside it replaced by its plain value. */
function revealed(value: unknown): unknown {
  if (isSecretValue(value)) return revealed(value.value);
  if (Array.isArray(value)) return value.map(revealed);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revealed(v)]));
  }
  return value;
}

/** True when `value` is or holds a secret. */
function holdsSecret(value: unknown): boolean {
  if (isSecretValue(value)) return true;
  if (Array.isArray(value)) return value.some(holdsSecret);
  if (typeof value === "object" && value !== null) return Object.values(value).some(holdsSecret);
  return false;
}

/** The plain properties, and the names of those that were (or held) secrets. */
export function reveal(props: Props | undefined): { plain: Props; secrets: Set<string> } {
  const plain: Props = {};
  const secrets = new Set<string>();
  for (const [key, value] of Object.entries(props ?? {})) {
    if (holdsSecret(value)) secrets.add(key);
    plain[key] = revealed(value);
  }
  return { plain, secrets };
}

/** `value` marked secret for the engine. */
export function secret(value: unknown): unknown {
  return isSecretValue(value) ? value : { [sigKey]: secretSig, value };
}

/**
 * The properties to hand back to the engine: `hidden` left out (what the core adds for itself, like `resourceUrn`),
 * and each property named in `secrets` marked secret, so its value is encrypted in state and masked in every display.
 */
export function toEngine(props: Props | undefined, secrets: Iterable<string>, hidden: readonly string[]): Props {
  const out: Props = {};
  for (const [key, value] of Object.entries(props ?? {})) {
    if (!hidden.includes(key) && value !== undefined) out[key] = value;
  }
  for (const key of secrets) {
    if (out[key] !== undefined) out[key] = secret(out[key]);
  }
  return out;
}
