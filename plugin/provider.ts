import type * as provider from "@pulumi/pulumi/provider";
import { construct } from "./components";
import { customResourceCalls } from "./customResources";
import { invoke } from "./functions";
import schema from "./schema.json";

/** The plugin's version: the package's, so a plugin and the dynamic provider of one release are the same code. */
export const pluginVersion: string = require("../package.json").version;

/** Everything the plugin serves, for `@pulumi/pulumi/provider`'s `main()`. */
export const oktaCredentialsProvider: provider.Provider = {
  version: pluginVersion,
  schema: JSON.stringify({ ...schema, version: pluginVersion }),
  ...customResourceCalls,
  invoke,
  construct,
};
