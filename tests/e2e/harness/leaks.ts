import { createHash } from "node:crypto";

// The leak scan every e2e stack runs at cleanup (issue 20, secrets): every credential the stack used or received
// (its config secrets and API token, every client secret value and access token the emulator issued, every private
// key its state holds as a secret) is searched for in everything the run left readable: the exported state (plain:
// nowhere; with --show-secrets: nowhere but inside the secret values themselves), every CLI output the harness
// captured (the provider's errors and lines are in them), and the emulator's request log. A find names the place, the
// credential's kind and a hash prefix, never the value.

/** A value that must not appear in plaintext, and what it is (for the report). */
export interface Credential {
  kind: string;
  value: string;
}

/** A text to search, and where it comes from. */
export interface Place {
  where: string;
  text: string;
}

/** Pulumi's marker of a secret value in a serialized property. */
const secretSig = "4dabf18193072939515e22adb298388d";

/** `sha256:` and the first 12 hex digits of the value's hash: names a credential in a report without showing it. */
export function hashPrefix(value: string): string {
  return `sha256:${createHash("sha256").update(value).digest("hex").slice(0, 12)}`;
}

/**
 * The strings to search for one credential: the value, its JSON-escaped form (a PEM's newlines are `\n` in JSON), and
 * each long line of a multi-line value (a PEM's base64 lines: a key cut or reflowed still leaks). Short values are
 * left out (they would match anywhere); every credential of the harness is far longer.
 */
function needles(value: string): string[] {
  if (value.length < 8) return [];
  const all = new Set([value, JSON.stringify(value).slice(1, -1)]);
  for (const line of value.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed.length >= 24 && !trimmed.startsWith("-----")) all.add(trimmed);
  }
  return [...all];
}

/**
 * The lines of `text` holding a credential, each with the credential's kind and the line's start up to the first
 * credential found in it (so a report can say whose line it is without showing the value).
 */
export function leakingLines(
  credentials: readonly Credential[],
  text: string,
): { index: number; line: string; kind: string; hash: string }[] {
  const found: { index: number; line: string; kind: string; hash: string }[] = [];
  const all = credentials.flatMap((c) => needles(c.value).map((n) => ({ n, c })));
  text.split("\n").forEach((line, index) => {
    const hits = all.filter(({ n }) => line.includes(n));
    const first = hits.map(({ n, c }) => ({ at: line.indexOf(n), c })).sort((a, b) => a.at - b.at)[0];
    if (first)
      found.push({ index, line: line.slice(0, first.at), kind: first.c.kind, hash: hashPrefix(first.c.value) });
  });
  return found;
}

/** `text` with every credential replaced by `[<kind>]`: for a report that shows what surrounds a leak. */
export function redacted(credentials: readonly Credential[], text: string): string {
  let out = text;
  const all = credentials.flatMap((c) => needles(c.value).map((n) => ({ n, c })));
  for (const { n, c } of all.sort((a, b) => b.n.length - a.n.length)) out = out.split(n).join(`[${c.kind}]`);
  return out;
}

/** Each credential found in a place: `<where>: <kind> <hash prefix>`, once per place and credential. */
export function findLeaks(credentials: readonly Credential[], places: readonly Place[]): string[] {
  const found: string[] = [];
  const unique = new Map<string, Credential>();
  for (const c of credentials) if (!unique.has(c.value)) unique.set(c.value, c);
  for (const place of places) {
    for (const credential of unique.values()) {
      if (needles(credential.value).some((n) => place.text.includes(n))) {
        found.push(`${place.where}: ${credential.kind} ${hashPrefix(credential.value)}`);
      }
    }
  }
  return found;
}

/**
 * The private keys a `--show-secrets` export holds in its secret values (a generated key's `privateKeyPem`, a
 * private JWK's `d`): the credentials the emulator never sees. Client secrets come from the emulator.
 */
export function privateKeysOf(shownState: unknown): Credential[] {
  const keys: Credential[] = [];
  const visit = (value: unknown, inSecret: boolean): void => {
    if (typeof value === "string") {
      if (inSecret && /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(value)) keys.push({ kind: "private key", value });
      return;
    }
    if (typeof value !== "object" || value === null) return;
    const record = value as Record<string, unknown>;
    if (record[secretSig] !== undefined && typeof record.plaintext === "string") {
      visit(parsePlaintext(record.plaintext), true);
      return;
    }
    for (const [key, member] of Object.entries(record)) {
      if (inSecret && key === "d" && typeof member === "string")
        keys.push({ kind: "private JWK member d", value: member });
      visit(member, inSecret);
    }
  };
  visit(shownState, false);
  return keys;
}

/** A `--show-secrets` export with each secret value replaced by a marker: what must hold no credential. */
export function withoutSecretValues(shownState: unknown): unknown {
  if (Array.isArray(shownState)) return shownState.map(withoutSecretValues);
  if (typeof shownState !== "object" || shownState === null) return shownState;
  const record = shownState as Record<string, unknown>;
  if (record[secretSig] !== undefined) return "[secret value]";
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, withoutSecretValues(v)]));
}

function parsePlaintext(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
