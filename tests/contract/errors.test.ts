import { describe, expect, it } from "vitest";
import { errorShape, specExamples, useOktaHarness } from "./harness";
import { assertionForm, serviceApp } from "./oauthApps";

const okta = useOktaHarness();
const LIST = "GET /api/v1/apps/{appId}/credentials/secrets";
const only = (examples: Record<string, Record<string, unknown>>) => Object.values(examples)[0] ?? {};

describe("the errors every operation shares match the spec's examples", () => {
  it("401 E0000011 for a bad token", async () => {
    const app = await okta.emulator.createApp();
    const response = await okta.api("GET", `/api/v1/apps/${app.id}/credentials/secrets`, { auth: "SSWS nope" });
    expect(response.status).toBe(401);
    expect(errorShape(response.body)).toEqual(errorShape(only(specExamples(LIST, "401"))));
  });

  it("403 E0000006 for a token without the scope", async () => {
    const app = await okta.emulator.createApp();
    const token = await okta.token<{ access_token: string }>(
      await assertionForm(okta, await serviceApp(okta), "okta.apps.read"),
    );
    const response = await okta.api("POST", `/api/v1/apps/${app.id}/credentials/secrets`, {
      auth: `Bearer ${token.body.access_token}`,
      body: {},
    });
    expect(response.status).toBe(403);
    expect(errorShape(response.body)).toEqual(errorShape(only(specExamples(LIST, "403"))));
  });

  it("404 E0000007 fills the spec's `Not found: {0}` template", async () => {
    const response = await okta.api("GET", "/api/v1/apps/0oa11111111111111111/credentials/secrets");
    const example = errorShape(only(specExamples(LIST, "404")));
    expect(example.errorSummary).toBe("Not found: {0}");
    expect(errorShape(response.body)).toEqual({
      ...example,
      errorSummary: "Not found: Resource not found: 0oa11111111111111111 (AppInstance)",
    });
  });

  it("429 E0000047 when rate-limited", async () => {
    const app = await okta.emulator.createApp();
    okta.emulator.faults.inject({ status: 429 });
    const response = await okta.api("GET", `/api/v1/apps/${app.id}/credentials/secrets`);
    expect(response.status).toBe(429);
    expect(errorShape(response.body)).toEqual(errorShape(only(specExamples(LIST, "429"))));
  });

  it("405 E0000022 for a known path asked with another method (a 404 would read as 'already gone')", async () => {
    const app = await okta.emulator.createApp();
    const secrets = `/api/v1/apps/${app.id}/credentials/secrets`;
    const [secret] = okta.emulator.state().apps[0]?.secrets ?? [];
    const wrong: Array<[string, string]> = [
      ["PUT", `${secrets}/${secret?.id}`],
      ["PATCH", `/api/v1/apps/${app.id}`],
      ["DELETE", secrets],
      ["GET", `${secrets}/${secret?.id}/lifecycle/deactivate`],
      ["POST", `/api/v1/apps/${app.id}/grants/oag11111111111111111`],
      ["GET", "/oauth2/v1/token"],
    ];
    for (const [method, path] of wrong) {
      const response = await okta.api(method, path);
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(errorShape(response.body)).toEqual({
        errorCode: "E0000022",
        errorSummary: "The endpoint does not support the provided HTTP method",
        errorCauses: [],
      });
    }
    expect(okta.emulator.state().apps[0]?.secrets).toHaveLength(1);
    expect((await okta.api("GET", `/api/v1/apps/${app.id}/no-such-thing`)).status).toBe(404);
  });
});
