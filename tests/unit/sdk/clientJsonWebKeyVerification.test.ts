import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import { ClientJsonWebKeyVerification } from "../../../sdk/clientJsonWebKeyVerification";

// The key verification as a program registers it (pulumi.runtime.setMocks): its type token, and the private key
// handed on only as a Pulumi secret, so the engine keeps it encrypted in the inputs it stores.
const registered: { type: string; inputs: Record<string, unknown> }[] = [];

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, inputs: args.inputs });
        return {
          id: `${args.inputs.appId}/key-verification`,
          state: { ...args.inputs, answer: "HTTP 400 invalid_scope" },
        };
      },
      call: () => ({}),
    },
    "project",
    "stack",
    true,
  );
});

describe("ClientJsonWebKeyVerification (program side)", () => {
  it("registers its type with the key named by id and kid, the private key as a secret input", async () => {
    let props: Record<string, unknown> = {};
    const verification = new ClientJsonWebKeyVerification(
      "signing-verify",
      {
        appId: "0oa1abcdefghijklmnop",
        keyId: "pks1abcdefghijklmnop",
        kid: "k1",
        privateKey: "-----BEGIN PRIVATE KEY-----\nnot a real key\n-----END PRIVATE KEY-----",
        checkedFor: "generation 2, previous ACTIVE",
      },
      {
        transformations: [
          (a) => {
            props = a.props;
            return undefined;
          },
        ],
      },
    );
    await new Promise((resolve) => verification.answer.apply(resolve));
    expect(registered.map((r) => r.type)).toEqual(["pulumi-nodejs:dynamic/okta:ClientJsonWebKeyVerification"]);
    expect(await pulumi.isSecret(props.privateKey as pulumi.Output<string>)).toBe(true);
    expect(registered[0]?.inputs).toMatchObject({
      appId: "0oa1abcdefghijklmnop",
      keyId: "pks1abcdefghijklmnop",
      kid: "k1",
      checkedFor: "generation 2, previous ACTIVE",
      __resourceUrn:
        "urn:pulumi:stack::project::pulumi-nodejs:dynamic/okta:ClientJsonWebKeyVerification::signing-verify",
    });
  });
});
