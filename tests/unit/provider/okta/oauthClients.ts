import type { KeyObject } from "node:crypto";
import { decodeJwt } from "jose";
import type { OktaEmulator } from "../../../../emulator/index";
import type { OAuthSettings } from "../../../../provider/okta/clientCredentials";
import type { DpopMode } from "../../../../provider/okta/config";
import { OktaClient } from "../../../../provider/okta/oktaClient";
import type { RetryPolicy } from "../../../../provider/okta/retryPolicy";
import { fastRetry } from "../harness";

/** A request as the client sent it. */
export interface SentRequest {
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** What a test's client does besides authenticating as the service app. */
interface OAuthClientOptions {
  scopes?: string[];
  dpop?: DpopMode;
  /** The first Management API request carries a token Okta does not know (as after an expiry). */
  mangleFirstToken?: boolean;
  /** Changes one request's headers before it goes out (e.g. to spoil a DPoP proof). */
  tamper?: (url: string, headers: Record<string, string>) => void;
  retry?: Partial<RetryPolicy>;
  /** Collects every request's headers and body, in order. */
  sent?: SentRequest[];
}

/** An OktaClient authenticating as `app` against the emulator, over the real `fetch`. */
export function oauthClient(
  emulator: OktaEmulator,
  app: { id: string; kid: string; privateKey: KeyObject },
  options: OAuthClientOptions = {},
): OktaClient {
  let mangled = !options.mangleFirstToken;
  const recordingFetch: typeof fetch = async (input, init) => {
    const url = String(input);
    const headers = { ...(init?.headers as Record<string, string>) };
    if (!mangled && /^(Bearer|DPoP) /.test(headers.Authorization ?? "")) {
      headers.Authorization = `${headers.Authorization?.split(" ")[0]} an-expired-token`;
      mangled = true;
    }
    options.tamper?.(url, headers);
    options.sent?.push({ url, headers, body: typeof init?.body === "string" ? init.body : undefined });
    return fetch(input, { ...init, headers });
  };
  const auth: OAuthSettings = {
    kind: "oauth",
    clientId: app.id,
    privateKey: app.privateKey,
    privateKeyId: app.kid,
    scopes: options.scopes ?? ["okta.apps.read", "okta.apps.manage"],
  };
  if (options.dpop) auth.dpop = options.dpop;
  return new OktaClient(
    { orgUrl: emulator.url, auth },
    { retry: { ...fastRetry(), ...options.retry }, fetch: recordingFetch },
  );
}

/** Statuses of the token requests the emulator answered, in order. */
export function tokenStatuses(emulator: OktaEmulator): number[] {
  return emulator
    .requests()
    .filter((r) => r.path === "/oauth2/v1/token")
    .map((r) => r.status);
}

/** The claims of a JWT header value (a DPoP proof, a client assertion). */
export function claimsOf(jwt: string | undefined): Record<string, unknown> {
  if (!jwt) throw new Error("no JWT");
  return decodeJwt(jwt);
}

/** The claims of the client assertion in a token request's form body. */
export function assertionOf(request: SentRequest | undefined): Record<string, unknown> {
  return claimsOf(new URLSearchParams(request?.body ?? "").get("client_assertion") ?? undefined);
}
