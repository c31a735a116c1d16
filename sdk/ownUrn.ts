import * as pulumi from "@pulumi/pulumi";

/**
 * The URN of the resource `name` of `type` under `parent`, as an input of that same resource. `createUrn`'s output
 * carries the parent as a dependency, and Pulumi expands a dependency on a component into one on each of its children:
 * two siblings, each waiting for the other's registration, would never register (seen with two ClientSecrets in one
 * component). The value is what matters here, not the dependency: it is handed on without it.
 */
export function ownUrn(name: string, type: string, parent: pulumi.Resource | undefined): pulumi.Output<string> {
  const urn = pulumi.createUrn(name, type, parent);
  return pulumi.output(new Promise<string>((resolve) => urn.apply(resolve)));
}
