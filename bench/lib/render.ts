import type { PluginResult } from "../sections/plugin";
import type { RateLimitResult } from "../sections/rateLimits";
import type { RequestsResult } from "../sections/requests";
import type { StartupResult } from "../sections/startup";
import type { StateCostResult } from "../sections/stateCost";
import type { WallTimeResult } from "../sections/wallTime";
import type { Machine } from "./machine";

/** Every section's result, as far as it has been measured. */
export interface Results {
  requests?: RequestsResult;
  wall?: WallTimeResult;
  limits?: RateLimitResult;
  state?: StateCostResult;
  startup?: StartupResult;
  plugin?: PluginResult;
}

const s = (ms: number) => (ms / 1000).toFixed(1);

function machine(m: Machine): string {
  return (
    `Measured ${m.date} on ${m.nproc} cores (${m.cpu}), Node ${m.node}, pulumi ${m.pulumi}.\n` +
    `Load before: \`${m.uptimeBefore}\`; after: \`${m.uptimeAfter ?? "?"}\`.\n`
  );
}

function requests(r: RequestsResult): string {
  const rows = r.operations.map((o) => {
    const what = Object.entries(o.breakdown)
      .map(([kind, n]) => (n > 1 ? `${kind} ×${n}` : kind))
      .join(", ");
    const extra = o.extra.map((e) => `${e.kind} ×${e.count}`).join(", ") || "none";
    const ratio = o.minimum === 0 ? (o.requests === 0 ? "-" : "∞") : (o.requests / o.minimum).toFixed(2);
    return `| ${o.operation} | ${o.requests} | ${o.writes} | ${what || "-"} | ${o.minimum} | ${ratio} | ${extra} |`;
  });
  const kinds = new Map(r.operations.flatMap((o) => o.extra.map((e) => [e.kind, e.reason] as const)));
  return `## 1. Requests per operation

\`bench/sections/requests.ts\`: one ClientSecret through its life on one app, each step as users run it
(\`pulumi up\` with its preview), counted from the emulator's request log (\`/api/v1/apps…\`). The minimum is issue 13's
(Okta's rotation guide: list, create, deactivate, delete; a refresh of M apps: M lists).
${machine(r.machine)}
| operation | requests | of them writes | what | minimum | ratio | above the minimum |
|---|---|---|---|---|---|---|
${rows.join("\n")}

Every request above the minimum, and why it is kept:
${[...kinds].map(([kind, reason]) => `- **${kind}**: ${reason}.`).join("\n")}
`;
}

function wall(r: WallTimeResult): string {
  const rows = r.rows.map(
    (w) => `| ${w.n} | ${w.step} | ${s(w.okta)} | ${s(w.floor)} | ${w.ratio.toFixed(2)} | ${w.requests} |`,
  );
  const runs = Object.entries(r.runs)
    .map(([n, k]) => `${k} runs at N = ${n}`)
    .join(", ");
  return `## 2. Wall time beside the engine's floor

\`bench/sections/wallTime.ts\`: N ClientSecrets, one an app (each app's own secret adopted), beside the same N
resources of a dynamic provider that does nothing (\`bench/programs/floor\`: the engine's own cost). Each step as
users run it (with its preview), rate limit off; the two stacks interleaved step by step; medians of ${runs}.
${machine(r.machine)}
| N | step | ClientSecret s | no-op provider s | ratio | Okta requests |
|---|---|---|---|---|---|
${rows.join("\n")}
`;
}

function limits(r: RateLimitResult): string {
  const rows = r.rows.map((l) => {
    const who = l.stacks === 1 ? "1 stack" : `${l.stacks} stacks at once`;
    const cap = l.capacity === undefined ? "" : `, okta:maxApiCapacity ${l.capacity}`;
    const share = l.share === undefined ? "-" : `${l.share * 100}%`;
    return (
      `| ${l.label} | ${l.limit} | ${share} | ${who} × ${l.perStack}${cap} | ${l.rotations} | ${l.requests} | ` +
      `${l.refused} | ${l.minutes} (${l.stackMinutes.join(", ")}) | ${l.floorMinutes} | ${l.ratio.toFixed(2)} | ` +
      `${l.windowMinutes} | ${l.failed} |`
    );
  });
  const failures = r.rows.flatMap((l) => l.failures.map((f) => `- ${l.label}: ${f.split("\n")[0]}`));
  return `## 3. Under Okta's rate limits

\`bench/sections/rateLimits.ts\`: the stacks adopt one secret an app with the rate limit off, then rotate them all in
one \`pulumi up\` each (with its preview), at once, against one org whose \`/api/v1/apps\` bucket allows \`limit\` requests
a minute (with the per-token share, when set: every stack uses the same API token). Each scenario measured once.
"requests ÷ rate" is the floor the issue names: the requests that counted (429s do not), at the rate this token may
use; "windows" is the least time Okta's fixed per-minute windows allow (the first window's requests go at once:
⌈requests ÷ rate⌉ − 1 minutes), which a fast run can approach.
${machine(r.machine)}
| scenario | limit / min | share | stacks | rotations | requests | 429s | minutes (each stack) | requests ÷ rate | ratio | windows (min) | failed operations |
|---|---|---|---|---|---|---|---|---|---|---|---|
${rows.join("\n")}

Where the 429s come from: a provider process knows nothing of the bucket until its first answer, so its first request
finds out (in a \`pulumi up\`, the update's process starts after its preview's process spent the minute: one 429), and
two stacks' processes race for the last requests of a minute. Each 429 costs only its own request a wait for the
reset, after which it goes first; none fails an operation. \`okta:maxApiCapacity\` counts one process's requests, and
a \`pulumi up\` has two (preview, update), so two stacks at 50 still meet a spent minute now and then.
${failures.length > 0 ? `\nFailures:\n${failures.join("\n")}\n` : ""}`;
}

function state(r: StateCostResult): string {
  const [first] = r.builds;
  if (!first) return "";
  return `## 4. State cost

\`bench/sections/stateCost.ts\`: one resource in \`pulumi stack export\` (the resource as compact JSON), from
${r.builds.length} build${r.builds.length === 1 ? "" : "s"} of \`dist/\` (each from a removed \`dist/\`).
${machine(r.machine)}
| | ClientSecret | no-op provider (its code serialized by value) | ratio |
|---|---|---|---|
| \`__provider\` bytes | ${first.providerBytes} | ${r.floor.providerBytes} | ${(first.providerBytes / r.floor.providerBytes).toFixed(2)} |
| whole resource bytes | ${first.resourceBytes} | ${r.floor.resourceBytes} | ${(first.resourceBytes / r.floor.resourceBytes).toFixed(2)} |

- identical across the builds (\`__provider\` text and resource size): ${r.identical ? "yes" : "**no**"}
  (${r.builds.map((b) => `${b.providerBytes} / ${b.resourceBytes} bytes, sha256 ${b.providerSha256.slice(0, 12)}`).join("; ")});
- the \`__provider\` text is the committed golden (\`tests/unit/sdk/clientSecret.provider.golden.txt\`): ${r.matchesGolden ? "yes" : "**no**"}.
`;
}

function startup(r: StartupResult): string {
  const scale = r.peakMbAtScale
    ? `| peak memory (MB), the \`pulumi up\` rotating ${r.peakMbAtScale.n} more resources (1 run) | ${r.peakMbAtScale.okta.toFixed(1)} | ${r.peakMbAtScale.floor.toFixed(1)} | ${r.peakMbAtScale.ratio.toFixed(2)} |\n`
    : "";
  return `## 5. Provider start-up

\`bench/sections/startup.ts\` with \`bench/lib/probe.cjs\` (loaded into the dynamic-provider process): from the process's
start (\`performance.timeOrigin\` of its \`node\`) to its first request to Okta, in a \`pulumi preview\` of a rotation of
one resource; the floor's figure is to its first hook call. Both include the engine's wait for the program to register
the resource (the provider process starts before); "serving" is the plugin's own start-up, before any hook. Medians
of ${r.runs} run${r.runs === 1 ? "" : "s"}.
${machine(r.machine)}
| | ClientSecret | no-op provider | ratio |
|---|---|---|---|
| start to serving (the plugin's own start-up), ms | ${r.readyMs.okta} | ${r.readyMs.floor} | ${r.readyMs.ratio.toFixed(2)} |
| \`require("pulumi-okta-credentials/provider")\` in the first hook, ms | ${r.providerLoadMs} | - | - |
| start to first request (floor: first hook), ms | ${r.firstRequestMs.okta} | ${r.firstRequestMs.floor} | ${r.firstRequestMs.ratio.toFixed(2)} |
| peak memory (MB, VmHWM), the preview | ${r.peakMb.okta.toFixed(1)} | ${r.peakMb.floor.toFixed(1)} | ${r.peakMb.ratio.toFixed(2)} |
${scale}`;
}

function plugin(r: PluginResult): string {
  const rows = r.rows.map(
    (p) =>
      `| ${p.n} | ${p.step} | ${s(p.ms.plugin)} | ${s(p.ms.dynamic)} | ${s(p.ms.floor)} | ${p.pluginToDynamic.toFixed(2)} | ` +
      `${p.pluginToFloor.toFixed(2)} | ${p.requests.plugin} | ${p.requests.dynamic} |`,
  );
  const runs = Object.entries(r.runs)
    .map(([n, k]) => `${k} run${k === 1 ? "" : "s"} at N = ${n}`)
    .join(", ");
  return `## 6. The provider plugin beside the dynamic provider

\`bench/sections/plugin.ts\`: N ClientSecrets of the provider plugin (\`okta-credentials\`, a Node.js program registering
them by type token: \`bench/programs/plugin\`), of the dynamic provider (\`bench/programs/secrets\`) and of the no-op
dynamic provider (the engine's floor), one an app, each app's own secret adopted; each step as users run it (with its
preview), rate limit off, the three stacks interleaved step by step; medians of ${runs}.
${machine(r.machine)}
| N | step | plugin s | dynamic s | no-op s | plugin ÷ dynamic | plugin ÷ no-op | plugin requests | dynamic requests |
|---|---|---|---|---|---|---|---|---|
${rows.join("\n")}

State per resource (compact JSON in \`pulumi stack export\`, after the adopting \`up\`): plugin ${r.stateBytes.plugin} bytes,
dynamic provider ${r.stateBytes.dynamic} (its serialized shim included), no-op ${r.stateBytes.floor}.
`;
}

/** `bench/RESULTS.md` from the sections' results. */
export function render(results: Results, command: string): string {
  const parts = [
    `# Benchmark results

Written by \`${command}\` (\`bench/main.ts\`) from \`bench/results/*.json\`; each section says when, on what machine and
under what load it ran: the machine is shared with other work, so compare figures within a section. Against the Okta
emulator (\`emulator/\`) on loopback, with the Pulumi engine of \`scripts/engine.sh\`.
`,
  ];
  if (results.requests) parts.push(requests(results.requests));
  if (results.wall) parts.push(wall(results.wall));
  if (results.limits) parts.push(limits(results.limits));
  if (results.state) parts.push(state(results.state));
  if (results.startup) parts.push(startup(results.startup));
  if (results.plugin) parts.push(plugin(results.plugin));
  return parts.join("\n");
}
