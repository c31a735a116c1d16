import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OktaEmulator, startOktaEmulator } from "./index";

// The request log's `credentials`: what an app held, ids and statuses, once each change request was handled, so a
// test can replay every moment of a run, the changes whose answers were lost included.
describe("the request log's credentials after each change", () => {
  let emulator: OktaEmulator;
  beforeAll(async () => {
    emulator = await startOktaEmulator({ rateLimit: "off" });
  });
  afterAll(() => emulator.close());
  const api = (method: string, path: string) =>
    fetch(`${emulator.url}${path}`, { method, headers: { Authorization: `SSWS ${emulator.apiToken}` } });

  it("records ids and statuses after a create, a lost answer and a delete; nothing for reads or unknown apps", async () => {
    const app = await emulator.createApp();
    const own = emulator.state().apps[0]?.secrets[0]?.id as string;
    const secrets = `/api/v1/apps/${app.id}/credentials/secrets`;
    emulator.clearRequests();
    const created = (await (await api("POST", secrets)).json()) as { id: string };
    emulator.faults.inject({ method: "POST", path: "/lifecycle/deactivate$", status: 502, after: true });
    expect((await api("POST", `${secrets}/${own}/lifecycle/deactivate`)).status).toBe(502);
    await api("DELETE", `${secrets}/${own}`);
    await api("GET", secrets);
    await api("POST", "/api/v1/apps/0oanope/credentials/secrets");
    const log = emulator.requests();
    expect(log.map((e) => [e.method, e.status, e.credentials])).toEqual([
      [
        "POST",
        201,
        {
          appId: app.id,
          secrets: [
            { id: own, status: "ACTIVE" },
            { id: created.id, status: "ACTIVE" },
          ],
          jwks: [],
        },
      ],
      [
        "POST",
        502,
        {
          appId: app.id,
          secrets: [
            { id: own, status: "INACTIVE" },
            { id: created.id, status: "ACTIVE" },
          ],
          jwks: [],
        },
      ],
      ["DELETE", 204, { appId: app.id, secrets: [{ id: created.id, status: "ACTIVE" }], jwks: [] }],
      ["GET", 200, undefined],
      ["POST", 404, undefined],
    ]);
    expect(JSON.stringify(log)).not.toContain(emulator.state().apps[0]?.secrets[0]?.client_secret);
  });
});
