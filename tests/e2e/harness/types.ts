import type { OktaApp, OktaEmulator, OktaEmulatorOptions } from "../../../emulator/index";

/**
 * Resource operations the engine reported for one command. They come from the engine itself (the
 * preview's plan file, `pulumi stack history`), and count every resource as the CLI's own
 * "Resources:" summary does, the `pulumi:pulumi:Stack` resource included; provider resources are not counted.
 */
export interface OpCounts {
  create: number;
  update: number;
  replace: number;
  delete: number;
  same: number;
}

/** What one `pulumi` lifecycle command printed, and the operations it performed (or planned, for a preview). */
export interface StackRun {
  stdout: string;
  stderr: string;
  counts: OpCounts;
}

/** The outcome of a raw `pulumi` command. */
export interface PulumiResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** A throwaway stack of a program folder, run by the real `pulumi` CLI against its own emulator. */
export interface E2EStack {
  /** The program's temp copy, `<repo>/.e2e-work/<random>/program`: node resolution reaches `<repo>/node_modules`. */
  workDir: string;
  /** The stack's emulator (port 0; rate limit off unless `emulatorOptions` says otherwise), or the one it was given. */
  emulator: OktaEmulator;
  /** The OIDC app created for this stack; its id is the project config `appId`. */
  app: OktaApp;
  /** Copies a program folder's files over `workDir` (e.g. `step2/` after `step1/`). */
  useProgram(folder: string): Promise<void>;
  setConfig(key: string, value: string, opts?: { secret?: boolean }): Promise<void>;
  /** `pulumi preview` (with `diff`: `--diff`, whose text is then in `stdout`); counts are the planned operations. */
  preview(opts?: {
    diff?: boolean;
    expectFailure?: boolean;
    /** More environment for this command only; a name set to `undefined` is left out of it. */
    env?: Record<string, string | undefined>;
    timeoutMs?: number;
  }): Promise<StackRun>;
  /** `pulumi up --yes`, with its preview first (as users run it) unless `skipPreview`. */
  up(opts?: LifecycleOptions): Promise<StackRun>;
  refresh(opts?: LifecycleOptions): Promise<StackRun>;
  destroy(opts?: LifecycleOptions): Promise<StackRun>;
  /** The URN of a resource of this stack, e.g. for `up({ args: ["--replace", urn] })`. */
  urn(type: string, name: string): string;
  /** `pulumi stack export`: secrets stay encrypted. */
  // biome-ignore lint/suspicious/noExplicitAny: the deployment format is Pulumi's, and tests walk it freely
  exportState(): Promise<any>;
  outputs(opts?: { showSecrets?: boolean }): Promise<Record<string, unknown>>;
  /**
   * Any other `pulumi` command, run in `workDir` with the stack selected and the isolated environment; `input` goes to
   * its stdin (e.g. the value of a `pulumi config set` without flags, never on the command line); `env` adds to the
   * stack's environment for this command (e.g. `OKTA_CREDENTIALS_NOW`).
   */
  pulumi(
    args: string[],
    opts?: { expectFailure?: boolean; input?: string; env?: Record<string, string> },
  ): Promise<PulumiResult>;
  /**
   * The environment every `pulumi` command of this stack runs with (engine on PATH, backend, PULUMI_HOME, the
   * passphrase), for a test that runs a script as a CI job would; the passphrase is a secret like any other.
   */
  environment(): NodeJS.ProcessEnv;
  /** Removes the stack, its backend and `workDir`, and closes the emulator. Safe to call twice. */
  cleanup(): Promise<void>;
}

/** Options of a lifecycle command (`up`, `refresh`, `destroy`). */
export interface LifecycleOptions {
  expectFailure?: boolean;
  /** Adds `--skip-preview`: only for tests about something other than what the preview does. */
  skipPreview?: boolean;
  /** More arguments, e.g. `["--replace", urn]`. */
  args?: string[];
  /**
   * More environment for this command only, e.g. `{ OKTA_CREDENTIALS_NOW: "2030-02-01" }`; a name set to `undefined`
   * is left out of it (Node's spawn skips it), e.g. to run without the stack's `OKTA_API_TOKEN`.
   */
  env?: Record<string, string | undefined>;
  /** Kill the command after this long (default 180 s): for runs paced by a rate limit. */
  timeoutMs?: number;
}

/** Options of {@link createStack}. */
export interface CreateStackOptions {
  /** The program folder (absolute, or relative to the repo root); it needs `Pulumi.yaml` with `main:`. */
  program: string;
  /** The body for `emulator.createApp` (default: a web app, `client_secret_basic`, client credentials). */
  appBody?: object;
  emulatorOptions?: OktaEmulatorOptions;
  /** An emulator to use instead of starting one (shared by several stacks: one org); `cleanup()` leaves it open. */
  emulator?: OktaEmulator;
  /** Extra plain config, e.g. `{ "okta-e2e:label": "x" }`; a key without namespace is project config. */
  config?: Record<string, string>;
  /** Extra secret config. */
  secretConfig?: Record<string, string>;
  /** The stack config naming the org, given the emulator's URL; default `okta-credentials:orgUrl` = that URL. */
  orgConfig?: (url: string) => Record<string, string>;
  /** Extra environment of every `pulumi` command (and so of the program and the provider process). */
  env?: Record<string, string>;
  stackName?: string;
}
