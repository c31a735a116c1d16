/**
 * The resource a hook call belongs to. The dynamic-provider plugin passes no URN to the hooks, so the sdk adds the
 * resource's own URN to its inputs (`__resourceUrn`: internal, which keeps it out of the engine's display; state written
 * by earlier versions has it as `resourceUrn`); the hooks key this run's plans by it. State written before either
 * existed has none: such a resource is identified by its Okta object instead (`fallback`).
 */
export function resourceKey(inputs: { __resourceUrn?: unknown; resourceUrn?: unknown }, fallback: string): string {
  for (const urn of [inputs.__resourceUrn, inputs.resourceUrn]) {
    if (typeof urn === "string" && urn.startsWith("urn:pulumi:")) return urn;
  }
  return fallback;
}

/** `ClientSecret "api"` for a URN (`urn:pulumi:stack::project::…:ClientSecret::api`), for messages. */
export function resourceLabel(key: string, kind: string): string {
  if (!key.startsWith("urn:pulumi:")) return `a ${kind}`;
  const name = key.slice(key.lastIndexOf("::") + 2);
  return `${kind} "${name}"`;
}
