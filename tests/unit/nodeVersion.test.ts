import { describe, expect, it } from "vitest";

// scripts/test.sh runs this suite on several Node.js releases, each first on PATH, and names the one a run is meant
// to use: a run that fell back to another Node.js (npx, a shebang, a PATH mix-up) fails here instead of passing.
describe("the Node.js the unit tests run on", () => {
  it.runIf(process.env.OKTA_CREDENTIALS_TEST_NODE)("is the one scripts/test.sh started this run with", () => {
    expect(process.version).toBe(process.env.OKTA_CREDENTIALS_TEST_NODE);
  });
});
