import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Where the core's words to the person running Pulumi go. The core says them through `tellUser` (a `warning: `
 * line on the process's stderr, which a dynamic provider's plugin shows with no resource). Here every hook runs inside
 * `forResource(urn, …)`, so such a line is known to concern that resource and is handed to the sink with its URN: the
 * engine then shows it under the resource, in previews and in `--json` alike. One place catches the lines; the sink is
 * replaceable (`setDiagnosticSink`) for when the core hands its lines over with their URN itself.
 */
export type DiagnosticSink = (line: { urn: string; severity: "warning" | "info"; message: string }) => Promise<void>;

interface HookContext {
  urn: string;
  sent: Promise<void>[];
}

const context = new AsyncLocalStorage<HookContext>();
let sink: DiagnosticSink | undefined;
let installed = false;
const prefix = "warning: ";

/** Sends the lines the core says while a hook runs to `next` (the engine's log service), attached to the resource. */
export function setDiagnosticSink(next: DiagnosticSink | undefined): void {
  sink = next;
  install();
}

/** Runs one hook call for the resource `urn`; its diagnostics reach the engine before the hook's answer does. */
export async function forResource<T>(urn: string, hook: () => Promise<T>): Promise<T> {
  const own: HookContext = { urn, sent: [] };
  try {
    return await context.run(own, hook);
  } finally {
    await Promise.allSettled(own.sent);
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  const print = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    const current = context.getStore();
    const [first] = args;
    if (sink && current && args.length === 1 && typeof first === "string" && first.startsWith(prefix)) {
      const message = first.slice(prefix.length);
      current.sent.push(sink({ urn: current.urn, severity: "warning", message }).catch(() => print(first)));
      return;
    }
    print(...args);
  };
}
