import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { resolveOktaSettings } from "../../../../provider/okta/config";

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

describe("org URL", () => {
  it("takes okta:orgUrl, or okta:orgName + okta:baseUrl (default okta.com), and normalises to the origin", () => {
    expect(resolve({ "okta:orgUrl": "https://dev-1.okta.com/", "okta:apiToken": token }).orgUrl).toBe(
      "https://dev-1.okta.com",
    );
    expect(resolve({ "okta:orgName": "dev-2", "okta:apiToken": token }).orgUrl).toBe("https://dev-2.okta.com");
    expect(resolve({ "okta:orgName": "acme", "okta:baseUrl": "oktapreview.com", "okta:apiToken": token }).orgUrl).toBe(
      "https://acme.oktapreview.com",
    );
  });

  it("falls back to OKTA_ORG_URL, OKTA_ORG_NAME and OKTA_BASE_URL; config wins", () => {
    const env = { OKTA_ORG_URL: "https://env.okta.com", OKTA_API_TOKEN: token };
    expect(resolve({}, env).orgUrl).toBe("https://env.okta.com");
    expect(resolve({ "okta:orgUrl": "https://cfg.okta.com" }, env).orgUrl).toBe("https://cfg.okta.com");
    expect(resolve({}, { OKTA_ORG_NAME: "e", OKTA_BASE_URL: "okta-emea.com", OKTA_API_TOKEN: token }).orgUrl).toBe(
      "https://e.okta-emea.com",
    );
  });

  it("allows plain http only on loopback", () => {
    for (const url of ["http://127.0.0.1:8080", "http://localhost:1234", "http://[::1]:9"]) {
      expect(resolve({ "okta:orgUrl": url, "okta:apiToken": token }).orgUrl).toBe(url);
    }
    const message = errorOf({ "okta:orgUrl": "http://dev-1.okta.com", "okta:apiToken": token });
    expect(message).toContain("okta:orgUrl uses plain http:// for dev-1.okta.com");
    expect(message).toContain("pulumi config set okta:orgUrl https://");
  });

  it("names the key to set when the org is missing or malformed", () => {
    expect(errorOf({ "okta:apiToken": token })).toContain(
      "run `pulumi config set okta:orgUrl https://<your-org>.okta.com`",
    );
    expect(errorOf({ "okta:orgUrl": "dev-1.okta.com", "okta:apiToken": token })).toMatch(/^okta:orgUrl is not a URL/);
    expect(errorOf({ "okta:orgUrl": "ftp://x.okta.com", "okta:apiToken": token })).toContain("must be an https:// URL");
    expect(errorOf({}, { OKTA_ORG_URL: "https://dev-1.okta.com/oauth2/default", OKTA_API_TOKEN: token })).toMatch(
      /^OKTA_ORG_URL must be the org's base URL/,
    );
    expect(errorOf({ "okta:orgUrl": "https://dev-1-admin.okta.com", "okta:apiToken": token })).toContain(
      "Admin Console",
    );
    expect(errorOf({ "okta:orgName": "dev 1", "okta:apiToken": token })).toMatch(/^okta:orgName must be/);
  });
});

describe("credentials", () => {
  const org = { "okta:orgUrl": "https://dev-1.okta.com" };

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
    const defaults = resolve({ ...org, "okta:clientId": "c", "okta:privateKey": pem }).auth;
    expect(defaults.kind === "oauth" && defaults.scopes).toEqual(["okta.apps.read", "okta.apps.manage"]);
    expect(errorOf({ ...org, "okta:clientId": "c", "okta:privateKey": pem, "okta:scopes": "[1]" })).toMatch(
      /^okta:scopes must be a list of scopes/,
    );
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
    expect(message).toMatch(/^okta:privateKey is not a PEM/);
    expect(message).not.toContain("not-a-key");
  });
});
