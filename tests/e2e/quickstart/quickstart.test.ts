import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify, stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";

// `npm start` as a user runs it: the script prints what it does, and this test holds it to the story the README tells:
// adopt the app's own secret, remove adoptSecretId (no change), rotate (+-), a second secret, the two-secret limit
// caught at preview and fixed with Pulumi (~ then +-), and a RotatingClientSecret walked through two generations.
const run = promisify(execFile);
const repo = path.resolve(__dirname, "../../..");

/** The secret rows `okta.cjs secrets` printed in a section: id and status. */
function rows(section: string): { id: string; status: string }[] {
  return [...section.matchAll(/^\s+(ocs\w{17})\s+(ACTIVE|INACTIVE)\s/gm)].map((m) => ({
    id: m[1] as string,
    status: m[2] as string,
  }));
}

describe("the quickstart (scripts/quickstart.sh, what `npm start` runs)", () => {
  it("tells the workflow: adopt, rotate, a second secret, the limit fixed with Pulumi, two scheduled generations", async () => {
    // Both streams, interleaved as a terminal shows them: pulumi writes its errors to stderr.
    // Its own state folder, so a user's `npm start` in the same checkout is never disturbed.
    const state = await mkdtemp(path.join(tmpdir(), "okcred-quickstart-"));
    const { stdout } = await run("bash", ["-c", "bash scripts/quickstart.sh 2>&1"], {
      cwd: repo,
      env: { ...process.env, NO_COLOR: "1", QUICKSTART_DIR: state },
      maxBuffer: 16 * 1024 * 1024,
      timeout: 600_000,
    })
      .catch((error: { stdout?: string; message: string }) => {
        // What the script printed up to the failure (never a secret: the script prints none), not just "Command failed".
        throw new Error(`${error.message}\n${stripVTControlCharacters(error.stdout ?? "").slice(-6000)}`);
      })
      .finally(() => rm(state, { recursive: true, force: true }));
    const text = stripVTControlCharacters(stdout);
    const section = (n: number) => text.slice(text.indexOf(`== ${n}.`), text.indexOf(`== ${n + 1}.`));

    const [initial] = rows(section(1));
    expect(rows(section(1))).toHaveLength(1);
    expect(section(3)).toMatch(/\+ {2}pulumi-nodejs:dynamic\/okta:ClientSecret app-secret created/);
    expect(rows(section(3))).toEqual([initial]);

    expect(section(4)).not.toMatch(/to (create|update|replace|delete)/);
    expect(section(4)).toContain("2 unchanged");

    expect(section(5)).toContain("+-pulumi-nodejs:dynamic/okta:ClientSecret: (replace)");
    expect(section(5)).toMatch(/~ rotation: "initial" => "2026-12"/);
    expect(section(5)).toContain("+-1 replaced");
    const rotated = rows(section(5));
    expect(rotated).toHaveLength(1);
    expect(rotated[0]?.id).not.toBe(initial?.id);

    expect(section(6)).toContain("+ 1 created");
    expect(rows(section(6))).toHaveLength(2);

    expect(section(7)).toContain("held 2 client secrets when this run looked");
    expect(section(7)).toContain('rotate ClientSecret "app-secret" in two runs');

    expect(section(8)).toMatch(/~ status\s*: "ACTIVE" => "INACTIVE"/);
    expect(section(8)).toContain("~ 1 updated");
    expect(rows(section(8))).toContainEqual({ id: rotated[0]?.id, status: "INACTIVE" });

    expect(section(9)).toContain("+-pulumi-nodejs:dynamic/okta:ClientSecret: (replace)");
    expect(section(9)).toContain("+-1 replaced");
    const full = rows(section(9));
    expect(full).toHaveLength(2);
    expect(full.every((r) => r.status === "ACTIVE")).toBe(true);
    expect(full.map((r) => r.id)).not.toContain(rotated[0]?.id);

    // The scheduled walk: after each `up`, what the second app holds (never more than two, never none ACTIVE).
    const walk = section(10)
      .split("OKTA_CREDENTIALS_NOW=")
      .slice(1)
      .map((step) => rows(step));
    const active = (held: { status: string }[]) => held.filter((r) => r.status === "ACTIVE").length;
    expect(walk.map((held) => [held.length, active(held)])).toEqual([
      [2, 2], // generation 1 beside the adopted secret
      [2, 1], // the adopted one retired
      [2, 2], // generation 2 in the retired one's slot, generation 1 still ACTIVE
      [2, 1], // generation 1 retired
    ]);
    expect(section(10)).toContain('RotatingClientSecret "scheduled": generation 2 began 2026-01-31');

    const final = text.slice(text.indexOf("== 11."));
    expect(final).toMatch(/clientSecret\s+\[secret\]/);
    expect(final).toMatch(/schedule\s+generation 2, current ocs\w{17}, previous retires 2026-02-07/);
    // No secret value anywhere: Okta's generated secrets are 64 characters of [A-Za-z0-9_-].
    expect(text).not.toMatch(/[A-Za-z0-9_-]{64}/);
    // The script's own limit (above), not the e2e config's 3 minutes: about a minute and a half on an idle machine,
    // it took longer than 3 minutes on 2 cores shared with other test runs (load average 15), on Node.js 22 and 24 alike.
  }, 600_000);
});
