import { describe, expect, it } from "vitest";
import { errorShape, useOktaHarness, validatedResponses } from "./harness";

const okta = useOktaHarness();
type App = {
  id: string;
  status: string;
  created: string;
  credentials: { oauthClient: { client_id: string; client_secret?: string; token_endpoint_auth_method: string } };
  _links: Record<string, { href: string }>;
};

const oidcBody = (label: string, authMethod = "client_secret_basic") => ({
  name: "oidc_client",
  label,
  signOnMode: "OPENID_CONNECT",
  credentials: { oauthClient: { token_endpoint_auth_method: authMethod } },
  settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"] } },
});

describe("apps", () => {
  it("POST /api/v1/apps creates an OIDC app with Okta's id, timestamps, client_id and first secret", async () => {
    const created = await okta.api<App>("POST", "/api/v1/apps", { body: oidcBody("billing-service") });
    expect(created.status).toBe(200);
    expect(created.body.id).toMatch(/^0oa[A-Za-z0-9]{17}$/);
    expect(created.body.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
    expect(created.body.status).toBe("ACTIVE");
    expect(created.body.credentials.oauthClient.client_id).toBe(created.body.id);
    expect(created.body.credentials.oauthClient.client_secret).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(created.body._links.self?.href).toBe(`${okta.emulator.url}/api/v1/apps/${created.body.id}`);
    const [secret] = okta.emulator.state().apps[0]?.secrets ?? [];
    expect(secret?.client_secret).toBe(created.body.credentials.oauthClient.client_secret);
    // Okta shows the secret's value only when the app is created.
    const { client_secret: _shownOnce, ...withoutSecret } = created.body.credentials.oauthClient;
    const read = await okta.api<App>("GET", `/api/v1/apps/${created.body.id}`);
    expect(read.body).toEqual({ ...created.body, credentials: { oauthClient: withoutSecret } });
    expect(
      (await okta.api<App[]>("GET", "/api/v1/apps")).body[0]?.credentials.oauthClient.client_secret,
    ).toBeUndefined();
    expect(okta.emulator.state().apps[0]?.credentials.oauthClient.client_secret).toBeUndefined();
  });

  it("a private_key_jwt app starts with no secret; ?activate=false creates it INACTIVE", async () => {
    const created = await okta.api<App>("POST", "/api/v1/apps?activate=false", {
      body: oidcBody("jwt", "private_key_jwt"),
    });
    expect(created.body.status).toBe("INACTIVE");
    expect(created.body.credentials.oauthClient.client_secret).toBeUndefined();
    expect(okta.emulator.state().apps[0]?.secrets).toEqual([]);
  });

  it("lists apps in creation order with limit/after paging and a Link header", async () => {
    const ids: string[] = [];
    for (const label of ["a", "b", "c"]) ids.push((await okta.emulator.createApp({ label })).id);
    expect((await okta.api<App[]>("GET", "/api/v1/apps")).body.map((a) => a.id)).toEqual(ids);
    const first = await okta.api<App[]>("GET", "/api/v1/apps?limit=2");
    expect(first.body.map((a) => a.id)).toEqual(ids.slice(0, 2));
    expect(first.headers.get("link")).toContain(`after=${ids[1]}>; rel="next"`);
    const second = await okta.api<App[]>("GET", `/api/v1/apps?limit=2&after=${ids[1]}`);
    expect(second.body.map((a) => a.id)).toEqual(ids.slice(2));
    expect(second.headers.get("link")).not.toContain('rel="next"');
    expect((await okta.api<App[]>("GET", "/api/v1/apps?q=B")).body.map((a) => a.id)).toEqual([ids[1]]);
    expect((await okta.api<App[]>("GET", `/api/v1/apps?q=${ids[2]}`)).body.map((a) => a.id)).toEqual([ids[2]]);
  });

  it("deactivates, refuses to delete an ACTIVE app, deletes an INACTIVE one (204), then answers 404", async () => {
    const app = await okta.emulator.createApp();
    const refused = await okta.api("DELETE", `/api/v1/apps/${app.id}`);
    expect(refused.status).toBe(403);
    expect(errorShape(refused.body)).toEqual({
      errorCode: "E0000056",
      errorSummary: "Delete application forbidden.",
      errorCauses: [],
    });
    expect((await okta.api("POST", `/api/v1/apps/${app.id}/lifecycle/deactivate`)).body).toEqual({});
    expect((await okta.api<App>("GET", `/api/v1/apps/${app.id}`)).body.status).toBe("INACTIVE");
    expect((await okta.api("DELETE", `/api/v1/apps/${app.id}`)).status).toBe(204);
    const gone = await okta.api("GET", `/api/v1/apps/${app.id}`);
    expect(gone.status).toBe(404);
    expect(errorShape(gone.body)).toEqual({
      errorCode: "E0000007",
      errorSummary: `Not found: Resource not found: ${app.id} (AppInstance)`,
      errorCauses: [],
    });
  });

  it("refuses bodies that are not OIDC apps", async () => {
    const noLabel = await okta.api("POST", "/api/v1/apps", { body: { ...oidcBody(""), label: undefined } });
    expect(noLabel.status).toBe(400);
    expect(noLabel.body).toMatchObject({ errorCode: "E0000001", errorSummary: "Api validation failed: label" });
    const saml = await okta.api("POST", "/api/v1/apps", { body: { ...oidcBody("x"), signOnMode: "SAML_2_0" } });
    expect(saml.status).toBe(400);
    const badSecret = await okta.api("POST", "/api/v1/apps", {
      body: { ...oidcBody("x"), credentials: { oauthClient: { client_secret: "short" } } },
    });
    expect(badSecret.body).toMatchObject({ errorSummary: "Api validation failed: client_secret" });
    expect(okta.emulator.state().apps).toEqual([]);
  });

  it("takes a creator-supplied client_id and client_secret", async () => {
    const body = oidcBody("own");
    body.credentials.oauthClient = {
      ...body.credentials.oauthClient,
      client_id: "my-client-id",
      client_secret: "s".repeat(20),
    } as never;
    const created = await okta.api<App>("POST", "/api/v1/apps", { body });
    expect(created.body.credentials.oauthClient).toMatchObject({
      client_id: "my-client-id",
      client_secret: "s".repeat(20),
    });
  });

  it("PUT replaces the label and settings.oauthClient, keeps the client's identity and keys, and refuses what it cannot change", async () => {
    const created = await okta.api<App & { settings: { oauthClient: Record<string, unknown> } }>(
      "POST",
      "/api/v1/apps",
      {
        body: oidcBody("before"),
      },
    );
    const path = `/api/v1/apps/${created.body.id}`;
    const body = {
      ...oidcBody("after"),
      settings: {
        oauthClient: {
          application_type: "service",
          grant_types: ["client_credentials"],
          dpop_bound_access_tokens: true,
        },
      },
    };
    const replaced = await okta.api<App & { label: string; settings: { oauthClient: Record<string, unknown> } }>(
      "PUT",
      path,
      { body },
    );
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      id: created.body.id,
      label: "after",
      settings: { oauthClient: { dpop_bound_access_tokens: true, grant_types: ["client_credentials"] } },
    });
    expect(replaced.body.credentials.oauthClient.client_secret).toBeUndefined();
    expect(okta.emulator.state().apps[0]?.secrets).toHaveLength(1);
    const refusal = async (change: Record<string, unknown>) => {
      const answer = await okta.api("PUT", path, { body: { ...body, credentials: { oauthClient: change } } });
      expect(answer.status).toBe(400);
      return (answer.body as { errorSummary: string }).errorSummary;
    };
    expect(await refusal({ client_id: "another" })).toBe("Api validation failed: client_id");
    expect(await refusal({ token_endpoint_auth_method: "private_key_jwt" })).toBe(
      "Api validation failed: token_endpoint_auth_method",
    );
    const badDpop = {
      ...body,
      settings: { oauthClient: { ...body.settings.oauthClient, dpop_bound_access_tokens: "yes" } },
    };
    expect((await okta.api("PUT", path, { body: badDpop })).status).toBe(400);
    expect((await okta.api("PUT", "/api/v1/apps/0oa11111111111111111", { body })).status).toBe(404);
  });

  it("validated every response against Okta's spec", () => {
    expect(validatedResponses()).toBeGreaterThan(10);
  });
});
