import { resourceKey } from "../resourceIdentity";
import type { CredentialInputs, CredentialKind } from "./kind";
import type { Plan } from "./ledger";

/** A credential kind whatever its types: what the hooks written once take. */
// biome-ignore lint/suspicious/noExplicitAny: the hooks serve every kind, whatever its inputs and outputs.
export type AnyCredentialKind = CredentialKind<any, any, any, any, any, Plan>;

/**
 * The key of a resource being created in this run: its URN, or (state written before the URN was an input) the app
 * and the credential it adopts, which is what identifies it until Okta gives it an id.
 */
export function newResourceKey(kind: AnyCredentialKind, inputs: Partial<CredentialInputs>): string {
  const adopt: unknown = (inputs as Record<string, unknown>)[kind.adoptInput];
  // Any appId, as check sees it before validation: an object whose `toString` is not a function has no string form
  // (String() threw a TypeError), and a key of an appId that is no string serves only until check refuses it.
  const appId = typeof inputs.appId === "string" ? inputs.appId : `(${typeof inputs.appId})`;
  return resourceKey(inputs, `${appId}/new:${typeof adopt === "string" ? adopt : ""}`);
}

/** The inputs `from` (inputs or outputs) echoes, for the outputs: Pulumi's property structs cannot hold `undefined`. */
export function echoOf(kind: AnyCredentialKind, from: object): Record<string, unknown> {
  const source = from as Record<string, unknown>;
  const echo: Record<string, unknown> = {};
  for (const key of [...kind.echoedInputs, "__resourceUrn", "resourceUrn"]) {
    if (source[key] !== undefined) echo[key] = source[key];
  }
  return echo;
}

/** What another resource of the run does with a credential it claims, for a kind's sentence (`input`: the adopt input). */
export function claimOf(role: "holds" | "retires" | "adopts", input: string): string {
  return {
    holds: "already holds it",
    retires: "retires it in this run (its replacement deletes it)",
    adopts: `names it in ${input} too`,
  }[role];
}
