import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "../../../review/cli";
import { PreviewInputError, parsePreviewJson } from "../../../review/previewJson";
import { readReasons } from "../../../review/reasons";
import { reviewPreview } from "../../../review/review";
import { worstCase } from "../../../review/worstCase";
import { capture, captureNames } from "./captures";

// The parser and the renderer on previews the real engine wrote (tests/unit/review/captured/, captured by
// tests/e2e/review/), and on variants of them: a preview without --show-sames or --show-replacement-steps, plaintext
// where the engine writes [secret], an order of writes that would leave an app without an ACTIVE secret.
type Digest = { steps: Record<string, unknown>[]; diagnostics?: Record<string, unknown>[]; [k: string]: unknown };
const digestOf = (name: string) => JSON.parse(capture(name)) as Digest;
const render = (digest: unknown) => reviewPreview(JSON.stringify(digest));

async function cli(args: string[], stdin = "") {
  const input = new PassThrough();
  input.end(stdin);
  let stdout = "";
  let stderr = "";
  const sink = (write: (s: string) => void) => {
    const stream = new PassThrough();
    stream.on("data", (chunk: Buffer) => write(chunk.toString()));
    return stream;
  };
  const code = await main(args, {
    stdin: input,
    stdout: sink((s) => {
      stdout += s;
    }),
    stderr: sink((s) => {
      stderr += s;
    }),
  });
  await new Promise((resolve) => setImmediate(resolve));
  return { code, stdout, stderr };
}

describe("parsePreviewJson", () => {
  it.each([
    ["", /the input is empty/],
    ["Previewing update (dev):", /the input is not JSON .*it starts "Previewing update \(dev\):"/],
    ['{"version": 3, "deployment": {}}', /has no "steps" list/],
    ['{"steps": [{"urn": "x"}]}', /steps\[0\] has no "op" or "urn"/],
  ])("refuses %j, saying how to make the document", (text, message) => {
    expect(() => parsePreviewJson(text)).toThrow(PreviewInputError);
    expect(() => parsePreviewJson(text)).toThrow(message);
    expect(() => parsePreviewJson(text)).toThrow("pulumi preview --json --show-sames --show-replacement-steps");
  });
});

describe("the captured previews", () => {
  it("cover every case the docs show", () => {
    expect(captureNames()).toEqual(
      expect.arrayContaining([
        "quickstart-adopt",
        "quickstart-no-change",
        "quickstart-rotate-create-first",
        "quickstart-second-secret",
        "quickstart-limit",
        "quickstart-deactivate",
        "quickstart-rotate-delete-first",
        "quickstart-rotating-generation-1",
        "quickstart-rotating-retire-1",
        "quickstart-rotating-generation-2",
        "quickstart-rotating-retire-2",
        "quickstart-delete",
        "rotating-missed-window",
        "rotating-reactivate",
        "jwk-generation-1",
        "jwk-retire",
        "jwk-generation-2",
      ]),
    );
  });

  it.each(captureNames())("%s: reviewed, failed only at the limit, no secret marker, nothing internal", (name) => {
    const { markdown, failed } = reviewPreview(capture(name));
    expect(markdown.startsWith("## Okta credentials in this preview\n")).toBe(true);
    expect(failed).toBe(name === "quickstart-limit");
    expect(markdown).not.toContain("[secret]");
    expect(markdown).not.toContain("resourceUrn");
    expect(markdown).not.toContain("__provider");
    expect(markdown).not.toContain("04da6b54-80e4-46f7-96ec-b56ff0331ba9");
  });

  it("the limit: the provider's message as the blocking problem, its fix apart", () => {
    const { markdown } = reviewPreview(capture("quickstart-limit"));
    expect(markdown).toContain("### Blocked: the preview failed\n");
    expect(markdown).toMatch(/```text\napp 0oaExampleApp0000001 held 2 client secrets when this run looked/);
    expect(markdown).toMatch(/```\n\n\*\*Fix:\*\* rotate ClientSecret "app-secret" in two runs: /);
  });

  it("a rotation's facts: the order, the ids, the counts and the consumers' outputs", () => {
    const { markdown } = reviewPreview(capture("quickstart-rotate-create-first"));
    expect(markdown).toContain("| ACTIVE secrets | 1 | 1 | never fewer than 1 |");
    expect(markdown).toContain("| secrets held (Okta's maximum: 2) | 1 | 1 | at most 2 |");
    expect(markdown).toContain(
      [
        "1. create a new secret, ACTIVE (ClientSecret `app-secret`)",
        "",
        "Then, after every create and update of the run (the engine's deletes):",
        "",
        "2. deactivate `ocsExampleSecret0001` (ClientSecret `app-secret`)",
        "3. delete `ocsExampleSecret0001` (ClientSecret `app-secret`)",
      ].join("\n"),
    );
    expect(markdown).toContain("stack outputs that change: `secretHash`, `secretId`");
  });
});

describe("a preview without the flags the review asks for", () => {
  it("without --show-replacement-steps: the order and the extremes are not claimed", () => {
    const digest = digestOf("quickstart-rotate-create-first");
    digest.steps = digest.steps.filter((s) => s.op !== "create-replacement" && s.op !== "delete-replaced");
    const { markdown } = render(digest);
    expect(markdown).toContain("(the order is not in this preview: add `--show-replacement-steps`)");
    expect(markdown).toContain("| ACTIVE secrets | 1 | 1 | unknown: the replacements' order is not in this preview |");
    expect(markdown).toContain("Writes to Okta: their order is not in this preview (add `--show-replacement-steps`).");
    // The review claims nothing of the moments between (the provider's own note may: it knows the order).
    expect(markdown).not.toContain("The app keeps an ACTIVE");
    expect(markdown).not.toContain("at every moment of the run");
    expect(markdown).not.toMatch(/^\d+\. /m);
  });

  it("without --show-sames: no counts, and a note that says which flag gives them", () => {
    const digest = digestOf("quickstart-second-secret");
    digest.steps = digest.steps.filter((s) => s.op !== "same" || String(s.urn).includes("pulumi:pulumi:Stack"));
    const { markdown } = render(digest);
    expect(markdown).toContain("The preview leaves unchanged resources out, so the counts miss them");
    expect(markdown).not.toContain("| ACTIVE secrets |");
    expect(markdown).toContain("**ClientSecret `partner-secret`**: created");
  });
});

describe("no secret value reaches the Markdown", () => {
  const plaintext = "Zq8uA3kVw1Yb6pLmN0cXr2TsDfGh4JkE9oIuYtRe7WqAzSxDcVfBgNhMjKl5Pp0_"; // 64 chars, as Okta makes
  const token = "00aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789AbCd";
  const pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n";

  it("plaintext where the engine writes [secret], in config, outputs, triggers and a foreign error", () => {
    const text = capture("quickstart-rotate-create-first").split('"[secret]"').join(JSON.stringify(plaintext));
    const digest = JSON.parse(text) as Digest;
    digest.config = { "okta:apiToken": token, "okta:privateKey": pem };
    for (const step of digest.steps) {
      const state = step.newState as
        | { inputs?: Record<string, unknown>; outputs?: Record<string, unknown> }
        | undefined;
      if (state?.inputs?.rotationTriggers) state.inputs.rotationTriggers = { rotation: token };
      if (String(step.urn).includes("pulumi:pulumi:Stack")) {
        const old = step.oldState as { outputs: Record<string, unknown> };
        old.outputs.privateKeyPem = pem;
        old.outputs.partnerToken = token;
      }
    }
    // The provider's line, not its note, is what this test injects a value into.
    for (const step of digest.steps) delete (step.newState as { inputs?: Record<string, unknown> })?.inputs?.change;
    digest.diagnostics = [
      {
        urn: "urn:pulumi:e2e::p::okta:app/oAuth:OAuth::web",
        message: `error: bad secret ${plaintext}`,
        severity: "error",
      },
      { message: `warning: ClientSecret "app-secret" is replaced: ${token}`, severity: "info#err" },
    ];
    const { markdown, failed } = render(digest);
    expect(failed).toBe(true);
    expect(markdown).not.toContain(plaintext);
    expect(markdown).not.toContain("PRIVATE KEY");
    expect(markdown).toContain("`web` failed at preview: its message is in Pulumi's own output");
    expect(markdown).toContain("`rotationTriggers.rotation` `initial` → (a value not shown)");
    // A line of this package's provider is shown: it never holds a value by construction (the provider's rule).
    expect(markdown).toContain(`the provider: ClientSecret "app-secret" is replaced: ${token}`);
  });
});

describe("the moments between before and after", () => {
  const app = "0oaExampleApp0000001";
  const urn = (name: string) => `urn:pulumi:e2e::p::pulumi-nodejs:dynamic/okta:ClientSecret::${name}`;
  const secret = (
    name: string,
    id: string,
    status: string,
    inputs: Record<string, unknown>,
    dependencies: string[] = [],
  ) => ({
    oldState: {
      urn: urn(name),
      type: "pulumi-nodejs:dynamic/okta:ClientSecret",
      id: `${app}/${id}`,
      inputs: { appId: app, status, rotationTriggers: { r: "1" } },
      outputs: { appId: app, secretId: id, status, clientSecret: "[secret]" },
    },
    newState: {
      urn: urn(name),
      type: "pulumi-nodejs:dynamic/okta:ClientSecret",
      inputs: { appId: app, status: "ACTIVE", rotationTriggers: { r: "1" }, ...inputs },
      dependencies,
    },
  });
  // a: rotated delete-first while ACTIVE (heldRetired): one ACTIVE fewer until its new secret exists;
  // b: deactivated in place.
  const preview = (bAfterA: boolean) => ({
    steps: [
      {
        op: "delete-replaced",
        urn: urn("a"),
        ...secret("a", "ocsExampleSecret0001", "ACTIVE", { rotationTriggers: { r: "2" } }),
      },
      {
        op: "replace",
        urn: urn("a"),
        replaceReasons: ["rotationTriggers"],
        ...secret("a", "ocsExampleSecret0001", "ACTIVE", { rotationTriggers: { r: "2" } }),
      },
      {
        op: "create-replacement",
        urn: urn("a"),
        ...secret("a", "ocsExampleSecret0001", "ACTIVE", { rotationTriggers: { r: "2" } }),
      },
      {
        op: "update",
        urn: urn("b"),
        ...secret("b", "ocsExampleSecret0002", "ACTIVE", { status: "INACTIVE" }, bAfterA ? [urn("a")] : []),
      },
    ],
    changeSummary: { replace: 1, update: 1 },
  });

  it("resources that do not depend on each other may write at once: the worst order is the one shown", () => {
    const { markdown } = render(preview(false));
    expect(markdown).toContain("| ACTIVE secrets | 2 | 1 | never fewer than 0 |");
    expect(markdown).toContain(`**Warning:** app \`${app}\` has no ACTIVE credential of this stack at some moment`);
    expect(markdown).toContain("Pulumi may run the writes of resources that do not depend on each other");
  });

  it("a resource that waits for the other cannot dip at the same time", () => {
    const { markdown } = render(preview(true));
    expect(markdown).toContain("| ACTIVE secrets | 2 | 1 | never fewer than 1 |");
    expect(markdown).toContain("The app keeps an ACTIVE secret at every moment of the run.");
    expect(markdown).not.toContain("Pulumi may run the writes");
  });
});

describe("worstCase", () => {
  const dip = (urn: string, after: string[] = []) => ({
    urn,
    after: new Set(after),
    firstPhase: [
      { active: -1, total: -1 },
      { active: 1, total: 1 },
    ],
  });
  const start = { active: 20, total: 20 };

  it("a chain of dependencies dips one at a time; independent resources may all dip at once", () => {
    const chain = ["a", "b", "c"].map((u, i, all) => dip(u, all.slice(0, i)));
    expect(worstCase(chain, start, start)).toEqual({ fewestActive: 19, mostHeld: 20 });
    expect(
      worstCase(
        ["a", "b", "c"].map((u) => dip(u)),
        start,
        start,
      ),
    ).toEqual({ fewestActive: 17, mostHeld: 20 });
  });

  it("past 16 resources, dependencies are ignored: the bound can only be worse", () => {
    const many = Array.from({ length: 17 }, (_, i) => dip(`r${i}`, i === 0 ? [] : [`r${i - 1}`]));
    expect(worstCase(many, start, start)).toEqual({ fewestActive: 3, mostHeld: 20 });
    expect(worstCase(many.slice(0, 16), start, start)).toEqual({ fewestActive: 19, mostHeld: 20 });
  });
});

describe("readReasons", () => {
  it("reads a credential's change note first: this run's why, in the provider's words", () => {
    const digest = parsePreviewJson(capture("rotating-missed-window"));
    const slot = digest.steps.find((s) => s.urn.endsWith("::api-slot0"))?.urn ?? "";
    expect(readReasons(digest).about(slot)).toEqual([
      expect.stringMatching(
        /^heldRetired: ocs\w+ is retired, so it is deleted first while the app keeps ocs\w+ ACTIVE$/,
      ),
    ]);
  });

  it("gives a line without URN to the resource it names, and an error to the resource of its URN", () => {
    const digest = parsePreviewJson(capture("rotating-missed-window"));
    // A state written before the change note existed: the provider's lines are the reasons.
    for (const step of digest.steps) delete step.newState?.inputs?.change;
    const reasons = readReasons(digest);
    const slot = digest.steps.find((s) => s.urn.endsWith("::api-slot0"))?.urn ?? "";
    expect(reasons.about(slot)).toEqual([
      expect.stringMatching(
        /^ClientSecret "api-slot0" is replaced delete-first: heldRetired says its ACTIVE secret ocs/,
      ),
    ]);
    expect(reasons.blocking).toEqual([]);
    const limit = readReasons(parsePreviewJson(capture("quickstart-limit")));
    expect(limit.blocking).toEqual([
      { urn: expect.stringMatching(/ClientSecret::app-secret$/), message: expect.stringMatching(/^app 0oa\w+ held 2/) },
    ]);
  });
});

describe("okta-credentials (the command)", () => {
  it("reviews a file, or stdin; exit code 1 when the preview failed", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "okcred-review-"));
    try {
      const file = path.join(dir, "preview.json");
      await writeFile(file, capture("quickstart-limit"));
      const fromFile = await cli(["review", file]);
      expect(fromFile.code).toBe(1);
      expect(fromFile.stdout).toContain("### Blocked: the preview failed");
      const fromStdin = await cli(["review"], capture("quickstart-adopt"));
      expect(fromStdin).toEqual({ code: 0, stdout: reviewPreview(capture("quickstart-adopt")).markdown, stderr: "" });
      expect((await cli(["review", "-"], capture("quickstart-adopt"))).code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [[], /no command/],
    [["diff"], /unknown command "diff"/],
    [["review", "--diff"], /unknown option --diff/],
    [["review", "a.json", "b.json"], /one file at most/],
    [["review", "/no/such/preview.json"], /reading \/no\/such\/preview\.json: ENOENT/],
  ])("%j: exit code 2 and what is wrong", async (args, message) => {
    const { code, stderr, stdout } = await cli(args as string[]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
  });

  it("says what it is with --help, and refuses what is not a preview with exit code 2", async () => {
    expect((await cli(["review", "--help"])).stdout).toContain("usage: okta-credentials review [preview.json]");
    const notJson = await cli(["review"], "Previewing update (e2e):\n");
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain("okta-credentials review: stdin: the input is not JSON");
  });
});
