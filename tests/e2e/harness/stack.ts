import { randomBytes } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { type OktaEmulator, startOktaEmulator } from "../../../emulator/index";
import { recordFigures } from "../../reliability/figures";
import { countsFromPlan, countsFromResourceChanges, zeroCounts } from "./counts";
import { engineBinDir, isolatedEnv, repoRoot } from "./engine";
import { type Credential, findLeaks, type Place, privateKeysOf, withoutSecretValues } from "./leaks";
import { type RunOptions, runPulumi } from "./runPulumi";
import type { CreateStackOptions, E2EStack, LifecycleOptions, OpCounts, PulumiResult, StackRun } from "./types";
import { copyProgram, makeStackDirs, removeStackDirs, type StackDirs } from "./workspace";

const liveStacks = new Set<E2EStack>();

/** Cleans up every stack a test file left behind (registered by the e2e setup file, after each file). */
export async function cleanupLiveStacks(): Promise<void> {
  await Promise.all([...liveStacks].map((stack) => stack.cleanup()));
}

/**
 * Starts an emulator, creates an OIDC app in it, copies `program` into a temp folder and creates a stack there with
 * `okta-credentials:orgUrl`, `okta:apiToken` (secret) and `appId` set. Everything is removed by `cleanup()`, which the e2e setup
 * file also calls after each test file; a failure while setting up removes what was made and rethrows.
 */
export async function createStack(options: CreateStackOptions): Promise<E2EStack> {
  const bin = await engineBinDir();
  const dirs = await makeStackDirs();
  const passphrase = randomBytes(24).toString("base64url");
  const secrets = [passphrase, ...Object.values(options.secretConfig ?? {})];
  const env = { ...isolatedEnv(bin, dirs, passphrase), ...options.env };
  // `opts.env` adds to the stack's environment (e.g. OKTA_CREDENTIALS_NOW for one command), never replaces it.
  // Every command's output is kept for the leak scan at cleanup, a failed command's too (runPulumi's error has it).
  const captured: Place[] = [];
  const rawRun = (args: string[], opts: Partial<RunOptions> = {}) =>
    runPulumi(args, { cwd: dirs.program, redact: secrets, ...opts, env: { ...env, ...opts.env } });
  const run = async (args: string[], opts: Partial<RunOptions> = {}) => {
    // A command that asks for secrets in plaintext prints them: what it was asked for, not a leak.
    const reveals = args.includes("--show-secrets") || (args[0] === "config" && args[1] === "get");
    try {
      const result = await rawRun(args, opts);
      if (!reveals)
        captured.push({
          where: `output of \`pulumi ${args[0]} ${args[1] ?? ""}\``,
          text: result.stdout + result.stderr,
        });
      return result;
    } catch (error) {
      if (!reveals) captured.push({ where: `output of \`pulumi ${args[0]} ${args[1] ?? ""}\``, text: String(error) });
      throw error;
    }
  };
  let emulator: OktaEmulator | undefined;
  try {
    emulator = options.emulator ?? (await startOktaEmulator({ port: 0, rateLimit: "off", ...options.emulatorOptions }));
    secrets.push(emulator.apiToken);
    const app = await emulator.createApp(options.appBody as Parameters<OktaEmulator["createApp"]>[0]);
    await copyProgram(options.program, dirs.program);
    const stackName = options.stackName ?? "e2e";
    await run(["stack", "init", stackName, "--non-interactive"]);
    const org = options.orgConfig?.(emulator.url) ?? { "okta-credentials:orgUrl": emulator.url };
    const plain = { ...org, appId: app.id, ...options.config };
    await run(["config", "set-all", ...Object.entries(plain).map(([key, value]) => `--plaintext=${key}=${value}`)]);
    for (const [key, value] of Object.entries({ "okta:apiToken": emulator.apiToken, ...options.secretConfig })) {
      await run(["config", "set", "--secret", key], { input: value });
    }
    const projectName = /^name:\s*(\S+)/m.exec(await readFile(path.join(dirs.program, "Pulumi.yaml"), "utf8"))?.[1];
    if (!projectName) throw new Error(`no project name in ${options.program}/Pulumi.yaml`);
    const scan = () => scanForLeaks(rawRun, stackName, emulator as OktaEmulator, secrets, captured, options.program);
    const stack = makeStack(dirs, stackName, projectName, emulator, app, run, secrets, !options.emulator, env, scan);
    liveStacks.add(stack);
    return stack;
  } catch (error) {
    if (!options.emulator) await emulator?.close().catch(() => undefined);
    await removeStackDirs(dirs);
    throw error;
  }
}

type Run = (args: string[], opts?: Partial<RunOptions>) => Promise<PulumiResult>;

function makeStack(
  dirs: StackDirs,
  stackName: string,
  projectName: string,
  emulator: OktaEmulator,
  app: E2EStack["app"],
  run: Run,
  secrets: string[],
  ownsEmulator: boolean,
  env: NodeJS.ProcessEnv,
  scan: () => Promise<string[]>,
): E2EStack {
  const lifecycle = ["--yes", "--non-interactive", "--stack", stackName];
  let previews = 0;
  let cleaning: Promise<void> | undefined;

  // `pulumi stack history` entry of the command that started at `startedAt`, if it recorded one.
  async function historyCounts(startedAt: number): Promise<OpCounts> {
    const { stdout } = await run(["stack", "history", "--json", "--stack", stackName]);
    const entries = (JSON.parse(stdout || "[]") ?? []) as {
      startTime?: string;
      resourceChanges?: Record<string, number>;
    }[];
    const latest = entries[0];
    // startTime is whole seconds: an entry from this command started no earlier than the second it was launched in.
    if (!latest?.startTime || Date.parse(latest.startTime) < Math.floor(startedAt / 1000) * 1000) return zeroCounts();
    return countsFromResourceChanges(latest.resourceChanges);
  }

  // As users run them: with the preview first, unless a test is about something else and says `skipPreview`.
  async function lifecycleRun(command: string, opts: LifecycleOptions = {}): Promise<StackRun> {
    const startedAt = Date.now();
    const args = [command, ...lifecycle, ...(opts.skipPreview ? ["--skip-preview"] : []), ...(opts.args ?? [])];
    const timeout = opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs };
    const { stdout, stderr } = await run(args, {
      expectFailure: opts.expectFailure ?? false,
      env: opts.env ?? {},
      ...timeout,
    });
    return { stdout, stderr, counts: await historyCounts(startedAt) };
  }

  const stack: E2EStack = {
    workDir: dirs.program,
    emulator,
    app,
    useProgram: (folder) => copyProgram(folder, dirs.program),
    async setConfig(key, value, opts = {}) {
      if (opts.secret) secrets.push(value);
      // The value goes through stdin: never on a command line, and a leading "-" is not read as a flag.
      await run(["config", "set", opts.secret ? "--secret" : "--plaintext", key], { input: value });
    },
    async preview(opts = {}) {
      previews += 1;
      const planFile = path.join(dirs.base, `preview-${previews}.plan.json`);
      const args = ["preview", "--non-interactive", "--stack", stackName, "--save-plan", planFile];
      const { stdout, stderr } = await run(opts.diff ? [...args, "--diff"] : args, {
        expectFailure: opts.expectFailure ?? false,
        env: opts.env ?? {},
        ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
      });
      const plan = await readFile(planFile, "utf8").catch(() => undefined);
      await rm(planFile, { force: true });
      return { stdout, stderr, counts: plan === undefined ? zeroCounts() : countsFromPlan(JSON.parse(plan)) };
    },
    up: (opts = {}) => lifecycleRun("up", opts),
    refresh: (opts = {}) => lifecycleRun("refresh", opts),
    destroy: (opts = {}) => lifecycleRun("destroy", opts),
    urn: (type, name) => `urn:pulumi:${stackName}::${projectName}::${type}::${name}`,
    async exportState() {
      const { stdout } = await run(["stack", "export", "--stack", stackName]);
      return JSON.parse(stdout);
    },
    async outputs(opts = {}) {
      const args = ["stack", "output", "--json", "--stack", stackName];
      const { stdout } = await run(opts.showSecrets ? [...args, "--show-secrets"] : args);
      return JSON.parse(stdout) as Record<string, unknown>;
    },
    pulumi: (args, opts = {}) =>
      run(args, {
        expectFailure: opts.expectFailure ?? false,
        env: opts.env ?? {},
        ...(opts.input === undefined ? {} : { input: opts.input }),
      }),
    environment: () => ({ ...env }),
    cleanup() {
      // Removing the backend folder removes the stack with it: no `pulumi stack rm` needed. Resources still in
      // the stack live only in this stack's emulator, which closes here.
      cleaning ??= (async () => {
        liveStacks.delete(stack);
        let leaks: string[] = [];
        try {
          leaks = await scan();
        } finally {
          if (ownsEmulator) await emulator.close().catch(() => undefined);
          await removeStackDirs(dirs);
        }
        if (leaks.length > 0) {
          throw new Error(
            `leak scan of stack ${stackName}: ${leaks.length} plaintext credential(s)\n${leaks.join("\n")}`,
          );
        }
      })();
      return cleaning;
    },
  };
  return stack;
}

/**
 * The leak scan of one stack, before its backend is removed: every credential it used or received searched for in
 * its plain export, its `--show-secrets` export outside the secret values, every output captured and the emulator's
 * request log. Gives the finds (`where: kind hash`), empty when clean; records the figures.
 */
async function scanForLeaks(
  run: Run,
  stackName: string,
  emulator: OktaEmulator,
  stackSecrets: readonly string[],
  captured: readonly Place[],
  program: string,
): Promise<string[]> {
  const startedAt = Date.now();
  const exported = async (showSecrets: boolean): Promise<string | undefined> => {
    const args = ["stack", "export", "--stack", stackName, ...(showSecrets ? ["--show-secrets"] : [])];
    // A stack a test removed or never made has no state to scan.
    return run(args).then(
      (r) => r.stdout,
      () => undefined,
    );
  };
  const [plain, shown] = await Promise.all([exported(false), exported(true)]);
  const shownState = shown === undefined ? undefined : JSON.parse(shown);
  const credentials: Credential[] = [
    ...stackSecrets.map((value) => ({ kind: "stack secret (passphrase, API token or secret config)", value })),
    ...emulator.issuedCredentials(),
    ...privateKeysOf(shownState),
  ];
  const places: Place[] = [
    ...captured,
    { where: "the emulator's request log", text: JSON.stringify(emulator.requests()) },
  ];
  if (plain !== undefined) places.push({ where: "`pulumi stack export`", text: plain });
  if (shownState !== undefined) {
    const outside = JSON.stringify(withoutSecretValues(shownState));
    places.push({ where: "`pulumi stack export --show-secrets` outside secret values", text: outside });
  }
  const leaks = findLeaks(credentials, places);
  recordFigures("leaks", path.relative(repoRoot, path.resolve(repoRoot, program)), {
    credentials: credentials.length,
    places: places.length,
    leaks: leaks.length,
    scanMs: Date.now() - startedAt,
  });
  return leaks;
}
