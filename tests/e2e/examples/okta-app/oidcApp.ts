import * as pulumi from "@pulumi/pulumi";

// A stand-in for @pulumi/okta's okta.app.OAuth, whose plugin cannot be downloaded here: a dynamic resource that makes
// an OAuth service app through Okta's Management API (`POST /api/v1/apps`), which comes with one client secret as any
// new app does, and that deactivates and deletes it on delete. The org and token come from the stack config, as
// @pulumi/okta's do (the harness's `okta-credentials:orgUrl` and `okta:apiToken`). Serialized by value into state.

interface OidcAppInputs {
  label: string;
}

const org: { url?: string | undefined; apiToken?: string | undefined } = {};

async function call(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${org.url}${path}`, {
    method,
    headers: { Authorization: `SSWS ${org.apiToken}`, "Content-Type": "application/json", Accept: "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: Okta HTTP ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

const oidcAppProvider: pulumi.dynamic.ResourceProvider<OidcAppInputs, OidcAppInputs & { clientId: string }> = {
  async configure(req) {
    org.url = req.config.get("okta-credentials:orgUrl");
    org.apiToken = req.config.get("okta:apiToken");
  },
  async create(inputs) {
    const app = (await call("POST", "/api/v1/apps", {
      name: "oidc_client",
      label: inputs.label,
      signOnMode: "OPENID_CONNECT",
      credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_basic" } },
      settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"] } },
    })) as { id: string; credentials: { oauthClient: { client_id: string } } };
    return { id: app.id, outs: { label: inputs.label, clientId: app.credentials.oauthClient.client_id } };
  },
  async delete(id) {
    await call("POST", `/api/v1/apps/${id}/lifecycle/deactivate`);
    await call("DELETE", `/api/v1/apps/${id}`);
  },
};

export class OidcApp extends pulumi.dynamic.Resource {
  declare readonly clientId: pulumi.Output<string>;

  constructor(name: string, args: { label: pulumi.Input<string> }, opts?: pulumi.CustomResourceOptions) {
    super(oidcAppProvider, name, { ...args, clientId: undefined }, opts, "e2e", "OidcApp");
  }
}
