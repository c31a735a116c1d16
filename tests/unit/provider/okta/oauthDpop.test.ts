import { afterEach, describe, expect, it } from "vitest";
import { type OktaEmulator, type OktaEmulatorOptions, startOktaEmulator } from "../../../../emulator/index";
import { isOktaApiError, type OktaApiError } from "../../../../provider/okta/errors";
import { createServiceApp } from "../../../serviceApp";
import { assertionOf, claimsOf, oauthClient, type SentRequest, tokenStatuses } from "./oauthClients";

const emulators: OktaEmulator[] = [];
afterEach(async () => {
  await Promise.all(emulators.splice(0).map((e) => e.close()));
});

async function setUp(options: OktaEmulatorOptions = {}, dpop = true) {
  const emulator = await startOktaEmulator({ rateLimit: "off", ...options });
  emulators.push(emulator);
  const service = await createServiceApp(emulator, { dpop, keyType: "EC" });
  const target = (await emulator.createApp()).id;
  emulator.clearRequests();
  return { emulator, service, target, sent: [] as SentRequest[] };
}

async function failure(promise: Promise<unknown>): Promise<OktaApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isOktaApiError(error)) throw new Error(`expected an OktaApiError, got ${String(error)}`);
  return error;
}

const tokenCalls = (sent: SentRequest[]) => sent.filter((s) => s.url.endsWith("/oauth2/v1/token"));
const apiCalls = (sent: SentRequest[]) => sent.filter((s) => s.url.includes("/api/v1/"));

describe("DPoP for a service app that requires it (dpop_bound_access_tokens)", () => {
  it("switches to DPoP when the token endpoint asks, answers its nonce, and proves every Management API request", async () => {
    const { emulator, service, target, sent } = await setUp();
    const okta = oauthClient(emulator, service, { sent });
    await okta.listClientSecrets(target);
    await okta.createClientSecret(target);
    // No proof: 400 invalid_dpop_proof; a proof without nonce: 400 use_dpop_nonce; with the nonce: 200.
    expect(tokenStatuses(emulator)).toEqual([400, 400, 200]);
    const [plain, first, second] = tokenCalls(sent);
    expect(plain?.headers.DPoP).toBeUndefined();
    expect(claimsOf(first?.headers.DPoP).nonce).toBeUndefined();
    expect(claimsOf(second?.headers.DPoP).nonce).toEqual(expect.any(String));
    // Each attempt carried its own client assertion.
    expect(new Set(tokenCalls(sent).map((s) => assertionOf(s).jti)).size).toBe(3);

    const calls = apiCalls(sent);
    expect(calls).toHaveLength(3); // list, then create's own list and its POST
    const token = calls[0]?.headers.Authorization?.replace(/^DPoP /, "") as string;
    expect(calls.every((c) => c.headers.Authorization === `DPoP ${token}`)).toBe(true);
    const proofs = calls.map((c) => claimsOf(c.headers.DPoP));
    expect(proofs[0]).toMatchObject({ htm: "GET", htu: `${emulator.url}/api/v1/apps/${target}/credentials/secrets` });
    expect(proofs[2]).toMatchObject({ htm: "POST" });
    expect(new Set(proofs.map((p) => p.jti)).size).toBe(3);
    expect(proofs.every((p) => typeof p.iat === "number" && typeof p.ath === "string")).toBe(true);
    expect(
      emulator
        .requests()
        .filter((r) => r.path.startsWith("/api/"))
        .map((r) => r.status),
    ).toEqual([200, 200, 201]);
  });

  it("sends a proof from the first token request when configured to (dpop: always)", async () => {
    const { emulator, service, target, sent } = await setUp();
    await oauthClient(emulator, service, { sent, dpop: "always" }).listClientSecrets(target);
    expect(tokenStatuses(emulator)).toEqual([400, 200]);
    expect(tokenCalls(sent)[0]?.headers.DPoP).toEqual(expect.any(String));
  });

  it("with dpop: always, uses a Bearer token when the app does not bind tokens", async () => {
    const { emulator, service, target, sent } = await setUp({}, false);
    await oauthClient(emulator, service, { sent, dpop: "always" }).listClientSecrets(target);
    expect(tokenStatuses(emulator)).toEqual([200]);
    expect(apiCalls(sent)[0]?.headers.Authorization).toMatch(/^Bearer /);
    expect(apiCalls(sent)[0]?.headers.DPoP).toBeUndefined();
  });

  it("answers a resource server's use_dpop_nonce challenge once, then sends its nonce", async () => {
    const { emulator, service, target, sent } = await setUp({ dpop: { resourceNonce: true } });
    const okta = oauthClient(emulator, service, { sent });
    await okta.listClientSecrets(target);
    await okta.getApp(target);
    expect(
      emulator
        .requests()
        .filter((r) => r.path.startsWith("/api/"))
        .map((r) => r.status),
    ).toEqual([401, 200, 200]);
    const [challenged, retried, next] = apiCalls(sent).map((c) => claimsOf(c.headers.DPoP));
    expect(challenged?.nonce).toBeUndefined();
    expect(retried?.nonce).toEqual(expect.any(String));
    expect(next?.nonce).toBe(retried?.nonce);
  });

  it("answers the token endpoint's new nonce when a renewal finds the old one expired", async () => {
    const { emulator, service, target } = await setUp({
      accessTokenLifetimeSeconds: 2,
      dpop: { nonceLifetimeSeconds: 1 },
    });
    const okta = oauthClient(emulator, service);
    await okta.listClientSecrets(target);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // token renewed after 1 s, nonce expired after 1 s
    await okta.listClientSecrets(target);
    expect(tokenStatuses(emulator)).toEqual([400, 400, 200, 400, 200]);
  });

  it("reports a refused proof at the Management API with Okta's reason, without retrying it", async () => {
    const { emulator, service, target } = await setUp();
    const tamper = (url: string, headers: Record<string, string>) => {
      if (url.includes("/api/v1/") && headers.DPoP) headers.DPoP = `${headers.DPoP.slice(0, -4)}AAAA`;
    };
    const error = await failure(oauthClient(emulator, service, { tamper }).listClientSecrets(target));
    expect(error).toMatchObject({ status: 400, errorCode: "invalid_dpop_proof" });
    expect(error.message).toContain("The DPoP proof JWT signature is invalid.");
    expect(emulator.requests().filter((r) => r.path.startsWith("/api/"))).toHaveLength(1);
  });

  it("explains a refused proof at the token endpoint", async () => {
    const { emulator, service, target } = await setUp();
    const tamper = (url: string, headers: Record<string, string>) => {
      if (url.endsWith("/token") && headers.DPoP) headers.DPoP = `${headers.DPoP.slice(0, -4)}AAAA`;
    };
    const error = await failure(oauthClient(emulator, service, { tamper }).listClientSecrets(target));
    expect(error).toMatchObject({ status: 400, errorCode: "invalid_dpop_proof", path: "/oauth2/v1/token" });
    expect(error.message).toMatch(
      new RegExp(
        `^getting an OAuth access token for service app ${service.id} \\(okta:clientId\\): Okta refused this provider's DPoP proof`,
      ),
    );
    expect(error.message).toContain("The DPoP proof JWT signature is invalid.");
  });
});
