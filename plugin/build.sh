#!/usr/bin/env bash
# `npm run plugin:build`: the okta-credentials provider plugin, one Node.js script with its dependencies bundled
# (esbuild), and the tarball `pulumi plugin install resource okta-credentials <version> --file <tarball>` takes.
#   plugin/dist/bin/pulumi-resource-okta-credentials
#   plugin/dist/pulumi-resource-okta-credentials-v<version>.tar.gz
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
version="$(node -p 'require("./package.json").version')"
out=plugin/dist
rm -rf "$out" && mkdir -p "$out/bin"
npx esbuild plugin/main.ts --bundle --platform=node --target=node20 --format=cjs --log-level=warning \
  --alias:typescript=./plugin/build/noTypescript.js --banner:js='#!/usr/bin/env node' \
  --outfile="$out/bin/pulumi-resource-okta-credentials"
chmod 755 "$out/bin/pulumi-resource-okta-credentials"
tar -czf "$out/pulumi-resource-okta-credentials-v$version.tar.gz" -C "$out/bin" pulumi-resource-okta-credentials
printf '%s\n' "$out/pulumi-resource-okta-credentials-v$version.tar.gz"
