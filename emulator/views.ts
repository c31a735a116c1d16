import type { AppRecord, GrantRecord, JwkRecord, RoleRecord, SecretRecord } from "./state/records";
import { STANDARD_ROLES } from "./state/roles";
import type { OktaApp, OktaClientRole, OktaClientSecret, OktaJsonWebKey, OktaLink, OktaScopeGrant } from "./types";

function link(href: string, method?: string): OktaLink {
  return method ? { href, hints: { allow: [method] } } : { href };
}

/** The newest ACTIVE secret: what Okta puts in the app's `credentials.oauthClient.client_secret`. */
function currentSecret(app: AppRecord): SecretRecord | undefined {
  return app.secrets.filter((s) => s.status === "ACTIVE").at(-1);
}

/**
 * An app as Okta renders it, links on `origin`. The client secret's value is shown only in the answer that created the
 * app (`withSecret`): Okta never returns it from a GET ("only shown on the initial creation of a client application";
 * the secret itself stays readable through `/credentials/secrets`).
 */
export function renderApp(app: AppRecord, origin: string, withSecret = false): OktaApp {
  const base = `${origin}/api/v1/apps/${app.id}`;
  const secret = withSecret ? currentSecret(app) : undefined;
  const oauthClient: OktaApp["credentials"]["oauthClient"] = {
    autoKeyRotation: app.autoKeyRotation,
    client_id: app.clientId,
    pkce_required: app.pkceRequired,
    token_endpoint_auth_method: app.authMethod,
  };
  if (secret) oauthClient.client_secret = secret.secret;
  const settings = structuredClone(app.oauthSettings);
  const jwks = app.jwks.map((k) => ({ ...k.key, status: k.status }));
  return {
    id: app.id,
    name: "oidc_client",
    label: app.label,
    status: app.status,
    created: app.created,
    lastUpdated: app.lastUpdated,
    signOnMode: "OPENID_CONNECT",
    credentials: { oauthClient },
    settings: { oauthClient: jwks.length > 0 ? { ...settings, jwks: { keys: jwks } } : settings },
    _links: {
      self: link(base),
      ...(app.status === "ACTIVE"
        ? { deactivate: link(`${base}/lifecycle/deactivate`, "POST") }
        : { activate: link(`${base}/lifecycle/activate`, "POST") }),
      users: link(`${base}/users`),
      groups: link(`${base}/groups`),
    },
  };
}

function lifecycleLinks(base: string, status: "ACTIVE" | "INACTIVE", canDeactivate: boolean): Record<string, OktaLink> {
  if (status === "INACTIVE")
    return { activate: link(`${base}/lifecycle/activate`, "POST"), delete: link(base, "DELETE") };
  return canDeactivate ? { deactivate: link(`${base}/lifecycle/deactivate`, "POST") } : {};
}

/** A client secret as Okta renders it (`OAuth2ClientSecret`). */
export function renderSecret(appId: string, secret: SecretRecord, origin: string): OktaClientSecret {
  return {
    id: secret.id,
    status: secret.status,
    client_secret: secret.secret,
    secret_hash: secret.hash,
    created: secret.created,
    lastUpdated: secret.lastUpdated,
    _links: lifecycleLinks(`${origin}/api/v1/apps/${appId}/credentials/secrets/${secret.id}`, secret.status, true),
  };
}

/** A client JSON Web Key as Okta renders it; an active encryption key has no lifecycle link (it cannot be deactivated). */
export function renderJwk(appId: string, jwk: JwkRecord, origin: string): OktaJsonWebKey {
  const base = `${origin}/api/v1/apps/${appId}/credentials/jwks/${jwk.id}`;
  const links = lifecycleLinks(base, jwk.status, jwk.key.use !== "enc");
  const rendered: OktaJsonWebKey = {
    id: jwk.id,
    ...jwk.key,
    status: jwk.status,
    created: jwk.created,
    lastUpdated: jwk.lastUpdated,
  };
  if (Object.keys(links).length > 0) rendered._links = links;
  return rendered;
}

/** A scope grant as Okta renders it (`OAuth2ScopeConsentGrant`, the spec's `AppGrantsEx`). */
export function renderGrant(app: AppRecord, grant: GrantRecord, origin: string): OktaScopeGrant {
  const appHref = `${origin}/api/v1/apps/${app.id}`;
  return {
    id: grant.id,
    status: "ACTIVE",
    created: grant.created,
    lastUpdated: grant.lastUpdated,
    // The org authorization server's issuer: the org's URL (the only issuer a grant may name here).
    issuer: origin,
    clientId: app.clientId,
    scopeId: grant.scopeId,
    source: "ADMIN",
    _embedded: { scope: { id: grant.scopeId } },
    _links: {
      app: { href: appHref, title: app.label },
      self: { href: `${appHref}/grants/${grant.id}`, hints: { allow: ["GET", "DELETE"] } },
      client: { href: `${origin}/oauth2/v1/clients/${app.clientId}`, title: app.label },
    },
  };
}

/** Okta's JSON for a standard role assigned to a client app (`StandardRole`, `assignmentType: CLIENT`). */
export function renderClientRole(app: AppRecord, role: RoleRecord, origin: string): OktaClientRole {
  return {
    id: role.id,
    label: STANDARD_ROLES[role.type] ?? role.type,
    type: role.type,
    status: "ACTIVE",
    created: role.created,
    lastUpdated: role.lastUpdated,
    assignmentType: "CLIENT",
    _links: { assignee: { href: `${origin}/oauth2/v1/clients/${app.clientId}/roles` } },
  };
}
