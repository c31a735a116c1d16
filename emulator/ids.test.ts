import { describe, expect, it } from "vitest";
import { generateClientSecret, oktaId, oktaTimestamp, secretHash } from "./ids";

describe("Okta's identifiers and hashes", () => {
  it("computes secret_hash exactly as the three examples of Okta's rotation guide", () => {
    expect(secretHash("3ZIqRCzmjcdNPK2Y29x1qSkI5NRHji_eGIm4aKtI")).toBe("jMur1qOhMw_MtC9aQo7YEg");
    expect(secretHash("D0HxBn1FtTXeYC4cSBwWL_sPMztMT2t6Ei9n1QjO")).toBe("tI4z6TbSw5YYd8RtcClaEw");
    expect(secretHash("7U_MTFeIoRVHtPTcb4MY0gESLLisXfNRbbob1Quo")).toBe("cfQjsGNDYEn5e3rqJME_jQ");
  });

  it("makes ids of Okta's length and alphabet", () => {
    for (const prefix of ["0oa", "ocs", "pks"] as const) {
      const id = oktaId(prefix);
      expect(id).toHaveLength(20);
      expect(id).toMatch(new RegExp(`^${prefix}[A-Za-z0-9]{17}$`));
    }
    expect(new Set(Array.from({ length: 200 }, () => oktaId("ocs"))).size).toBe(200);
  });

  it("generates 64-character secrets of [A-Za-z0-9_-]", () => {
    const secrets = Array.from({ length: 50 }, generateClientSecret);
    for (const s of secrets) expect(s).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(new Set(secrets).size).toBe(50);
  });

  it("formats timestamps with zeroed milliseconds", () => {
    expect(oktaTimestamp(new Date("2023-04-06T21:32:33.789Z"))).toBe("2023-04-06T21:32:33.000Z");
  });
});
