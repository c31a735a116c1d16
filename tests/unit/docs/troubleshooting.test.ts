import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { hole, type MessageSite, messageSites } from "./messageSites";
import { fragmentMatches, hasWords, longestLiteral, quotedMessages } from "./quotedMessages";

// docs/troubleshooting.md is held to the code both ways: every message it quotes is one the provider or the sdk can
// give (read from their sources: errors, check failures, the contexts prefixed to Okta's errors, the lines printed to
// the CLI), and every such message has an entry, but the few below that no user can reach.
const repo = path.resolve(__dirname, "../../..");
const pagePath = path.join(repo, "docs/troubleshooting.md");

/**
 * Messages a user cannot meet, by `file: message start` (as the failing test prints them), each with the reason. An
 * entry here that the page covers, or that the code no longer has, fails the test.
 */
const internal: Record<string, string> = {
  // The schema generator runs in this repository (`npm run plugin:schema`), never for a user.
  "plugin/schema/generate.ts: schema: no source file …": "a developer's build step",
  "plugin/schema/generate.ts: schema: … declares no …": "a developer's build step",
  "plugin/schema/generate.ts: schema: no symbol for …": "a developer's build step",
  "plugin/schema/generate.ts: schema: ….… has no entry in the schema's type table (plugin/…":
    "a developer's build step",
  // create validates its inputs again; the engine calls check, which refuses the same inputs, before every create.
  "provider/resources/clientSecret/messages.ts: creating client secret: …": "check refused these inputs first",
  "provider/resources/clientJsonWebKey/messages.ts: creating a JSON Web Key: …": "check refused these inputs first",
  // generate's options reach the key generator only after check accepted them (2048, 3072 or 4096 bits).
  "provider/keys/generateKeyPair.ts: generating an … key pair: rsaBits must be 2048, 3072 or 4096…":
    "check refused rsaBits first",
  // Only RSA and EC keys reach it: a brought key of another type is refused before, a generated key is RSA or EC.
  "provider/keys/jwk.ts: a … key has no RSA or EC material": "other key types are refused before",
  // ClientSecretVerification and ClientJsonWebKeyVerification are not exported: only RotatingClientSecret and
  // RotatingClientJsonWebKey make them, from a ClientSecret's outputs or their generated current key.
  'provider/resources/verificationProvider.ts: … must be an Okta id of 20 letters and digits, like …, got "…':
    "its inputs come from a ClientSecret's or a ClientJsonWebKey's outputs",
  "provider/resources/verificationProvider.ts: … is required: …":
    "its inputs come from a ClientSecret's or a ClientJsonWebKey's outputs",
  "provider/resources/clientJsonWebKeyVerification/inputValidation.ts: privateKey is required: the key's private half (a generated …":
    "the current slot's key is always generated, so it has a private half",
};

/** How a site is named in failures and in {@link internal}: its file and the start of its first text. */
function siteKey(site: MessageSite): string {
  const text = (site.patterns.find(hasWords) ?? "").split(hole).join("…");
  return `${site.file}: ${text.length > 60 ? `${text.slice(0, 60)}…` : text}`;
}

describe("docs/troubleshooting.md", () => {
  let quoted: string[];
  let sites: MessageSite[];
  beforeAll(() => {
    quoted = quotedMessages(fs.readFileSync(pagePath, "utf8"));
    sites = messageSites(repo, ["provider", "sdk", "plugin"]);
  });
  const covers = (site: MessageSite) => quoted.some((q) => site.patterns.some((p) => fragmentMatches(q, p)));

  it("quotes only messages that the provider, the sdk or the plugin gives", () => {
    expect(quoted.length).toBeGreaterThan(100);
    const unknown = quoted.filter((q) => !sites.some((s) => s.patterns.some((p) => fragmentMatches(q, p))));
    expect(unknown).toEqual([]);
  });

  it("quotes each message by a stable part of its own text, not only by what varies", () => {
    expect(quoted.filter((q) => longestLiteral(q).length < 8)).toEqual([]);
  });

  it("has an entry for every message the provider, the sdk and the plugin give, but the internal ones", () => {
    const missing = sites.filter((s) => s.kind !== "part" && s.patterns.some(hasWords) && !covers(s)).map(siteKey);
    expect(missing.filter((key) => !(key in internal))).toEqual([]);
  });

  it("lists as internal only messages the code still has and the page does not cover", () => {
    const uncovered = new Set(sites.filter((s) => !covers(s)).map(siteKey));
    expect(Object.keys(internal).filter((key) => !uncovered.has(key))).toEqual([]);
  });
});

describe("reading messages from the sources and the page", () => {
  let sites: MessageSite[];
  beforeAll(() => {
    sites = messageSites(repo, ["provider"]);
  });
  const given = (fragment: string) => sites.some((s) => s.patterns.some((p) => fragmentMatches(fragment, p)));

  it("finds a message built from a helper's parameters, constants and alternatives, as the user reads it", () => {
    // setSecretStatus's `${doing}: ${why}: ${fix} (…)`, with the fix that delete passes it.
    expect(
      given(
        "deactivating client secret … of app …: it is the app's only ACTIVE client secret, which Okta refuses to " +
          "deactivate: create or activate another secret of the app before deleting this one, or keep this one in " +
          "Okta by deleting the resource with the `retainOnDelete: true` option (…)",
      ),
    ).toBe(true);
    // A check failure's reason made by a local `fail(property, reason)`, and a label from another module.
    expect(given('status must be "ACTIVE" or "INACTIVE", got …')).toBe(true);
    expect(given('ClientSecret "…" would take over client secret …, but ClientSecret "…" already holds it')).toBe(true);
  });

  it("does not find a message the code does not give, nor one with a word changed", () => {
    expect(given("no Okta org configured: run `pulumi login`")).toBe(false);
    expect(given("deactivating client secret … of app …: it is the app's last ACTIVE client secret")).toBe(false);
    expect(given('status must be "ACTIVE" or "DISABLED", got …')).toBe(false);
  });

  it("reads the code spans in bold text only, wrapped spans included", () => {
    const page = [
      "Text with `not a message`.",
      "",
      "**`first …`** (at preview). Why, with `a span in the text`, and **bold `in the text`**.",
      "",
      "- **`second` or `third",
      "  wrapped`**: an item with **`fourth`**.",
      "",
      "```",
      "**`in a code block`**",
      "```",
    ].join("\n");
    expect(quotedMessages(page)).toEqual(["first …", "in the text", "second", "third wrapped", "fourth"]);
  });
});
