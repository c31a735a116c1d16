import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStack, type E2EStack } from "../harness";

// What docs/troubleshooting.md says of `pulumi config set` (CLI v3.274.1, pkg/cmd/pulumi/config/config.go:
// looksLikeSecret): a plain value is refused when the key's name contains passwd, pass, password, pwd, secret or token
// and the value looks random, as Okta ids do; --plaintext (or --secret) sets it. Under other names an id is accepted.
const refusal =
  "looks like a secret; rerun with --secret to encrypt it, or --plaintext if you meant to store in plaintext";

describe("pulumi config set with Okta ids", () => {
  let stack: E2EStack;
  beforeAll(async () => {
    stack = await createStack({ program: path.join(__dirname, "../clientSecret/many") });
  });
  afterAll(async () => {
    await stack?.cleanup();
  });
  const set = (args: string[], expectFailure = false) => stack.pulumi(["config", "set", ...args], { expectFailure });

  it("refuses an ocs… or 0oa… id under a key named like a secret, and says how to set it", async () => {
    const secretId = await set(["adoptSecretId", "ocs2kq9x7WmZ4tP1e5d7"], true);
    expect(secretId.stderr).toContain(`error: config value for 'okta-e2e-many:adoptSecretId' ${refusal}`);
    const appId = await set(["tokenAppId", "0oa8f5j3ecb5w3dF65d7"], true);
    expect(appId.stderr).toContain(`config value for 'okta-e2e-many:tokenAppId' ${refusal}`);
    // And so it guards what is a secret: a random value (as an API token is) without --secret.
    const token = await set(["okta:apiToken", `00${randomBytes(30).toString("base64url")}`], true);
    expect(token.stderr).toContain(`config value for 'okta:apiToken' ${refusal}`);
  });

  it("sets it with --plaintext, and takes ids under other names as they are", async () => {
    await set(["--plaintext", "adoptSecretId", "ocs2kq9x7WmZ4tP1e5d7"]);
    await set(["appId", "0oa8f5j3ecb5w3dF65d7"]);
    await set(["adoptKeyId", "pks2kq9x7WmZ4tP1e5d7"]);
    await set(["okta:clientId", "0oa8f5j3ecb5w3dF65d7"]);
    const config = JSON.parse((await stack.pulumi(["config", "--json"])).stdout) as Record<string, { value: string }>;
    expect(config["okta-e2e-many:adoptSecretId"]?.value).toBe("ocs2kq9x7WmZ4tP1e5d7");
    expect(config["okta-e2e-many:appId"]?.value).toBe("0oa8f5j3ecb5w3dF65d7");
    expect(config["okta-e2e-many:adoptKeyId"]?.value).toBe("pks2kq9x7WmZ4tP1e5d7");
  });
});
