import { AsyncLocalStorage } from "node:async_hooks";
import { setUserLineSink } from "../provider/resources/hookErrors";

/**
 * Where the core's words to the person running Pulumi go. The core says them through `tellUser(line, urn)`, which a
 * dynamic provider prints for the whole run; here its sink (`setUserLineSink`) hands each line, with the URN of the
 * resource it concerns, to the engine's log service, which shows it under that resource, in previews and in `--json`
 * alike. A line without a URN is attached to the resource whose hook said it (`forResource`); outside any hook, it is
 * printed as before.
 */
export type DiagnosticSink = (line: { urn: string; severity: "warning" | "info"; message: string }) => Promise<void>;

interface HookContext {
  urn: string;
  sent: Promise<void>[];
}

const context = new AsyncLocalStorage<HookContext>();

/** Sends the core's lines to `sink` (the engine's log service), each attached to its resource; undefined: stderr. */
export function setDiagnosticSink(sink: DiagnosticSink | undefined): void {
  if (!sink) {
    setUserLineSink(undefined);
    return;
  }
  setUserLineSink((message, urn) => {
    const current = context.getStore();
    const target = urn?.startsWith("urn:pulumi:") ? urn : current?.urn;
    const printed = () => console.error(`warning: ${message}`);
    if (target === undefined) return printed();
    const sent = sink({ urn: target, severity: "warning", message }).catch(printed);
    current?.sent.push(sent);
  });
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
