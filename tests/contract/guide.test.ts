import { describe, expect, it } from "vitest";
import { errorShape, useOktaHarness } from "./harness";

// Okta's guide "Client secret rotation" (../shared/seed/client-secret-rotation-guide.txt), replayed step by step.
const okta = useOktaHarness();
type Secret = {
  id: string;
  status: string;
  client_secret: string;
  secret_hash: string;
  _links: Record<string, unknown>;
};
// The bring-your-own secret and its hash as printed in the guide's sample response.
const GUIDE_SECRET = "D0HxBn1FtTXeYC4cSBwWL_sPMztMT2t6Ei9n1QjO";
const GUIDE_SECRET_HASH = "tI4z6TbSw5YYd8RtcClaEw";

describe("the client secret rotation guide, replayed", () => {
  it("list, auto-generate, third create refused, deactivate, delete ACTIVE refused, delete INACTIVE, bring your own, only ACTIVE kept", async () => {
    const app = await okta.emulator.createApp({ label: "guide" });
    const secrets = `/api/v1/apps/${app.id}/credentials/secrets`;
    // A secret authenticates unless the token endpoint answers invalid_client (a scope the org authorization
    // server does not serve makes an accepted secret's answer 400 invalid_scope).
    const canAuthenticate = async (secret: string) =>
      (
        await okta.token(
          { grant_type: "client_credentials", scope: "secret-check" },
          { Authorization: `Basic ${Buffer.from(`${app.id}:${secret}`).toString("base64")}` },
        )
      ).status !== 401;

    // List client secrets: the app's own secret, ACTIVE, with a deactivate link.
    const listed = await okta.api<Secret[]>("GET", secrets);
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(1);
    const original = listed.body[0] as Secret;
    expect(original.status).toBe("ACTIVE");
    expect(Object.keys(original._links)).toEqual(["deactivate"]);

    // Auto-generate: a second ACTIVE secret; both authenticate during the overlap.
    const generated = await okta.api<Secret>("POST", secrets, { body: {} });
    expect(generated.status).toBe(201);
    expect(generated.body.status).toBe("ACTIVE");
    expect(await canAuthenticate(original.client_secret)).toBe(true);
    expect(await canAuthenticate(generated.body.client_secret)).toBe(true);

    // A third secret is refused: two is the limit.
    const third = await okta.api("POST", secrets, { body: { client_secret: GUIDE_SECRET } });
    expect(third.status).toBe(400);
    expect(errorShape(third.body).errorCauses).toEqual([
      { errorSummary: "You've reached the maximum number of client secrets per client." },
    ]);

    // Deactivate the old secret: it stops authenticating, links activate + delete.
    const deactivated = await okta.api<Secret>("POST", `${secrets}/${original.id}/lifecycle/deactivate`);
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.status).toBe("INACTIVE");
    expect(Object.keys(deactivated.body._links)).toEqual(["activate", "delete"]);
    expect(await canAuthenticate(original.client_secret)).toBe(false);

    // Deleting the ACTIVE secret is refused.
    const deleteActive = await okta.api("DELETE", `${secrets}/${generated.body.id}`);
    expect(deleteActive.status).toBe(400);
    expect(errorShape(deleteActive.body).errorCauses).toEqual([
      { errorSummary: "You can't delete an active client secret. Deactivate the secret before deleting it." },
    ]);

    // Delete the INACTIVE secret.
    expect((await okta.api("DELETE", `${secrets}/${original.id}`)).status).toBe(204);

    // Bring your own secret: the guide's own sample, with the guide's own hash.
    const own = await okta.api<Secret>("POST", secrets, { body: { client_secret: GUIDE_SECRET } });
    expect(own.status).toBe(201);
    expect(own.body.secret_hash).toBe(GUIDE_SECRET_HASH);
    expect(await canAuthenticate(GUIDE_SECRET)).toBe(true);

    // Retire the generated one, then the only ACTIVE secret cannot be deactivated.
    expect((await okta.api("POST", `${secrets}/${generated.body.id}/lifecycle/deactivate`)).status).toBe(200);
    const onlyActive = await okta.api("POST", `${secrets}/${own.body.id}/lifecycle/deactivate`);
    expect(onlyActive.status).toBe(400);
    expect(errorShape(onlyActive.body).errorCauses).toEqual([
      { errorSummary: "You can't deactivate the only active client secret." },
    ]);

    expect(
      okta.emulator
        .requests()
        .filter((r) => r.path.startsWith(secrets))
        .map((r) => `${r.method} ${r.status}`),
    ).toEqual([
      "GET 200",
      "POST 201",
      "POST 400",
      "POST 200",
      "DELETE 400",
      "DELETE 204",
      "POST 201",
      "POST 200",
      "POST 400",
    ]);
  });
});
