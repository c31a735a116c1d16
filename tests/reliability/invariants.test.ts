import { describe, expect, it } from "vitest";
import type { RequestLogEntry } from "../../emulator/index";
import { type Baseline, heldCredentials, replayLog, violations } from "./invariants";

// The invariants' own checks on made-up states and logs: each broken invariant is found and named by its ids, so a
// scenario whose invariants pass is not passing for want of looking.
const app = "0oaAPP";
const entry = (method: string, path: string, status: number, secrets: [string, string][]): RequestLogEntry => ({
  method,
  path,
  status,
  time: "",
  durationMs: 0,
  requestId: `${method}${path}`,
  credentials: {
    appId: app,
    secrets: secrets.map(([id, s]) => ({ id, status: s as "ACTIVE" | "INACTIVE" })),
    jwks: [],
  },
});
const baseline: Baseline = {
  appIds: [app],
  credentials: new Set([`${app}/ocsOWN`]),
  byApp: new Map([[app, { secrets: new Map([["ocsOWN", "ACTIVE"]]), jwks: new Map() }]]),
};

describe("the invariants' checks", () => {
  it("replays the log: a moment with three secrets and one with none ACTIVE are named, a lost answer counts", () => {
    const path = `/api/v1/apps/${app}/credentials/secrets`;
    const { overLimit, activeGaps } = replayLog(baseline, [
      entry("POST", path, 502, [
        ["ocsOWN", "ACTIVE"],
        ["ocsA", "ACTIVE"],
      ]),
      entry("POST", path, 201, [
        ["ocsOWN", "ACTIVE"],
        ["ocsA", "ACTIVE"],
        ["ocsB", "ACTIVE"],
      ]),
      entry("POST", `${path}/ocsOWN/lifecycle/deactivate`, 200, [
        ["ocsOWN", "INACTIVE"],
        ["ocsA", "INACTIVE"],
      ]),
    ]);
    expect(overLimit).toEqual([`${app} after POST ${path} (201): 3 secrets`]);
    expect(activeGaps).toEqual([`${app} after POST ${path}/ocsOWN/lifecycle/deactivate (200): no ACTIVE secret`]);
  });

  it("reads held credentials from a state: pending deletes kept, empty slots and verifications skipped, private halves", () => {
    const state = {
      deployment: {
        resources: [
          {
            urn: "u:s",
            type: "pulumi-nodejs:dynamic/okta:ClientSecret",
            outputs: { appId: app, secretId: "ocsA", status: "ACTIVE" },
          },
          {
            urn: "u:old",
            type: "okta-credentials:index:ClientSecret",
            delete: true,
            outputs: { appId: app, secretId: "ocsB" },
          },
          {
            urn: "u:v",
            type: "pulumi-nodejs:dynamic/okta:ClientSecretVerification",
            outputs: { appId: app, secretId: "ocsA" },
          },
          { urn: "u:empty", type: "pulumi-nodejs:dynamic/okta:ClientSecret", inputs: { appId: app }, outputs: {} },
          {
            urn: "u:k",
            type: "pulumi-nodejs:dynamic/okta:ClientJsonWebKey",
            inputs: { appId: app, generate: { algorithm: "RS256" } },
            outputs: { appId: app, keyId: "pksK", privateKeyPem: { ciphertext: "x" } },
          },
          {
            urn: "u:lost",
            type: "pulumi-nodejs:dynamic/okta:ClientJsonWebKey",
            inputs: { appId: app },
            outputs: { appId: app, keyId: "pksL" },
          },
          {
            urn: "u:adopted",
            type: "pulumi-nodejs:dynamic/okta:ClientJsonWebKey",
            inputs: { appId: app, adoptKeyId: "pksA" },
            outputs: { appId: app, keyId: "pksA" },
          },
        ],
      },
    };
    expect(heldCredentials(state).map((h) => [h.urn, h.id, h.pendingDelete, h.generated, h.hasPrivateHalf])).toEqual([
      ["u:s", "ocsA", false, undefined, undefined],
      ["u:old", "ocsB", true, undefined, undefined],
      ["u:k", "pksK", false, true, true],
      ["u:lost", "pksL", false, true, false],
      ["u:adopted", "pksA", false, false, false],
    ]);
  });

  it("names every broken invariant with its ids; allowed orphans and, unless exact, drift are left out", () => {
    const report = {
      orphans: [`${app}/ocsX`, `${app}/pksY`],
      missing: [`u:s -> ${app}/ocsA`],
      doublyHeld: [`${app}/ocsA: u:s, u:t`],
      overLimit: [],
      activeGaps: [],
      lostPrivateHalves: [`${app}/pksY`],
      statusDrift: ["u:s: state ACTIVE, Okta INACTIVE"],
      pendingOperations: [],
    };
    const lines = violations(report, { allowOrphans: [`${app}/pksY`] });
    expect(lines).toEqual([
      `orphans (in Okta, created by the run, held by no state entry): ${app}/ocsX`,
      `missing (state entries whose object Okta does not hold): u:s -> ${app}/ocsA`,
      `doubly held (one object, several state entries): ${app}/ocsA: u:s, u:t`,
    ]);
    expect(violations(report, { exact: true })).toContain(
      "status drift (state vs Okta): u:s: state ACTIVE, Okta INACTIVE",
    );
  });
});
