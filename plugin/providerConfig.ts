import type { ConfigureRequest } from "@pulumi/pulumi/dynamic";
import { providers } from "../provider";
import { oktaNamespaceKeys } from "../provider/okta/configKeys";

/**
 * The plugin's configuration, mapped onto the core's. A provider plugin receives only its own namespace
 * (`okta-credentials:<key>` in stack config, or an explicit provider's inputs), never @pulumi/okta's `okta:*` keys
 * (docs/decisions/0006-plugin-configuration.md). Each of our keys stands for the @pulumi/okta key of the same name,
 * which the core reads: `orgName` is read as `okta:orgName`. `orgUrl` and `dpop` are the core's own
 * `okta-credentials:` keys already. The `OKTA_*` environment variables stay the fallbacks, below the configuration.
 */
// The core's okta: keys but the proxy, which the core only warns about (it sends nothing through a proxy): the plugin
// refuses it as a key it does not take rather than accept one it ignores.
const oktaKeys = oktaNamespaceKeys.filter((key) => key !== "httpProxy");
const ownKeys = ["orgUrl", "dpop"] as const;

/** The key the core reads for one of the plugin's own (`orgName` → `okta:orgName`). */
function coreKey(key: string): string | undefined {
  if ((oktaKeys as readonly string[]).includes(key)) return `okta:${key}`;
  if ((ownKeys as readonly string[]).includes(key)) return `okta-credentials:${key}`;
  return undefined;
}

/** Every key the plugin takes. */
export const configKeys: readonly string[] = [...oktaKeys, ...ownKeys];

/**
 * Configures the core from the engine's `Configure` variables (keyed `okta-credentials:config:<key>`, values as text,
 * lists as JSON). Returns the keys the plugin does not know, for a clear error.
 */
export async function configureCore(variables: Map<string, string> | Record<string, string>): Promise<string[]> {
  const entries = variables instanceof Map ? [...variables.entries()] : Object.entries(variables);
  const values = new Map<string, string>();
  const unknown: string[] = [];
  for (const [name, value] of entries) {
    const key = name.slice(name.lastIndexOf(":") + 1);
    const target = coreKey(key);
    if (target === undefined) unknown.push(key);
    else if (value !== "") values.set(target, value);
  }
  const req = { config: { get: (key: string) => values.get(key) } } as unknown as ConfigureRequest;
  // Every kind's configure: each stores the process's one configuration, and this stays true if a kind adds its own.
  for (const kind of Object.values(providers)) await kind.configure(req);
  return unknown;
}

/**
 * The core's messages name the stack config keys a dynamic provider reads (`okta:orgName`); a plugin's user sets
 * `okta-credentials:orgName` or an explicit provider's `orgName` instead. Rewrites such names in a message.
 */
export function inPluginTerms(message: string): string {
  return message.replace(
    new RegExp(`\\bokta:(${oktaKeys.join("|")})\\b`, "g"),
    (_all, key: string) => `okta-credentials:${key}`,
  );
}
