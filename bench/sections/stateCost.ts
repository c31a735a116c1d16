import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { startOktaEmulator } from "../../emulator/index";
import { type Machine, machineAfter, machineBefore } from "../lib/machine";
import { benchStack, clientOf, declare, makeApps, onlySecretOf } from "../lib/okta";
import { progress } from "../lib/stats";

const run = promisify(execFile);
const repo = path.resolve(__dirname, "../..");
const golden = path.join(repo, "tests/unit/sdk/clientSecret.provider.golden.txt");

interface ResourceCost {
  /** Bytes of `inputs.__provider`, its SHA-256, and of the whole resource (compact JSON) in `pulumi stack export`. */
  providerBytes: number;
  providerSha256: string;
  resourceBytes: number;
}

export interface StateCostResult {
  machine: Machine;
  /** One ClientSecret per build of `dist/`; the floor's resource once (its provider is the program's own code). */
  builds: ResourceCost[];
  floor: ResourceCost;
  /** Same `__provider` text and resource size in every build, and the committed golden text. */
  identical: boolean;
  matchesGolden: boolean;
}

async function exported(kind: "secrets" | "floor", type: string): Promise<ResourceCost> {
  const emulator = await startOktaEmulator({ rateLimit: "off" });
  const stack = await benchStack(kind, emulator);
  try {
    const [appId] = (await makeApps(emulator, 1)) as [string];
    const adopt = await onlySecretOf(clientOf(emulator), appId);
    await declare(stack, [{ name: "s0", appId, rotation: "1", adopt }]);
    await stack.up();
    const state = await stack.exportState();
    const resource = state.deployment.resources.find((r: { type: string }) => r.type === type);
    const text: string = resource.inputs.__provider;
    return {
      providerBytes: Buffer.byteLength(text),
      providerSha256: createHash("sha256").update(text).digest("hex"),
      resourceBytes: Buffer.byteLength(JSON.stringify(resource)),
    };
  } finally {
    await stack.cleanup();
    await emulator.close();
  }
}

/** The state a resource costs, for `builds` builds of `dist/` (each after removing the last one). */
export async function measureStateCost(builds: number): Promise<StateCostResult> {
  const machine = machineBefore();
  const costs: ResourceCost[] = [];
  for (let b = 1; b <= builds; b++) {
    if (b > 1) {
      await rm(path.join(repo, "dist"), { recursive: true, force: true });
      await run("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: repo });
    }
    costs.push(await exported("secrets", "pulumi-nodejs:dynamic/okta:ClientSecret"));
    progress(`state: build ${b}: ${JSON.stringify(costs.at(-1))}`);
  }
  const floor = await exported("floor", "pulumi-nodejs:dynamic/bench:Floor");
  const goldenSha = createHash("sha256")
    .update(await readFile(golden, "utf8"))
    .digest("hex");
  const first = costs[0] as ResourceCost;
  return {
    machine: machineAfter(machine),
    builds: costs,
    floor,
    identical: costs.every((c) => c.providerSha256 === first.providerSha256 && c.resourceBytes === first.resourceBytes),
    matchesGolden: costs.every((c) => c.providerSha256 === goldenSha),
  };
}
