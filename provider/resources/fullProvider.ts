import type { ResourceProvider } from "@pulumi/pulumi/dynamic";

/** A dynamic provider with all seven hooks: the serialized shim forwards each of them by name. */
export type FullResourceProvider<Inputs = unknown, Outputs = unknown> = Required<ResourceProvider<Inputs, Outputs>>;

/** The value of an input Pulumi does not know yet (at preview). Never validate it or send it to Okta. */
export const unknownValue = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True when `value` is the preview placeholder for an unknown input. */
export function isUnknown(value: unknown): boolean {
  return value === unknownValue;
}
