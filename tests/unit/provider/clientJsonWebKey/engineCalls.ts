import type { DiffResult } from "@pulumi/pulumi/dynamic";
import type { OktaEmulator } from "../../../../emulator/index";
import { providers } from "../../../../provider";
import type {
  ClientJsonWebKeyInputs,
  ClientJsonWebKeyOutputs,
} from "../../../../provider/resources/clientJsonWebKey/types";

// The ClientJsonWebKey hooks called in the orders the real engine uses (decision 0002's table), the twin of
// ../clientSecret/engineCalls.ts, so a unit test can replay a run without the CLI. Every run starts with `newRun()`
// (from that file): a provider process serves one run.
const hooks = providers.ClientJsonWebKey;

/** A resource as the engine keeps it in state. */
export interface HeldKey {
  id: string;
  inputs: ClientJsonWebKeyInputs;
  outs: ClientJsonWebKeyOutputs;
}

/** The URN the sdk adds to a ClientJsonWebKey named `name`. */
export function keyUrnOf(name: string): string {
  return `urn:pulumi:test::unit::pulumi-nodejs:dynamic/okta:ClientJsonWebKey::${name}`;
}

/** Inputs of the ClientJsonWebKey named `name`. */
export function keyInputsOf(name: string, args: Omit<ClientJsonWebKeyInputs, "resourceUrn">): ClientJsonWebKeyInputs {
  return { ...args, resourceUrn: keyUrnOf(name) };
}

function failed(what: string, failures: { property: string; reason: string }[]): Error {
  return new Error(`${what}: ${failures.map((f) => `${f.property}: ${f.reason}`).join("\n")}`);
}

/** The preview of a new resource: `check` without olds (what `pulumi preview` runs for it). */
export async function checkNew(inputs: ClientJsonWebKeyInputs): Promise<ClientJsonWebKeyInputs> {
  const checked = await hooks.check({} as ClientJsonWebKeyInputs, inputs);
  if (checked.failures?.length) throw failed("check", checked.failures);
  return checked.inputs as ClientJsonWebKeyInputs;
}

/** A new resource: `check` without olds, then `create`. */
export async function createKeyAsEngine(inputs: ClientJsonWebKeyInputs): Promise<HeldKey> {
  const checked = await checkNew(inputs);
  const created = await hooks.create(checked);
  return { id: created.id, inputs: checked, outs: created.outs as ClientJsonWebKeyOutputs };
}

/** The preview's hooks for an existing resource: `check` with olds, `diff`, and for a replacement `check` again. */
export async function previewKey(held: HeldKey, news: ClientJsonWebKeyInputs): Promise<DiffResult> {
  const first = await hooks.check(held.inputs, news);
  if (first.failures?.length) throw failed("check", first.failures);
  const diff = await hooks.diff(held.id, held.outs, first.inputs as ClientJsonWebKeyInputs);
  if (diff.replaces?.length) {
    const second = await hooks.check({} as ClientJsonWebKeyInputs, news);
    if (second.failures?.length) throw failed("second check", second.failures);
  }
  return diff;
}

/**
 * An update of an existing resource as `pulumi up` runs it: check, diff; then an update, or a replacement (the
 * second check, then create and delete in the order diff asked for).
 */
export async function upKey(held: HeldKey, news: ClientJsonWebKeyInputs): Promise<{ held: HeldKey; diff: DiffResult }> {
  const diff = await previewKey(held, news);
  if (!diff.changes) return { held: { ...held, inputs: news }, diff };
  if (!diff.replaces?.length) {
    const updated = await hooks.update(held.id, held.outs, news);
    return { held: { id: held.id, inputs: news, outs: updated.outs as ClientJsonWebKeyOutputs }, diff };
  }
  if (diff.deleteBeforeReplace) await hooks.delete(held.id, held.outs);
  const created = await hooks.create(news);
  if (!diff.deleteBeforeReplace) await hooks.delete(held.id, held.outs);
  return { held: { id: created.id, inputs: news, outs: created.outs as ClientJsonWebKeyOutputs }, diff };
}

/** `pulumi up --replace <urn>` or a taint: `check` without olds, no `diff`, then create and delete. */
export async function forcedReplaceKey(held: HeldKey, news: ClientJsonWebKeyInputs): Promise<HeldKey> {
  const replacement = await createKeyAsEngine(news);
  await hooks.delete(held.id, held.outs);
  return replacement;
}

/** The JSON Web Keys of one app in the emulator's state. */
export function keysOf(emulator: OktaEmulator, appId: string) {
  const app = emulator.state().apps.find((a) => a.id === appId);
  if (!app) throw new Error(`no app ${appId}`);
  return app.jwks;
}

/** An app that authenticates with private_key_jwt (a service app), with no keys yet. */
export async function privateKeyJwtApp(emulator: OktaEmulator): Promise<string> {
  const app = await emulator.createApp({
    credentials: { oauthClient: { token_endpoint_auth_method: "private_key_jwt" } },
    settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"] } },
  });
  return app.id;
}
