// Adoptions this provider process has seen honoured. On a replacement the engine runs `check` a second time with no
// old inputs, as for a new resource, after `diff` and before `create` (measured: a rotation re-adopted the secret the
// old resource still held). So the first `check` (which sees the old inputs) and `diff` (the old outputs) record that
// `adoptSecretId` was already honoured, and the second `check` and `create` then treat it as done: the replacement
// creates a new secret. A process serves one run, so this memory spans exactly the calls of one replacement.
const honoured = new Set<string>();

/** Records that `secretId` of `appId` was adopted by an existing resource. */
export function rememberAdoption(appId: string | undefined, secretId: string | undefined): void {
  if (appId !== undefined && secretId !== undefined) honoured.add(`${appId}/${secretId}`);
}

/** True when an existing resource of this process already adopted `secretId` of `appId`. */
export function adoptionHonoured(appId: unknown, secretId: unknown): boolean {
  return typeof appId === "string" && typeof secretId === "string" && honoured.has(`${appId}/${secretId}`);
}
