import { spawn } from "node:child_process";
import type { PulumiResult } from "./types";

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Written to the command's stdin (how secret config values are passed: never on the command line). */
  input?: string;
  expectFailure?: boolean;
  /** Values never to print in an error message (tokens, passphrases, secret config). */
  redact: readonly string[];
  timeoutMs?: number;
}

/**
 * Runs `pulumi` asynchronously: the emulator lives in the test process, so a synchronous exec would block it.
 * Throws when the exit code is not the expected one (non-zero normally, zero with `expectFailure`).
 */
export function runPulumi(args: readonly string[], options: RunOptions): Promise<PulumiResult> {
  const timeoutMs = options.timeoutMs ?? 180_000;
  return new Promise((resolve, reject) => {
    const child = spawn("pulumi", args, { cwd: options.cwd, env: options.env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      stderr += `\n[harness] killed after ${timeoutMs} ms`;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.stdin.end(options.input ?? "");
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`could not start \`pulumi ${args.join(" ")}\`: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const result = { stdout, stderr, code: code ?? (signal ? 128 : 1) };
      const failed = result.code !== 0;
      if (failed === Boolean(options.expectFailure)) {
        resolve(result);
        return;
      }
      const expected = options.expectFailure ? "expected to fail, but it succeeded" : `failed with code ${result.code}`;
      const message = `\`pulumi ${args.join(" ")}\` ${expected}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`;
      reject(new Error(redact(message, options.redact)));
    });
  });
}

/** Replaces each secret value in a text meant for a log or an error message. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join("[redacted]");
  }
  return out;
}
