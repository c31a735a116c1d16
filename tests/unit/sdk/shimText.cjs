// Runs in a plain Node process (never through vitest's transform), from a given working directory, the way the
// dynamic-provider plugin does:
//   node shimText.cjs serialize <package> [export]  print the text Pulumi stores as __provider for the shim named
//                                                  `export` of providerShim.js (default clientSecretProvider)
//   node shimText.cjs load <file>          evaluate a stored __provider text as the plugin does; print its hook names
// Both resolve packages from the working directory.
const path = require("node:path");
const fs = require("node:fs");
const fromCwd = (id) => require(require.resolve(id, { paths: [process.cwd()] }));

const [mode, arg, shim = "clientSecretProvider"] = process.argv.slice(2);
if (mode === "serialize") {
  const packageDir = path.dirname(require.resolve(`${arg}/package.json`, { paths: [process.cwd()] }));
  const provider = require(path.join(packageDir, "dist/sdk/providerShim.js"))[shim];
  const { serializeFunction } = fromCwd("@pulumi/pulumi/runtime/closure/serializeClosure");
  // Exactly as @pulumi/pulumi's dynamic/index.js does it: the captured variable's name is part of the text.
  serializeFunction(() => provider, { allowSecrets: true }).then((sf) => process.stdout.write(sf.text));
} else if (mode === "load") {
  const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [process.cwd()] }));
  const requireFromString = require(require.resolve("require-from-string", { paths: [pulumiDir] }));
  const provider = requireFromString(fs.readFileSync(path.resolve(arg), "utf8")).handler();
  process.stdout.write(JSON.stringify(Object.keys(provider)));
} else {
  process.stderr.write("usage: shimText.cjs serialize <package> [export] | load <file>\n");
  process.exit(2);
}
