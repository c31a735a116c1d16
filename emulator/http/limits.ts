import type { MiddlewareHandler } from "hono";
import { rateLimited } from "../errors";
import type { EmulatorContext, EmulatorEnv } from "./context";
import { errorResponse } from "./observe";

/**
 * The `/api/v1/apps` bucket (all credentials paths count against it), a bucket for the other paths, and the
 * concurrency limit. `X-Rate-Limit-*` headers go on every response while limiting is on.
 */
export function limits(ctx: EmulatorContext): MiddlewareHandler<EmulatorEnv> {
  let inFlight = 0;
  return async (c, next) => {
    const bucket = c.req.path.startsWith("/api/v1/apps") ? ctx.appsBucket : ctx.otherBucket;
    const overConcurrency = ctx.concurrencyLimit !== "off" && inFlight >= ctx.concurrencyLimit;
    if (overConcurrency || !bucket.take()) {
      return errorResponse(c, rateLimited(), bucket.headers() ?? {});
    }
    inFlight++;
    try {
      await next();
    } finally {
      inFlight--;
    }
    for (const [name, value] of Object.entries(bucket.headers() ?? {})) c.res.headers.set(name, value);
  };
}
