import type { DiffResult } from "@pulumi/pulumi/dynamic";
import { providers } from "../../../../provider";
import type { ClientSecretInputs, ClientSecretOutputs } from "../../../../provider/resources/clientSecret/types";
import { resetRunLedgers } from "../../../../provider/resources/runLedger";

// The hooks called in the orders the real engine uses (seen on pulumi v3.274 and read in its step generator), so a
// unit test can replay a run without the CLI. Every run starts with `newRun()`: a provider process serves one run.
const hooks = providers.ClientSecret;

/** A resource as the engine keeps it in state. */
export interface Held {
  id: string;
  inputs: ClientSecretInputs;
  outs: ClientSecretOutputs;
}

/** The URN the sdk adds to a ClientSecret named `name`. */
export function urnOf(name: string): string {
  return `urn:pulumi:test::unit::pulumi-nodejs:dynamic/okta:ClientSecret::${name}`;
}

/** Inputs of the ClientSecret named `name`. */
export function inputsOf(name: string, args: Omit<ClientSecretInputs, "resourceUrn">): ClientSecretInputs {
  return { ...args, resourceUrn: urnOf(name) };
}

/** A new provider process: the next engine run. */
export function newRun(): void {
  resetRunLedgers();
}

function failed(what: string, failures: { property: string; reason: string }[]): Error {
  return new Error(`${what}: ${failures.map((f) => `${f.property}: ${f.reason}`).join("\n")}`);
}

/** A new resource: `check` without olds, then `create`. */
export async function createAsEngine(inputs: ClientSecretInputs): Promise<Held> {
  const checked = await hooks.check({} as ClientSecretInputs, inputs);
  if (checked.failures?.length) throw failed("check", checked.failures);
  const created = await hooks.create(checked.inputs as ClientSecretInputs);
  return { id: created.id, inputs: checked.inputs as ClientSecretInputs, outs: created.outs as ClientSecretOutputs };
}

/** The preview's hooks for an existing resource: `check` with olds, `diff`, and for a replacement `check` again. */
export async function previewExisting(held: Held, news: ClientSecretInputs): Promise<DiffResult> {
  const first = await hooks.check(held.inputs, news);
  if (first.failures?.length) throw failed("check", first.failures);
  const diff = await hooks.diff(held.id, held.outs, first.inputs as ClientSecretInputs);
  if (diff.replaces?.length) {
    const second = await hooks.check({} as ClientSecretInputs, news);
    if (second.failures?.length) throw failed("second check", second.failures);
  }
  return diff;
}

/**
 * An update of an existing resource as `pulumi up` runs it: check, diff; then an update, or a replacement (the
 * second check, then create and delete in the order diff asked for).
 */
export async function upExisting(held: Held, news: ClientSecretInputs): Promise<{ held: Held; diff: DiffResult }> {
  const diff = await previewExisting(held, news);
  if (!diff.changes) return { held: { ...held, inputs: news }, diff };
  if (!diff.replaces?.length) {
    const updated = await hooks.update(held.id, held.outs, news);
    return { held: { id: held.id, inputs: news, outs: updated.outs as ClientSecretOutputs }, diff };
  }
  if (diff.deleteBeforeReplace) await hooks.delete(held.id, held.outs);
  const created = await hooks.create(news);
  if (!diff.deleteBeforeReplace) await hooks.delete(held.id, held.outs);
  return { held: { id: created.id, inputs: news, outs: created.outs as ClientSecretOutputs }, diff };
}

/** `pulumi up --replace <urn>` or a taint: `check` without olds, no `diff`, then create and delete. */
export async function forcedReplaceAsEngine(held: Held, news: ClientSecretInputs): Promise<Held> {
  const replacement = await createAsEngine(news);
  await hooks.delete(held.id, held.outs);
  return replacement;
}
