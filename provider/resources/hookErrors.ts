// The dynamic-provider plugin prints every error a hook throws (`console.error(`${e}: ${e.stack}`)` in
// @pulumi/pulumi's cmd/dynamic-provider), and the CLI shows the plugin's stderr, before the engine shows the error's
// message again: each error appeared twice, the first copy with a stray `: `. So an error leaving a hook starts its
// `toString()` with an invisible marker, and the process's `console.error` drops exactly the lines that start with it.
// The engine's own copy (the gRPC error's `message`) is unchanged, and every other line is printed as before.
const marker = "\u2063\u2064\u2063\u2064";
let installed = false;

function installFilter(): void {
  if (installed) return;
  installed = true;
  const print = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].startsWith(marker)) return;
    print(...args);
  };
}

/**
 * Wraps a hook so that an error it throws is shown once, by the engine. The filter is installed when a hook first
 * runs (in the provider process), not when the hooks are loaded: a program that loads them sees no change.
 */
export function printedOnce<Args extends unknown[], Result>(
  hook: (...args: Args) => Promise<Result>,
): (...args: Args) => Promise<Result> {
  return async (...args: Args) => {
    installFilter();
    try {
      return await hook(...args);
    } catch (e) {
      if (e instanceof Error) {
        const text = Error.prototype.toString.call(e);
        Object.defineProperty(e, "toString", { value: () => `${marker}${text}`, enumerable: false });
      }
      throw e;
    }
  };
}

/** Where a line for the person running Pulumi goes: a diagnostic of the resource `urn` (undefined: of the run). */
type UserLineSink = (line: string, urn: string | undefined) => void;

// The dynamic-provider plugin shows the provider process's stderr among the run's diagnostics, with no resource.
const printed: UserLineSink = (line) => console.error(`warning: ${line}`);
let sink: UserLineSink = printed;

/**
 * A line the person running Pulumi should read, about the resource `urn` (its URN, or the Okta object that stands for
 * it in state written before the URN was an input): the CLI shows it among the run's diagnostics. For what the
 * engine's own display cannot say (the dynamic-provider plugin forwards no detailed diff).
 */
export function tellUser(line: string, urn?: string): void {
  sink(line, urn);
}

/** Sends {@link tellUser}'s lines elsewhere (a provider plugin attaches them to their resource); undefined: stderr. */
export function setUserLineSink(next: UserLineSink | undefined): void {
  sink = next ?? printed;
}
