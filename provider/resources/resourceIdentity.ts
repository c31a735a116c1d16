/**
 * The resource a hook call belongs to. The dynamic-provider plugin passes no URN to the hooks, so the sdk adds the
 * resource's own URN to its inputs (`resourceUrn`); the hooks key this run's plans by it. State written before that
 * input existed has none: such a resource is identified by its Okta object instead (`fallback`).
 */
export function resourceKey(inputs: { resourceUrn?: unknown }, fallback: string): string {
  return typeof inputs.resourceUrn === "string" && inputs.resourceUrn.startsWith("urn:pulumi:")
    ? inputs.resourceUrn
    : fallback;
}

/** `ClientSecret "api"` for a URN (`urn:pulumi:stack::project::…:ClientSecret::api`), for messages. */
export function resourceLabel(key: string, kind: string): string {
  if (!key.startsWith("urn:pulumi:")) return `a ${kind}`;
  const name = key.slice(key.lastIndexOf("::") + 2);
  return `${kind} "${name}"`;
}
