#!/usr/bin/env node
import { parseArgs } from "node:util";
import { startOktaEmulator } from "./index";
import type { OktaEmulatorOptions } from "./types";

const USAGE = `Usage: okta-emulator [options]

A local Okta Management API (apps, client secrets, JWKS, token, introspection and revocation endpoints) for tests and CI.

Options:
  --port N                 port to listen on (default 8080; 0 picks a free one)
  --host H                 interface to bind (default 127.0.0.1)
  --api-token T            SSWS API token to accept (default: $OKTA_EMULATOR_API_TOKEN, else generated and printed)
  --rate-limit N|off       /api/v1/apps requests per minute (default 100)
  --concurrency-limit N|off  concurrent requests before 429 (default 75)
  --rate-limit-share F     the part of a bucket one API token or OAuth app may use, 0 < F <= 1 (Okta's default: 0.5)
  --data FILE              keep the state in FILE across restarts (written atomically after each change)
  --no-admin-roles         a service app's token needs only its scopes, no admin role (Okta requires both)
  -h, --help               show this help
`;

function limit(name: string, value: string | undefined): number | "off" | undefined {
  if (value === undefined || value === "off") return value;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer or "off", got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "8080" },
      host: { type: "string" },
      "api-token": { type: "string" },
      "rate-limit": { type: "string" },
      "concurrency-limit": { type: "string" },
      "rate-limit-share": { type: "string" },
      data: { type: "string" },
      "no-admin-roles": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0..65535, got "${values.port}"`);
  const options: OktaEmulatorOptions = { port };
  const apiToken = values["api-token"] ?? process.env.OKTA_EMULATOR_API_TOKEN;
  if (apiToken) options.apiToken = apiToken;
  if (values.host) options.host = values.host;
  const rateLimit = limit("rate-limit", values["rate-limit"]);
  if (rateLimit !== undefined) options.rateLimit = rateLimit;
  const concurrencyLimit = limit("concurrency-limit", values["concurrency-limit"]);
  if (concurrencyLimit !== undefined) options.concurrencyLimit = concurrencyLimit;
  if (values["rate-limit-share"] !== undefined) {
    const share = Number(values["rate-limit-share"]);
    if (!(share > 0 && share <= 1)) {
      throw new Error(`--rate-limit-share must be a number in (0, 1], like 0.5; got "${values["rate-limit-share"]}"`);
    }
    options.rateLimitShare = share;
  }
  if (values.data) options.dataFile = values.data;
  if (values["no-admin-roles"]) options.adminRoles = false;

  const emulator = await startOktaEmulator(options);
  process.stdout.write(`okta-emulator listening on ${emulator.url}\n`);
  // A token the user chose is not echoed; a generated one is the only way to learn it (it guards a local fake org).
  process.stdout.write(apiToken ? "API token: as given\n" : `API token: ${emulator.apiToken}\n`);
  if (options.dataFile) process.stdout.write(`state file: ${options.dataFile}\n`);

  const stop = (signal: string) => {
    process.stdout.write(`okta-emulator: ${signal}, shutting down\n`);
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  process.stderr.write(`okta-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
