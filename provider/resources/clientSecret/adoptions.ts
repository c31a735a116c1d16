// Adoptions this provider process has seen honoured. On a replacement the engine runs `check` a second time with no
// old inputs, as for a new resource, after `diff` and before `create` (measured: a rotation re-adopted the secret the
// old resource still held). So `diff`, which sees the old outputs, records that `adoptSecretId` was already honoured,
// and that second `check` marks the inputs so the replacement creates a new secret.
const honoured = new Set<string>();

/** Records that `secretId` of `appId` was adopted by an existing resource. */
export function rememberAdoption(appId: string | undefined, secretId: string | undefined): void {
  if (appId !== undefined && secretId !== undefined) honoured.add(`${appId}/${secretId}`);
}

/** True when an existing resource of this process already adopted `secretId` of `appId`. */
export function adoptionHonoured(appId: unknown, secretId: unknown): boolean {
  return typeof appId === "string" && typeof secretId === "string" && honoured.has(`${appId}/${secretId}`);
}
