/** `jose` is an ES module; this CommonJS package loads it once, on first use. */
let loaded: Promise<typeof import("jose")> | undefined;

export function loadJose(): Promise<typeof import("jose")> {
  loaded ??= import("jose");
  return loaded;
}
