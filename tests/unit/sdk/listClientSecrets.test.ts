import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OktaEmulator, startOktaEmulator } from "../../../emulator/index";
import { listClientSecrets } from "../../../sdk";

describe("listClientSecrets (program side, against the emulator)", () => {
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

  it("lists what the app holds, with hashes and without values", async () => {
    const app = await okta.createApp();
    const held = await listClientSecrets({ appId: app.id });
    const [only] = okta.state().apps.find((a) => a.id === app.id)?.secrets ?? [];
    expect(held).toEqual({
      appId: app.id,
      secrets: [
        {
          secretId: only?.id,
          status: "ACTIVE",
          secretHash: only?.secret_hash,
          created: only?.created,
          lastUpdated: only?.lastUpdated,
        },
      ],
    });
    expect(JSON.stringify(held)).not.toContain(only?.client_secret);
  });

  it("says which app it was listing when Okta refuses, without the token", async () => {
    const missing = "0oa00000000000000000";
    const error = await listClientSecrets({ appId: missing }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(new RegExp(`^listing the client secrets of app ${missing}: .*404`));
    expect((error as Error).message).not.toContain(okta.apiToken);
  });
});
