import type { DiffResult } from "@pulumi/pulumi/dynamic";
import { providers } from "../../../provider";
import type { FullResourceProvider } from "../../../provider/resources/fullProvider";
import { resetRunState } from "../../../provider/runState";

// The hooks of a resource called in the orders the real engine uses (seen on pulumi v3.274 and read in its step
// generator: decision 0002's table), so a unit test can replay a run without the CLI, for either credential kind.
// Every run starts with `newRun()`: a provider process serves one run.

/** A resource as the engine keeps it in state. */
export interface Held<I, O> {
  id: string;
  inputs: I;
  outs: O;
}

/** A new provider process: the next engine run. */
export function newRun(): void {
  resetRunState();
}

function failed(what: string, failures: { property: string; reason: string }[]): Error {
  return new Error(`${what}: ${failures.map((f) => `${f.property}: ${f.reason}`).join("\n")}`);
}

/** The engine's calls of `hooks`, the provider of the dynamic resource type `okta:<type>`. */
export function engineCalls<I extends { __resourceUrn?: string }, O>(hooks: FullResourceProvider<I, O>, type: string) {
  /** The URN the sdk adds to the resource named `name`. */
  const urnOf = (name: string) => `urn:pulumi:test::unit::pulumi-nodejs:dynamic/okta:${type}::${name}`;

  /** The preview of a new resource: `check` without olds (what `pulumi preview` runs for it). */
  const checkNew = async (inputs: I): Promise<I> => {
    const checked = await hooks.check({} as I, inputs);
    if (checked.failures?.length) throw failed("check", checked.failures);
    return checked.inputs as I;
  };

  /** A new resource: `check` without olds, then `create`. */
  const create = async (inputs: I): Promise<Held<I, O>> => {
    const checked = await checkNew(inputs);
    const created = await hooks.create(checked);
    return { id: created.id, inputs: checked, outs: created.outs as O };
  };

  /** The preview's hooks for an existing resource: `check` with olds, `diff`, and for a replacement `check` again. */
  const preview = async (held: Held<I, O>, news: I): Promise<DiffResult> => {
    const first = await hooks.check(held.inputs, news);
    if (first.failures?.length) throw failed("check", first.failures);
    const diff = await hooks.diff(held.id, held.outs, first.inputs as I);
    if (diff.replaces?.length) {
      const second = await hooks.check({} as I, news);
      if (second.failures?.length) throw failed("second check", second.failures);
    }
    return diff;
  };

  /**
   * An update of an existing resource as `pulumi up` runs it: check, diff; then an update, or a replacement (the
   * second check, then create and delete in the order diff asked for).
   */
  const up = async (held: Held<I, O>, news: I): Promise<{ held: Held<I, O>; diff: DiffResult }> => {
    const diff = await preview(held, news);
    if (!diff.changes) return { held: { ...held, inputs: news }, diff };
    if (!diff.replaces?.length) {
      const updated = await hooks.update(held.id, held.outs, news);
      return { held: { id: held.id, inputs: news, outs: updated.outs as O }, diff };
    }
    if (diff.deleteBeforeReplace) await hooks.delete(held.id, held.outs);
    const created = await hooks.create(news);
    if (!diff.deleteBeforeReplace) await hooks.delete(held.id, held.outs);
    return { held: { id: created.id, inputs: news, outs: created.outs as O }, diff };
  };

  /** `pulumi up --replace <urn>` or a taint: `check` without olds, no `diff`, then create and delete. */
  const forcedReplace = async (held: Held<I, O>, news: I): Promise<Held<I, O>> => {
    const replacement = await create(news);
    await hooks.delete(held.id, held.outs);
    return replacement;
  };

  return {
    urnOf,
    /** Inputs of the resource named `name`. */
    inputsOf: (name: string, args: Omit<I, "__resourceUrn">): I => ({ ...args, __resourceUrn: urnOf(name) }) as I,
    checkNew,
    create,
    preview,
    up,
    forcedReplace,
  };
}

/** The engine's calls of ClientSecret. */
export const secretCalls = engineCalls(providers.ClientSecret, "ClientSecret");
/** The engine's calls of ClientJsonWebKey. */
export const keyCalls = engineCalls(providers.ClientJsonWebKey, "ClientJsonWebKey");
