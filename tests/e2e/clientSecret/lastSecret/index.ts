import * as pulumi from "@pulumi/pulumi";
import { ClientSecret, listClientSecretsOutput, RotatingClientSecret } from "pulumi-okta-credentials";

// Config: `appId` (set by the harness) and `mode`:
// - "retainOnDelete": a ClientSecret that takes over the harness app's only secret, with `retainOnDelete: true`;
// - "componentRetained": on the harness app, a RotatingClientSecret (adoptExisting) with `retainOnDelete: true`;
// - "deletedWith": an app made by the program and a ClientSecret that takes over its only secret, `deletedWith` the app;
// - "plain": the same without `deletedWith`;
// - "component": the same app, and a RotatingClientSecret (adoptExisting) whose options carry `deletedWith` the app.
const config = new pulumi.Config();
const mode = config.require("mode");

// A stand-in for @pulumi/okta's okta.app.OAuth, whose plugin cannot be downloaded here: an OIDC app made and deleted
// through the org's Management API (the emulator's), with the stack's own config, read in `configure` (nothing of it is
// captured into the serialized provider).
const session: { org: string | undefined; token: string | undefined } = { org: undefined, token: undefined };

async function call(method: string, path: string, body?: object): Promise<unknown> {
  const init: RequestInit = {
    method,
    headers: { Authorization: `SSWS ${session.token}`, Accept: "application/json", "Content-Type": "application/json" },
  };
  if (body) init.body = JSON.stringify(body);
  const response = await fetch(`${session.org}${path}`, init);
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}`);
  const text = await response.text();
  return text === "" ? undefined : JSON.parse(text);
}

const appProvider: pulumi.dynamic.ResourceProvider = {
  async configure(req) {
    session.org = req.config.get("okta-credentials:orgUrl");
    session.token = req.config.get("okta:apiToken");
  },
  async create(inputs) {
    const app = (await call("POST", "/api/v1/apps", {
      name: "oidc_client",
      signOnMode: "OPENID_CONNECT",
      label: inputs.label,
      credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_basic" } },
      settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"] } },
    })) as { id: string };
    return { id: app.id, outs: { label: inputs.label } };
  },
  async delete(id) {
    await call("POST", `/api/v1/apps/${id}/lifecycle/deactivate`);
    await call("DELETE", `/api/v1/apps/${id}`);
  },
};

class OidcApp extends pulumi.dynamic.Resource {
  constructor(name: string, label: string) {
    super(appProvider, name, { label }, {}, "e2e", "OidcApp");
  }
}

/** The app's only secret (Okta makes one with every new app). */
function onlySecretOf(appId: pulumi.Input<string>): pulumi.Output<string> {
  return listClientSecretsOutput({ appId }).apply((held) => held.secrets[0]?.secretId ?? "");
}

if (mode === "retainOnDelete") {
  const appId = config.require("appId");
  new ClientSecret("kept", { appId, adoptSecretId: onlySecretOf(appId) }, { retainOnDelete: true });
} else if (mode === "componentRetained") {
  new RotatingClientSecret(
    "kept",
    {
      appId: config.require("appId"),
      rotateEvery: "P30D",
      retireAfter: "P7D",
      anchor: "2030-01-01",
      adoptExisting: true,
    },
    { retainOnDelete: true },
  );
} else {
  const app = new OidcApp("app", "deleted with its credentials");
  if (mode === "deletedWith" || mode === "plain") {
    const opts = mode === "deletedWith" ? { deletedWith: app } : {};
    new ClientSecret("secret", { appId: app.id, adoptSecretId: onlySecretOf(app.id) }, opts);
  } else {
    new RotatingClientSecret(
      "rotating",
      { appId: app.id, rotateEvery: "P30D", retireAfter: "P7D", anchor: "2030-01-01", adoptExisting: true },
      { deletedWith: app },
    );
  }
}
