import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OktaEmulator, startOktaEmulator } from "../../../emulator/index";
import { generateClientKeyPair } from "../../../provider/keys/generateKeyPair";
import { listClientJsonWebKeys, listClientJsonWebKeysOutput } from "../../../sdk";

describe("listClientJsonWebKeys (program side, against the emulator)", () => {
  let okta: OktaEmulator;
  beforeAll(async () => {
    okta = await startOktaEmulator({ rateLimit: "off" });
    pulumi.runtime.setAllConfig({ "okta-credentials:orgUrl": okta.url, "okta:apiToken": okta.apiToken }, [
      "okta:apiToken",
    ]);
  });
  afterAll(async () => {
    pulumi.runtime.setAllConfig({});
    await okta.close();
  });

  it("lists every key of the app with its public JWK and status", async () => {
    const rs = await generateClientKeyPair({ algorithm: "RS256", kid: "rs" });
    const es = await generateClientKeyPair({ algorithm: "ES256", kid: "es" });
    const app = await okta.createApp({
      credentials: { oauthClient: { token_endpoint_auth_method: "private_key_jwt" } },
      settings: {
        oauthClient: {
          grant_types: ["client_credentials"],
          jwks: { keys: [rs.publicJwk, { ...es.publicJwk, status: "INACTIVE" }] as never },
        },
      },
    });
    const held = await listClientJsonWebKeys({ appId: app.id });
    const [first, second] = okta.state().apps.find((a) => a.id === app.id)?.jwks ?? [];
    expect(held).toEqual({
      appId: app.id,
      keys: [
        {
          keyId: first?.id,
          kid: "rs",
          status: "ACTIVE",
          use: "sig",
          algorithm: "RS256",
          publicJwk: rs.publicJwk,
          created: first?.created,
          lastUpdated: first?.lastUpdated,
        },
        expect.objectContaining({ keyId: second?.id, kid: "es", status: "INACTIVE", publicJwk: es.publicJwk }),
      ],
    });
    expect(JSON.stringify(held)).not.toContain(rs.privateJwk.d);
    const viaOutput = listClientJsonWebKeysOutput({ appId: pulumi.output(app.id) });
    expect(await new Promise((resolve) => viaOutput.apply(resolve))).toEqual(held);
  });

  it("says which app it was listing when Okta refuses, without the token", async () => {
    const missing = "0oa00000000000000000";
    const error = await listClientJsonWebKeys({ appId: missing }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(new RegExp(`^listing the JSON Web Keys of app ${missing}: .*404`));
    expect((error as Error).message).not.toContain(okta.apiToken);
  });
});
