import {
  type ConfigLookup,
  dpopKey,
  nonEmpty,
  type Org,
  oktaNamespaceKeys,
  orgUrlKey,
  type Reader,
  type Source,
} from "./configKeys";
import { envNames, type OktaAuth, resolveAuth } from "./credentialConfig";
import { parseOrgUrl } from "./orgUrl";

// The configuration of the Okta client: the org (stack config, then the environment) and the client's tuning, with the
// credentials from credentialConfig.ts; every error names the key to set.

export { orgUrlKey } from "./configKeys";
export type { DpopMode, OktaAuth } from "./credentialConfig";

/** Limits from @pulumi/okta's own settings (`okta:maxRetries`, `okta:requestTimeout`, …), when set. */
export interface OktaTuning {
  /** Retries after the first attempt (`okta:maxRetries`). */
  maxRetries?: number;
  /** Abort one request after this long (`okta:requestTimeout`, seconds; 0 = Okta's default of this package). */
  requestTimeoutMs?: number;
  /** Longest wait for a rate limit's reset (`okta:maxWaitSeconds`). */
  maxRateLimitWaitMs?: number;
  /** Share of the org's rate limit this process may use, 1-100 (`okta:maxApiCapacity`). */
  maxApiCapacity?: number;
}

/** Where the client talks to and how it authenticates, resolved from stack config and the environment. */
export interface OktaSettings {
  /** The org's origin, e.g. `https://dev-123.okta.com` (no trailing slash). */
  orgUrl: string;
  auth: OktaAuth;
  tuning?: OktaTuning;
}

/**
 * Resolves the Okta org and credentials from stack config (@pulumi/okta's keys: `okta:orgName` + `okta:baseUrl`,
 * `okta:accessToken`, `okta:apiToken`, or `okta:clientId` + `okta:privateKey` [+ `okta:privateKeyId`,
 * `okta:scopes`]; a full URL in `okta-credentials:orgUrl`), then the `OKTA_*` environment variables.
 *
 * Stack config outranks the environment for every key: an org named in config in any form beats every `OKTA_*` org
 * variable, and a credential set in config is never sent to an org that came from the environment (an error says
 * so). A credential from the environment with the org from config is the usual CI set-up and is allowed.
 * Errors name the key to set and never quote a credential.
 */
export function resolveOktaSettings(config: ConfigLookup, env: NodeJS.ProcessEnv = process.env): OktaSettings {
  const fromConfig: Reader = (key) => {
    const value = nonEmpty(config(key));
    return value === undefined ? undefined : { value, from: key };
  };
  const fromEnv: Reader = (name) => {
    const value = nonEmpty(env[name]);
    return value === undefined ? undefined : { value, from: name };
  };
  // A key set to nothing (`pulumi config set okta:apiToken ""`, a CI secret that is not defined) is named as such,
  // when nothing else fills its place: it is the likely slip.
  const blank = (keys: string[]) => [
    ...keys.filter((key) => config(key) !== undefined && nonEmpty(config(key)) === undefined),
    ...keys
      .map((key) => envNames[key.replace(/^okta:/, "")] ?? envOrgNames[key])
      .filter(
        (name): name is string => name !== undefined && env[name] !== undefined && nonEmpty(env[name]) === undefined,
      ),
  ];
  let org: Org;
  try {
    org = resolveOrg(fromConfig, fromEnv);
  } catch (e) {
    throw emptyInstead(e, "no Okta org configured", blank([orgUrlKey, "okta:orgName"]));
  }
  let auth: OktaAuth;
  try {
    auth = resolveAuth(fromConfig, fromEnv, org);
  } catch (e) {
    throw emptyInstead(
      e,
      "no Okta credentials configured",
      blank(["okta:accessToken", "okta:apiToken", "okta:clientId"]),
    );
  }
  return { orgUrl: org.url, auth, tuning: resolveTuning(fromConfig) };
}

const envOrgNames: Record<string, string> = { [orgUrlKey]: "OKTA_ORG_URL", "okta:orgName": "OKTA_ORG_NAME" };

/** The error `e` saying `missing`, or, when some keys that would fill it are set but empty, one naming them and the fix. */
function emptyInstead(e: unknown, missing: string, empty: string[]): unknown {
  if (!(e instanceof Error) || !e.message.startsWith(missing) || empty.length === 0) return e;
  const [first] = empty;
  const fix = first?.includes(":")
    ? `set it with \`pulumi config set ${first.includes("Token") ? "--secret " : ""}${first} <value>\`, or remove it with \`pulumi config rm ${first}\``
    : `set ${first} to a value, or leave it out of the environment (a CI secret or variable that is not defined comes through empty)`;
  return new Error(`${empty.join(", ")} ${empty.length > 1 ? "are" : "is"} set but empty: ${fix}`);
}

function resolveOrg(config: Reader, env: Reader): Org {
  const configured = orgFrom(config(orgUrlKey), config("okta:orgName"), config("okta:baseUrl"));
  if (configured) {
    const envBase = env("OKTA_BASE_URL");
    if (configured.from === "okta:orgName" && !config("okta:baseUrl") && envBase && envBase.value !== "okta.com") {
      throw new Error(
        `okta:orgName is set in stack config but okta:baseUrl is not, while OKTA_BASE_URL (${envBase.value}) is set in ` +
          "the environment: set the base URL in stack config too, e.g. " +
          `\`pulumi config set okta:baseUrl ${envBase.value}\`, so the org never depends on the environment`,
      );
    }
    return { ...configured, source: "config" };
  }
  const fromEnv = orgFrom(env("OKTA_ORG_URL"), env("OKTA_ORG_NAME"), env("OKTA_BASE_URL"));
  if (fromEnv) return { ...fromEnv, source: "env" };
  throw new Error(
    "no Okta org configured: run `pulumi config set okta:orgName <your-org>` (and `okta:baseUrl` unless it is " +
      `okta.com), or \`pulumi config set ${orgUrlKey} https://<your-org-domain>\` for a custom domain; ` +
      "or set OKTA_ORG_NAME (+ OKTA_BASE_URL) or OKTA_ORG_URL in the environment",
  );
}

/** The org named by a full URL and/or an org name + base URL of one source; both must agree when both are set. */
function orgFrom(
  url: Source | undefined,
  name: Source | undefined,
  base: Source | undefined,
): { url: string; from: string } | undefined {
  const byUrl = url ? parseOrgUrl(url.value, url.from) : undefined;
  let byName: string | undefined;
  if (name) {
    if (!/^[A-Za-z0-9-]+$/.test(name.value)) {
      throw new Error(
        `${name.from} must be the org's subdomain, like "dev-123456" (got "${name.value}"); ` +
          `for a custom domain set the full URL instead: \`pulumi config set ${orgUrlKey} https://login.example.com\``,
      );
    }
    const baseUrl = base?.value ?? "okta.com";
    byName = parseOrgUrl(`https://${name.value}.${baseUrl}`, base ? `${name.from} + ${base.from}` : name.from);
  }
  if (url && name && byUrl !== byName) {
    throw new Error(
      `${url.from} (${byUrl}) and ${name.from} (${byName}) name different orgs: remove one of them, or make them agree`,
    );
  }
  if (byUrl !== undefined && url) return { url: byUrl, from: url.from };
  if (byName !== undefined && name) return { url: byName, from: name.from };
  return undefined;
}

function resolveTuning(config: Reader): OktaTuning {
  const tuning: OktaTuning = {};
  const number = (key: string, min: number, max: number): number | undefined => {
    const source = config(`okta:${key}`);
    if (!source) return undefined;
    const value = Number(source.value);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new Error(`${source.from} must be a whole number from ${min} to ${max} (got "${source.value}")`);
    }
    return value;
  };
  const maxRetries = number("maxRetries", 0, 100);
  if (maxRetries !== undefined) tuning.maxRetries = maxRetries;
  const timeout = number("requestTimeout", 0, 300);
  if (timeout) tuning.requestTimeoutMs = timeout * 1000;
  const maxWait = number("maxWaitSeconds", 1, 3600);
  if (maxWait !== undefined) tuning.maxRateLimitWaitMs = maxWait * 1000;
  const capacity = number("maxApiCapacity", 1, 100);
  if (capacity !== undefined) tuning.maxApiCapacity = capacity;
  return tuning;
}

/**
 * The stack config this package reads, each key looked up with `get` (e.g. a dynamic provider's `req.config.get` or a
 * program's `pulumi.runtime.getConfig`): @pulumi/okta's own `okta:*` keys, `okta-credentials:orgUrl` and
 * `okta-credentials:dpop`.
 */
export function readOktaConfig(get: (key: string) => string | undefined): Record<string, string | undefined> {
  const keys = [...oktaNamespaceKeys.map((key) => `okta:${key}`), orgUrlKey, dpopKey];
  return Object.fromEntries(keys.map((key) => [key, get(key)]));
}
