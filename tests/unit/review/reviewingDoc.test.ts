import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { capture, captureNames, renderCapture } from "./captures";

// docs/reviewing.md shows what a reviewer sees for each kind of change: each example is the review of a preview the
// real engine wrote (a capture of tests/e2e/review/), between `<!-- review: NAME -->` and `<!-- /review -->`, quoted.
// This test holds every example to its capture; `UPDATE_REVIEW_CAPTURES=1` rewrites them from the captures.
const page = path.resolve(__dirname, "../../../docs/reviewing.md");
const block = /<!-- review: ([\w-]+) -->\n([\s\S]*?)<!-- \/review -->/g;

function quoted(name: string): string {
  const { markdown } = renderCapture(capture(name));
  return `${markdown
    .trimEnd()
    .split("\n")
    .map((line) => (line === "" ? ">" : `> ${line}`))
    .join("\n")}\n`;
}

describe("docs/reviewing.md", () => {
  const text = readFileSync(page, "utf8");
  const examples = [...text.matchAll(block)].map((m) => ({ name: m[1] as string, body: m[2] as string }));

  it("shows each kind of change: create, adopt, both rotations, status, the limit, a generation and a retirement", () => {
    expect(examples.map((e) => e.name)).toEqual(
      expect.arrayContaining([
        "quickstart-second-secret",
        "quickstart-adopt",
        "quickstart-rotate-create-first",
        "quickstart-rotate-delete-first",
        "quickstart-deactivate",
        "quickstart-limit",
        "quickstart-rotating-generation-2",
        "quickstart-rotating-retire-1",
        "rotating-missed-window",
      ]),
    );
    for (const { name } of examples) expect(captureNames()).toContain(name);
  });

  it("quotes each example exactly as the review of its capture reads", () => {
    if (process.env.UPDATE_REVIEW_CAPTURES === "1") {
      writeFileSync(
        page,
        text.replace(block, (_, name: string) => `<!-- review: ${name} -->\n${quoted(name)}<!-- /review -->`),
      );
      return;
    }
    for (const { name, body } of examples) {
      expect(
        body,
        `docs/reviewing.md's example ${name}: run UPDATE_REVIEW_CAPTURES=1 npx vitest run tests/unit/review`,
      ).toBe(quoted(name));
    }
  });
});
