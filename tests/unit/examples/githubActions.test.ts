import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import inputs from "./actionInputs.json";

// The workflows users copy (examples/github-actions/): linted by actionlint (built from the Go module proxy by
// scripts/actionlint.sh) with shellcheck on their `run:` blocks, every action pinned to a commit, the README naming
// every secret and variable they read, and the scheduled workflow's issue script run against a stand-in of GitHub's
// client. Their review steps run on the real engine in tests/e2e/review/workflow.test.ts.
const run = promisify(execFile);
const repo = path.resolve(__dirname, "../../..");
const folder = path.join(repo, "examples/github-actions");
const files = ["okta-credentials-preview.yml", "okta-credentials-rotation.yml"];

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}
const workflow = (file: string) => parse(readFileSync(path.join(folder, file), "utf8")) as Workflow;
const steps = (file: string) => Object.values(workflow(file).jobs).flatMap((job) => job.steps);

async function actionlint(...targets: string[]): Promise<{ code: number; out: string }> {
  const script = path.join(repo, "scripts/actionlint.sh");
  try {
    await run("bash", [script, "--check"]);
  } catch {
    throw new Error(
      "actionlint is not built: run `bash scripts/actionlint.sh` once (about a minute, cached outside the clone)",
    );
  }
  const { stdout: bin } = await run("bash", [script]);
  try {
    const { stdout } = await run(bin.trim(), ["-no-color", ...targets], { cwd: repo });
    return { code: 0, out: stdout };
  } catch (e) {
    const { code, stdout = "" } = e as { code?: number; stdout?: string };
    return { code: code ?? 1, out: stdout };
  }
}

describe("examples/github-actions", () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), "okcred-actionlint-"));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it("lints clean with actionlint, shellcheck included", async () => {
    await run("shellcheck", ["--version"]).catch(() => {
      throw new Error("shellcheck is not installed: `apt-get install shellcheck` (.ci/run installs it)");
    });
    const { code, out } = await actionlint(...files.map((f) => path.join(folder, f)));
    expect(out).toBe("");
    expect(code).toBe(0);
  });

  it("would catch an unquoted variable: shellcheck is at work inside actionlint", async () => {
    const text = (await readFile(path.join(folder, files[0] as string), "utf8")).replace(
      '>>"$GITHUB_STEP_SUMMARY"',
      ">>$GITHUB_STEP_SUMMARY",
    );
    const broken = path.join(scratch, "broken.yml");
    await writeFile(broken, text);
    const { code, out } = await actionlint(broken);
    expect(code).toBe(1);
    expect(out).toMatch(/shellcheck reported issue in this script: SC2086/);
  });

  it.each(files)("%s gives each action only the inputs its action.yml declares at the pinned commit", (file) => {
    const known = (inputs as { actions: Record<string, { inputs: string[]; required: string[]; version: string }> })
      .actions;
    const text = readFileSync(path.join(folder, file), "utf8");
    for (const step of steps(file).filter((s) => s.uses)) {
      const action = known[step.uses as string];
      expect(action, `${step.uses}: record its inputs in tests/unit/examples/actionInputs.json`).toBeDefined();
      expect(text).toContain(`uses: ${step.uses} # ${action?.version}`);
      for (const key of Object.keys(step.with ?? {})) expect(action?.inputs).toContain(key);
      for (const key of action?.required ?? []) expect(Object.keys(step.with ?? {})).toContain(key);
    }
  });

  it.each(files)("%s pins every action to a commit, with its version beside it", (file) => {
    const uses = steps(file).flatMap((s) => (s.uses ? [s.uses] : []));
    expect(uses.length).toBeGreaterThan(2);
    for (const use of uses) expect(use).toMatch(/^[\w-]+\/[\w-]+@[0-9a-f]{40}$/);
    const text = readFileSync(path.join(folder, file), "utf8");
    for (const line of text.split("\n").filter((l) => l.includes("uses: "))) expect(line).toMatch(/ # v\d+\.\d+\.\d+$/);
  });

  it("the pull-request workflow comments twice, keeps the provider's reasons (no diff: true) and fails last", () => {
    const all = steps(files[0] as string);
    const preview = all.find((s) => s.uses?.startsWith("pulumi/actions@"));
    expect(preview?.with).toMatchObject({ command: "preview", "comment-on-pr": true });
    expect(preview?.with?.diff).toBeUndefined();
    expect(all.find((s) => s.uses?.startsWith("marocchino/sticky-pull-request-comment@"))?.with).toMatchObject({
      path: "review.md",
    });
    expect(all.at(-1)?.run).toContain("exit 1");
    expect(workflow(files[0] as string).permissions).toEqual({ contents: "read", "pull-requests": "write" });
    expect(workflow(files[1] as string).permissions).toEqual({ contents: "read", issues: "write" });
  });

  it("the README names every secret and variable the workflows read", () => {
    const readme = readFileSync(path.join(folder, "README.md"), "utf8");
    const names = files.flatMap((f) =>
      [...readFileSync(path.join(folder, f), "utf8").matchAll(/\$\{\{ (secrets|vars)\.(\w+) \}\}/g)].map((m) => m[2]),
    );
    expect(names.length).toBeGreaterThan(3);
    for (const name of new Set(names)) expect(readme).toContain(`\`${name}\``);
  });

  describe("the scheduled workflow's issue on failure (actions/github-script)", () => {
    const script = steps(files[1] as string).find((s) => s.uses?.startsWith("actions/github-script@"))?.with
      ?.script as string;
    const context = { serverUrl: "https://github.com", repo: { owner: "acme", repo: "infra" }, runId: 42 };

    async function runScript(open: { number: number; body: string; pull_request?: object }[], review?: string) {
      const dir = await mkdtemp(path.join(tmpdir(), "okcred-issue-"));
      if (review !== undefined) await writeFile(path.join(dir, "review.md"), review);
      const calls: { call: string; args: Record<string, unknown> }[] = [];
      const record = (call: string) => async (args: Record<string, unknown>) => {
        calls.push({ call, args });
        return { data: { number: 7 } };
      };
      const github = {
        rest: {
          issues: { listForRepo: "listForRepo", createComment: record("createComment"), create: record("create") },
        },
        paginate: async (method: string, args: Record<string, unknown>) => {
          calls.push({ call: `paginate ${method}`, args });
          return open;
        },
      };
      // The script runs where the job checked out (review.md is relative): node:fs is given that folder.
      const fsInDir = {
        existsSync: (p: string) => existsSync(path.join(dir, p)),
        readFileSync: (p: string, e: BufferEncoding) => readFileSync(path.join(dir, p), e),
      };
      const requireInDir = (id: string) => (id === "node:fs" ? fsInDir : require(id));
      const info: string[] = [];
      const previous = process.env.STACK;
      process.env.STACK = "acme/okta/prod";
      try {
        const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor;
        await new AsyncFunction("require", "github", "context", "core", script)(requireInDir, github, context, {
          info: (line: string) => info.push(line),
        });
      } finally {
        if (previous === undefined) delete process.env.STACK;
        else process.env.STACK = previous;
        await rm(dir, { recursive: true, force: true });
      }
      return { calls, info };
    }

    it("opens an issue naming the stack and the run, with the review of what the run meant to do", async () => {
      const { calls, info } = await runScript([], "## Okta credentials in this preview\n\nrotated\n");
      expect(calls.map((c) => c.call)).toEqual(["paginate listForRepo", "create"]);
      expect(calls[0]?.args).toEqual({ owner: "acme", repo: "infra", state: "open" });
      const issue = calls[1]?.args as { title: string; body: string };
      expect(issue.title).toBe("Okta credential rotation failed: acme/okta/prod");
      expect(issue.body).toContain("<!-- okta-credentials-rotation: acme/okta/prod -->");
      expect(issue.body).toContain("[run 42](https://github.com/acme/infra/actions/runs/42)");
      expect(issue.body).toContain("## Okta credentials in this preview");
      expect(info).toEqual(["opened issue #7"]);
    });

    it("comments on the issue still open for the stack instead of opening another", async () => {
      const open = [
        { number: 3, body: "<!-- okta-credentials-rotation: acme/okta/prod -->", pull_request: {} },
        { number: 5, body: "<!-- okta-credentials-rotation: acme/okta/staging -->" },
        { number: 6, body: "x\n<!-- okta-credentials-rotation: acme/okta/prod -->\n" },
      ];
      const { calls } = await runScript(open);
      expect(calls.map((c) => c.call)).toEqual(["paginate listForRepo", "createComment"]);
      expect(calls[1]?.args).toMatchObject({ owner: "acme", repo: "infra", issue_number: 6 });
      expect(String(calls[1]?.args.body)).not.toContain("## Okta credentials");
    });
  });
});
