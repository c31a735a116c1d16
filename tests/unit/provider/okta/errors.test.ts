import { runInNewContext } from "node:vm";
import { describe, expect, it, vi } from "vitest";
import { isOktaApiError, OktaApiError, withContext } from "../../../../provider/okta/errors";
import { parseCompositeId } from "../../../../provider/okta/ids";

const fields = {
  kind: "http" as const,
  status: 400,
  errorCode: "E0000001",
  summary: "Api validation failed: OAuth2ClientSecretMediated",
  causes: ["You can't deactivate the only active client secret."],
  method: "POST",
  path: "/api/v1/apps/0oa1/credentials/secrets/ocs1/lifecycle/deactivate",
  requestId: "req-1",
};

describe("OktaApiError", () => {
  it("has one message shape, and withContext prefixes what was being done", () => {
    const error = new OktaApiError(fields);
    const expected =
      "Okta HTTP 400 E0000001 Api validation failed: OAuth2ClientSecretMediated: You can't deactivate the only active " +
      "client secret. (POST /api/v1/apps/0oa1/credentials/secrets/ocs1/lifecycle/deactivate, request id req-1)";
    expect(error.message).toBe(expected);
    const wrapped = withContext(error, "deactivating client secret ocs1 of app 0oa1");
    expect(wrapped.message).toBe(`deactivating client secret ocs1 of app 0oa1: ${expected}`);
    expect(isOktaApiError(wrapped) && wrapped.requestId).toBe("req-1");
    expect(withContext(wrapped, "deleting").message).toBe(
      `deleting: deactivating client secret ocs1 of app 0oa1: ${expected}`,
    );
    expect(
      new OktaApiError({ kind: "timeout", summary: "no answer within 30000 ms", method: "GET", path: "/x" }).message,
    ).toBe("Okta request timed out: no answer within 30000 ms (GET /x)");
  });

  it("matches a status and a cause, ignoring case", () => {
    const error = new OktaApiError(fields);
    expect(error.is(400)).toBe(true);
    expect(error.is(400, "ONLY ACTIVE CLIENT SECRET")).toBe(true);
    expect(error.is(404)).toBe(false);
    expect(error.is(400, "maximum number")).toBe(false);
  });

  it("is recognised across module copies and realms, where instanceof fails", async () => {
    vi.resetModules();
    const copy = await import("../../../../provider/okta/errors.js");
    const fromCopy = new copy.OktaApiError(fields);
    expect(fromCopy instanceof OktaApiError).toBe(false);
    expect(isOktaApiError(fromCopy)).toBe(true);
    const fromOtherRealm = runInNewContext(
      'const e = new Error("x"); e[Symbol.for("pulumi-okta-credentials.OktaApiError")] = true; e',
    );
    expect(fromOtherRealm instanceof Error).toBe(false);
    expect(isOktaApiError(fromOtherRealm)).toBe(true);
    expect(isOktaApiError(new Error("plain"))).toBe(false);
    expect(isOktaApiError(undefined)).toBe(false);
  });

  it("withContext keeps any other error as the cause", () => {
    const cause = new TypeError("boom");
    const wrapped = withContext(cause, "reading app 0oa1");
    expect(wrapped.message).toBe("reading app 0oa1: boom");
    expect(wrapped.cause).toBe(cause);
  });
});

describe("parseCompositeId", () => {
  it("parses <appId>/<id> and quotes a bad value in its error", () => {
    expect(parseCompositeId("0oa1b2c3d4e5f6g7h8i9/ocs1b2c3d4e5f6g7h8i9", "ClientSecret", "…")).toEqual({
      appId: "0oa1b2c3d4e5f6g7h8i9",
      childId: "ocs1b2c3d4e5f6g7h8i9",
    });
    for (const bad of [
      "",
      "0oa1b2c3d4e5f6g7h8i9",
      "0oa1b2c3d4e5f6g7h8i9/ocs1/x",
      "0oa1b2c3d4e5f6g7h8i9/ocs-1b2c3d4e5f6g7h8i",
      "a/b",
    ]) {
      expect(() => parseCompositeId(bad, "ClientSecret", "0oa…/ocs…")).toThrow(
        `invalid ClientSecret id "${bad}": expected "<appId>/<id>", like "0oa…/ocs…"`,
      );
    }
  });
});
