import type { ConfigureRequest } from "@pulumi/pulumi/dynamic";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { type OktaEmulator, type OktaEmulatorOptions, startOktaEmulator } from "../../../emulator/index";
import { providers } from "../../../provider";
import type { RetryPolicy } from "../../../provider/okta/retryPolicy";
import { resetRunState, setProcessOktaClientOptions } from "../../../provider/runState";

/** A `configure()` request over a plain map of stack config keys. */
export function configRequest(values: Record<string, string | undefined>): ConfigureRequest {
  return {
    config: {
      get: (key) => values[key],
      require: (key) => {
        const value = values[key];
        if (value === undefined) throw new Error(`missing ${key}`);
        return value;
      },
    },
  };
}

/** Retry timing for tests: real but tiny backoffs; every requested wait recorded, rate-limit waits skipped. */
export function fastRetry(sleeps: number[] = []): Partial<RetryPolicy> {
  return {
    baseDelayMs: 2,
    maxDelayMs: 10,
    requestTimeoutMs: 2_000,
    sleep: async (ms) => {
      sleeps.push(ms);
      await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 10)));
    },
  };
}

/** A started emulator with the `ClientSecret` provider configured against it; `sleeps` records the retry waits. */
export async function startHookHarness(options: OktaEmulatorOptions = {}) {
  for (const name of Object.keys(process.env)) if (name.startsWith("OKTA_")) delete process.env[name];
  const emulator = await startOktaEmulator({ rateLimit: "off", ...options });
  resetRunState();
  const sleeps: number[] = [];
  setProcessOktaClientOptions({ retry: fastRetry(sleeps) });
  await providers.ClientSecret.configure(
    configRequest({ "okta-credentials:orgUrl": emulator.url, "okta:apiToken": emulator.apiToken }),
  );
  return { emulator, sleeps, hooks: providers.ClientSecret };
}

/**
 * The hook harness for a whole test file: started before its tests, closed after them, and before each test an empty
 * emulator and a new engine run. Gives the emulator (read it inside a test or hook, once started).
 */
export function useHookHarness(options: OktaEmulatorOptions = {}): { readonly emulator: OktaEmulator } {
  let started: OktaEmulator | undefined;
  beforeAll(async () => {
    ({ emulator: started } = await startHookHarness(options));
  });
  afterAll(() => started?.close());
  beforeEach(() => {
    started?.reset();
    resetRunState();
  });
  return {
    get emulator() {
      if (started === undefined) throw new Error("the hook harness is not started yet: read it inside a test");
      return started;
    },
  };
}

/** The secrets of one app in the emulator's state. */
export function secretsOf(emulator: OktaEmulator, appId: string) {
  const app = emulator.state().apps.find((a) => a.id === appId);
  if (!app) throw new Error(`no app ${appId}`);
  return app.secrets;
}

/** The JSON Web Keys of one app in the emulator's state. */
export function keysOf(emulator: OktaEmulator, appId: string) {
  const app = emulator.state().apps.find((a) => a.id === appId);
  if (!app) throw new Error(`no app ${appId}`);
  return app.jwks;
}

/** An app that authenticates with private_key_jwt (a service app), with no keys yet. */
export async function privateKeyJwtApp(emulator: OktaEmulator): Promise<string> {
  const app = await emulator.createApp({
    credentials: { oauthClient: { token_endpoint_auth_method: "private_key_jwt" } },
    settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"] } },
  });
  return app.id;
}
