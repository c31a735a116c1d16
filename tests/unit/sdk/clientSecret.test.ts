import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import { ClientSecret } from "../../../sdk";

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}
const registered: Registered[] = [];

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        const secretId = `ocs${args.name.padEnd(17, "x").slice(0, 17)}`;
        return {
          id: `${args.inputs.appId}/${secretId}`,
          state: { ...args.inputs, secretId, clientSecret: "generated" },
        };
      },
      call: () => ({}),
    },
    "project",
    "stack",
    true,
  );
});

const resolve = <T>(o: pulumi.Output<T>): Promise<T> => new Promise((r) => o.apply(r));

describe("ClientSecret (program side)", () => {
  it("registers the okta:ClientSecret type with the given inputs and the provider shim", async () => {
    const s = new ClientSecret("generated", { appId: "0oa1abcdefghijklmnop", rotationTriggers: { rotation: "1" } });
    await resolve(s.secretId);
    const r = registered.find((x) => x.name === "generated");
    expect(r?.type).toBe("pulumi-nodejs:dynamic/okta:ClientSecret");
    expect(r?.inputs.appId).toBe("0oa1abcdefghijklmnop");
    expect(r?.inputs.rotationTriggers).toEqual({ rotation: "1" });
    expect(r?.inputs).not.toHaveProperty("clientSecret");
    expect(typeof r?.inputs.__provider).toBe("string");
    expect(r?.inputs.__provider).toContain('require("pulumi-okta-credentials/provider").providers.ClientSecret');
  });

  it("gives the hooks its own URN as the __resourceUrn input, also under a component parent", async () => {
    const s = new ClientSecret("mine", { appId: "0oa1abcdefghijklmnop" });
    await resolve(s.secretId);
    const urn = await resolve(s.urn);
    expect(registered.find((x) => x.name === "mine")?.inputs.__resourceUrn).toBe(urn);
    expect(urn).toBe("urn:pulumi:stack::project::pulumi-nodejs:dynamic/okta:ClientSecret::mine");

    class Slots extends pulumi.ComponentResource {
      constructor(name: string) {
        super("test:index:Slots", name);
      }
    }
    const parent = new Slots("rotating");
    const child = new ClientSecret("rotating-slot0", { appId: "0oa1abcdefghijklmnop" }, { parent });
    await resolve(child.secretId);
    const childUrn = await resolve(child.urn);
    expect(registered.find((x) => x.name === "rotating-slot0")?.inputs.__resourceUrn).toBe(childUrn);
    expect(childUrn).toContain("test:index:Slots$pulumi-nodejs:dynamic/okta:ClientSecret::rotating-slot0");
  });

  it("registers two ClientSecrets under one component (__resourceUrn carries no dependency on the parent)", async () => {
    // Pulumi expands a dependency on a component into its children: with the parent's URN as a dependency of the
    // __resourceUrn input, each sibling waited for the other and neither registered.
    class Pair extends pulumi.ComponentResource {
      readonly a: ClientSecret;
      readonly b: ClientSecret;
      constructor(name: string) {
        super("test:index:Pair", name);
        this.a = new ClientSecret(`${name}-a`, { appId: "0oa1abcdefghijklmnop" }, { parent: this });
        this.b = new ClientSecret(`${name}-b`, { appId: "0oa1abcdefghijklmnop" }, { parent: this });
      }
    }
    const pair = new Pair("pair");
    const inTime = new Promise((_, reject) => setTimeout(() => reject(new Error("siblings never registered")), 5_000));
    await Promise.race([resolve(pulumi.all([pair.a.secretId, pair.b.secretId])), inTime]);
    expect(registered.find((x) => x.name === "pair-b")?.inputs.__resourceUrn).toBe(await resolve(pair.b.urn));
  });

  it("keeps a bring-your-own secret a Pulumi secret on the way in", async () => {
    const seen = capture();
    new ClientSecret(
      "byo",
      { appId: "0oa1abcdefghijklmnop", clientSecret: "plain-text-given-by-user-0123456789" },
      { transformations: [seen.transformation] },
    );
    const given = seen.args()?.props.clientSecret as pulumi.Output<string>;
    expect(pulumi.Output.isInstance(given)).toBe(true);
    expect(await pulumi.isSecret(given)).toBe(true);
  });

  it("asks the engine to encrypt the clientSecret output, keeping the caller's own secret outputs", async () => {
    const seen = capture();
    new ClientSecret(
      "gen2",
      { appId: "0oa1abcdefghijklmnop" },
      { additionalSecretOutputs: ["secretHash"], transformations: [seen.transformation] },
    );
    const opts = seen.args()?.opts as pulumi.CustomResourceOptions | undefined;
    expect(opts?.additionalSecretOutputs).toEqual(["secretHash", "clientSecret"]);
    expect(seen.args()?.type).toBe("pulumi-nodejs:dynamic/okta:ClientSecret");
  });
});

/** Records what the SDK is about to register, through a per-resource transformation (runs in-process, mocks or not). */
function capture() {
  let seen: pulumi.ResourceTransformationArgs | undefined;
  return {
    transformation: (a: pulumi.ResourceTransformationArgs) => {
      seen = a;
      return undefined;
    },
    args: () => seen,
  };
}
