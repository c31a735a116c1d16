import type { CreateResult } from "@pulumi/pulumi/dynamic";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { OktaEmulator } from "../../../../emulator/index";
import { providers } from "../../../../provider";
import { clientSecretKind } from "../../../../provider/resources/clientSecret/kind";
import type {
  ClientSecretVerificationInputs,
  ClientSecretVerificationOutputs,
} from "../../../../provider/resources/clientSecretVerification/types";
import { newRun } from "../engineCalls";
import { secretsOf, startHookHarness } from "../harness";

// The verification's hooks against the emulator's strict org authorization server: a random token is introspected with
// the secret as the client's authentication, and the answer decides whether the `up` may go on.
const hooks = providers.ClientSecretVerification;
let emulator: OktaEmulator;

beforeAll(async () => {
  ({ emulator } = await startHookHarness());
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset();
  newRun();
});

const urn =
  "urn:pulumi:test::unit::pulumi-okta-credentials:index:RotatingClientSecret$pulumi-nodejs:dynamic/okta:ClientSecretVerification::api-verify";

async function appWithSecret(body?: object) {
  const app = await emulator.createApp(body as never);
  const [secret] = secretsOf(emulator, app.id);
  if (!secret) throw new Error("the emulator made the app without a secret");
  const inputs: ClientSecretVerificationInputs = {
    appId: app.id,
    secretId: secret.id,
    secretHash: secret.secret_hash,
    checkedFor: "generation 2, previous ACTIVE",
    resourceUrn: urn,
  };
  return { app, secret, inputs };
}

const INTROSPECT = "/oauth2/v1/introspect";
const checks = () => emulator.requests().filter((r) => r.path.startsWith("/oauth2/"));

describe("ClientSecretVerification against the introspection endpoint", () => {
  it("accepts a secret the introspection endpoint authenticates, and records no secret value", async () => {
    const { secret, inputs } = await appWithSecret();
    const created = (await hooks.create(inputs)) as CreateResult<ClientSecretVerificationOutputs>;
    expect(created.outs).toMatchObject({
      appId: inputs.appId,
      secretId: secret.id,
      secretHash: secret.secret_hash,
      checkedFor: inputs.checkedFor,
      answer: 'HTTP 200 {"active":false}',
      endpoint: `${emulator.url}${INTROSPECT}`,
      resourceUrn: urn,
    });
    expect(Date.parse(created.outs?.verifiedAt ?? "")).toBeGreaterThan(Date.now() - 60_000);
    expect(JSON.stringify(created)).not.toContain(secret.client_secret);
    // One request, the secret in a Basic header (the app's client_secret_basic).
    expect(checks()).toEqual([
      expect.objectContaining({ method: "POST", path: INTROSPECT, status: 200, auth: "Basic" }),
    ]);
  });

  it("accepts a secret of an app without the client_credentials grant: introspection has no grant rule", async () => {
    const { inputs } = await appWithSecret({
      settings: { oauthClient: { grant_types: ["authorization_code"], redirect_uris: ["https://example.com/cb"] } },
    });
    const created = await hooks.create(inputs);
    expect(created.outs?.answer).toBe('HTTP 200 {"active":false}');
  });

  it("fails when Okta refuses the secret (invalid_client), saying the previous secret stays ACTIVE", async () => {
    const { app, secret, inputs } = await appWithSecret();
    // This run read the app's secrets; then the value is changed outside Pulumi, so the one sent is refused.
    await clientSecretKind.ledger(app.id).itemsNow();
    emulator.regenerateSecret(app.id, secret.id);
    const error = (await hooks.create(inputs).catch((e: Error) => e)) as Error;
    expect(error.message).toContain(
      `verifying client secret ${secret.id} of app ${app.id}: Okta refused it at the introspection endpoint (HTTP 401 invalid_client: The client secret supplied for a confidential client is invalid.)`,
    );
    expect(error.message).toContain("the previous secret stays ACTIVE");
    expect(error.message).not.toContain(secret.client_secret);
  });

  it("fails when the introspection endpoint cannot answer (a 5xx), without retrying and without the secret", async () => {
    const { secret, inputs } = await appWithSecret();
    emulator.faults.inject({ path: `${INTROSPECT}$`, status: 503 });
    const error = (await hooks.create(inputs).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(
      /^verifying client secret .* \(nothing that depends on this check ran: the previous secret stays ACTIVE; run `pulumi up` again when Okta answers\): introspecting a random token as client .*: Okta HTTP 503 /,
    );
    expect(error.message).not.toContain(secret.client_secret);
    expect(checks()).toHaveLength(1);
  });

  it("refuses an INACTIVE secret or a value other than the one expected, before asking Okta", async () => {
    const { app, secret, inputs } = await appWithSecret();
    await expect(hooks.create({ ...inputs, secretHash: "AAAAAAAAAAAAAAAAAAAAAA" })).rejects.toThrow(
      `Okta holds a different value under ${secret.id} than the one expected`,
    );
    const spare = await fetch(`${emulator.url}/api/v1/apps/${app.id}/credentials/secrets`, {
      method: "POST",
      headers: { Authorization: `SSWS ${emulator.apiToken}`, "Content-Type": "application/json" },
      body: "{}",
    });
    expect(spare.status).toBe(201);
    await fetch(`${emulator.url}/api/v1/apps/${app.id}/credentials/secrets/${secret.id}/lifecycle/deactivate`, {
      method: "POST",
      headers: { Authorization: `SSWS ${emulator.apiToken}` },
    });
    newRun();
    await expect(hooks.update("x", {} as ClientSecretVerificationOutputs, inputs)).rejects.toThrow(
      "the secret is INACTIVE in Okta, so it cannot authenticate",
    );
    expect(checks()).toEqual([]);
  });

  it("checks again whenever what it checks changes, never replaces, and leaves Okta alone on refresh and delete", async () => {
    const { inputs } = await appWithSecret();
    const created = await hooks.create(inputs);
    const outs = created.outs as ClientSecretVerificationOutputs;
    expect(await hooks.diff(created.id, outs, inputs)).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
    const next = { ...inputs, checkedFor: "generation 2, previous INACTIVE" };
    expect(await hooks.diff(created.id, outs, next)).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    emulator.clearRequests();
    expect(await hooks.read(created.id, outs)).toEqual({ id: created.id, props: outs });
    await hooks.delete(created.id, outs);
    expect(emulator.requests()).toEqual([]);
  });

  it("authenticates the way the app's token_endpoint_auth_method says: basic, post, or an HS256 assertion", async () => {
    for (const [method, presented, auth] of [
      ["client_secret_basic", "client_secret_basic", "Basic"],
      ["client_secret_post", "client_secret_post", undefined],
      ["client_secret_jwt", "client_assertion", undefined],
    ] as const) {
      const { secret, inputs } = await appWithSecret({
        credentials: { oauthClient: { token_endpoint_auth_method: method } },
      });
      emulator.clearRequests();
      const created = await hooks.create(inputs);
      expect(created.outs?.answer, method).toBe('HTTP 200 {"active":false}');
      expect(checks(), method).toEqual([
        expect.objectContaining({ path: INTROSPECT, status: 200, clientAuth: presented }),
      ]);
      expect(checks()[0]?.auth, method).toBe(auth);
      expect(JSON.stringify(created)).not.toContain(secret.client_secret);
    }
  });

  it("fails when the secret went INACTIVE at Okta after the run read it: Okta refuses it", async () => {
    const { app, secret, inputs } = await appWithSecret();
    const secrets = `${emulator.url}/api/v1/apps/${app.id}/credentials/secrets`;
    const auth = { Authorization: `SSWS ${emulator.apiToken}` };
    expect(
      (await fetch(secrets, { method: "POST", headers: { ...auth, "Content-Type": "application/json" }, body: "{}" }))
        .status,
    ).toBe(201);
    // This run's list still says ACTIVE; Okta's copy is INACTIVE when the check is made.
    await clientSecretKind.ledger(app.id).itemsNow();
    await fetch(`${secrets}/${secret.id}/lifecycle/deactivate`, { method: "POST", headers: auth });
    emulator.clearRequests();
    const error = (await hooks.create(inputs).catch((e: Error) => e)) as Error;
    expect(error.message).toContain(
      "Okta refused it at the introspection endpoint (HTTP 401 invalid_client: The client secret supplied for a confidential client is invalid.)",
    );
    expect(checks()).toEqual([expect.objectContaining({ path: INTROSPECT, status: 401 })]);
  });

  it("refuses a wrong secret whichever way it is sent, never repeating it", async () => {
    for (const method of ["client_secret_basic", "client_secret_post", "client_secret_jwt"] as const) {
      const { app, secret, inputs } = await appWithSecret({
        credentials: { oauthClient: { token_endpoint_auth_method: method } },
      });
      await clientSecretKind.ledger(app.id).itemsNow();
      // Okta's copy changes after this run read it: the value sent is the old one.
      const changed = emulator.regenerateSecret(app.id, secret.id);
      const error = (await hooks.create(inputs).catch((e: Error) => e)) as Error;
      const expected =
        method === "client_secret_jwt"
          ? "HTTP 401 invalid_client: The client_assertion signature is invalid."
          : "HTTP 401 invalid_client: The client secret supplied for a confidential client is invalid.";
      expect(error.message, method).toContain(`Okta refused it at the introspection endpoint (${expected})`);
      for (const value of [secret.client_secret, changed.client_secret]) expect(error.message).not.toContain(value);
    }
  });

  it("proves the secret of an app that requires DPoP without a DPoP proof, and refuses a wrong one there too", async () => {
    const dpop = { settings: { oauthClient: { dpop_bound_access_tokens: true, grant_types: ["client_credentials"] } } };
    const { inputs } = await appWithSecret(dpop);
    expect((await hooks.create(inputs)).outs?.answer).toBe('HTTP 200 {"active":false}');
    const { app, secret, inputs: wrong } = await appWithSecret(dpop);
    await clientSecretKind.ledger(app.id).itemsNow();
    emulator.regenerateSecret(app.id, secret.id);
    await expect(hooks.create(wrong)).rejects.toThrow("Okta refused it at the introspection endpoint (HTTP 401");
  });

  it("asks the token endpoint only where the introspection endpoint is not served, and says so", async () => {
    const { app, secret, inputs } = await appWithSecret();
    emulator.faults.inject({ path: `${INTROSPECT}$`, status: 404, count: 2 });
    const created = await hooks.create(inputs);
    expect(created.outs).toMatchObject({
      answer: "HTTP 400 invalid_scope (the introspection endpoint answered HTTP 404)",
      endpoint: `${emulator.url}/oauth2/v1/token`,
    });
    expect(checks().map((r) => `${r.path} ${r.status}`)).toEqual([`${INTROSPECT} 404`, "/oauth2/v1/token 400"]);
    await clientSecretKind.ledger(app.id).itemsNow();
    emulator.regenerateSecret(app.id, secret.id);
    const error = (await hooks.create(inputs).catch((e: Error) => e)) as Error;
    expect(error.message).toContain("Okta refused it at the token endpoint (HTTP 401 invalid_client");
  });

  it("reports an answer that is not Okta's as not checked, never as a pass", async () => {
    const { secret, inputs } = await appWithSecret();
    // A proxy's page with a 200 in front of the org: no introspection answer.
    emulator.faults.inject({ path: `${INTROSPECT}$`, html: true, status: 200 });
    const error = (await hooks.create(inputs).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(
      /^verifying client secret .*run `pulumi up` again when Okta answers\): introspecting/,
    );
    expect(error.message).toContain("HTML");
    expect(error.message).not.toContain(secret.client_secret);
  });

  it("check names each bad input and lets values unknown at preview through", async () => {
    const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    const bad = {
      appId: "my-app",
      secretId: 7,
      secretHash: "",
      checkedFor: unknown,
    } as unknown as ClientSecretVerificationInputs;
    const { failures } = await hooks.check({} as ClientSecretVerificationInputs, bad);
    expect(failures?.map((f) => f.property)).toEqual(["appId", "secretId", "secretHash"]);
    expect(failures?.[0]?.reason).toBe(
      'appId must be an Okta id of 20 letters and digits, like 0oa1b2c3d4e5f6g7h8i9, got "my-app"',
    );
    const later = { appId: "0oa1b2c3d4e5f6g7h8i9", secretId: unknown, secretHash: unknown, checkedFor: "g" };
    expect((await hooks.check({} as ClientSecretVerificationInputs, later as never)).failures).toBeUndefined();
  });
});
