#!/usr/bin/env bash
# `npm run sdk:generate`: the okta-credentials SDKs (sdk-nodejs/, sdk-python/, sdk-go/, sdk-dotnet/) from
# plugin/schema.json, by Pulumi's own code generators (pkg/v3/codegen) driven by plugin/sdkgen (`pulumi package
# gen-sdk` needs language hosts newer than this engine's). The generator is built once from the Go module proxy and
# cached like the engine (~/.cache/pulumi-okta-credentials/); a cold build takes a few minutes.
#   generate.sh [--out DIR] [language...]   default: every language, into the repository root
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root"
if [ "${1:-}" = "--out" ]; then out="$2" && shift 2; fi
languages=("$@")
[ ${#languages[@]} -gt 0 ] || languages=(nodejs python go dotnet)
cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-okta-credentials"
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS="-mod=mod -buildvcs=false"

# One build per generator source: the cache key is a hash of what it is built from.
build() { # $1 source dir, $2 name: prints the binary's path
  local key bin
  key="$(cat "$1"/*.go "$1"/go.mod | sha256sum | cut -c1-16)"
  bin="$cache_root/$2-$key/$2"
  if [ ! -x "$bin" ]; then
    printf 'sdk:generate: building %s (pkg/v3/codegen; a few minutes the first time)...\n' "$2" >&2
    mkdir -p "$(dirname "$bin")"
    (cd "$1" && go build -trimpath -o "$bin.tmp.$$" .) >&2 && mv -f "$bin.tmp.$$" "$bin"
  fi
  printf '%s\n' "$bin"
}

others=()
dotnet=false
for language in "${languages[@]}"; do
  if [ "$language" = dotnet ]; then dotnet=true; else others+=("$language"); fi
done
if [ ${#others[@]} -gt 0 ]; then
  "$(build "$root/plugin/sdkgen" sdkgen)" "$root/plugin/schema.json" "$out" "${others[@]}"
fi
if [ "$dotnet" = true ]; then
  # Pulumi's .NET generator left pkg/v3 after v3.163.0 (for pulumi-dotnet, which this proxy does not serve).
  "$(build "$root/plugin/sdkgen/dotnet" sdkgen-dotnet)" "$root/plugin/schema.json" "$out/sdk-dotnet"
fi
if [ -f "$out/sdk-go/go.mod" ]; then
  (cd "$out/sdk-go" && go mod tidy >&2 && gofmt -l . >&2)
fi
