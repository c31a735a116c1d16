import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OktaEmulator, startOktaEmulator } from "../../../emulator/index";
import { createStack, type E2EStack } from "../harness";
import { secretMutations, secretsOf } from "./oktaHistory";

// A stack configured exactly as for @pulumi/okta: `okta:orgName` + `okta:baseUrl` + `okta:apiToken`, nothing in a
// namespace of this package. The org is the emulator over HTTPS at https://e2e-org.localhost:<port> (a certificate
// made here, trusted through NODE_EXTRA_CA_CERTS; `*.localhost` resolved to loopback, see localhostNames.cjs). A stray
// OKTA_ORG_URL in the environment points at a decoy org, which must never hear from the stack.
const run = promisify(execFile);
const fixture = path.join(__dirname, "fixture");
const host = "e2e-org.localhost";

describe("a stack configured with okta:orgName and okta:baseUrl only", () => {
  let dir: string;
  let tls: { key: string; cert: string };
  let decoy: OktaEmulator;
  let stack: E2EStack | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "okcred-tls-"));
    const [key, cert] = [path.join(dir, "key.pem"), path.join(dir, "cert.pem")];
    await run("openssl", [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:P-256",
      "-nodes",
      "-days",
      "1",
      "-subj",
      `/CN=${host}`,
      "-addext",
      `subjectAltName=DNS:${host}`,
      "-keyout",
      key,
      "-out",
      cert,
    ]);
    tls = { key: await readFile(key, "utf8"), cert: await readFile(cert, "utf8") };
    decoy = await startOktaEmulator({ rateLimit: "off" });
  });
  afterAll(async () => {
    await stack?.cleanup();
    await decoy?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("adopts and rotates over HTTPS at the org the config names, never at the one the environment names", async () => {
    const s = await createStack({
      program: fixture,
      emulatorOptions: { tls, hostname: host },
      orgConfig: (url) => ({ "okta:orgName": "e2e-org", "okta:baseUrl": `localhost:${new URL(url).port}` }),
      env: {
        NODE_OPTIONS: `--require ${path.join(__dirname, "../harness/localhostNames.cjs")}`,
        NODE_EXTRA_CA_CERTS: path.join(dir, "cert.pem"),
        OKTA_ORG_URL: decoy.url,
      },
    });
    stack = s;
    expect(s.emulator.url).toMatch(/^https:\/\/e2e-org\.localhost:\d+$/);
    const config = await readFile(path.join(s.workDir, "Pulumi.e2e.yaml"), "utf8");
    expect(config).toContain("okta:orgName: e2e-org");
    expect(config).not.toMatch(/orgUrl|okta-credentials:/);

    const [initial] = secretsOf(s.emulator, s.app.id);
    await s.setConfig("adopt", initial?.id as string);
    expect((await s.up()).counts).toMatchObject({ create: 2 });
    await s.pulumi(["config", "rm", "adopt"]);
    await s.setConfig("rotation", "2");
    s.emulator.clearRequests();
    expect((await s.up()).counts).toMatchObject({ replace: 1 });
    const base = `/api/v1/apps/${s.app.id}/credentials/secrets`;
    expect(secretMutations(s.emulator)).toEqual([
      `POST ${base} 201`,
      `POST ${base}/${initial?.id}/lifecycle/deactivate 200`,
      `DELETE ${base}/${initial?.id} 204`,
    ]);
    expect(decoy.requests()).toEqual([]);
  });
});
