import type { MiddlewareHandler } from "hono";
import { rateLimited } from "../errors";
import type { EmulatorContext, EmulatorEnv, EmulatorHonoContext } from "./context";
import { errorResponse } from "./observe";

/**
 * The `/api/v1/apps` bucket (all credentials paths count against it), a bucket for the other paths, and the
 * concurrency limit. `X-Rate-Limit-*` headers go on every response while limiting is on.
 */
export function limits(ctx: EmulatorContext): MiddlewareHandler<EmulatorEnv> {
  let inFlight = 0;
  return async (c, next) => {
    const bucket = c.req.path.startsWith("/api/v1/apps") ? ctx.appsBucket : ctx.otherBucket;
    const principal = principalOf(ctx, c);
    const overConcurrency = ctx.concurrencyLimit !== "off" && inFlight >= ctx.concurrencyLimit;
    if (overConcurrency || !bucket.take(Date.now(), principal)) {
      return errorResponse(c, rateLimited(), bucket.headers(Date.now(), principal) ?? {});
    }
    inFlight++;
    try {
      await next();
    } finally {
      inFlight--;
    }
    for (const [name, value] of Object.entries(bucket.headers(Date.now(), principal) ?? {})) {
      c.res.headers.set(name, value);
    }
  };
}

/** Who a Management API request counts against for the per-token/per-app share: its API token, or its OAuth app. */
function principalOf(ctx: EmulatorContext, c: EmulatorHonoContext): string | undefined {
  const [scheme, value] = (c.req.header("Authorization") ?? "").split(/\s+/, 2);
  if (!value) return undefined;
  if (scheme === "SSWS") return `token:${value}`;
  if (scheme === "Bearer" || scheme === "DPoP") {
    const clientId = ctx.store.token(value)?.clientId;
    return clientId === undefined ? undefined : `app:${clientId}`;
  }
  return undefined;
}
