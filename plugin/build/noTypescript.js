// Stands in for the TypeScript compiler in the plugin's bundle. @pulumi/pulumi loads it for function serialization
// (dynamic providers, closures), which a provider plugin never does; bundling the real one would add 9 MB.
module.exports = new Proxy(
  {},
  {
    get(_target, name) {
      if (name === "__esModule" || typeof name === "symbol") return undefined;
      throw new Error(
        `the okta-credentials plugin does not serialize functions (typescript.${String(name)} asked for)`,
      );
    },
  },
);
