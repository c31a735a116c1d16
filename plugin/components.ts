import * as pulumi from "@pulumi/pulumi";
import type * as provider from "@pulumi/pulumi/provider";
import { processOktaClient } from "../provider/okta/processClient";
import { listClientJsonWebKeysOf } from "../sdk/listClientJsonWebKeys";
import { listClientSecretsOf } from "../sdk/listClientSecrets";
import { adoptionTarget, startRotation } from "../sdk/rotation/component";
import type { ScheduleArgs } from "../sdk/rotation/schedule";
import { registerTwoSlots, slotTriggers } from "../sdk/rotation/twoSlots";

/**
 * `RotatingClientSecret` and `RotatingClientJsonWebKey` as components of the plugin (`construct`): the sdk's rotation
 * (schedule, two slots, adoption of the app's only credential, the order that keeps one working) over the plugin's own
 * `ClientSecret` / `ClientJsonWebKey` resources, so a program in any language gets the same children and the same
 * behaviour as a TypeScript program's component.
 */
type Inputs = Record<string, unknown>;

const secretOutputs = ["secretId", "clientSecret", "secretHash", "status", "created"];
const keyOutputs = ["keyId", "kid", "publicJwk", "privateKeyPem", "privateJwk", "status", "created"];

/** A custom resource of the plugin, registered from inside `construct`; its outputs are `outputs`. */
class PluginResource extends pulumi.CustomResource {
  [output: string]: unknown;
  constructor(type: string, name: string, props: Inputs, outputs: string[], opts: pulumi.CustomResourceOptions) {
    super(
      `okta-credentials:index:${type}`,
      name,
      { ...Object.fromEntries(outputs.map((o) => [o, undefined])), ...props },
      opts,
    );
  }
  out<T>(name: string): pulumi.Output<T> {
    return this[name] as pulumi.Output<T>;
  }
}

/** The schedule's arguments and the flags: plain values, read when the component is made, as in the sdk. */
function planArgs(
  kind: string,
  name: string,
  inputs: Inputs,
): ScheduleArgs & { adoptExisting?: boolean; verify?: boolean } {
  const args: Inputs = {};
  for (const key of ["rotateEvery", "retireAfter", "anchor", "now", "adoptExisting", "verify"]) {
    const value = inputs[key];
    if (pulumi.Output.isInstance(value)) {
      throw new Error(`${kind} "${name}": ${key} must be a plain value known when the program runs, not an output`);
    }
    if (value !== undefined) args[key] = value;
  }
  return args as unknown as ScheduleArgs;
}

class RotatingComponent extends pulumi.ComponentResource {
  state: Inputs = {};
  finish(state: Inputs): void {
    this.state = state;
    this.registerOutputs(state);
  }
}

function rotatingClientSecret(name: string, inputs: Inputs, opts: pulumi.ComponentResourceOptions): RotatingComponent {
  const component = new RotatingComponent("okta-credentials:index:RotatingClientSecret", name, {}, opts);
  const args = planArgs("RotatingClientSecret", name, inputs);
  const { schedule, say } = startRotation("RotatingClientSecret", name, args);
  const appId = inputs.appId as pulumi.Input<string>;
  const adopted =
    args.adoptExisting === true
      ? adoptionTarget(
          pulumi.output(appId).apply(async (id) => {
            const { secrets } = await listClientSecretsOf(processOktaClient(), { appId: id });
            return secrets.map((s) => s.secretId);
          }),
          "secret",
          say,
        )
      : undefined;
  const slots = registerTwoSlots(name, schedule, {
    slot: (plan, childName, dependsOn) =>
      new PluginResource(
        "ClientSecret",
        childName,
        {
          appId,
          rotationTriggers: slotTriggers(plan),
          status: plan.status,
          heldRetired: true,
          ...(plan.role === "previous" && adopted !== undefined ? { adoptSecretId: adopted } : {}),
        },
        secretOutputs,
        { parent: component, dependsOn },
      ),
    ...(args.verify === true
      ? {
          verify: (current: PluginResource) =>
            new PluginResource(
              "ClientSecretVerification",
              `${name}-verify`,
              {
                appId,
                secretId: current.out("secretId"),
                secretHash: current.out("secretHash"),
                checkedFor: `generation ${schedule.generation}, previous ${schedule.previous.status}`,
              },
              ["verifiedAt", "answer"],
              { parent: component },
            ),
        }
      : {}),
  });
  const view = (slot: PluginResource) =>
    Object.fromEntries(["secretId", "clientSecret", "status", "created"].map((o) => [o, slot.out(o)]));
  return finish(component, schedule, view(slots.current), view(slots.previous));
}

function rotatingClientJsonWebKey(
  name: string,
  inputs: Inputs,
  opts: pulumi.ComponentResourceOptions,
): RotatingComponent {
  const component = new RotatingComponent("okta-credentials:index:RotatingClientJsonWebKey", name, {}, opts);
  const args = planArgs("RotatingClientJsonWebKey", name, inputs);
  const { schedule, say } = startRotation("RotatingClientJsonWebKey", name, args);
  const appId = inputs.appId as pulumi.Input<string>;
  const adopted =
    args.adoptExisting === true
      ? adoptionTarget(
          pulumi.output(appId).apply(async (id) => {
            const { keys } = await listClientJsonWebKeysOf(processOktaClient(), { appId: id });
            return keys.map((k) => k.keyId);
          }),
          "key",
          say,
        )
      : undefined;
  const slots = registerTwoSlots(name, schedule, {
    slot: (plan, childName, dependsOn) =>
      new PluginResource(
        "ClientJsonWebKey",
        childName,
        {
          appId,
          generate: inputs.generate ?? { algorithm: "RS256" },
          rotationTriggers: slotTriggers(plan),
          status: plan.status,
          heldRetired: true,
          ...(plan.role === "previous" && adopted !== undefined ? { adoptKeyId: adopted } : {}),
        },
        keyOutputs,
        { parent: component, dependsOn },
      ),
    ...(args.verify === true
      ? {
          verify: (current: PluginResource) =>
            new PluginResource(
              "ClientJsonWebKeyVerification",
              `${name}-verify`,
              {
                appId,
                keyId: current.out("keyId"),
                kid: current.out("kid"),
                privateKey: pulumi.secret(current.out("privateKeyPem")),
                checkedFor: `generation ${schedule.generation}, previous ${schedule.previous.status}`,
              },
              ["verifiedAt", "answer"],
              { parent: component },
            ),
        }
      : {}),
  });
  const view = (slot: PluginResource) => Object.fromEntries(keyOutputs.map((o) => [o, slot.out(o)]));
  return finish(component, schedule, view(slots.current), view(slots.previous));
}

function finish(
  component: RotatingComponent,
  schedule: { generation: number; nextRotationAt: string; previousRetiresAt: string },
  current: Inputs,
  previous: Inputs,
): RotatingComponent {
  component.finish({
    current,
    previous,
    generation: schedule.generation,
    nextRotationAt: schedule.nextRotationAt,
    previousRetiresAt: schedule.previousRetiresAt,
  });
  return component;
}

const builders: Record<string, typeof rotatingClientSecret> = {
  "okta-credentials:index:RotatingClientSecret": rotatingClientSecret,
  "okta-credentials:index:RotatingClientJsonWebKey": rotatingClientJsonWebKey,
};

/** The tokens of the components the plugin serves. */
export const componentTokens = Object.keys(builders);

export const construct: Required<provider.Provider>["construct"] = async (name, type, inputs, options) => {
  const build = builders[type];
  if (!build) throw new Error(`the okta-credentials provider has no component ${type}`);
  const component = build(name, inputs, options);
  return { urn: component.urn, state: component.state };
};
