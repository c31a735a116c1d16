import type { HttpBindings } from "@hono/node-server";
import type { Context } from "hono";
import { malformedBody } from "../errors";
import type { FaultQueue } from "../faults";
import type { PresentedClientAuth } from "../oauth/clientAuth";
import type { DpopNonces } from "../oauth/dpop";
import type { RateBucket } from "../rateLimit";
import type { RequestLog } from "../requestLog";
import type { Store } from "../state/store";

/** What every handler of one emulator shares. */
export interface EmulatorContext {
  store: Store;
  faults: FaultQueue;
  log: RequestLog;
  /** The `/api/v1/apps` bucket (every credentials path counts against it). */
  appsBucket: RateBucket;
  /** Every other Management and OAuth path. */
  otherBucket: RateBucket;
  concurrencyLimit: number | "off";
  apiToken: string;
  /** Lifetime of issued access tokens, seconds. */
  accessTokenLifetimeSeconds: number;
  /** The DPoP nonces the token endpoint (always) and the Management API (with `dpopResourceNonce`) demand. */
  dpopNonces: DpopNonces;
  /** Whether the Management API demands a DPoP nonce too (Okta's does not, today). */
  dpopResourceNonce: boolean;
  /** Whether a service app's token needs an admin role covering the call (Okta's rule). */
  adminRoles: boolean;
  /** The server's origin, set once it listens; `_links` point here. */
  origin: string;
}

/** Hono's environment: Node bindings plus what middleware hands to handlers. */
export interface EmulatorEnv {
  Bindings: HttpBindings;
  Variables: {
    requestId: string;
    scopes: readonly string[] | "all";
    delayMs: number;
    /** How an OAuth request presented its client's credentials, for the request log. */
    clientAuth: PresentedClientAuth | undefined;
  };
}

export type EmulatorHonoContext = Context<EmulatorEnv>;

/** The request's form body (`application/x-www-form-urlencoded`), as the OAuth endpoints take it. */
export async function readForm(c: EmulatorHonoContext): Promise<Record<string, string>> {
  return Object.fromEntries(new URLSearchParams(await c.req.text()));
}

/** The request's JSON object body; an empty body is `{}` (Okta generates a secret for `POST` without one). */
export async function readJsonObject(c: EmulatorHonoContext): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw malformedBody();
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw malformedBody();
  return parsed as Record<string, unknown>;
}
