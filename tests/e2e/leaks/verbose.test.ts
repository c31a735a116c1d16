import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { recordFigures } from "../../reliability/figures";
import { createServiceApp } from "../../serviceApp";
import { createStack } from "../harness";
import { type Credential, leakingLines, privateKeysOf, redacted } from "../harness/leaks";

// Issue 20, secrets: one stack adopting an app's secret, rotating it, with a generated key, the provider
// authenticated as a service app with DPoP, run by the real CLI with the verbose logs users paste into tickets:
// `-v=9 --logtostderr --logflow`, and separately `--debug`. Every line holding a credential is classified by who
// printed it: @pulumi/pulumi's Node runtime (its "RegisterResource RPC finished: …, resp: …" debug line), the
// engine's own log (glog lines), or ours (the provider's and the sdk's lines). Ours must be zero; and since the sdk
// masks the runtime's RegisterResource answers (sdk/debugLogSecrets.ts), so must the runtime's be (measured before it:
// --debug 83 lines, 2 client secrets and a private key; -v=9 10 lines), and the harness's scan at cleanup finds none.

const program = path.join(__dirname, "fixture");

/**
 * Who printed the message a line belongs to (a message runs from a line that starts one, a `debug:`/`info:`/… line
 * of the CLI's display or an engine log line, to the next): @pulumi/pulumi's Node runtime (its "RegisterResource RPC
 * finished: …, resp: …" debug message, whose multi-line response holds a PEM's lines), the engine's log, or ours.
 */
function owners(text: string): ("runtime RegisterResource" | "engine log" | "ours")[] {
  const starts = /^\s*(debug|info|warning|error|info:?\s*\S+):|^\s*\{"time":|^\s*[IWE]\d{4} \d\d:\d\d:\d\d|^\S/;
  let owner: "runtime RegisterResource" | "engine log" | "ours" = "ours";
  return text.split("\n").map((line) => {
    if (starts.test(line)) {
      if (/RegisterResource RPC finished/.test(line)) owner = "runtime RegisterResource";
      else if (/^\s*(\{"time":|[IWE]\d{4} )/.test(line)) owner = "engine log";
      else owner = "ours";
    }
    return owner;
  });
}

const modes = {
  verbose: ["-v=9", "--logtostderr", "--logflow"],
  debug: ["--debug"],
} as const;

describe("verbose and debug output of a run with every kind of credential", () => {
  for (const [mode, flags] of Object.entries(modes)) {
    it(`${mode} (${flags.join(" ")}): no line of ours holds a credential; the runtime's and the engine's are counted`, async () => {
      const s = await createStack({ program });
      const keyApp = await s.emulator.createApp({
        credentials: { oauthClient: { token_endpoint_auth_method: "private_key_jwt" } },
        settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"] } },
      });
      const own = s.emulator.state().apps.find((a) => a.id === s.app.id)?.secrets[0];
      expect(own).toBeDefined();
      const service = await createServiceApp(s.emulator, { dpop: true, label: "pulumi" });
      await s.pulumi(["config", "rm", "okta:apiToken"]);
      await s.setConfig("okta:clientId", service.id);
      await s.setConfig("okta:privateKeyId", service.kid);
      await s.setConfig("okta:privateKey", service.privateKeyPem, { secret: true });
      await s.setConfig("keyAppId", keyApp.id);
      await s.setConfig("adopt", own?.id as string);

      const printed: string[] = [];
      const created = await s.up({ args: [...flags] });
      printed.push(created.stdout, created.stderr);
      expect(created.counts.create).toBe(3);
      await s.pulumi(["config", "rm", "adopt"]);
      await s.setConfig("rotation", "2");
      const rotated = await s.up({ args: [...flags] });
      printed.push(rotated.stdout, rotated.stderr);
      expect(rotated.counts.replace).toBeGreaterThanOrEqual(1);

      const shown = JSON.parse((await s.pulumi(["stack", "export", "--show-secrets"])).stdout);
      const credentials: Credential[] = [
        ...s.emulator.issuedCredentials(),
        ...privateKeysOf(shown),
        { kind: "service app private key", value: service.privateKeyPem },
        { kind: "API token", value: s.emulator.apiToken },
      ];
      // The adopted secret, the rotated one, the generated key: all three are in what is scanned.
      expect(credentials.filter((c) => c.kind === "client secret").length).toBeGreaterThanOrEqual(2);
      expect(
        new Set(credentials.filter((c) => c.kind === "private key").map((c) => c.value)).size,
      ).toBeGreaterThanOrEqual(1);

      const lines = printed.flatMap((text) => {
        const owner = owners(text);
        return leakingLines(credentials, text).map((l) => ({ ...l, by: owner[l.index] ?? "ours" }));
      });
      const by = { "runtime RegisterResource": 0, "engine log": 0, ours: 0 };
      const kinds: Record<string, number> = {};
      for (const l of lines) {
        by[l.by] += 1;
        kinds[`${l.by}: ${l.kind}`] = (kinds[`${l.by}: ${l.kind}`] ?? 0) + 1;
      }
      if (process.env.LEAK_DUMP) {
        writeFileSync(
          process.env.LEAK_DUMP.replace("MODE", mode),
          `${printed.map((t) => redacted(credentials, t)).join("\n=====\n")}\n=====\n` +
            lines.map((l) => `${l.by} | ${l.kind} ${l.hash} | ${l.line.slice(0, 160)}`).join("\n"),
        );
      }
      recordFigures("leaks", `verbose ${mode}`, {
        credentials: credentials.length,
        outputBytes: printed.join("").length,
        linesWithCredential: lines.length,
        runtimeRegisterResource: by["runtime RegisterResource"],
        engineLog: by["engine log"],
        ours: by.ours,
      });
      // What the runtime printed, by credential kind, in the test's name for the figures' reader.
      console.log(`${mode}: lines holding a credential, by who printed them: ${JSON.stringify(kinds)}`);
      expect(by.ours).toBe(0);
      // With the sdk loaded (sdk/debugLogSecrets.ts), the runtime's RegisterResource lines show secret outputs as
      // [secret]: nothing of the run holds a credential, and the harness's scan at cleanup finds nothing either.
      expect(by["runtime RegisterResource"]).toBe(0);
      expect(lines).toEqual([]);
      const debugLines = printed
        .join("\n")
        .split("\n")
        .filter((l) => l.includes("RegisterResource RPC finished"));
      expect(debugLines.length).toBeGreaterThan(0);
      expect(debugLines.some((l) => l.includes("[secret]"))).toBe(true);
      await s.cleanup();
    });
  }
});
