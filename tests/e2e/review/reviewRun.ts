import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "vitest";
import { renderCapture } from "../../unit/review/captures";
import { repoRoot } from "../harness/engine";
import type { E2EStack } from "../harness/types";

/** The flags the review asks for (docs/reviewing.md, the workflow): unchanged resources and the replacements' order. */
export const previewFlags = ["preview", "--json", "--show-sames", "--show-replacement-steps", "--non-interactive"];

/** `pulumi preview --json …` of the stack, as the pull-request workflow runs it. */
export async function previewJson(
  stack: E2EStack,
  opts: { env?: Record<string, string>; expectFailure?: boolean } = {},
): Promise<{ json: string; stderr: string; code: number }> {
  const { stdout, stderr, code } = await stack.pulumi([...previewFlags, "--stack", "e2e"], {
    expectFailure: opts.expectFailure ?? false,
    env: opts.env ?? {},
  });
  return { json: stdout, stderr, code };
}

/** `okta-credentials review` (the package's bin, as `npx okta-credentials` runs it) on a preview's JSON, from stdin. */
export function runReview(
  json: string,
  args: string[] = [],
): Promise<{ markdown: string; stderr: string; code: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, "bin/okta-credentials.js"), "review", ...args], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    let markdown = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      markdown += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ markdown, stderr, code: code ?? 1 }));
    child.stdin.end(json);
  });
}

/**
 * The preview as a capture: only what the review reads (no `config`, no serialized provider, no stack traces), and
 * every value that differs from run to run (Okta ids, hashes, kids, the emulator's URL and clock) replaced by a stable
 * stand-in, so a capture is the same on every machine and holds nothing secret.
 */
export function normalizeCapture(json: string): string {
  const digest = JSON.parse(json) as {
    steps?: Record<string, unknown>[];
    diagnostics?: unknown[];
    changeSummary?: unknown;
  };
  const keepState = (state: unknown) => {
    if (typeof state !== "object" || state === null) return undefined;
    const s = state as Record<string, unknown>;
    const strip = (o: unknown) => {
      if (typeof o !== "object" || o === null) return o;
      const { __provider: _, ...rest } = o as Record<string, unknown>;
      if (typeof rest.publicJwk === "object" && rest.publicJwk !== null) {
        rest.publicJwk = Object.fromEntries(
          Object.entries(rest.publicJwk).map(([k, v]) => [k, ["n", "x", "y"].includes(k) ? "…" : v]),
        );
      }
      return rest;
    };
    return Object.fromEntries(
      Object.entries({
        urn: s.urn,
        type: s.type,
        id: s.id,
        parent: s.parent,
        inputs: strip(s.inputs),
        outputs: strip(s.outputs),
        dependencies: s.dependencies,
      }).filter(([, v]) => v !== undefined),
    );
  };
  const kept = {
    steps: (digest.steps ?? []).map((step) =>
      Object.fromEntries(
        Object.entries({
          op: step.op,
          urn: step.urn,
          oldState: keepState(step.oldState),
          newState: keepState(step.newState),
          replaceReasons: step.replaceReasons,
          diffReasons: step.diffReasons,
        }).filter(([, v]) => v !== undefined),
      ),
    ),
    diagnostics: digest.diagnostics ?? [],
    changeSummary: digest.changeSummary ?? {},
  };
  let text = JSON.stringify(kept, null, 2);
  // Each kind of value numbered on its own, in order of first appearance.
  const stable = new Map<string, string>();
  const counters = new Map<string, number>();
  const standIn = (kind: string, value: string, make: (n: number) => string) => {
    let stand = stable.get(value);
    if (stand === undefined) {
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      stand = make(n);
      stable.set(value, stand);
    }
    return stand;
  };
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  const swap = (kind: string, pattern: RegExp, make: (n: number) => string) => {
    text = text.replace(pattern, (match) => standIn(kind, match, make));
  };
  swap("app", /\b0oa[A-Za-z0-9]{17}\b/g, (n) => `0oaExampleApp${pad(n, 7)}`);
  swap("secret", /\bocs[A-Za-z0-9]{17}\b/g, (n) => `ocsExampleSecret${pad(n, 4)}`);
  swap("key", /\bpks[A-Za-z0-9]{17}\b/g, (n) => `pksExampleKey${pad(n, 7)}`);
  swap("url", /http:\/\/127\.0\.0\.1:\d+/g, () => "https://dev-123456.okta.com");
  // The emulator's clock (created, lastUpdated, verifiedAt); the schedule's instants are midnights and stay.
  swap("clock", /\b\d{4}-\d{2}-\d{2}T(?!00:00:00\.000Z)\d{2}:\d{2}:\d{2}\.\d{3}Z/g, (n) => {
    return `2029-12-31T12:${pad(Math.floor(n / 60), 2)}:${pad(n % 60, 2)}.000Z`;
  });
  for (const field of ["secretHash", "kid"]) {
    const values = [...text.matchAll(new RegExp(`"${field}": "([^"]+)"`, "g"))].map((m) => m[1] as string);
    for (const value of new Set(values)) {
      if (value === "04da6b54-80e4-46f7-96ec-b56ff0331ba9" || value === "[secret]" || stable.has(value)) continue;
      const stand = standIn(field, value, (n) =>
        field === "secretHash" ? `ExampleSecretHash${pad(n, 5)}` : `example-kid-${pad(n, 3)}`,
      );
      text = text.split(value).join(stand);
    }
  }
  return `${text}\n`;
}

const capturesDir = path.join(repoRoot, "tests/unit/review/captured");

/**
 * Keeps the capture `name` true to the engine: with `UPDATE_REVIEW_CAPTURES=1` it writes the normalized preview into
 * tests/unit/review/captured/ (docs/reviewing.md is then refreshed by `UPDATE_REVIEW_CAPTURES=1 npx vitest run
 * tests/unit/review`); otherwise the review of this run's preview must read as the review of the committed capture.
 */
export async function checkCapture(name: string, json: string): Promise<void> {
  const file = path.join(capturesDir, `${name}.json`);
  const normalized = normalizeCapture(json);
  if (process.env.UPDATE_REVIEW_CAPTURES === "1") {
    await writeFile(file, normalized);
    return;
  }
  const committed = await readFile(file, "utf8").catch(() => undefined);
  expect(committed, `no capture ${file}: run this test with UPDATE_REVIEW_CAPTURES=1`).toBeDefined();
  // A provider's error is quoted as it comes, and its text can depend on the order the engine ran the hooks in (the
  // limit's "held by no ClientSecret this run has seen so far"): the test asserts its facts; the rest must match.
  // The stand-in ids number the ids in the order the preview lists them, which varies with the engine's: the reviews
  // are compared with their ids renumbered in the order the review itself names them.
  const reviewOf = (capture: string) => {
    const seen = new Map<string, string>();
    return renderCapture(capture)
      .markdown.replace(/```text\n[\s\S]*?```/g, "```text\n(the provider's message)\n```")
      .replace(/^\*\*Fix:\*\* .*$/gm, "**Fix:** (the provider's fix)")
      .replace(/\b(0oa|ocs|pks)Example[A-Za-z]+\d+\b/g, (id, prefix: string) => {
        if (!seen.has(id)) seen.set(id, `${prefix}#${[...seen.keys()].filter((k) => k.startsWith(prefix)).length + 1}`);
        return seen.get(id) as string;
      });
  };
  expect(
    reviewOf(normalized),
    `the review of this preview differs from the one of the capture ${name}.json: if the change is meant, run ` +
      "this test with UPDATE_REVIEW_CAPTURES=1, then `UPDATE_REVIEW_CAPTURES=1 npx vitest run tests/unit/review`",
  ).toBe(reviewOf(committed ?? ""));
}
