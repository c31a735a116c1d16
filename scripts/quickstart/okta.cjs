// What the quickstart shows of the org, through this package's own Okta client (never a fetch of its own), and the
// emulator's control API to make the apps a real org would already have. Reads OKTA_ORG_URL and OKTA_API_TOKEN from
// the environment; never prints a secret value or the token.
//   node okta.cjs create-app <label>   make an OIDC service app in the emulator (with its one secret); print its id
//   node okta.cjs first-secret <appId> print the id of the app's first secret
//   node okta.cjs secrets <appId>      print the app's client secrets: id, status, secret_hash, created; no values
const path = require("node:path");
const { oktaClientFromConfig } = require(path.join(__dirname, "../../dist/provider"));

const [command, ...args] = process.argv.slice(2);

async function createApp(label) {
  // The emulator's control API (loopback only): what an admin would have done in Okta's Admin Console.
  const response = await fetch(`${process.env.OKTA_ORG_URL}/__emulator/apps`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      label,
      settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"] } },
    }),
  });
  if (!response.ok) throw new Error(`creating app "${label}" in the emulator: HTTP ${response.status}`);
  process.stdout.write(`${(await response.json()).id}\n`);
}

const commands = {
  "create-app": createApp,
  async "first-secret"(appId) {
    const [first] = await oktaClientFromConfig().listClientSecrets(appId);
    process.stdout.write(`${first?.id ?? ""}\n`);
  },
  async secrets(appId) {
    const secrets = await oktaClientFromConfig().listClientSecrets(appId);
    const rows = secrets.map((s) => [s.id, s.status, s.secret_hash ?? "", s.created]);
    const header = ["id", "status", "secret_hash", "created"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    for (const row of [header, ...rows]) {
      process.stdout.write(`  ${row.map((c, i) => c.padEnd(widths[i])).join("  ")}\n`);
    }
  },
};

const run = commands[command];
if (!run) {
  process.stderr.write(`okta: unknown command "${command}"\n`);
  process.exit(2);
}
run(...args).catch((error) => {
  process.stderr.write(`okta: ${error.message}\n`);
  process.exit(1);
});
