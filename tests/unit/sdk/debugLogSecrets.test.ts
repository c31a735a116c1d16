import * as resourceProto from "@pulumi/pulumi/proto/resource_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { describe, expect, it } from "vitest";
import "../../../sdk";

// The sdk, when loaded, renders the runtime's debug text of a resource's answer with its secret outputs masked: the
// runtime logs `resp: ${answer}` for every RegisterResource and ReadResource (runtime/resource.js).
const secret = (value: unknown) => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value });
const value = "a-client-secret-value-with,commas,and-40-chars";
const pem =
  "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ\n-----END PRIVATE KEY-----\n";
const outputs = { appId: "0oa1b2c3d4e5f6g7h8i9", clientSecret: secret(value), nested: { key: secret(pem) }, n: 3 };

describe("the debug text of a resource's answer, with the sdk loaded", () => {
  for (const [name, make] of [
    [
      "RegisterResourceResponse",
      () => {
        const r = new resourceProto.RegisterResourceResponse();
        r.setObject(Struct.fromJavaScript(outputs as never));
        return r;
      },
    ],
    [
      "ReadResourceResponse",
      () => {
        const r = new resourceProto.ReadResourceResponse();
        r.setProperties(Struct.fromJavaScript(outputs as never));
        return r;
      },
    ],
  ] as const) {
    it(`${name}: secret values are [secret], the URN, the id and every other output stay`, () => {
      const answer = make();
      answer.setUrn("urn:pulumi:s::p::t::n");
      answer.setId("0oa1b2c3d4e5f6g7h8i9/ocs1b2c3d4e5f6g7h8i9");
      const text = `${answer}`;
      expect(text).not.toContain("client-secret-value");
      expect(text).not.toContain("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ");
      expect(text).toBe(
        'urn: urn:pulumi:s::p::t::n, id: 0oa1b2c3d4e5f6g7h8i9/ocs1b2c3d4e5f6g7h8i9, outputs: {"appId":"0oa1b2c3d4e5f6g7h8i9","clientSecret":"[secret]","n":3,"nested":{"key":"[secret]"}}',
      );
      // What the engine reads is unchanged.
      expect(answer.getUrn()).toBe("urn:pulumi:s::p::t::n");
    });
  }
});
