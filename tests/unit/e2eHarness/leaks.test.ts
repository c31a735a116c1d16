import { describe, expect, it } from "vitest";
import { findLeaks, hashPrefix, privateKeysOf, withoutSecretValues } from "../../e2e/harness/leaks";

// The e2e harness's leak scan (run at every stack's cleanup) on texts made to leak: it must find them, say where and
// what by kind and hash, and never show the value.
const sig = "4dabf18193072939515e22adb298388d";
const pem = `-----BEGIN PRIVATE KEY-----\n${"MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ".repeat(2)}\nAbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/AbCdEfGhIjKl\n-----END PRIVATE KEY-----\n`;
const shown = {
  deployment: {
    resources: [
      {
        outputs: {
          secretId: "ocs1b2c3d4e5f6g7h8i9",
          privateKeyPem: { [sig]: "1b47061264138c4ac30d75fd1eb44270", plaintext: JSON.stringify(pem) },
        },
      },
    ],
  },
};

describe("the e2e leak scan", () => {
  it("reads the private keys of a --show-secrets export, and what lies outside its secret values", () => {
    expect(privateKeysOf(shown)).toEqual([{ kind: "private key", value: pem }]);
    expect(JSON.stringify(withoutSecretValues(shown))).not.toContain("MIIEvQ");
    expect(JSON.stringify(withoutSecretValues(shown))).toContain("ocs1b2c3d4e5f6g7h8i9");
  });

  it("finds a value whole, JSON-escaped or by one of its lines, names the place and kind, never the value", () => {
    const secret = { kind: "client secret", value: "a-client-secret-of-forty-characters-long" };
    const key = { kind: "private key", value: pem };
    const finds = findLeaks(
      [secret, key],
      [
        { where: "clean", text: "nothing here, ocs1b2c3d4e5f6g7h8i9" },
        { where: "whole", text: `x ${secret.value} y` },
        { where: "json", text: JSON.stringify({ k: pem }) },
        { where: "one line", text: "…AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/AbCdEfGhIjKl…" },
      ],
    );
    expect(finds).toEqual([
      `whole: client secret ${hashPrefix(secret.value)}`,
      `json: private key ${hashPrefix(pem)}`,
      `one line: private key ${hashPrefix(pem)}`,
    ]);
    for (const find of finds) expect(find).not.toContain("AbCdEf");
  });
});
