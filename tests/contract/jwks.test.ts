import { describe, expect, it } from "vitest";
import {
  describeErrorExamples,
  type ErrorTrigger,
  type OktaHarness,
  useOktaHarness,
  validatedResponses,
} from "./harness";
import { testKey } from "./keys";

const okta = useOktaHarness();
type Jwk = { id: string; kid: string; status: string; _links?: Record<string, { href: string }> };
const jwksPath = (appId: string) => `/api/v1/apps/${appId}/credentials/jwks`;

async function appWith(h: OktaHarness, authMethod = "client_secret_basic", extra: Record<string, unknown> = {}) {
  const app = await h.emulator.createApp({
    credentials: { oauthClient: { token_endpoint_auth_method: authMethod as "client_secret_basic" } },
    settings: { oauthClient: { grant_types: ["client_credentials"], ...extra } },
  });
  return app.id;
}

async function addKey(h: OktaHarness, appId: string, jwk: Record<string, unknown>) {
  return h.api<Jwk>("POST", jwksPath(appId), { body: jwk });
}

const provoke: Record<string, ErrorTrigger> = {
  ErrorClientJsonWebKeyNonUniqueKid: async (h) => {
    const appId = await appWith(h);
    await addKey(h, appId, testKey("EC").jwk);
    return addKey(h, appId, testKey("EC", { kid: "second" }).jwk);
  },
  ErrorClientJsonWebKeyDuplicateKid: async (h) => {
    const appId = await appWith(h);
    await addKey(h, appId, testKey("EC", { kid: "same" }).jwk);
    return addKey(h, appId, testKey("EC", { kid: "same" }).jwk);
  },
  ErrorClientJsonWebKeyKidLengthTooShort: async (h) =>
    addKey(h, await appWith(h), testKey("RSA", { kid: "small", bits: 1024 }).jwk),
  ErrorClientJsonWebKeyTooManyKids: async (h) => {
    const appId = await appWith(h);
    for (let i = 0; i < 50; i++) expect((await addKey(h, appId, testKey("EC", { kid: `k${i}` }).jwk)).status).toBe(201);
    return addKey(h, appId, testKey("EC", { kid: "k50" }).jwk);
  },
  ErrorOnlyOneActiveEncryptionKeyAllowed: async (h) => {
    const appId = await appWith(h);
    await addKey(h, appId, testKey("RSA", { kid: "enc1", use: "enc" }).jwk);
    return addKey(h, appId, testKey("RSA", { kid: "enc2", use: "enc" }).jwk);
  },
  ErrorDeleteActiveJsonWebKey: async (h) => {
    const appId = await appWith(h);
    const key = await addKey(h, appId, testKey("EC", { kid: "a" }).jwk);
    return h.api("DELETE", `${jwksPath(appId)}/${key.body.id}`);
  },
  ErrorDeactivateTheOnlyKeyWithPrivateKeyJwtAuthMethod: async (h) => {
    const appId = await appWith(h, "private_key_jwt");
    const key = await addKey(h, appId, testKey("EC", { kid: "only" }).jwk);
    return h.api("POST", `${jwksPath(appId)}/${key.body.id}/lifecycle/deactivate`);
  },
  ErrorDeactivateTheOnlyKeyWithRequestObjectSignAlgorithm: async (h) => {
    const appId = await appWith(h, "client_secret_basic", { request_object_signing_alg: "ES256" });
    const key = await addKey(h, appId, testKey("EC", { kid: "es" }).jwk);
    await addKey(h, appId, testKey("RSA", { kid: "rs" }).jwk);
    return h.api("POST", `${jwksPath(appId)}/${key.body.id}/lifecycle/deactivate`);
  },
  ErrorDeactivateEncryptionKey: async (h) => {
    const appId = await appWith(h);
    const key = await addKey(h, appId, testKey("RSA", { kid: "enc", use: "enc" }).jwk);
    return h.api("POST", `${jwksPath(appId)}/${key.body.id}/lifecycle/deactivate`);
  },
};

describeErrorExamples(
  "JSON Web Key errors are Okta's, byte for byte",
  [
    "POST /api/v1/apps/{appId}/credentials/jwks",
    "DELETE /api/v1/apps/{appId}/credentials/jwks/{keyId}",
    "POST /api/v1/apps/{appId}/credentials/jwks/{keyId}/lifecycle/deactivate",
  ],
  provoke,
  okta,
);

describe("JSON Web Keys", () => {
  it("adds RSA and EC keys (201), lists them as {keys}, and runs the lifecycle to delete (204)", async () => {
    const appId = await appWith(okta);
    const rsa = await addKey(okta, appId, testKey("RSA", { kid: "rsa-1" }).jwk);
    expect(rsa.status).toBe(201);
    expect(rsa.body.id).toMatch(/^pks[A-Za-z0-9]{17}$/);
    expect(rsa.body).toMatchObject({ kid: "rsa-1", kty: "RSA", alg: "RS256", use: "sig", e: "AQAB", status: "ACTIVE" });
    const ec = await addKey(okta, appId, { ...testKey("EC", { kid: "ec-1" }).jwk, status: "INACTIVE" });
    expect(ec.body).toMatchObject({ kid: "ec-1", kty: "EC", crv: "P-256", status: "INACTIVE" });
    const self = `${okta.emulator.url}${jwksPath(appId)}/${ec.body.id}`;
    expect(ec.body._links).toEqual({
      activate: { href: `${self}/lifecycle/activate`, hints: { allow: ["POST"] } },
      delete: { href: self, hints: { allow: ["DELETE"] } },
    });
    const list = await okta.api<{ keys: Jwk[] }>("GET", jwksPath(appId));
    expect(list.body.keys.map((k) => k.kid)).toEqual(["rsa-1", "ec-1"]);
    expect((await okta.api<Jwk>("GET", `${jwksPath(appId)}/${rsa.body.id}`)).body).toEqual(rsa.body);
    expect((await okta.api<Jwk>("POST", `${jwksPath(appId)}/${rsa.body.id}/lifecycle/deactivate`)).body.status).toBe(
      "INACTIVE",
    );
    expect((await okta.api<Jwk>("POST", `${jwksPath(appId)}/${ec.body.id}/lifecycle/activate`)).body.status).toBe(
      "ACTIVE",
    );
    expect((await okta.api("DELETE", `${jwksPath(appId)}/${rsa.body.id}`)).status).toBe(204);
    expect((await okta.api<{ keys: Jwk[] }>("GET", jwksPath(appId))).body.keys.map((k) => k.kid)).toEqual(["ec-1"]);
  });

  it("activating another encryption key deactivates the current one", async () => {
    const appId = await appWith(okta);
    const first = await addKey(okta, appId, testKey("RSA", { kid: "e1", use: "enc" }).jwk);
    const second = await addKey(okta, appId, { ...testKey("RSA", { kid: "e2", use: "enc" }).jwk, status: "INACTIVE" });
    await okta.api("POST", `${jwksPath(appId)}/${second.body.id}/lifecycle/activate`);
    const keys = (await okta.api<{ keys: Jwk[] }>("GET", jwksPath(appId))).body.keys;
    expect(keys.map((k) => [k.id, k.status])).toEqual([
      [first.body.id, "INACTIVE"],
      [second.body.id, "ACTIVE"],
    ]);
  });

  it("lets a private_key_jwt app deactivate a key while another signing key stays active", async () => {
    const appId = await appWith(okta, "private_key_jwt");
    const a = await addKey(okta, appId, testKey("EC", { kid: "a" }).jwk);
    await addKey(okta, appId, testKey("RSA", { kid: "b" }).jwk);
    expect((await okta.api("POST", `${jwksPath(appId)}/${a.body.id}/lifecycle/deactivate`)).status).toBe(200);
  });

  it("refuses private keys, unknown key types and malformed keys with E0000001", async () => {
    const appId = await appWith(okta);
    const { privateKey } = testKey("EC", { kid: "p" });
    const responses = [
      await addKey(okta, appId, { ...(privateKey.export({ format: "jwk" }) as object), kid: "p", use: "sig" }),
      await addKey(okta, appId, { kty: "oct", k: "c2VjcmV0", kid: "o" }),
      await addKey(okta, appId, { kty: "RSA", kid: "r" }),
    ];
    for (const response of responses) {
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ errorCode: "E0000001", errorSummary: "Api validation failed: JsonWebKey" });
    }
  });

  it("answers 404 for an unknown key", async () => {
    const response = await okta.api("GET", `${jwksPath(await appWith(okta))}/pks00000000000000000`);
    expect(response.status).toBe(404);
    expect((response.body as { errorCode: string }).errorCode).toBe("E0000007");
  });

  it("validated every response against Okta's spec", () => {
    expect(validatedResponses()).toBeGreaterThan(50);
  });
});
