import { exec } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type OktaEmulator, startOktaEmulator } from "../../../emulator/index";
import { main } from "../../../review/cli";
import { parseOrphansArgs, stateCredentials } from "../../../review/orphans";

// `okta-credentials orphans` against a started emulator: the state in the shape `pulumi stack export` writes (the
// package's dynamic resource types, a pending create that holds nothing), the org read with the provider's config and
// client from the environment, exit codes, the removal commands, --since, --delete and its refusal of an app's last
// ACTIVE secret; never a secret value or the token in what it prints.

const shell = promisify(exec);
let okta: OktaEmulator;
let dir: string;

beforeAll(async () => {
  okta = await startOktaEmulator({ port: 0, rateLimit: "off" });
  dir = await mkdtemp(path.join(tmpdir(), "okcred-orphans-"));
});
afterAll(async () => {
  await okta?.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => okta.reset());

async function api(method: string, p: string, body?: object): Promise<Record<string, string>> {
  const res = await fetch(`${okta.url}${p}`, {
    method,
    headers: { Authorization: `SSWS ${okta.apiToken}`, "Content-Type": "application/json", Accept: "application/json" },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  expect(res.status, `${method} ${p}`).toBeLessThan(300);
  return res.status === 204 ? {} : ((await res.json()) as Record<string, string>);
}

const secretType = "pulumi-nodejs:dynamic/okta:ClientSecret";
const keyType = "pulumi-nodejs:dynamic/okta:ClientJsonWebKey";

function exported(resources: object[], pending: object[] = []) {
  return JSON.stringify({ version: 3, deployment: { manifest: {}, resources, pending_operations: pending } });
}

async function run(args: string[], env: NodeJS.ProcessEnv = { OKTA_API_TOKEN: okta.apiToken }, stdin = "") {
  const out = new PassThrough();
  const err = new PassThrough();
  const input = new PassThrough();
  input.end(stdin);
  const chunks: string[] = [];
  const errs: string[] = [];
  out.on("data", (c) => chunks.push(String(c)));
  err.on("data", (c) => errs.push(String(c)));
  const saved = { ...process.env };
  for (const k of Object.keys(process.env)) if (k.startsWith("OKTA_")) delete process.env[k];
  Object.assign(process.env, env);
  try {
    const code = await main(["orphans", ...args], { stdin: input, stdout: out, stderr: err });
    return { code, stdout: chunks.join(""), stderr: errs.join("") };
  } finally {
    process.env = saved;
  }
}

function rsaJwk(kid: string) {
  const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...publicKey.export({ format: "jwk" }), kid, use: "sig", alg: "RS256" };
}

describe("okta-credentials orphans", () => {
  it("names what no resource holds, with its id, status, creation time and the calls that remove it; exit 1", async () => {
    const app = await okta.createApp();
    const own = okta.state().apps[0]?.secrets[0]?.id as string;
    const orphan = await api("POST", `/api/v1/apps/${app.id}/credentials/secrets`, {});
    const key = await api("POST", `/api/v1/apps/${app.id}/credentials/jwks`, rsaJwk("lost"));
    const state = exported(
      [
        { urn: "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev", type: "pulumi:pulumi:Stack" },
        {
          urn: "urn:pulumi:dev::p::pulumi-nodejs:dynamic/okta:ClientSecret::own",
          type: secretType,
          inputs: { appId: app.id },
          outputs: { appId: app.id, secretId: own, clientSecret: { ciphertext: "x" } },
        },
      ],
      // A key's create cut short: the state has its inputs, no id.
      [{ type: "creating", resource: { urn: "urn:…::k", type: keyType, inputs: { appId: app.id, generate: {} } } }],
    );
    const file = path.join(dir, "state.json");
    await writeFile(file, state);
    const r = await run(["--state", file, "--org-url", okta.url]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`app ${app.id}: 2 held by no resource of the stack (Okta holds 2 secrets, 1 key)`);
    expect(r.stdout).toMatch(new RegExp(`client secret ${orphan.id} {2}ACTIVE {2}created ${orphan.created}`));
    expect(r.stdout).toContain(`JSON Web Key (kid "lost") ${key.id}  ACTIVE`);
    expect(r.stdout).toContain("its private half is in no state");
    const base = `${okta.url}/api/v1/apps/${app.id}/credentials`;
    expect(r.stdout).toContain(
      `curl -fsS -X POST -H "Authorization: SSWS $OKTA_API_TOKEN" "${base}/secrets/${orphan.id}/lifecycle/deactivate"`,
    );
    expect(r.stdout).toContain(`curl -fsS -X DELETE -H "Authorization: SSWS $OKTA_API_TOKEN" "${base}/jwks/${key.id}"`);
    expect(r.stdout).not.toContain(own);
    const values = (okta.state().apps[0]?.secrets ?? []).map((s) => s.client_secret);
    expect(values).toHaveLength(2);
    for (const value of [okta.apiToken, ...values]) {
      expect(r.stdout).not.toContain(value);
    }
    expect(okta.state().apps[0]?.secrets).toHaveLength(2);

    // The commands printed work as given (the token from the environment, as a shell expands it).
    const before = okta.requests().length;
    // (Asynchronously: the emulator answers from this process.)
    const lines = r.stdout.split("\n").filter((l) => l.trim().startsWith("curl ") && l.includes(orphan.id as string));
    for (const line of lines) await shell(line.trim(), { env: { ...process.env, OKTA_API_TOKEN: okta.apiToken } });
    expect(okta.requests().length).toBe(before + 2);
    expect(okta.state().apps[0]?.secrets.map((s) => s.id)).toEqual([own]);
  });

  it("reads the state from stdin, and exits 0 when everything is held", async () => {
    const app = await okta.createApp();
    const own = okta.state().apps[0]?.secrets[0]?.id as string;
    const state = exported([{ urn: "u", type: secretType, outputs: { appId: app.id, secretId: own } }]);
    const r = await run(["--org-url", okta.url], { OKTA_API_TOKEN: okta.apiToken }, state);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`app ${app.id}: 0 held by no resource of the stack (Okta holds 1 secret, 0 keys)`);
  });

  it("--app adds an app; --since keeps only what was created at or after it; the org from OKTA_ORG_URL", async () => {
    const app = await okta.createApp();
    const other = await okta.createApp({ label: "other" });
    // Okta's times are to the second: the next second, waited for.
    const since = new Date(Math.ceil((Date.now() + 1) / 1000) * 1000).toISOString();
    await new Promise((r) => setTimeout(r, new Date(since).getTime() - Date.now() + 20));
    const late = await api("POST", `/api/v1/apps/${other.id}/credentials/secrets`, {});
    const state = exported([{ urn: "u", type: secretType, outputs: { appId: app.id, secretId: "nothing" } }]);
    const env = { OKTA_API_TOKEN: okta.apiToken, OKTA_ORG_URL: okta.url };
    const all = await run(["--app", other.id], env, state);
    expect(all.code).toBe(1);
    expect(all.stdout).toContain(`app ${other.id}: 2 held by no resource`);
    const recent = await run(["--app", other.id, "--since", since], env, state);
    expect(recent.stdout).toContain(`app ${app.id}: 0 held by no resource of the stack created since ${since}`);
    expect(recent.stdout).toContain(`app ${other.id}: 1 held by no resource of the stack created since`);
    expect(recent.stdout).toContain(late.id);
  });

  it("--delete deactivates then deletes the orphans, and keeps an app's only ACTIVE secret", async () => {
    const app = await okta.createApp();
    const only = await okta.createApp({ label: "only" });
    const orphan = await api("POST", `/api/v1/apps/${app.id}/credentials/secrets`, {});
    const own = okta.state().apps[0]?.secrets[0]?.id as string;
    const state = exported([{ urn: "u", type: secretType, outputs: { appId: app.id, secretId: own } }]);
    okta.clearRequests();
    const r = await run(["--delete", "--app", only.id, "--org-url", okta.url], undefined, state);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`deleted ${app.id}/${orphan.id}`);
    expect(r.stdout).toMatch(new RegExp(`kept ${only.id}/\\w+: the app's only ACTIVE secret`));
    const writes = okta.requests().filter((e) => e.method !== "GET");
    expect(writes.map((e) => `${e.method} ${e.path}`)).toEqual([
      `POST /api/v1/apps/${app.id}/credentials/secrets/${orphan.id}/lifecycle/deactivate`,
      `DELETE /api/v1/apps/${app.id}/credentials/secrets/${orphan.id}`,
    ]);
    const snapshot = okta.state();
    expect(snapshot.apps.find((a) => a.id === app.id)?.secrets.map((s) => s.id)).toEqual([own]);
    expect(snapshot.apps.find((a) => a.id === only.id)?.secrets).toHaveLength(1);
    // Nothing left but the kept one: a second run with --delete says so again (exit 1), without --app exits 0.
    expect((await run(["--delete", "--org-url", okta.url], undefined, state)).code).toBe(0);
  });

  it("bad input, a missing token and an unreachable org are exit 2, with the fix", async () => {
    expect((await run(["--since", "yesterday"], undefined, "{}")).stderr).toContain("--since must be an ISO 8601 time");
    expect((await run(["--bogus"], undefined, "{}")).stderr).toContain("unknown option --bogus");
    expect((await run(["--org-url", okta.url], undefined, "nope")).stderr).toContain("not JSON");
    expect((await run(["--org-url", okta.url], undefined, "{}")).stderr).toContain("no deployment in it");
    const empty = await run(["--org-url", okta.url], undefined, exported([{ urn: "s", type: "pulumi:pulumi:Stack" }]));
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("so it names no app: give the app with --app ID");
    const state = exported([{ urn: "u", type: secretType, outputs: { appId: "0oa1", secretId: "x" } }]);
    const noToken = await run(["--org-url", okta.url], {}, state);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain("no Okta credentials configured");
    const noOrg = await run([], { OKTA_API_TOKEN: okta.apiToken }, state);
    expect(noOrg.code).toBe(2);
    expect(noOrg.stderr).toContain("no Okta org configured");
    const plainHttp = await run(["--org-url", "http://example.com"], { OKTA_API_TOKEN: okta.apiToken }, state);
    expect(plainHttp.stderr).toContain("--org-url uses plain http:// for example.com");
    expect(plainHttp.stderr).not.toContain(okta.apiToken);
  });

  it("parses --opt=value, repeats --app, and reads the package's resource types and plugin types alike", () => {
    expect(parseOrphansArgs(["--app=a", "--app", "b", "--since=2026-01-01"])).toMatchObject({
      apps: ["a", "b"],
      since: new Date("2026-01-01"),
    });
    const held = stateCredentials(
      exported([
        { type: "okta-credentials:index:ClientSecret", outputs: { appId: "a", secretId: "s" } },
        { type: keyType, inputs: { appId: "b" }, outputs: { keyId: "k" } },
        { type: "pulumi:providers:okta-credentials", outputs: { appId: "c" } },
      ]),
    );
    expect(held.appIds).toEqual(["a", "b"]);
    expect([...held.held]).toEqual(["a/s", "b/k"]);
  });
});
