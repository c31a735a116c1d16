// The stack config keys this package reads, and a value as read with where it came from (for errors that name the
// key to set). Shared by the org's and the credentials' halves of the configuration (config.ts, credentialConfig.ts).

/** Reads one stack config value by its full key, e.g. `okta:orgName`. */
export type ConfigLookup = (key: string) => string | undefined;

/** This package's own key for a full org URL (a custom domain, or the emulator): @pulumi/okta has none. */
export const orgUrlKey = "okta-credentials:orgUrl";

/** This package's own key for DPoP (`auto` or `always`): @pulumi/okta has none. */
export const dpopKey = "okta-credentials:dpop";

/**
 * The keys of @pulumi/okta's `okta:` namespace that this package reads. Bridged providers refuse unknown keys in
 * their namespace, so nothing else is ever read (or suggested) there.
 */
export const oktaNamespaceKeys = [
  "orgName",
  "baseUrl",
  "apiToken",
  "accessToken",
  "clientId",
  "privateKey",
  "privateKeyId",
  "scopes",
  "maxRetries",
  "requestTimeout",
  "maxWaitSeconds",
  "maxApiCapacity",
  "httpProxy",
] as const;

/** A value read from stack config or the environment. */
export interface Source {
  value: string;
  /** The config key or environment variable it came from, for error messages. */
  from: string;
}

/** Reads a value by its config key or environment variable name. */
export type Reader = (key: string) => Source | undefined;

/** The org the client talks to, and where it came from. */
export interface Org {
  url: string;
  /** Where the org came from: `config` or `env`. */
  source: "config" | "env";
  from: string;
}

/** A value with its white space trimmed; undefined when nothing is left. */
export function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === "" ? undefined : trimmed;
}
