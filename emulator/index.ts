import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { FaultQueue } from "./faults";
import type { EmulatorContext } from "./http/context";
import { createHttpApp } from "./http/server";
import { apiTokenValue } from "./ids";
import { DpopNonces } from "./oauth/dpop";
import { RateBucket } from "./rateLimit";
import { RequestLog } from "./requestLog";
import { createApp, defaultAppBody } from "./state/apps";
import { loadState, saveState } from "./state/persistence";
import { regenerateSecretValue } from "./state/secrets";
import { Store } from "./state/store";
import type {
  EmulatorSnapshot,
  OidcAppRequest,
  OktaApp,
  OktaClientSecret,
  OktaEmulator,
  OktaEmulatorOptions,
} from "./types";
import { renderApp, renderClientRole, renderGrant, renderJwk, renderSecret } from "./views";

export type { OktaErrorBody } from "./errors";
export type {
  CredentialsAfter,
  EmulatorSnapshot,
  FaultSpec,
  OidcAppRequest,
  OktaApp,
  OktaClientRole,
  OktaClientSecret,
  OktaEmulator,
  OktaEmulatorOptions,
  OktaJsonWebKey,
  OktaScopeGrant,
  PublicJwk,
  RequestLogEntry,
} from "./types";

/** The URL clients use: a wildcard bind is reached through loopback. */
function originOf(host: string, port: number, scheme: "http" | "https"): string {
  if (host === "0.0.0.0") return `${scheme}://127.0.0.1:${port}`;
  if (host === "::") return `${scheme}://[::1]:${port}`;
  return `${scheme}://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

/**
 * Starts a local Okta Management API emulator on loopback.
 *
 * @example
 * const okta = await startOktaEmulator({ rateLimit: "off" });
 * const app = await okta.createApp();
 * await fetch(`${okta.url}/api/v1/apps/${app.id}/credentials/secrets`, { headers: { Authorization: `SSWS ${okta.apiToken}` } });
 * await okta.close();
 */
export async function startOktaEmulator(options: OktaEmulatorOptions = {}): Promise<OktaEmulator> {
  const persisted = options.dataFile ? loadState(options.dataFile) : undefined;
  const apiToken = options.apiToken ?? persisted?.apiToken ?? apiTokenValue();
  const dataFile = options.dataFile;
  const store = new Store(dataFile ? (data) => saveState(dataFile, { ...data, apiToken }) : undefined);
  if (persisted) store.load(persisted);
  const rateLimit = options.rateLimit ?? 100;
  const share = checkShare(options.rateLimitShare);
  const ctx: EmulatorContext = {
    store,
    faults: new FaultQueue(),
    log: new RequestLog(),
    appsBucket: new RateBucket(rateLimit, share),
    otherBucket: new RateBucket(rateLimit, share),
    concurrencyLimit: options.concurrencyLimit ?? 75,
    apiToken,
    accessTokenLifetimeSeconds: positiveSeconds("accessTokenLifetimeSeconds", options.accessTokenLifetimeSeconds, 3600),
    dpopNonces: new DpopNonces(
      positiveSeconds("dpop.nonceLifetimeSeconds", options.dpop?.nonceLifetimeSeconds, 86_400) * 1000,
    ),
    dpopResourceNonce: options.dpop?.resourceNonce === true,
    adminRoles: options.adminRoles ?? true,
    origin: "",
  };

  const snapshot = (): EmulatorSnapshot => ({
    apps: store.listApps().map((app) => ({
      ...renderApp(app, ctx.origin),
      secrets: app.secrets.map((s) => renderSecret(app.id, s, ctx.origin)),
      jwks: app.jwks.map((k) => renderJwk(app.id, k, ctx.origin)),
      grants: app.grants.map((g) => renderGrant(app, g, ctx.origin)),
      roles: (app.roles ?? []).map((r) => renderClientRole(app, r, ctx.origin)),
    })),
  });
  const reset = () => {
    store.reset();
    ctx.log.clear();
    ctx.faults.clear();
    ctx.appsBucket.reset();
    ctx.otherBucket.reset();
    ctx.dpopNonces.reset();
  };
  const createAppNow = (body: Partial<OidcAppRequest> = {}): OktaApp =>
    renderApp(createApp(store, defaultAppBody(body)), ctx.origin, true);
  const regenerate = (appId: string, secretId: string): OktaClientSecret =>
    renderSecret(appId, regenerateSecretValue(store, appId, secretId), ctx.origin);

  const http = createHttpApp(ctx, {
    state: snapshot,
    reset,
    requests: () => ctx.log.list(),
    clearRequests: () => ctx.log.clear(),
    injectFault: (fault) => ctx.faults.inject(fault),
    clearFaults: () => ctx.faults.clear(),
    pendingFaults: () => ctx.faults.pending(),
    createApp: (body) => createAppNow(body as Partial<OidcAppRequest>),
    regenerateSecret: regenerate,
  });

  const host = options.host ?? "127.0.0.1";
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const tls = options.tls;
    const listen = { fetch: http.fetch, port: options.port ?? 0, hostname: host };
    const s = tls
      ? serve({ ...listen, createServer: createHttpsServer, serverOptions: { key: tls.key, cert: tls.cert } }, () =>
          resolve(s),
        )
      : serve(listen, () => resolve(s));
    s.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  ctx.origin = originOf(options.hostname ?? host, port, options.tls ? "https" : "http");

  let closed: Promise<void> | undefined;
  return {
    url: ctx.origin,
    apiToken,
    createApp: async (body) => createAppNow(body),
    regenerateSecret: regenerate,
    state: snapshot,
    requests: () => ctx.log.list(),
    clearRequests: () => ctx.log.clear(),
    issuedCredentials: () => store.issuedCredentials(),
    faults: {
      inject: (fault) => ctx.faults.inject(fault),
      clear: () => ctx.faults.clear(),
      pending: () => ctx.faults.pending(),
    },
    reset,
    close: () => {
      closed ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        if ("closeAllConnections" in server) server.closeAllConnections();
      });
      return closed;
    },
  };
}

function checkShare(share: number | undefined): number | undefined {
  if (share === undefined) return undefined;
  if (!(share > 0 && share <= 1)) throw new RangeError(`rateLimitShare must be in (0, 1], e.g. 0.5; got ${share}`);
  return share;
}

function positiveSeconds(option: string, seconds: number | undefined, fallback: number): number {
  if (seconds === undefined) return fallback;
  if (!(Number.isFinite(seconds) && seconds > 0)) {
    throw new RangeError(`${option} must be a positive number of seconds; got ${seconds}`);
  }
  return seconds;
}
