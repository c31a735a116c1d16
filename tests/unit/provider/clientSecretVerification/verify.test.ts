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

// The verification's hooks against the emulator's strict org authorization server: the token endpoint is asked
// whether the secret authenticates, and the answer decides whether the `up` may go on.
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

const tokenRequests = () => emulator.requests().filter((r) => r.path === "/oauth2/v1/token");

describe("ClientSecretVerification against the token endpoint", () => {
  it("accepts a secret the token endpoint authenticates, and records no secret value", async () => {
    const { secret, inputs } = await appWithSecret();
    const created = (await hooks.create(inputs)) as CreateResult<ClientSecretVerificationOutputs>;
    expect(created.outs).toMatchObject({
      appId: inputs.appId,
      secretId: secret.id,
      secretHash: secret.secret_hash,
      checkedFor: inputs.checkedFor,
      answer: "HTTP 400 invalid_scope",
      tokenEndpoint: `${emulator.url}/oauth2/v1/token`,
      resourceUrn: urn,
    });
    expect(Date.parse(created.outs?.verifiedAt ?? "")).toBeGreaterThan(Date.now() - 60_000);
    expect(JSON.stringify(created)).not.toContain(secret.client_secret);
    // One request, the secret in a Basic header, no scope asked for.
    expect(tokenRequests()).toEqual([expect.objectContaining({ method: "POST", status: 400, auth: "Basic" })]);
  });

  it("accepts a secret of an app without the client_credentials grant: Okta authenticated it first", async () => {
    const { inputs } = await appWithSecret({
      settings: { oauthClient: { grant_types: ["authorization_code"], redirect_uris: ["https://example.com/cb"] } },
    });
    const created = await hooks.create(inputs);
    expect(created.outs?.answer).toBe("HTTP 400 unauthorized_client");
  });

  it("fails when Okta refuses the secret (invalid_client), saying the previous secret stays ACTIVE", async () => {
    const { app, secret, inputs } = await appWithSecret();
    // This run read the app's secrets; then the value is changed outside Pulumi, so the one sent is refused.
    await clientSecretKind.ledger(app.id).itemsNow();
    emulator.regenerateSecret(app.id, secret.id);
    const error = (await hooks.create(inputs).catch((e: Error) => e)) as Error;
    expect(error.message).toContain(
      `verifying client secret ${secret.id} of app ${app.id} at the token endpoint: Okta refused it (HTTP 401 invalid_client: The client secret supplied for a confidential client is invalid.)`,
    );
    expect(error.message).toContain("the previous secret stays ACTIVE");
    expect(error.message).not.toContain(secret.client_secret);
  });

  it("fails when the token endpoint cannot answer (a 5xx), without retrying and without the secret", async () => {
    const { secret, inputs } = await appWithSecret();
    emulator.faults.inject({ path: "/oauth2/v1/token$", status: 503 });
    const error = (await hooks.create(inputs).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(
      /^verifying client secret .* \(nothing that depends on this check ran: the previous secret stays ACTIVE; run `pulumi up` again when the token endpoint answers\): .*: Okta HTTP 503 /,
    );
    expect(error.message).not.toContain(secret.client_secret);
    expect(tokenRequests()).toHaveLength(1);
  });

  it("refuses an INACTIVE secret or a value other than the one expected, before asking the token endpoint", async () => {
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
    expect(tokenRequests()).toEqual([]);
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
