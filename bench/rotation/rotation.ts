// What a rotation costs in Okta API requests (the rate-limit bucket every credentials call shares) and wall time:
// `pulumi up` of a ClientSecret rotation under the real engine, against two baselines measured in the same run:
// the manual sequence of Okta's rotation guide (list, create, deactivate, delete) and a no-op `pulumi up`.
//
//   npx ts-node --transpile-only bench/rotation/rotation.ts [runs]     (writes bench/rotation/results.md)
import { writeFile } from "node:fs/promises";
import { loadavg } from "node:os";
import path from "node:path";
import type { OktaEmulator } from "../../emulator/index";
import { createStack } from "../../tests/e2e/harness";

const runs = Number(process.argv[2] ?? 5);
const fixture = path.join(__dirname, "../../tests/e2e/clientSecret/fixture");

interface Sample {
  ms: number;
  requests: number;
  writes: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : Math.round(((s[mid - 1] as number) + (s[mid] as number)) / 2);
};

async function measure(emulator: OktaEmulator, action: () => Promise<unknown>): Promise<Sample> {
  emulator.clearRequests();
  const start = performance.now();
  await action();
  const ms = Math.round(performance.now() - start);
  const log = emulator.requests().filter((r) => r.path.startsWith("/api/v1/apps"));
  return { ms, requests: log.length, writes: log.filter((r) => r.method !== "GET").length };
}

/** Okta's guide by hand: list the secrets, create one, deactivate the old one, delete it. */
async function guideRotation(emulator: OktaEmulator, appId: string): Promise<void> {
  const base = `${emulator.url}/api/v1/apps/${appId}/credentials/secrets`;
  const call = async (method: string, url: string) => {
    const response = await fetch(url, { method, headers: { Authorization: `SSWS ${emulator.apiToken}` } });
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status}`);
    return response.status === 204 ? undefined : response.json();
  };
  const [old] = (await call("GET", base)) as { id: string }[];
  await call("POST", base);
  await call("POST", `${base}/${old?.id}/lifecycle/deactivate`);
  await call("DELETE", `${base}/${old?.id}`);
}

async function main(): Promise<void> {
  const load = loadavg().map((x) => x.toFixed(2));
  const stack = await createStack({ program: fixture });
  const guideApp = await stack.emulator.createApp({ label: "guide baseline" });
  const rows: Record<"rotate" | "noop" | "guide", Sample[]> = { rotate: [], noop: [], guide: [] };
  try {
    const [initial] = stack.emulator.state().apps[0]?.secrets ?? [];
    await stack.setConfig("adopt", initial?.id as string);
    await stack.up();
    // Interleaved, so that load on the shared machine falls on every mode alike.
    for (let i = 1; i <= runs; i++) {
      await stack.setConfig("rotation", `bench-${i}`);
      rows.rotate.push(await measure(stack.emulator, () => stack.up()));
      rows.noop.push(await measure(stack.emulator, () => stack.up()));
      rows.guide.push(await measure(stack.emulator, () => guideRotation(stack.emulator, guideApp.id)));
      process.stderr.write(`bench: run ${i}/${runs} done\n`);
    }
  } finally {
    await stack.cleanup();
  }
  const line = (label: string, xs: Sample[]) => {
    const ms = median(xs.map((x) => x.ms));
    return `| ${label} | ${median(xs.map((x) => x.requests))} | ${median(xs.map((x) => x.writes))} | ${ms} |`;
  };
  const requests = (xs: Sample[]) => median(xs.map((x) => x.requests));
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  const text = `# Rotation cost (bench/rotation/rotation.ts)

Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${runs} runs of each mode, interleaved; load
average before: ${load.join(" ")}. Medians. Requests are those to \`/api/v1/apps…\` (Okta's shared rate-limit bucket:
100 a minute on paid orgs, 20 on the free Integrator plan), counted from the emulator's request log.

| mode | requests | of them writes | wall ms |
|---|---|---|---|
${line("`pulumi up` rotating a ClientSecret (check, diff, create, delete)", rows.rotate)}
${line("baseline: no-op `pulumi up` (same stack)", rows.noop)}
${line("baseline: Okta's guide by hand (list, create, deactivate, delete)", rows.guide)}

- requests, rotation / guide: ${ratio(requests(rows.rotate), requests(rows.guide))}. The writes are the guide's three; the
  reads: \`check\` reads the app (its auth method: the rules for secrets), \`diff\` lists the secrets (a free slot for the
  new one, at preview), \`create\` lists them again under the app's lock before it POSTs (the slot may have gone since,
  and a lost answer is recognised against this list), \`delete\` reads the old secret's status before deactivating it.
  The engine's second \`check\` of a replacement asks Okta nothing: \`diff\` has just verified the same inputs.
- rotations a minute within the free plan's bucket: ${Math.floor(20 / requests(rows.rotate))} (guide by hand: ${Math.floor(20 / requests(rows.guide))})
- wall time, rotation / no-op \`up\`: ${ratio(median(rows.rotate.map((x) => x.ms)), median(rows.noop.map((x) => x.ms)))} (the engine's own cost dominates)
`;
  await writeFile(path.join(__dirname, "results.md"), text);
  process.stdout.write(text);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
