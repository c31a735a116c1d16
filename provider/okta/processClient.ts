import type { ConfigureRequest } from "@pulumi/pulumi/dynamic";
import { resolveOktaSettings } from "./config";
import { OktaClient, type OktaClientOptions } from "./oktaClient";

// The provider process's one Okta client. `configure()` replaces the config it is made from; the client is built
// lazily, so a configuration error surfaces in the first hook that needs Okta (check, at preview).
const configKeys = ["orgUrl", "orgName", "baseUrl", "apiToken", "clientId", "privateKey", "privateKeyId", "scopes"];
let stackConfig: Record<string, string | undefined> = {};
let client: OktaClient | undefined;
let options: OktaClientOptions = {};

/**
 * The `okta:*` keys this package reads (the same as @pulumi/okta's), each looked up with `get`, e.g. a dynamic
 * provider's `req.config.get` or a program's `pulumi.runtime.getConfig`.
 */
export function readOktaConfig(get: (key: string) => string | undefined): Record<string, string | undefined> {
  return Object.fromEntries(configKeys.map((key) => [`okta:${key}`, get(`okta:${key}`)]));
}

/** Stores the stack's `okta:*` config for this process (the dynamic provider's `configure` hook). */
export function configureOkta(req: ConfigureRequest): void {
  stackConfig = readOktaConfig((key) => req.config.get(key));
  client = undefined;
}

/** The process's client, built from the stored config and the `OKTA_*` environment on first use. */
export function processOktaClient(): OktaClient {
  client ??= oktaClientFromEnvironment(stackConfig, options);
  return client;
}

/** Replaces the client options (retry timing, fetch) of the process's client: for tests. */
export function setProcessOktaClientOptions(next: OktaClientOptions): void {
  options = next;
  client = undefined;
}

/**
 * An Okta client from config values keyed as in the stack (`okta:orgUrl`, `okta:apiToken`, …; see
 * `resolveOktaSettings`), with the `OKTA_*` environment variables as fallback. Throws a clear error naming the key to
 * set when the org or the credentials are missing or malformed.
 *
 * @example
 * ```ts
 * const okta = oktaClientFromEnvironment({ "okta:orgUrl": cfg.get("orgUrl"), "okta:apiToken": cfg.get("apiToken") });
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
