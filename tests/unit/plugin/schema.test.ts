import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { componentTokens } from "../../../plugin/components";
import { kinds } from "../../../plugin/customResources";
import { functionTokens } from "../../../plugin/functions";
import { oktaCredentialsProvider, pluginVersion } from "../../../plugin/provider";
import { configKeys } from "../../../plugin/providerConfig";
import { generateSchema } from "../../../plugin/schema/generate";

// The plugin's schema against the code: generated from the sdk (its Args, outputs and doc comments), and describing
// exactly what the plugin serves, with the same secrets.
const schemaPath = path.resolve(__dirname, "../../../plugin/schema.json");
const committed = readFileSync(schemaPath, "utf8");
const schema = JSON.parse(committed);
type Property = { secret?: boolean; description?: string };
const secretNames = (props: Record<string, Property>) =>
  Object.entries(props)
    .filter(([, p]) => p.secret === true)
    .map(([name]) => name)
    .sort();

describe("plugin/schema.json", () => {
  // Reading the sdk with the TypeScript checker takes seconds, a minute on a loaded machine.
  it("is what `npm run plugin:schema` makes from the sdk today", { timeout: 120_000 }, () => {
    expect(generateSchema()).toBe(committed);
  });

  it("names every resource, component and function the plugin serves, and nothing else", () => {
    expect(Object.keys(schema.resources).sort()).toEqual([...Object.keys(kinds), ...componentTokens].sort());
    expect(Object.keys(schema.functions).sort()).toEqual([...functionTokens].sort());
    for (const token of componentTokens) expect(schema.resources[token].isComponent).toBe(true);
  });

  it("marks as secret exactly the inputs and outputs the plugin keeps secret", () => {
    for (const [token, kind] of Object.entries(kinds)) {
      const resource = schema.resources[token];
      expect(secretNames(resource.properties), token).toEqual([...kind.secretOutputs].sort());
      expect(secretNames(resource.inputProperties), token).toEqual([...kind.secretInputs].sort());
    }
  });

  it("configures the provider with the keys the plugin reads, the credentials secret", () => {
    expect(Object.keys(schema.config.variables).sort()).toEqual([...configKeys].sort());
    expect(secretNames(schema.config.variables)).toEqual(["accessToken", "apiToken", "privateKey"]);
  });

  it("describes every property, from the sdk's doc comments", () => {
    const all: Record<string, Property>[] = [
      ...Object.values(schema.resources as Record<string, { inputProperties: object; properties: object }>).flatMap(
        (r) => [r.inputProperties, r.properties],
      ),
      ...Object.values(schema.types as Record<string, { properties: object }>).map((t) => t.properties),
    ] as Record<string, Property>[];
    for (const props of all) for (const [name, p] of Object.entries(props)) expect(p.description, name).not.toBe("");
    expect(schema.resources["okta-credentials:index:ClientSecret"].inputProperties.adoptSecretId.description).toContain(
      "Take over an existing secret of the app",
    );
  });

  it("is served by the plugin with the package's version", () => {
    expect(pluginVersion).toBe(require("../../../package.json").version);
    expect(JSON.parse(oktaCredentialsProvider.schema as string).version).toBe(pluginVersion);
  });
});
