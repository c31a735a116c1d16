import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const CLI = join(__dirname, "cli.ts");

function startCli(args: string[], env: Record<string, string> = {}): { child: ChildProcess; output: Promise<string> } {
  const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", CLI, ...args], {
    env: { ...process.env, ...env, TS_NODE_PROJECT: join(__dirname, "..", "tsconfig.json") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  const output = new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes("API token:")) resolve(text);
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      text += chunk.toString();
    });
    child.once("exit", (code) => reject(new Error(`exited ${code}: ${text}`)));
  });
  return { child, output };
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once("exit", resolve));

describe("okta-emulator CLI", () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
  });

  it("prints its URL and generated token, serves the API, and exits 0 on SIGTERM", async () => {
    const started = startCli(["--port", "0", "--rate-limit", "off"]);
    child = started.child;
    const output = await started.output;
    const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
    const token = /API token: (\S+)/.exec(output)?.[1];
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${url}/api/v1/apps`, { headers: { Authorization: `SSWS ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-rate-limit-limit")).toBeNull();
    child.kill("SIGTERM");
    expect(await exited(child)).toBe(0);
  });

  it("takes the token from the environment without echoing it, and exits 0 on SIGINT", async () => {
    const started = startCli(["--port", "0", "--rate-limit-share", "0.5"], {
      OKTA_EMULATOR_API_TOKEN: "cli-test-token-value",
    });
    child = started.child;
    const output = await started.output;
    expect(output).not.toContain("cli-test-token-value");
    const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
    const response = await fetch(`${url}/api/v1/apps`, { headers: { Authorization: "SSWS cli-test-token-value" } });
    expect(response.status).toBe(200);
    // One token's share of the 100-request bucket.
    expect(response.headers.get("x-rate-limit-limit")).toBe("50");
    child.kill("SIGINT");
    expect(await exited(child)).toBe(0);
  });

  it("rejects a bad limit or share with exit code 2", async () => {
    for (const args of [
      ["--rate-limit", "lots"],
      ["--rate-limit-share", "2"],
    ]) {
      const bad = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", CLI, ...args], { stdio: "ignore" });
      expect(await exited(bad)).toBe(2);
    }
  });
});
