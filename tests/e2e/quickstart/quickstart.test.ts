import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify, stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";

// `npm start` as a user runs it: the emulator, the engine, a ClientSecret, the two-slot limit caught at preview, and a
// rotation. The script prints what it does; this test holds it to the story the README tells.
const run = promisify(execFile);
const repo = path.resolve(__dirname, "../../..");

describe("the quickstart (scripts/quickstart.sh, what `npm start` runs)", () => {
  it("creates a secret, is stopped at preview by the two-slot limit, then rotates with +- replace", async () => {
    // Both streams, interleaved as a terminal shows them: pulumi writes its errors to stderr.
    // Its own state folder, so a user's `npm start` in the same checkout is never disturbed.
    const state = await mkdtemp(path.join(tmpdir(), "okcred-quickstart-"));
    const { stdout } = await run("bash", ["-c", "bash scripts/quickstart.sh 2>&1"], {
      cwd: repo,
      env: { ...process.env, NO_COLOR: "1", QUICKSTART_DIR: state },
      maxBuffer: 16 * 1024 * 1024,
      timeout: 300_000,
    }).finally(() => rm(state, { recursive: true, force: true }));
    const text = stripVTControlCharacters(stdout);
    const section = (n: number) => text.slice(text.indexOf(`== ${n}.`), text.indexOf(`== ${n + 1}.`));

    expect(section(3)).toMatch(/\+ {2}pulumi-nodejs:dynamic\/okta:ClientSecret app-secret created/);
    expect(section(4)).toMatch(/held 2 client secrets when this run looked/);
    expect(section(4)).toContain("free a slot first: retire a secret no resource needs");
    expect(section(6)).toContain("+-pulumi-nodejs:dynamic/okta:ClientSecret: (replace)");
    expect(section(6)).toMatch(/~ rotation: "initial" => "2026-12"/);
    expect(section(7)).toContain("+-1 replaced");

    const final = text.slice(text.indexOf("== 8."));
    const rows = final.split("\n").filter((line) => /^\s+ocs\w{17}\s/.test(line));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain("ACTIVE");
    const secretId = final.match(/secretId\s+(ocs\w{17})/)?.[1];
    expect(rows[0]).toContain(secretId);
    expect(final).toMatch(/clientSecret\s+\[secret\]/);
  });
});
