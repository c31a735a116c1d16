import { generateKeyPairSync } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { OktaEmulator } from "../../../emulator/index";
import { providers } from "../../../provider";
import { readKeyInputs } from "../../../provider/resources/clientJsonWebKey/inputValidation";
import { validateKeyVerificationInputs } from "../../../provider/resources/clientJsonWebKeyVerification/inputValidation";
import { validateClientSecretInputs } from "../../../provider/resources/clientSecret/inputValidation";
import { validateVerificationInputs } from "../../../provider/resources/clientSecretVerification/inputValidation";
import { unknownValue } from "../../../provider/resources/previewUnknowns";
import { recordFigures } from "../../reliability/figures";
import { newRun } from "../provider/engineCalls";
import { startHookHarness } from "../provider/harness";

// Property-based tests of every resource's `check` (issue 20, bad input): whatever the program sends, check answers
// with failures or an error of the package's own kind (never a TypeError or the like), a failure names the property
// and says what to write instead, no reason quotes a secret or a key, and inputs that fail validation reach no
// network: neither the emulator (its request log) nor any other host (every `fetch` of the process is recorded).

const runs = Number(process.env.OKTA_CREDENTIALS_PROPERTY_RUNS ?? 1000);

let emulator: OktaEmulator;
let appId: string;
let keyAppId: string;
const fetched: string[] = [];
const realFetch = globalThis.fetch;

const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const publicPem = rsa.publicKey.export({ type: "spki", format: "pem" }).toString();
const privatePem = rsa.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const publicJwk = rsa.publicKey.export({ format: "jwk" });
const secretValue = "a-bring-your-own-secret-with-40-chars!!!";

beforeAll(async () => {
  ({ emulator } = await startHookHarness());
  globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    fetched.push(String(input instanceof Request ? input.url : input));
    return realFetch(input, init);
  }) as typeof fetch;
});
afterAll(async () => {
  globalThis.fetch = realFetch;
  await emulator.close();
});
beforeEach(async () => {
  emulator.reset();
  appId = (await emulator.createApp()).id;
  keyAppId = (
    await emulator.createApp({
      credentials: { oauthClient: { token_endpoint_auth_method: "private_key_jwt" } },
      settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"] } },
    })
  ).id;
});

// Values a program (or a broken one) can send: JSON of every shape, the preview's unknown, a secret as the wire
// writes it, huge strings, prototype keys, and values near the valid ones so that the deeper checks run too.
const secretSig = "4dabf18193072939515e22adb298388d";
const huge = fc.constantFrom("x".repeat(300_000), "0oa".repeat(100_000), `-----BEGIN ${"A".repeat(200_000)}`);
const protoKeys = fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf");
const hostile: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.jsonValue({ maxDepth: 2 }),
    fc.constant(unknownValue),
    fc.constant(undefined),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 2 ** 53 + 1),
    huge,
    fc.string({ unit: "grapheme", maxLength: 40 }),
    tie("secret").map((v) => ({ [secretSig]: "1b47061264138c4ac30d75fd1eb44270", value: v })),
    fc.dictionary(protoKeys, tie("value"), { maxKeys: 3 }).map((o) => JSON.parse(JSON.stringify(o ?? {}) || "{}")),
    fc.array(tie("value"), { maxLength: 3 }),
  ),
  secret: fc.oneof(fc.string(), fc.constant(unknownValue), fc.integer()),
})).value as fc.Arbitrary<unknown>;

/** Mostly `valid` (so that the deeper checks and admission run), else anything. */
const mostly = (...valid: fc.Arbitrary<unknown>[]) =>
  fc.oneof({ arbitrary: fc.oneof(...valid), weight: 3 }, { arbitrary: hostile, weight: 1 });
const oktaId = (prefix: string) => fc.stringMatching(new RegExp(`^${prefix}[a-zA-Z0-9]{17}$`));
const appIds = () => mostly(fc.constant(appId), fc.constant(keyAppId), oktaId("0oa"));
const statuses = mostly(fc.constantFrom("ACTIVE", "INACTIVE", "active", ""));
const triggers = fc.oneof(fc.dictionary(fc.oneof(fc.string(), protoKeys), fc.oneof(fc.string(), hostile)), hostile);
const secrets = mostly(fc.constant(secretValue), fc.string({ minLength: 0, maxLength: 120 }));
const bools = mostly(fc.boolean());
const generates = fc.oneof(
  fc.record(
    {
      algorithm: mostly(fc.constantFrom("RS256", "ES256", "ES384", "PS256", "HS256")),
      rsaBits: mostly(fc.constantFrom(2048, 3072, 1024)),
    },
    { requiredKeys: [] },
  ),
  fc.dictionary(protoKeys, hostile),
  hostile,
);
const publicKeys = fc.oneof(
  fc.constantFrom(publicPem, privatePem, JSON.stringify(publicJwk)),
  fc.constant(publicJwk),
  fc.constant({ ...publicJwk, d: "private-part" }),
  hostile,
);

/** Inputs over the given properties, each left out or any of its values, plus extra keys (prototype keys among them). */
function inputsOf(properties: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(
      fc.record(properties, { requiredKeys: [] }),
      fc.dictionary(fc.oneof(protoKeys, fc.string({ maxLength: 8 })), hostile, { maxKeys: 2 }),
      fc.constantFrom(undefined, "urn:pulumi:test::unit::pulumi-nodejs:dynamic/okta:X::name", 42),
    )
    .map(([known, extra, urn]) => {
      // As the engine's JSON-like struct deserializes: `__proto__` an own key, never the prototype.
      const inputs: Record<string, unknown> = JSON.parse(JSON.stringify(extra));
      for (const [k, v] of Object.entries(known)) Object.defineProperty(inputs, k, { value: v, enumerable: true });
      if (urn !== undefined) inputs.__resourceUrn = urn;
      return inputs;
    });
}

/** The secrets and keys a reason must never quote. */
const neverQuoted = [secretValue, privatePem.split("\n")[1] as string, "private-part"];

/** fast-check's report with every long string cut: a counterexample may hold a 300 kB string. */
async function shortReport<T>(details: fc.RunDetails<T>): Promise<void> {
  const message = await fc.asyncDefaultReportMessage(details);
  if (message === undefined) return;
  const cause = String(details.errorInstance).slice(0, 600);
  throw new Error(`${message.replace(/([^"]{80})[^"]{40,}/g, "$1…").split("\nHint")[0]}\n${cause}`);
}

interface Figures {
  tried: number;
  failed: number;
  threw: number;
  passed: number;
  /** Inputs valid enough to be checked against Okta (the emulator): admission, for a new credential. */
  askedOkta: number;
}

/**
 * Runs `check` on arbitrary inputs: no crash, failures that name a property of the inputs and say the fix, never a
 * quoted secret, and no request at all for inputs that fail validation (`validates` says whether they do).
 */
async function checkProperty(
  name: string,
  check: (news: Record<string, unknown>) => Promise<{ failures?: { property: string; reason: string }[] }>,
  properties: Record<string, fc.Arbitrary<unknown>>,
  options: { networkOnValid: boolean; validate: (news: Record<string, unknown>) => Promise<unknown[]> | unknown[] },
): Promise<Figures> {
  const figures: Figures = { tried: 0, failed: 0, threw: 0, passed: 0, askedOkta: 0 };
  const names = Object.keys(properties);
  await fc.assert(
    fc.asyncProperty(inputsOf(properties), async (news) => {
      figures.tried++;
      newRun();
      emulator.clearRequests();
      fetched.length = 0;
      let result: { failures?: { property: string; reason: string }[] };
      try {
        result = await check(news);
      } catch (e) {
        figures.threw++;
        // The package's own errors (config, Okta's answers): plain Errors with a message, never a JavaScript fault.
        expect(e).toBeInstanceOf(Error);
        for (const fault of [TypeError, RangeError, SyntaxError, ReferenceError]) expect(e).not.toBeInstanceOf(fault);
        expect((e as Error).message.length).toBeGreaterThan(10);
        return;
      }
      const failures = result.failures ?? [];
      if (failures.length === 0) figures.passed++;
      else figures.failed++;
      for (const { property, reason } of failures) {
        const top = property.split(".")[0] as string;
        if (property === "") {
          // A failure about a key names it at the start of its reason (the engine prints a property's value).
          expect(names.some((n) => reason.startsWith(n))).toBe(true);
        } else {
          expect(names).toContain(top);
        }
        // Each says what to write instead (every wording seen over 4,000 inputs, kept as the list of fixes).
        expect(reason).toMatch(
          /must|required|expected|set either|remove|omit|use |write|give|like|convert|set |takes|accepts|is for|does not exist|not both|keys are|instead|pass /i,
        );
        for (const value of neverQuoted) expect(reason).not.toContain(value);
      }
      const requests = emulator.requests();
      if (requests.length > 0) figures.askedOkta++;
      // Inputs that fail validation never reach the network; valid ones may ask Okta about the app (admission).
      const invalid = (await options.validate(news)).length > 0;
      if (invalid) expect(failures.length).toBeGreaterThan(0);
      if (!options.networkOnValid || invalid) {
        expect(requests).toEqual([]);
        expect(fetched).toEqual([]);
      }
      // Whatever reached the network went to the emulator only.
      for (const url of fetched) expect(url.startsWith(emulator.url)).toBe(true);
    }),
    { numRuns: runs, endOnFailure: true, asyncReporter: shortReport },
  );
  recordFigures("properties", name, { ...figures });
  return figures;
}

describe(`check on arbitrary inputs (${runs} per resource)`, () => {
  it(`ClientSecret: ${runs} inputs, no crash, every failure named with its fix, no request when invalid`, async () => {
    const figures = await checkProperty(
      "ClientSecret.check",
      (news) => providers.ClientSecret.check({} as never, news as never),
      {
        appId: appIds(),
        status: statuses,
        rotationTriggers: triggers,
        heldRetired: bools,
        clientSecret: secrets,
        adoptSecretId: mostly(oktaId("ocs")),
      },
      { networkOnValid: true, validate: validateClientSecretInputs },
    );
    expect(figures.tried).toBe(runs);
  });

  it(`ClientJsonWebKey: ${runs} inputs, no crash, every failure named with its fix, no request when invalid`, async () => {
    const figures = await checkProperty(
      "ClientJsonWebKey.check",
      (news) => providers.ClientJsonWebKey.check({} as never, news as never),
      {
        appId: appIds(),
        status: statuses,
        rotationTriggers: triggers,
        heldRetired: bools,
        publicKey: publicKeys,
        generate: generates,
        kid: fc.oneof(fc.string(), hostile),
        use: mostly(fc.constantFrom("sig", "enc")),
        algorithm: mostly(fc.constantFrom("RS256", "ES256")),
        adoptKeyId: mostly(oktaId("pks")),
      },
      { networkOnValid: true, validate: async (news) => (await readKeyInputs(news)).failures },
    );
    expect(figures.tried).toBe(runs);
  });

  it(`ClientSecretVerification: ${runs} inputs, no crash, every failure named with its fix, never a request`, async () => {
    const figures = await checkProperty(
      "ClientSecretVerification.check",
      (news) => providers.ClientSecretVerification.check({} as never, news as never),
      {
        appId: appIds(),
        secretId: mostly(oktaId("ocs")),
        secretHash: fc.oneof(fc.string(), hostile),
        clientSecret: secrets,
        checkedFor: fc.oneof(fc.string(), hostile),
      },
      { networkOnValid: false, validate: validateVerificationInputs },
    );
    expect(figures.tried).toBe(runs);
  });

  it(`ClientJsonWebKeyVerification: ${runs} inputs, no crash, every failure named with its fix, never a request`, async () => {
    const figures = await checkProperty(
      "ClientJsonWebKeyVerification.check",
      (news) => providers.ClientJsonWebKeyVerification.check({} as never, news as never),
      {
        appId: appIds(),
        keyId: mostly(oktaId("pks")),
        kid: fc.oneof(fc.string(), hostile),
        privateKey: mostly(fc.constantFrom(privatePem, publicPem)),
        checkedFor: fc.oneof(fc.string(), hostile),
      },
      { networkOnValid: false, validate: validateKeyVerificationInputs },
    );
    expect(figures.tried).toBe(runs);
  });
});
