import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createServiceApp } from "../../serviceApp";
import { createStack, type E2EStack } from "../harness";
import { repoRoot } from "../harness/engine";
import { expectNoSecret, secretValues } from "./facts";

// The review steps of the workflows users copy (examples/github-actions/), run as GitHub runs a `run:` block (bash -e,
// the job's env, $GITHUB_STEP_SUMMARY and $GITHUB_OUTPUT files) on the real engine against the emulator: the same
// commands, read from the workflow files themselves. A preview that fits gives the review in the summary and code 0;
// one stopped by Okta's two-secret limit gives the blocking section and code 1, which fails the scheduled job's step.
const workflows = path.join(repoRoot, "examples/github-actions");

interface Workflow {
  jobs: Record<string, { steps: { id?: string; run?: string }[] }>;
}

async function reviewScript(file: string): Promise<string> {
  const workflow = parse(await readFile(path.join(workflows, file), "utf8")) as Workflow;
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const script = steps.find((s) => s.id === "review")?.run;
  if (!script) throw new Error(`${file} has no step with id "review" and a run: block`);
  return script;
}

/** Runs a `run:` block as GitHub does for a step with no `shell:` on Linux (`bash -e {0}`). */
async function runStep(stack: E2EStack, script: string, env: Record<string, string>) {
  const dir = await mkdtemp(path.join(tmpdir(), "okcred-step-"));
  const files = {
    script: path.join(dir, "step.sh"),
    summary: path.join(dir, "summary.md"),
    output: path.join(dir, "output"),
  };
  await writeFile(files.script, script);
  await writeFile(files.summary, "");
  await writeFile(files.output, "");
  try {
    const code = await new Promise<number>((resolve, reject) => {
      const child = spawn("bash", ["--noprofile", "--norc", "-e", files.script], {
        cwd: stack.workDir,
        env: {
          ...stack.environment(),
          STACK: "e2e",
          GITHUB_STEP_SUMMARY: files.summary,
          GITHUB_OUTPUT: files.output,
          ...env,
        },
        stdio: ["ignore", "ignore", "pipe"],
      });
      child.stderr.resume();
      child.on("error", reject);
      child.on("close", (c) => resolve(c ?? 1));
    });
    return {
      code,
      summary: await readFile(files.summary, "utf8"),
      output: await readFile(files.output, "utf8"),
      review: await readFile(path.join(stack.workDir, "review.md"), "utf8"),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe("the review step of the workflows in examples/github-actions/", () => {
  let stack: E2EStack;
  let pullRequest: string;
  let rotation: string;
  const known = new Set<string>();

  beforeAll(async () => {
    pullRequest = await reviewScript("okta-credentials-preview.yml");
    rotation = await reviewScript("okta-credentials-rotation.yml");
    stack = await createStack({ program: path.join(repoRoot, "tests/e2e/clientSecret/fixture") });
    known.add(stack.emulator.apiToken);
    known.add(stack.environment().PULUMI_CONFIG_PASSPHRASE ?? "");
  });
  afterAll(async () => {
    await stack?.cleanup();
  });

  it("a preview that fits: the review in the step summary and review.md, code 0, and only reads from Okta", async () => {
    stack.emulator.clearRequests();
    const step = await runStep(stack, pullRequest, {});
    expect(step.code).toBe(0);
    expect(step.output).toBe("code=0\n");
    expect(step.review).toContain("## Okta credentials in this preview");
    expect(step.review).toContain("**ClientSecret `managed`**: created: a new secret, ACTIVE");
    expect(step.summary).toBe(step.review);
    // What the pull-request job needs of Okta: reading only.
    expect([...new Set(stack.emulator.requests().map((r) => r.method))]).toEqual(["GET"]);
    for (const value of secretValues(stack.emulator)) known.add(value);
    expectNoSecret(step.summary, known);

    const scheduled = await runStep(stack, rotation, {});
    expect(scheduled.code).toBe(0);
    expect(scheduled.summary).toBe(step.summary);
    await stack.up();
  });

  it("the two-secret limit: the blocking section, code 1 for the pull request's last step, a failed scheduled step", async () => {
    // The app holds its own secret and the managed one: a create-first rotation would need a third.
    await stack.setConfig("rotation", "2");
    const step = await runStep(stack, pullRequest, {});
    expect(step.code).toBe(0); // the comment must still be posted: the job fails in its last step
    expect(step.output).toBe("code=1\n");
    expect(step.summary).toContain("### Blocked: the preview failed");
    expect(step.summary).toContain('**Fix:** rotate ClientSecret "managed" in two runs');
    for (const value of secretValues(stack.emulator)) known.add(value);
    expectNoSecret(step.summary, known);

    const scheduled = await runStep(stack, rotation, {});
    expect(scheduled.code).toBe(1);
    expect(scheduled.output).toBe("code=1\n");
    expect(scheduled.summary).toBe(step.summary);
  });

  it("with the credential from the environment, as the workflows give it: a service app that may only read", async () => {
    // README.md: the job's credential comes from the environment when the stack's config has none. The rotation of
    // the previous test is still pending: planning it reads the app's secrets, which okta.apps.read allows.
    const reader = await createServiceApp(stack.emulator, {
      label: "pull-request previews",
      scopes: ["okta.apps.read"],
    });
    known.add(reader.privateKeyPem);
    await stack.pulumi(["config", "rm", "okta:apiToken", "--stack", "e2e"]);
    stack.emulator.clearRequests();
    const step = await runStep(stack, pullRequest, {
      OKTA_API_CLIENT_ID: reader.id,
      OKTA_API_PRIVATE_KEY: reader.privateKeyPem,
      OKTA_API_PRIVATE_KEY_ID: reader.kid,
      OKTA_API_SCOPES: "okta.apps.read",
    });
    expect(step.output).toBe("code=1\n");
    expect(step.summary).toContain(`app ${stack.app.id} held 2 client secrets when this run looked`);
    const requests = stack.emulator.requests();
    expect(requests.some((r) => r.path === "/oauth2/v1/token" && r.status === 200)).toBe(true);
    const management = requests.filter((r) => r.path.startsWith("/api/v1/"));
    expect(management.length).toBeGreaterThan(0);
    expect(management.every((r) => r.method === "GET" && r.status === 200)).toBe(true);
    expectNoSecret(step.summary, known);
  });

  it("a preview the review cannot read (no stack) says so, with code 2", async () => {
    const step = await runStep(stack, pullRequest, { STACK: "no-such-stack" });
    expect(step.code).toBe(0);
    expect(step.output).toBe("code=2\n");
    expect(step.summary).toContain("The review could not read the preview: see the log of this job.");
  });
});
