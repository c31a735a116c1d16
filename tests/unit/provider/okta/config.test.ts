import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readOktaConfig, resolveOktaSettings } from "../../../../provider/okta/config";
import { configureOkta } from "../../../../provider/runState";

const token = "00abcdefghijklmnopqrstuvwxyz0123456789ABCD";

function resolve(config: Record<string, string>, env: Record<string, string> = {}) {
  return resolveOktaSettings((key) => config[key], env);
}

function errorOf(config: Record<string, string>, env: Record<string, string> = {}): string {
  try {
    resolve(config, env);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected a configuration error");
}

const orgUrlKey = "okta-credentials:orgUrl";

describe("org", () => {
  it("takes okta:orgName + okta:baseUrl (default okta.com), or okta-credentials:orgUrl, normalised to the origin", () => {
    expect(resolve({ [orgUrlKey]: "https://login.example.com/", "okta:apiToken": token }).orgUrl).toBe(
      "https://login.example.com",
    );
    expect(resolve({ "okta:orgName": "dev-2", "okta:apiToken": token }).orgUrl).toBe("https://dev-2.okta.com");
    expect(resolve({ "okta:orgName": "acme", "okta:baseUrl": "oktapreview.com", "okta:apiToken": token }).orgUrl).toBe(
      "https://acme.oktapreview.com",
    );
  });

  it("never reads okta:orgUrl, which @pulumi/okta does not define (its bridged provider refuses unknown keys)", () => {
    expect(errorOf({ "okta:orgUrl": "https://dev-1.okta.com", "okta:apiToken": token })).toMatch(
      /^no Okta org configured: run `pulumi config set okta:orgName/,
    );
  });

  it("accepts both forms in config when they agree, and refuses them when they name different orgs", () => {
    const both = { [orgUrlKey]: "https://dev-3.okta.com", "okta:orgName": "dev-3", "okta:apiToken": token };
    expect(resolve(both).orgUrl).toBe("https://dev-3.okta.com");
    expect(errorOf({ ...both, "okta:orgName": "dev-4" })).toContain(
      "okta-credentials:orgUrl (https://dev-3.okta.com) and okta:orgName (https://dev-4.okta.com) name different orgs",
    );
  });

  it("falls back to OKTA_ORG_URL, OKTA_ORG_NAME and OKTA_BASE_URL when config names no org", () => {
    expect(resolve({}, { OKTA_ORG_URL: "https://env.okta.com", OKTA_API_TOKEN: token }).orgUrl).toBe(
      "https://env.okta.com",
    );
    expect(resolve({}, { OKTA_ORG_NAME: "e", OKTA_BASE_URL: "okta-emea.com", OKTA_API_TOKEN: token }).orgUrl).toBe(
      "https://e.okta-emea.com",
    );
  });

  it("an org named in config in any form beats every OKTA_* org variable", () => {
    const env = {
      OKTA_ORG_URL: "https://stray.example.com",
      OKTA_ORG_NAME: "stray",
      OKTA_BASE_URL: "okta.com",
      OKTA_API_TOKEN: token,
    };
    expect(resolve({ "okta:orgName": "mine" }, env).orgUrl).toBe("https://mine.okta.com");
    expect(resolve({ [orgUrlKey]: "https://mine.example.com" }, env).orgUrl).toBe("https://mine.example.com");
    // A base URL from the environment would move a configured org name to another org: it must be in config too.
    const moved = errorOf({ "okta:orgName": "mine", "okta:apiToken": token }, { OKTA_BASE_URL: "oktapreview.com" });
    expect(moved).toContain("okta:orgName is set in stack config but okta:baseUrl is not");
    expect(moved).toContain("`pulumi config set okta:baseUrl oktapreview.com`");
  });

  it("allows plain http only on loopback", () => {
    for (const url of ["http://127.0.0.1:8080", "http://localhost:1234", "http://[::1]:9"]) {
      expect(resolve({ [orgUrlKey]: url, "okta:apiToken": token }).orgUrl).toBe(url);
    }
    const message = errorOf({ [orgUrlKey]: "http://dev-1.okta.com", "okta:apiToken": token });
    expect(message).toContain("okta-credentials:orgUrl uses plain http:// for dev-1.okta.com");
    expect(message).toContain("pulumi config set okta-credentials:orgUrl https://");
  });

  it("names the key to set when the org is missing or malformed", () => {
    expect(errorOf({ "okta:apiToken": token })).toContain("run `pulumi config set okta:orgName <your-org>`");
    expect(errorOf({ [orgUrlKey]: "dev-1.okta.com", "okta:apiToken": token })).toMatch(
      /^okta-credentials:orgUrl is not a URL/,
    );
    expect(errorOf({ [orgUrlKey]: "ftp://x.okta.com", "okta:apiToken": token })).toContain("must be an https:// URL");
    expect(errorOf({}, { OKTA_ORG_URL: "https://dev-1.okta.com/oauth2/default", OKTA_API_TOKEN: token })).toMatch(
      /^OKTA_ORG_URL must be the org's base URL/,
    );
    expect(errorOf({ [orgUrlKey]: "https://dev-1-admin.okta.com", "okta:apiToken": token })).toContain("Admin Console");
    expect(errorOf({ "okta:orgName": "dev 1", "okta:apiToken": token })).toMatch(/^okta:orgName must be/);
  });
});

describe("a stray environment never redirects a configured stack's credential", () => {
  it("refuses a credential from stack config with an org from the environment, naming both and the fix", () => {
    const message = errorOf({ "okta:apiToken": token }, { OKTA_ORG_URL: "https://attacker.example.com" });
    expect(message).toContain("okta:apiToken is set in stack config, but the org comes from OKTA_ORG_URL");
    expect(message).toContain("pulumi config set okta:orgName");
    expect(message).not.toContain(token);
    expect(errorOf({ "okta:clientId": "c" }, { OKTA_ORG_NAME: "stray", OKTA_API_TOKEN: token })).toContain(
      "okta:clientId is set in stack config, but the org comes from OKTA_ORG_NAME",
    );
  });

  it("allows the usual CI set-up: the org in config, the credential in the environment", () => {
    const settings = resolve({ "okta:orgName": "mine" }, { OKTA_API_TOKEN: token, OKTA_ORG_URL: "https://x.test" });
    expect(settings).toMatchObject({ orgUrl: "https://mine.okta.com", auth: { kind: "apiToken", token } });
  });
});

describe("credentials", () => {
  const org = { [orgUrlKey]: "https://dev-1.okta.com" };

  it("takes okta:apiToken, else OKTA_API_TOKEN", () => {
    expect(resolve({ ...org, "okta:apiToken": token }).auth).toEqual({ kind: "apiToken", token });
    expect(resolve(org, { OKTA_API_TOKEN: token }).auth).toEqual({ kind: "apiToken", token });
  });

  it("names the key to set when the token is missing or malformed, never quoting it", () => {
    expect(errorOf(org)).toContain("pulumi config set --secret okta:apiToken <token>");
    const prefixed = errorOf({ ...org, "okta:apiToken": `SSWS ${token}` });
    expect(prefixed).toContain('without the "SSWS " or "Bearer " prefix');
    const spaced = errorOf(org, { OKTA_API_TOKEN: `${token} extra` });
    expect(spaced).toMatch(/^OKTA_API_TOKEN is malformed/);
    for (const message of [prefixed, spaced]) expect(message).not.toContain(token);
  });

  it("uses OAuth 2.0 with okta:clientId + okta:privateKey (PEM, with literal \\n, or JWK), scopes and key id", () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pem = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    const auth = resolve({
      ...org,
      "okta:clientId": "0oaservice0000000000",
      "okta:privateKey": pem.replace(/\n/g, "\\n"),
      "okta:privateKeyId": "kid-1",
      "okta:scopes": '["okta.apps.read"]',
    }).auth;
    expect(auth).toMatchObject({ kind: "oauth", clientId: "0oaservice0000000000", privateKeyId: "kid-1" });
    expect(auth.kind === "oauth" && auth.scopes).toEqual(["okta.apps.read"]);
    const jwk = JSON.stringify(privateKey.export({ format: "jwk" }));
    const fromEnv = resolve(org, { OKTA_API_CLIENT_ID: "c", OKTA_API_PRIVATE_KEY: jwk, OKTA_API_SCOPES: "a, b" }).auth;
    expect(fromEnv.kind === "oauth" && fromEnv.scopes).toEqual(["a", "b"]);
    const withKid = JSON.stringify({ ...privateKey.export({ format: "jwk" }), kid: "from-the-jwk" });
    expect(resolve({ ...org, "okta:clientId": "c", "okta:privateKey": withKid }).auth).toMatchObject({
      privateKeyId: "from-the-jwk",
    });
    const defaults = resolve({ ...org, "okta:clientId": "c", "okta:privateKey": pem }).auth;
    expect(defaults.kind === "oauth" && defaults.scopes).toEqual(["okta.apps.read", "okta.apps.manage"]);
    expect(errorOf({ ...org, "okta:clientId": "c", "okta:privateKey": pem, "okta:scopes": "[1]" })).toMatch(
      /^okta:scopes must be a list of scopes/,
    );
  });

  it("takes okta:accessToken (Bearer) first, as @pulumi/okta does, else OKTA_ACCESS_TOKEN", () => {
    expect(resolve({ ...org, "okta:accessToken": token, "okta:apiToken": "00other" }).auth).toEqual({
      kind: "accessToken",
      token,
    });
    expect(resolve(org, { OKTA_ACCESS_TOKEN: token }).auth).toEqual({ kind: "accessToken", token });
  });

  it("prefers OAuth in stack config over a token in the environment, and a token in config over both", () => {
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const pem = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    const oauth = { ...org, "okta:clientId": "c", "okta:privateKey": pem };
    expect(resolve(oauth, { OKTA_API_TOKEN: token }).auth.kind).toBe("oauth");
    expect(resolve({ ...oauth, "okta:apiToken": token }).auth.kind).toBe("apiToken");
  });

  it("explains a missing or unreadable private key without quoting it", () => {
    expect(errorOf({ ...org, "okta:clientId": "c" })).toContain("pulumi config set --secret okta:privateKey");
    const garbage = "-----BEGIN PRIVATE KEY-----\nnot-a-key\n-----END PRIVATE KEY-----";
    const message = errorOf({ ...org, "okta:clientId": "c", "okta:privateKey": garbage });
    expect(message).toMatch(/^okta:privateKey is not a usable private key \(the value is not shown\)/);
    expect(message).toContain("pulumi config set --secret okta:privateKey < private-key.pem");
    expect(message).not.toContain("not-a-key");
  });
});

describe("tuning from @pulumi/okta's own settings", () => {
  const base = { [orgUrlKey]: "https://dev-1.okta.com", "okta:apiToken": token };

  it("reads okta:maxRetries, okta:requestTimeout, okta:maxWaitSeconds and okta:maxApiCapacity", () => {
    const settings = resolve({
      ...base,
      "okta:maxRetries": "2",
      "okta:requestTimeout": "10",
      "okta:maxWaitSeconds": "30",
      "okta:maxApiCapacity": "50",
    });
    expect(settings.tuning).toEqual({
      maxRetries: 2,
      requestTimeoutMs: 10_000,
      maxRateLimitWaitMs: 30_000,
      maxApiCapacity: 50,
    });
    expect(resolve(base).tuning).toEqual({});
  });

  it("names the key and the range of a bad value", () => {
    expect(errorOf({ ...base, "okta:maxApiCapacity": "150" })).toBe(
      'okta:maxApiCapacity must be a whole number from 1 to 100 (got "150")',
    );
  });
});

describe("configure", () => {
  it("says once that okta:httpProxy is not used, and reads nothing else in okta: it does not know", () => {
    const printed: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => printed.push(args.join(" "));
    try {
      const values: Record<string, string> = { "okta:httpProxy": "http://proxy:3128", "okta:orgName": "dev-1" };
      configureOkta({ config: { get: (key: string) => values[key], require: (key: string) => values[key] as string } });
      // A second resource kind configures its provider in the same process: said once.
      configureOkta({ config: { get: (key: string) => values[key], require: (key: string) => values[key] as string } });
    } finally {
      console.error = original;
    }
    expect(printed).toEqual([
      expect.stringContaining("warning: okta:httpProxy is set; pulumi-okta-credentials does not"),
    ]);
    expect(Object.keys(readOktaConfig(() => undefined))).not.toContain("okta:orgUrl");
  });
});

describe("DPoP mode", () => {
  it("reads okta-credentials:dpop for a service app: auto by default, always when set, anything else refused", () => {
    const pem = generateKeyPairSync("ec", { namedCurve: "P-256" })
      .privateKey.export({ format: "pem", type: "pkcs8" })
      .toString();
    const app = { "okta-credentials:orgUrl": "https://dev-1.okta.com", "okta:clientId": "c", "okta:privateKey": pem };
    expect(resolve(app).auth).not.toHaveProperty("dpop");
    expect(resolve({ ...app, "okta-credentials:dpop": "always" }).auth).toMatchObject({
      kind: "oauth",
      dpop: "always",
    });
    expect(errorOf({ ...app, "okta-credentials:dpop": "yes" })).toBe(
      'okta-credentials:dpop must be "auto" (DPoP once the org asks for it) or "always" (got "yes")',
    );
  });
});

describe("a key set but empty", () => {
  const org = { [orgUrlKey]: "https://dev-1.okta.com" };

  it("is named, with the fix, when nothing else fills its place", () => {
    expect(errorOf({ ...org, "okta:apiToken": "" })).toBe(
      "okta:apiToken is set but empty: set it with `pulumi config set --secret okta:apiToken <value>`, or remove it " +
        "with `pulumi config rm okta:apiToken`",
    );
    expect(errorOf(org, { OKTA_API_TOKEN: "  " })).toMatch(
      /^OKTA_API_TOKEN is set but empty: set OKTA_API_TOKEN to a value, or leave it out of the environment \(a CI secret/,
    );
    expect(errorOf({ "okta:orgName": "", "okta:apiToken": token })).toMatch(/^okta:orgName is set but empty: /);
    expect(errorOf({ [orgUrlKey]: "" }, { OKTA_ORG_URL: "" })).toMatch(
      /^okta-credentials:orgUrl, OKTA_ORG_URL are set but empty: /,
    );
  });

  it("is no error when another key names the credential or the org", () => {
    expect(resolve({ ...org, "okta:apiToken": "" }, { OKTA_API_TOKEN: token }).auth).toEqual({
      kind: "apiToken",
      token,
    });
    expect(resolve({ "okta:orgName": "", [orgUrlKey]: "https://dev-1.okta.com", "okta:apiToken": token }).orgUrl).toBe(
      "https://dev-1.okta.com",
    );
  });
});
