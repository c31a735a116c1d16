import type { MiddlewareHandler } from "hono";
import { type OktaApiError, rateLimited, serverError, unknownPath, validationFailed } from "../errors";
import { requestId } from "../ids";
import type { CredentialsAfter, FaultSpec, RequestLogEntry } from "../types";
import type { EmulatorContext, EmulatorEnv, EmulatorHonoContext } from "./context";
import { htmlAnswer, hugeAnswer, redirectAnswer, truncatedAnswer } from "./hostileAnswers";

const CONTROL_PREFIX = "/__emulator/";
const CREDENTIALS_PATH = /^\/api\/v1\/apps\/([^/]+)\/credentials\//;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** After the rate and concurrency limits admitted a request: waits out an injected delay, then handles it. */
export const admitted: MiddlewareHandler<EmulatorEnv> = async (c, next) => {
  const delayMs = c.get("delayMs");
  if (delayMs) {
    // The body is read before the wait, as Okta has the whole request before it works on it: a client that gives up
    // meanwhile closes the connection, and Node.js 24 then fails a later read of the body (20 and 22 still return it),
    // which answered 500 to a request Okta would have carried out.
    await c.req.arrayBuffer();
    await sleep(delayMs);
  }
  await next();
};

/** Okta's error response for an `OktaApiError`, with the request id and any extra headers. */
export function errorResponse(
  c: EmulatorHonoContext,
  error: OktaApiError,
  headers: Record<string, string> = {},
): Response {
  return c.json(error.body(), error.status as 400, { ...headers, "X-Okta-Request-Id": c.get("requestId") });
}

function injectedResponse(c: EmulatorHonoContext, ctx: EmulatorContext, fault: FaultSpec): Response {
  if (fault.status === 404) return errorResponse(c, unknownPath(c.req.path));
  if (fault.status === 429) {
    const limit = ctx.appsBucket.limit === "off" ? 100 : ctx.appsBucket.limit;
    return errorResponse(c, rateLimited(), {
      "X-Rate-Limit-Limit": String(limit),
      "X-Rate-Limit-Remaining": "0",
      "X-Rate-Limit-Reset": String(Math.ceil(Date.now() / 1000) + (fault.resetAfterSeconds ?? 1)),
    });
  }
  return errorResponse(c, serverError(fault.status as 500 | 502 | 503));
}

function drop(c: EmulatorHonoContext): Response {
  c.env.incoming.socket.destroy();
  return new Response(null, { status: 204 });
}

/**
 * First middleware: request id on every response; for the Okta paths also the request log and the injected faults
 * (before the handler, or after it when `after` is set: the change happened but the caller never hears of it).
 */
export function observe(ctx: EmulatorContext): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    const id = requestId();
    c.set("requestId", id);
    const path = c.req.path;
    if (path.startsWith(CONTROL_PREFIX)) {
      await next();
      c.res.headers.set("X-Okta-Request-Id", id);
      return;
    }
    const started = performance.now();
    const time = new Date().toISOString();
    const fault = ctx.faults.take(c.req.method, path);
    let dropped = false;
    let credentials: CredentialsAfter | undefined;
    if (fault?.echo) {
      const body = await c.req.text();
      const echoed = `echo of Authorization: ${c.req.header("Authorization") ?? "(none)"}`;
      c.res = errorResponse(c, validationFailed(echoed, `request body: ${body}`));
    } else if (fault && (fault.redirect !== undefined || fault.html || fault.hugeBytes !== undefined)) {
      if (fault.delayMs) await sleep(fault.delayMs);
      c.res = fault.redirect !== undefined ? redirectAnswer(fault) : fault.html ? htmlAnswer(fault) : hugeAnswer(fault);
    } else if (fault && !fault.after && !fault.truncate && (fault.drop || fault.status)) {
      if (fault.delayMs) await sleep(fault.delayMs);
      dropped = fault.drop === true;
      c.res = dropped ? drop(c) : injectedResponse(c, ctx, fault);
    } else {
      // A delay that ends in real handling is served by `admitted`, so the request counts as in flight meanwhile.
      c.set("delayMs", fault?.delayMs ?? 0);
      await next();
      credentials = credentialsAfter(ctx, c.req.method, path);
      c.res.headers.set("X-Okta-Request-Id", id);
      if (fault?.after && fault.drop) {
        dropped = true;
        c.res = drop(c);
      } else if (fault?.after && fault.status) {
        c.res = injectedResponse(c, ctx, fault);
      } else if (fault?.truncate) {
        c.res = await truncatedAnswer(c.res);
      }
    }
    const durationMs = Math.round((performance.now() - started) * 1000) / 1000;
    const entry: RequestLogEntry = {
      method: c.req.method,
      path,
      status: dropped ? 0 : c.res.status,
      time,
      durationMs,
      requestId: id,
    };
    const scheme = c.req.header("Authorization")?.trim().split(/\s+/, 1)[0];
    if (scheme) entry.auth = scheme;
    const clientAuth = c.get("clientAuth");
    if (clientAuth) entry.clientAuth = clientAuth;
    if (credentials) entry.credentials = credentials;
    ctx.log.add(entry);
  };
}

/** The app's credentials by id and status right after a change request to them was handled; ids only, never values. */
function credentialsAfter(ctx: EmulatorContext, method: string, path: string): CredentialsAfter | undefined {
  const appId = method === "GET" ? undefined : CREDENTIALS_PATH.exec(path)?.[1];
  const app = appId === undefined ? undefined : ctx.store.listApps().find((a) => a.id === appId);
  if (!app) return undefined;
  return {
    appId: app.id,
    secrets: app.secrets.map((s) => ({ id: s.id, status: s.status })),
    jwks: app.jwks.map((k) => ({ id: k.id, status: k.status })),
  };
}
