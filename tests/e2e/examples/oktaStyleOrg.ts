import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { CreateStackOptions } from "../harness";
import { repoRoot } from "../harness/engine";

const run = promisify(execFile);

/** A stack's org named as a real one is, and a way to reach it from a process of the test's own. */
export interface OktaStyleOrg {
  /** createStack options: the emulator over HTTPS at https://<name>.localhost:<port>, config okta:orgName + okta:baseUrl. */
  stackOptions: Pick<CreateStackOptions, "emulatorOptions" | "orgConfig" | "env">;
  /** Sets up a private_key_jwt service app there (tests/serviceApp.ts), from a process that trusts the certificate. */
  createServiceApp(org: { url: string; apiToken: string }): Promise<{ id: string }>;
  cleanup(): Promise<void>;
}

/**
 * The emulator standing for an org configured exactly as the examples' READMEs say (`okta:orgName`, `okta:baseUrl`):
 * a certificate for `<name>.localhost` made here and trusted through NODE_EXTRA_CA_CERTS, `*.localhost` resolved to
 * loopback (harness/localhostNames.cjs), as tests/e2e/clientSecret/orgName.test.ts does. This test process cannot trust
 * the certificate (Node reads NODE_EXTRA_CA_CERTS at start), so what it must ask the org goes through a child process.
 */
export async function oktaStyleOrg(name: string): Promise<OktaStyleOrg> {
  const host = `${name}.localhost`;
  const dir = await mkdtemp(path.join(tmpdir(), "okcred-org-"));
  const [key, cert] = [path.join(dir, "key.pem"), path.join(dir, "cert.pem")];
  await run("openssl", [
    ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "1"],
    ...["-subj", `/CN=${host}`, "-addext", `subjectAltName=DNS:${host}`, "-keyout", key, "-out", cert],
  ]);
  const env = {
    NODE_OPTIONS: `--require ${path.join(repoRoot, "tests/e2e/harness/localhostNames.cjs")}`,
    NODE_EXTRA_CA_CERTS: cert,
  };
  return {
    stackOptions: {
      emulatorOptions: {
        tls: { key: await readFile(key, "utf8"), cert: await readFile(cert, "utf8") },
        hostname: host,
      },
      orgConfig: (url) => ({ "okta:orgName": name, "okta:baseUrl": `localhost:${new URL(url).port}` }),
      env,
    },
    async createServiceApp(org) {
      const script =
        'require("./tests/serviceApp").createServiceApp({ url: process.env.ORG_URL, apiToken: process.env.ORG_TOKEN })' +
        ".then((app) => process.stdout.write(JSON.stringify({ id: app.id })))";
      const { stdout } = await run(process.execPath, ["--require", "ts-node/register/transpile-only", "-e", script], {
        cwd: repoRoot,
        env: { ...process.env, ...env, ORG_URL: org.url, ORG_TOKEN: org.apiToken },
      });
      return JSON.parse(stdout) as { id: string };
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
