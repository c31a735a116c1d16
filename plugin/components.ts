import * as pulumi from "@pulumi/pulumi";
import type * as provider from "@pulumi/pulumi/provider";
import { processOktaClient } from "../provider/runState";
import { listClientJsonWebKeysWith } from "../sdk/listClientJsonWebKeys";
import { listClientSecretsWith } from "../sdk/listClientSecrets";
import { RotatingCredential, type RotatingCredentialArgs } from "../sdk/rotation/rotatingCredential";

/**
 * `RotatingClientSecret` and `RotatingClientJsonWebKey` as components of the plugin (`construct`): the sdk's own
 * `RotatingCredential` (schedule, two slots, adoption of the app's only credential, the order that keeps one working)
 * over the plugin's own `ClientSecret` / `ClientJsonWebKey` resources as slots, so a program in any language gets the
 * same children and the same behaviour as a TypeScript program's component.
 */
type Inputs = Record<string, unknown>;

/** A custom resource of the plugin, registered from inside `construct`; `outputs` are the properties it hands out. */
class PluginResource extends pulumi.CustomResource {
  constructor(type: string, name: string, props: Inputs, outputs: string[], opts: pulumi.CustomResourceOptions) {
    const declared = Object.fromEntries(outputs.map((o) => [o, undefined]));
    super(`okta-credentials:index:${type}`, name, { ...declared, ...props }, opts);
  }
  out(name: string): pulumi.Output<unknown> {
    return (this as unknown as Record<string, pulumi.Output<unknown>>)[name] as pulumi.Output<unknown>;
  }
  view(names: string[]): Inputs {
    return Object.fromEntries(names.map((o) => [o, this.out(o)]));
  }
}

const secretView = ["secretId", "clientSecret", "status", "created"];
const keyView = ["keyId", "kid", "publicJwk", "privateKeyPem", "privateJwk", "status", "created"];
const verified = ["verifiedAt", "answer"];

class RotatingClientSecret extends RotatingCredential<PluginResource, Inputs> {
  constructor(name: string, args: RotatingCredentialArgs, opts: pulumi.ComponentResourceOptions) {
    super(
      name,
      args,
      {
        type: "okta-credentials:index:RotatingClientSecret",
        kind: "RotatingClientSecret",
        noun: "secret",
        heldId: (slot) => slot.out("secretId") as pulumi.Output<string>,
        heldIds: (appId) =>
          pulumi.output(appId).apply(async (id) => {
            const { secrets } = await listClientSecretsWith(processOktaClient, { appId: id });
            return secrets.map((s) => s.secretId);
          }),
        slot: (childName, slot, adopt, slotOpts) =>
          new PluginResource(
            "ClientSecret",
            childName,
            { ...slot, ...(adopt === undefined ? {} : { adoptSecretId: adopt }) },
            [...secretView, "secretHash"],
            slotOpts,
          ),
        verify: (current, verifyName, checkedFor, verifyOpts) =>
          new PluginResource(
            "ClientSecretVerification",
            verifyName,
            { appId: args.appId, secretId: current.out("secretId"), secretHash: current.out("secretHash"), checkedFor },
            verified,
            verifyOpts,
          ),
        view: (slot) => slot.view(secretView),
      },
      opts,
    );
  }
}

class RotatingClientJsonWebKey extends RotatingCredential<PluginResource, Inputs> {
  constructor(
    name: string,
    args: RotatingCredentialArgs & { generate?: unknown },
    opts: pulumi.ComponentResourceOptions,
  ) {
    super(
      name,
      args,
      {
        type: "okta-credentials:index:RotatingClientJsonWebKey",
        kind: "RotatingClientJsonWebKey",
        noun: "key",
        heldId: (slot) => slot.out("keyId") as pulumi.Output<string>,
        heldIds: (appId) =>
          pulumi.output(appId).apply(async (id) => {
            const { keys } = await listClientJsonWebKeysWith(processOktaClient, { appId: id });
            return keys.map((k) => k.keyId);
          }),
        slot: (childName, slot, adopt, slotOpts) =>
          new PluginResource(
            "ClientJsonWebKey",
            childName,
            {
              ...slot,
              generate: args.generate ?? { algorithm: "RS256" },
              ...(adopt === undefined ? {} : { adoptKeyId: adopt }),
            },
            keyView,
            slotOpts,
          ),
        verify: (current, verifyName, checkedFor, verifyOpts) =>
          new PluginResource(
            "ClientJsonWebKeyVerification",
            verifyName,
            {
              appId: args.appId,
              keyId: current.out("keyId"),
              kid: current.out("kid"),
              privateKey: pulumi.secret(current.out("privateKeyPem")),
              checkedFor,
            },
            verified,
            verifyOpts,
          ),
        view: (slot) => slot.view(keyView),
      },
      opts,
    );
  }
}

/** The schedule's arguments and the flags: plain values, read when the program runs, as in the sdk. */
function plainArgs(kind: string, name: string, inputs: Inputs): RotatingCredentialArgs & { generate?: unknown } {
  for (const key of ["rotateEvery", "retireAfter", "anchor", "now", "adoptExisting", "verify"]) {
    if (pulumi.Output.isInstance(inputs[key])) {
      throw new Error(`${kind} "${name}": ${key} must be a plain value known when the program runs, not an output`);
    }
  }
  return Object.fromEntries(
    Object.entries(inputs).filter(([, v]) => v !== undefined),
  ) as unknown as RotatingCredentialArgs;
}

const components: Record<
  string,
  (name: string, inputs: Inputs, opts: pulumi.ComponentResourceOptions) => RotatingCredential<PluginResource, Inputs>
> = {
  "okta-credentials:index:RotatingClientSecret": (name, inputs, opts) =>
    new RotatingClientSecret(name, plainArgs("RotatingClientSecret", name, inputs), opts),
  "okta-credentials:index:RotatingClientJsonWebKey": (name, inputs, opts) =>
    new RotatingClientJsonWebKey(name, plainArgs("RotatingClientJsonWebKey", name, inputs), opts),
};

/** The tokens of the components the plugin serves. */
export const componentTokens = Object.keys(components);

export const construct: Required<provider.Provider>["construct"] = async (name, type, inputs, options) => {
  const make = components[type];
  if (!make) throw new Error(`the okta-credentials provider has no component ${type}`);
  const component = make(name, inputs, options);
  const { current, previous, generation, nextRotationAt, previousRetiresAt } = component;
  return { urn: component.urn, state: { current, previous, generation, nextRotationAt, previousRetiresAt } };
};
