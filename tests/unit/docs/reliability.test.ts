import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { reliabilityTable } from "../../../scripts/reliabilityReport";

// docs/reliability.md is held to the suite and to the run it quotes: it names every reliability test file, every file
// it names exists, and its figures table is the report of the kept run (docs/reliability-results/), in which no
// scenario lost an object or found a leak.
const repo = path.resolve(__dirname, "../../..");
const page = fs.readFileSync(path.join(repo, "docs/reliability.md"), "utf8");
const resultsDir = path.join(repo, "docs/reliability-results");

describe("docs/reliability.md", () => {
  it("names every test of tests/reliability, and every file it names exists", () => {
    const tests = fs.readdirSync(path.join(repo, "tests/reliability")).filter((f) => f.endsWith(".test.ts"));
    for (const file of tests) expect(page).toContain(`tests/reliability/${file}`);
    const named = [...page.matchAll(/`((?:tests|sdk|provider|scripts|review)\/[\w./-]+)`/g)].map((m) => m[1] as string);
    expect(named.length).toBeGreaterThan(10);
    for (const file of named) expect(fs.existsSync(path.join(repo, file)), file).toBe(true);
  });

  it("quotes the kept run's figures as scripts/reliabilityReport.ts totals them", () => {
    const quoted = page.split("<!-- figures: scripts/reliabilityReport.ts docs/reliability-results -->\n")[1];
    expect(quoted).toBeDefined();
    expect(quoted?.split("\n<!-- /figures -->")[0]).toBe(reliabilityTable(resultsDir));
  });

  it("the kept run lost nothing and found no leak", () => {
    const lines = fs
      .readdirSync(resultsDir)
      .flatMap((f) => fs.readFileSync(path.join(resultsDir, f), "utf8").split("\n"))
      .filter((l) => l.trim() !== "")
      .map((l) => JSON.parse(l) as { suite: string; figures: Record<string, number> });
    for (const suite of ["faults", "crashes", "concurrency", "soak", "leaks", "properties"]) {
      expect(
        lines.some((l) => l.suite === suite),
        suite,
      ).toBe(true);
    }
    for (const { figures } of lines) {
      expect(figures.objectsLost ?? 0).toBe(0);
      expect(figures.leaks ?? 0).toBe(0);
      expect(figures.threw ?? 0).toBe(0);
    }
  });
});
