import type { OktaApiErrorFields } from "./errors";

/** How a request ended without an answer: a network failure or a timeout, and whether Okta may have acted on it. */
export interface NoAnswer {
  kind: "network" | "timeout";
  summary: string;
  ambiguous: boolean;
}

/** The error fields of a 3xx: never followed, so it names where it pointed and the fix. */
export function redirected(fields: OktaApiErrorFields, location: string | null): OktaApiErrorFields {
  let target = "elsewhere";
  try {
    // Only the origin and path: a query could hold anything.
    if (location) target = new URL(location).origin + new URL(location).pathname;
  } catch {
    target = "an unreadable Location";
  }
  return {
    ...fields,
    summary:
      `redirected to ${target}: the org URL must be the org's own address (credentials never follow a redirect); ` +
      "set okta-credentials:orgUrl, or okta:orgName and okta:baseUrl, to the URL you sign in to",
  };
}

/** What a `fetch` that threw means. */
export function describeFailure(e: unknown, timeoutMs: number): NoAnswer {
  const name = e instanceof Error ? e.name : "";
  if (name === "TimeoutError" || name === "AbortError") {
    return { kind: "timeout", summary: `no answer within ${timeoutMs} ms`, ambiguous: true };
  }
  const cause =
    e instanceof Error && typeof e.cause === "object" && e.cause !== null
      ? (e.cause as Record<string, unknown>)
      : undefined;
  const code = typeof cause?.code === "string" ? cause.code : undefined;
  const detail = typeof cause?.message === "string" ? cause.message : e instanceof Error ? e.message : String(e);
  // A refused connection never reached Okta: safe to repeat even a create.
  const ambiguous = code !== "ECONNREFUSED" && code !== "ENOTFOUND" && code !== "EAI_AGAIN";
  return { kind: "network", summary: code ? `${code}: ${detail}` : detail, ambiguous };
}

/**
 * The parameters of a `WWW-Authenticate` challenge, e.g. `DPoP error="use_dpop_nonce", error_description="…"` gives
 * `{ scheme: "DPoP", error: "use_dpop_nonce", error_description: "…" }`. Empty for a missing header.
 */
export function parseChallenge(header: string | null): Record<string, string> {
  if (!header) return {};
  const params: Record<string, string> = { scheme: header.trim().split(/\s+/, 1)[0] ?? "" };
  for (const match of header.matchAll(/([A-Za-z_]+)="((?:[^"\\]|\\.)*)"/g)) {
    params[match[1] as string] = (match[2] as string).replace(/\\(.)/g, "$1");
  }
  return params;
}
