import { execFileSync } from "node:child_process";
import { cpus, loadavg } from "node:os";

/** Where and under what load a section ran: committed with its figures. */
export interface Machine {
  date: string;
  nproc: number;
  cpu: string;
  node: string;
  pulumi: string;
  uptimeBefore: string;
  uptimeAfter?: string;
  loadBefore: number[];
  loadAfter?: number[];
}

function uptime(): string {
  return execFileSync("uptime", { encoding: "utf8" }).trim();
}

/** The machine now, before a section runs. */
export function machineBefore(): Machine {
  let pulumi = "unknown";
  try {
    pulumi = execFileSync("pulumi", ["version"], { encoding: "utf8" }).trim();
  } catch {
    // Not on PATH in this process: bench/run.sh puts it there.
  }
  return {
    date: `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    nproc: cpus().length,
    cpu: cpus()[0]?.model ?? "unknown",
    node: process.version,
    pulumi,
    uptimeBefore: uptime(),
    loadBefore: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

/** The same record, completed after the section. */
export function machineAfter(before: Machine): Machine {
  return { ...before, uptimeAfter: uptime(), loadAfter: loadavg().map((x) => Math.round(x * 100) / 100) };
}
