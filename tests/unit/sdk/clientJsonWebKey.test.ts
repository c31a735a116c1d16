import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import { ClientJsonWebKey } from "../../../sdk";

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
        const keyId = `pks${args.name.padEnd(17, "x").slice(0, 17)}`;
        return {
          id: `${args.inputs.appId}/${keyId}`,
          state: { ...args.inputs, keyId, kid: "k", privateKeyPem: "pem", privateJwk: { d: "d" } },
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

describe("ClientJsonWebKey (program side)", () => {
  it("registers two ClientJsonWebKeys under one component (__resourceUrn carries no dependency on the parent)", async () => {
    class Pair extends pulumi.ComponentResource {
      readonly a: ClientJsonWebKey;
      readonly b: ClientJsonWebKey;
      constructor(name: string) {
        super("test:index:KeyPair", name);
        this.a = new ClientJsonWebKey(
          `${name}-a`,
          { appId: "0oa1abcdefghijklmnop", generate: { algorithm: "ES256" } },
          { parent: this },
        );
        this.b = new ClientJsonWebKey(
          `${name}-b`,
          { appId: "0oa1abcdefghijklmnop", generate: { algorithm: "ES256" } },
          { parent: this },
        );
      }
    }
    const pair = new Pair("keys");
    const inTime = new Promise((_, reject) => setTimeout(() => reject(new Error("siblings never registered")), 5_000));
    await Promise.race([resolve(pulumi.all([pair.a.keyId, pair.b.keyId])), inTime]);
    expect(registered.find((x) => x.name === "keys-b")?.inputs.__resourceUrn).toBe(await resolve(pair.b.urn));
  });

  it("registers the okta:ClientJsonWebKey type with the given inputs, its URN and the provider shim", async () => {
    const key = new ClientJsonWebKey("signing", {
      appId: "0oa1abcdefghijklmnop",
      generate: { algorithm: "ES256" },
      rotationTriggers: { rotation: "1" },
      status: "INACTIVE",
    });
    await resolve(key.keyId);
    const r = registered.find((x) => x.name === "signing");
    expect(r?.type).toBe("pulumi-nodejs:dynamic/okta:ClientJsonWebKey");
    expect(r?.inputs).toMatchObject({
      appId: "0oa1abcdefghijklmnop",
      generate: { algorithm: "ES256" },
      rotationTriggers: { rotation: "1" },
      status: "INACTIVE",
      __resourceUrn: await resolve(key.urn),
    });
    expect(r?.inputs.__resourceUrn).toBe(
      "urn:pulumi:stack::project::pulumi-nodejs:dynamic/okta:ClientJsonWebKey::signing",
    );
    expect(r?.inputs).not.toHaveProperty("publicKey");
    expect(r?.inputs.__provider).toContain('require("pulumi-okta-credentials/provider").providers.ClientJsonWebKey;');
  });

  it("passes a brought publicKey, kid, use, algorithm and adoptKeyId through as inputs", async () => {
    const publicKey = "-----BEGIN PUBLIC KEY-----\nMFkw…\n-----END PUBLIC KEY-----\n";
    const key = new ClientJsonWebKey("brought", {
      appId: "0oa1abcdefghijklmnop",
      publicKey,
      kid: "k1",
      use: "sig",
      algorithm: "RS384",
      adoptKeyId: "pks1abcdefghijklmnop",
    });
    await resolve(key.keyId);
    expect(registered.find((x) => x.name === "brought")?.inputs).toMatchObject({
      publicKey,
      kid: "k1",
      use: "sig",
      algorithm: "RS384",
      adoptKeyId: "pks1abcdefghijklmnop",
    });
  });

  it("asks the engine to encrypt privateKeyPem and privateJwk, keeping the caller's own secret outputs", async () => {
    const seen = capture();
    new ClientJsonWebKey(
      "secret-outputs",
      { appId: "0oa1abcdefghijklmnop", generate: { algorithm: "RS256" } },
      { additionalSecretOutputs: ["kid"], transformations: [seen.transformation] },
    );
    const opts = seen.args()?.opts as pulumi.CustomResourceOptions | undefined;
    expect(opts?.additionalSecretOutputs).toEqual(["kid", "privateKeyPem", "privateJwk"]);
    expect(seen.args()?.type).toBe("pulumi-nodejs:dynamic/okta:ClientJsonWebKey");
    // The engine encrypts these outputs in state (mocks do not run it): tests/e2e/clientJsonWebKey checks the state.
  });
});
