// The few Okta Management API calls the quickstart makes outside Pulumi, the way Okta's rotation guide makes them.
// Reads OKTA_ORG_URL and OKTA_API_TOKEN from the environment; never prints a secret value or the token.
//   node okta-api.cjs create-app <label>      create an OIDC web app; print its id
//   node okta-api.cjs secrets <appId>         print the app's client secrets (id, status, hash, dates), no values
//   node okta-api.cjs retire <appId> <id>     deactivate, then delete, one client secret
const [command, ...args] = process.argv.slice(2);
const org = process.env.OKTA_ORG_URL;
const token = process.env.OKTA_API_TOKEN;
if (!org || !token) {
  process.stderr.write("okta-api: set OKTA_ORG_URL and OKTA_API_TOKEN\n");
  process.exit(2);
}

async function okta(method, path, body) {
  const response = await fetch(`${org}${path}`, {
    method,
    headers: { Authorization: `SSWS ${token}`, Accept: "application/json", "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) {
    const error = text ? JSON.parse(text) : {};
    throw new Error(`${method} ${path}: HTTP ${response.status} ${error.errorCode ?? ""} ${error.errorSummary ?? ""}`);
  }
  return text ? JSON.parse(text) : undefined;
}

const commands = {
  async "create-app"(label) {
    const app = await okta("POST", "/api/v1/apps", {
      name: "oidc_client",
      label,
      signOnMode: "OPENID_CONNECT",
      credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_basic" } },
      settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"] } },
    });
    process.stdout.write(`${app.id}\n`);
  },
  async secrets(appId) {
    const secrets = await okta("GET", `/api/v1/apps/${appId}/credentials/secrets`);
    const rows = secrets.map((s) => [s.id, s.status, s.secret_hash, s.created]);
    const header = ["id", "status", "secret_hash", "created"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    for (const row of [header, ...rows])
      process.stdout.write(`  ${row.map((c, i) => c.padEnd(widths[i])).join("  ")}\n`);
  },
  async retire(appId, secretId) {
    await okta("POST", `/api/v1/apps/${appId}/credentials/secrets/${secretId}/lifecycle/deactivate`);
    await okta("DELETE", `/api/v1/apps/${appId}/credentials/secrets/${secretId}`);
  },
  async "first-secret"(appId) {
    const secrets = await okta("GET", `/api/v1/apps/${appId}/credentials/secrets`);
    process.stdout.write(`${secrets[0]?.id ?? ""}\n`);
  },
};

const run = commands[command];
if (!run) {
  process.stderr.write(`okta-api: unknown command "${command}"\n`);
  process.exit(2);
}
run(...args).catch((error) => {
  process.stderr.write(`okta-api: ${error.message}\n`);
  process.exit(1);
});
