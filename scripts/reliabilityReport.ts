// `npx ts-node --transpile-only scripts/reliabilityReport.ts [DIR]`: the figures the reliability tests recorded
// (tests/reliability/figures.ts: one JSON line per scenario in DIR/<suite>.jsonl, `.reliability-results/` by
// default), totalled per suite and scale as the Markdown table docs/reliability.md quotes (from the run kept in
// docs/reliability-results/, which tests/unit/docs/reliability.test.ts holds the table to). Counts are summed; a
// figure named like a time (`…Ms`, `…MsFirst`) or a size (`…Bytes`, `…BytesLast`) is given as its range instead, since a sum means nothing. A
// suite's own `total` line repeats its scenarios' and is left out.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

interface Line {
  suite: string;
  scenario: string;
  scale: string;
  figures: Record<string, number>;
}

/** The Markdown table of the figures in `dir`. */
export function reliabilityTable(dir: string): string {
  const lines: Line[] = readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .flatMap((f) =>
      readFileSync(path.join(dir, f), "utf8")
        .split("\n")
        .filter((l) => l.trim() !== "")
        .map((l) => JSON.parse(l) as Line),
    )
    .filter((l) => l.scenario !== "total");
  const ranged = (name: string) => /(Ms|Bytes)(First|Last|Spread)?$/.test(name);
  const groups = new Map<string, Line[]>();
  for (const line of lines) {
    const key = `${line.suite} (${line.scale})`;
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  const rows: string[] = ["| suite | scenarios | figures |", "|---|---:|---|"];
  for (const [key, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const names = [...new Set(group.flatMap((l) => Object.keys(l.figures)))];
    const figures = names.map((name) => {
      const values = group.map((l) => l.figures[name]).filter((v): v is number => typeof v === "number");
      if (ranged(name)) return `${name} ${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))}`;
      return `${name} ${values.reduce((a, b) => a + b, 0)}`;
    });
    rows.push(`| ${key} | ${group.length} | ${figures.join(", ")} |`);
  }
  return rows.join("\n");
}

if (require.main === module) {
  console.log(reliabilityTable(path.resolve(process.argv[2] ?? path.join(__dirname, "../.reliability-results"))));
}
