import { realpath } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStack, type E2EStack } from "../harness";

// `scripts/test.sh` runs the tests on several Node.js releases, each first on PATH, and names the one a run is
// meant to use in OKTA_CREDENTIALS_TEST_NODE. The engine starts Node.js itself (the Node.js language host runs the
// program, the dynamic-provider plugin runs the provider): both must be that Node.js, or a run on Node.js 22 would
// prove nothing about users' Node.js 22.
const fixture = path.join(__dirname, "fixture");

describe("the Node.js that the engine runs a program and its dynamic provider on", () => {
  let stack: E2EStack;

  beforeAll(async () => {
    stack = await createStack({ program: fixture });
  });
  afterAll(async () => {
    await stack?.cleanup();
  });

  it("is the Node.js these tests run on", async () => {
    await stack.up();
    const outputs = (await stack.outputs()) as Record<
      "program" | "dynamicProvider",
      { version: string; execPath: string }
    >;
    const self = { version: process.version, execPath: await realpath(process.execPath) };
    for (const ran of [outputs.program, outputs.dynamicProvider]) {
      expect({ version: ran.version, execPath: await realpath(ran.execPath) }).toEqual(self);
    }
  });

  it.runIf(process.env.OKTA_CREDENTIALS_TEST_NODE)("is the Node.js scripts/test.sh started this run with", () => {
    expect(process.version).toBe(process.env.OKTA_CREDENTIALS_TEST_NODE);
  });
});
