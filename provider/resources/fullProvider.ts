import type { ResourceProvider } from "@pulumi/pulumi/dynamic";

/** A dynamic provider with all seven hooks: the serialized shim forwards each of them by name. */
export type FullResourceProvider<Inputs = unknown, Outputs = unknown> = Required<ResourceProvider<Inputs, Outputs>>;
