import type { ConfigureRequest } from "@pulumi/pulumi/dynamic";
import { dpopKey, oktaNamespaceKeys, orgUrlKey, resolveOktaSettings } from "./config";
import { OktaClient, type OktaClientOptions } from "./oktaClient";

// The provider process's one Okta client. `configure()` replaces the config it is made from; the client is built
// lazily, so a configuration error surfaces in the first hook that needs Okta (check, at preview).
const configKeys = [...oktaNamespaceKeys.map((key) => `okta:${key}`), orgUrlKey, dpopKey];
let stackConfig: Record<string, string | undefined> = {};
let client: OktaClient | undefined;
// `okta:orgUrl`, which release 0.1.0 read and @pulumi/okta refuses: only looked at to tell an upgrading stack where
// its value goes now.
const legacyOrgUrlKey = "okta:orgUrl";
let legacyOrgUrl = false;
// Each resource kind's provider is configured on its own: the proxy warning is said once per process (one run).
let proxyWarned = false;
let options: OktaClientOptions = {};

/**
 * The stack config this package reads, each key looked up with `get` (e.g. a dynamic provider's `req.config.get` or a
 * program's `pulumi.runtime.getConfig`): @pulumi/okta's own `okta:*` keys, `okta-credentials:orgUrl` and
 * `okta-credentials:dpop`.
 */
export function readOktaConfig(get: (key: string) => string | undefined): Record<string, string | undefined> {
  return Object.fromEntries(configKeys.map((key) => [key, get(key)]));
}

/** Stores the stack's `okta:*` config for this process (the dynamic provider's `configure` hook). */
export function configureOkta(req: ConfigureRequest): void {
  stackConfig = readOktaConfig((key) => req.config.get(key));
  legacyOrgUrl = req.config.get(legacyOrgUrlKey) !== undefined;
  client = undefined;
  if (stackConfig["okta:httpProxy"] !== undefined && !proxyWarned) {
    proxyWarned = true;
    // The plugin shows the provider's stderr in the CLI's output, once per process.
    console.error(
      "warning: okta:httpProxy is set; pulumi-okta-credentials does not send its requests through a proxy " +
        "(it talks to the org directly), only @pulumi/okta uses that setting",
    );
  }
}

/** The process's client, built from the stored config and the `OKTA_*` environment on first use. */
export function processOktaClient(): OktaClient {
  try {
    client ??= oktaClientFromEnvironment(stackConfig, options);
  } catch (e) {
    if (legacyOrgUrl && e instanceof Error && e.message.startsWith("no Okta org configured")) {
      throw new Error(
        `${legacyOrgUrlKey} is set, but it is not a key of @pulumi/okta (whose provider refuses it) and this package ` +
          `no longer reads it: move its value with \`pulumi config set ${orgUrlKey} "$(pulumi config get ` +
          `${legacyOrgUrlKey})" && pulumi config rm ${legacyOrgUrlKey}\`, or use okta:orgName + okta:baseUrl`,
      );
    }
    throw e;
  }
  return client;
}

/** Replaces the client options (retry timing, fetch) of the process's client: for tests. */
export function setProcessOktaClientOptions(next: OktaClientOptions): void {
  options = next;
  client = undefined;
}

/**
 * An Okta client from config values keyed as in the stack (`okta:orgName`, `okta:apiToken`, …; see
 * `resolveOktaSettings`), with the `OKTA_*` environment variables as fallback. Throws a clear error naming the key to
 * set when the org or the credentials are missing or malformed.
 *
 * @example
 * ```ts
 * const okta = oktaClientFromEnvironment({ "okta:orgName": "dev-123456", "okta:apiToken": cfg.require("apiToken") });
 * const secrets = await okta.listClientSecrets(appId);
 * ```
 */
export function oktaClientFromEnvironment(
  config: Record<string, string | undefined> = {},
  clientOptions: OktaClientOptions = {},
): OktaClient {
  return new OktaClient(
    resolveOktaSettings((key) => config[key]),
    clientOptions,
  );
}
