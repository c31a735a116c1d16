import type { KeyObject } from "node:crypto";
import { readSigningKey } from "../keys/privateKeyInput";
import { dpopKey, type Org, orgUrlKey, type Reader, type Source } from "./configKeys";

// The credentials half of the configuration: which of @pulumi/okta's ways the client authenticates (an access token, an
// API token, or an OAuth 2.0 service app with its private key, scopes and DPoP), read from stack config first, then the
// environment, and never sent to an org the environment names when they are the stack's.

/** How the client authenticates: an SSWS API token, an OAuth access token, or an OAuth 2.0 service app. */
export type OktaAuth =
  | { kind: "apiToken"; token: string }
  | { kind: "accessToken"; token: string }
  | {
      kind: "oauth";
      clientId: string;
      privateKey: KeyObject;
      privateKeyId?: string;
      scopes: string[];
      /** DPoP proofs once the token endpoint asks for them (`auto`, the default), or from the first request. */
      dpop?: DpopMode;
    };

/** When the service app's requests carry DPoP proofs (`okta-credentials:dpop`). */
export type DpopMode = "auto" | "always";

const defaultScopes = ["okta.apps.read", "okta.apps.manage"];

const credentialKeys = ["accessToken", "apiToken", "clientId", "privateKey", "privateKeyId", "scopes"];
export const envNames: Record<string, string> = {
  accessToken: "OKTA_ACCESS_TOKEN",
  apiToken: "OKTA_API_TOKEN",
  clientId: "OKTA_API_CLIENT_ID",
  privateKey: "OKTA_API_PRIVATE_KEY",
  privateKeyId: "OKTA_API_PRIVATE_KEY_ID",
  scopes: "OKTA_API_SCOPES",
};

export function resolveAuth(config: Reader, env: Reader, org: Org): OktaAuth {
  const inConfig = credentialKeys.map((key) => config(`okta:${key}`)).filter((s) => s !== undefined);
  if (org.source === "env" && inConfig.length > 0) {
    throw new Error(
      `${inConfig.map((s) => s.from).join(", ")} ${inConfig.length > 1 ? "are" : "is"} set in stack config, but the ` +
        `org comes from ${org.from} in the environment: a credential of the stack is never sent to an org the ` +
        `environment names. Set the org in stack config too (\`pulumi config set okta:orgName <your-org>\`, or ` +
        `${orgUrlKey} for a custom domain)`,
    );
  }
  // The kind comes from stack config when config names one (so a stray variable never shadows it), else from the
  // environment; within the service app's keys, each is read from config first. The order is @pulumi/okta's:
  // access token, API token, then the service app's private key.
  const kindOf = (pick: (key: string) => Source | undefined) =>
    pick("accessToken") ?? pick("apiToken") ?? pick("clientId") ?? pick("privateKey");
  const chosen = kindOf((key) => config(`okta:${key}`)) ?? kindOf((key) => env(envNames[key] as string));
  const read = (key: string) => config(`okta:${key}`) ?? env(envNames[key] as string);
  if (chosen?.from.endsWith("accessToken") || chosen?.from === "OKTA_ACCESS_TOKEN") {
    return { kind: "accessToken", token: checkToken(chosen, "okta:accessToken") };
  }
  if (chosen?.from.endsWith("apiToken") || chosen?.from === "OKTA_API_TOKEN") {
    return { kind: "apiToken", token: checkToken(chosen, "okta:apiToken") };
  }
  if (chosen) return resolveServiceApp(read, config(dpopKey));
  throw new Error(
    "no Okta credentials configured: run `pulumi config set --secret okta:apiToken <token>` " +
      "(or set okta:clientId and okta:privateKey for an OAuth 2.0 service app, or the OKTA_API_TOKEN environment variable)",
  );
}

function resolveServiceApp(read: Reader, dpop: Source | undefined): OktaAuth {
  const clientId = read("clientId");
  const key = read("privateKey");
  if (!clientId) {
    throw new Error(
      `${key?.from ?? "okta:privateKey"} is set, so OAuth 2.0 needs the service app's client id too: ` +
        "run `pulumi config set okta:clientId <client id>` (or set OKTA_API_CLIENT_ID)",
    );
  }
  if (!key) {
    throw new Error(
      `${clientId.from} is set, so OAuth 2.0 needs the service app's private key: ` +
        "run `pulumi config set --secret okta:privateKey < private-key.pem` (or set OKTA_API_PRIVATE_KEY)",
    );
  }
  const signing = parsePrivateKey(key);
  const auth: OktaAuth = {
    kind: "oauth",
    clientId: clientId.value,
    privateKey: signing.key,
    scopes: parseScopes(read("scopes")),
  };
  // okta:privateKeyId names the app's public key; a private JWK that carries its own kid needs none.
  const kid = read("privateKeyId")?.value ?? signing.kid;
  if (kid) auth.privateKeyId = kid;
  if (dpop) {
    if (dpop.value !== "auto" && dpop.value !== "always") {
      throw new Error(`${dpop.from} must be "auto" (DPoP once the org asks for it) or "always" (got "${dpop.value}")`);
    }
    auth.dpop = dpop.value;
  }
  return auth;
}

function checkToken(token: Source, key: string): string {
  const fix = `set it again with \`pulumi config set --secret ${key} <token>\` (from ${token.from})`;
  if (/^(ssws|bearer)\s/i.test(token.value)) {
    throw new Error(`${token.from} must hold only the token, without the "SSWS " or "Bearer " prefix: ${fix}`);
  }
  if (!/^[\x21-\x7E]+$/.test(token.value) || /^["']|["']$/.test(token.value)) {
    throw new Error(`${token.from} is malformed (spaces, quotes or non-ASCII characters): ${fix}`);
  }
  return token.value;
}

function parsePrivateKey(key: Source): { key: KeyObject; kid?: string } {
  try {
    return readSigningKey(key.value, key.from);
  } catch (e) {
    throw new Error(`${(e as Error).message}: run \`pulumi config set --secret okta:privateKey < private-key.pem\``);
  }
}

function parseScopes(scopes: Source | undefined): string[] {
  if (!scopes) return defaultScopes;
  const text = scopes.value.trim();
  let list: unknown;
  try {
    list = text.startsWith("[") ? JSON.parse(text) : text.split(/[\s,]+/);
  } catch {
    list = undefined;
  }
  if (!Array.isArray(list) || !list.every((s) => typeof s === "string")) {
    throw new Error(`${scopes.from} must be a list of scopes, like "okta.apps.read,okta.apps.manage"`);
  }
  const clean = list.map((s: string) => s.trim()).filter((s) => s !== "");
  return clean.length > 0 ? clean : defaultScopes;
}
