#!/usr/bin/env bash
# Provides the Pulumi engine (CLI, Node.js language host, dynamic-provider plugin) offline.
#
#   scripts/engine.sh          ensure the engine exists; print the folder to put on PATH
#   scripts/engine.sh --check  exit 0 when an engine is ready, 1 when it would be built
#
# Order: an official install on PATH (pulumi + pulumi-language-nodejs, recent enough), then a copy
# cached outside the clone, then a build from Pulumi's published Go modules into that cache.
# Progress goes to stderr; stdout is only the bin folder, so callers can do PATH="$(scripts/engine.sh):$PATH".
set -euo pipefail

CLI_VERSION="v3.274.1"        # pkg/v3 + sdk/v3 for the CLI
HOST_SDK_VERSION="v3.52.0"    # last sdk/v3 served here that carries nodejs/cmd/pulumi-language-nodejs
MIN_PATH_VERSION="3.200.0"    # an official install older than this is ignored

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-okta-credentials"
engine_dir="$cache_root/engine-cli-${CLI_VERSION}-host-${HOST_SDK_VERSION}"
log() { printf 'engine: %s\n' "$*" >&2; }

# The dynamic-provider plugin ships inside the @pulumi/pulumi npm package.
plugin_src="$root/node_modules/@pulumi/pulumi"

version_ge() { # $1 >= $2, both x.y.z
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

official_on_path() {
  command -v pulumi >/dev/null 2>&1 || return 1
  command -v pulumi-language-nodejs >/dev/null 2>&1 || return 1
  local v
  v="$(pulumi version 2>/dev/null | sed 's/^v//')" || return 1
  [ -n "$v" ] && version_ge "$v" "$MIN_PATH_VERSION"
}

cached_ready() {
  [ -x "$engine_dir/bin/pulumi" ] && [ -x "$engine_dir/bin/pulumi-language-nodejs" ] && [ -f "$engine_dir/bin/.complete" ]
}

link_plugin() { # put pulumi-resource-pulumi-nodejs beside the binaries
  local bin="$1"
  if [ ! -x "$plugin_src/pulumi-resource-pulumi-nodejs" ]; then
    log "missing $plugin_src/pulumi-resource-pulumi-nodejs: run 'npm ci' first"
    exit 1
  fi
  ln -sfn "$plugin_src/pulumi-resource-pulumi-nodejs" "$bin/pulumi-resource-pulumi-nodejs"
}

build() {
  if ! command -v go >/dev/null 2>&1; then
    log "no Pulumi CLI on PATH and no Go toolchain to build one."
    log "Install Pulumi (https://www.pulumi.com/docs/install/) or Go 1.22+ and run this again."
    exit 1
  fi
  mkdir -p "$cache_root"
  local tmp
  tmp="$(mktemp -d "$cache_root/.build-XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  mkdir -p "$tmp/bin" "$tmp/cli" "$tmp/host"
  export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod

  log "building the Pulumi CLI $CLI_VERSION from Go modules (about 8 minutes cold on 2 cores)..."
  local start=$SECONDS
  (
    cd "$tmp/cli"
    cat >go.mod <<GOMOD
module okcred.local/pulumicli

go 1.24

require (
	github.com/pulumi/pulumi/pkg/v3 $CLI_VERSION
	github.com/pulumi/pulumi/sdk/v3 $CLI_VERSION
)
GOMOD
    printf 'package main\n\nimport _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"\n' >tools.go
    go mod download github.com/pulumi/pulumi/pkg/v3 github.com/pulumi/pulumi/sdk/v3 >&2
    go build -trimpath -tags osusergo,grpcnotrace \
      -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$CLI_VERSION" \
      -o "$tmp/bin/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2
  )
  log "CLI built in $((SECONDS - start)) s"

  log "building pulumi-language-nodejs from sdk/v3 $HOST_SDK_VERSION..."
  start=$SECONDS
  (
    cd "$tmp/host"
    cat >go.mod <<GOMOD
module okcred.local/nodehost

go 1.24

require github.com/pulumi/pulumi/sdk/v3 $HOST_SDK_VERSION
GOMOD
    printf 'package main\n\nimport _ "github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs"\n' >tools.go
    go mod download github.com/pulumi/pulumi/sdk/v3 >&2
    go build -trimpath -ldflags "-s -w" \
      -o "$tmp/bin/pulumi-language-nodejs" github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs >&2
  )
  log "language host built in $((SECONDS - start)) s"

  touch "$tmp/bin/.complete"
  rm -rf "$engine_dir.old"
  [ -d "$engine_dir" ] && mv "$engine_dir" "$engine_dir.old"
  mkdir -p "$engine_dir"
  mv "$tmp/bin" "$engine_dir/bin"
  rm -rf "$engine_dir.old"
  rm -rf "$tmp"
  trap - EXIT
}

if official_on_path; then
  bin="$(dirname "$(command -v pulumi)")"
  [ "${1:-}" = "--check" ] && exit 0
  log "using the official install on PATH ($(pulumi version))"
  if ! command -v pulumi-resource-pulumi-nodejs >/dev/null 2>&1; then
    mkdir -p "$cache_root/plugin-bin"
    link_plugin "$cache_root/plugin-bin"
    printf '%s:%s\n' "$bin" "$cache_root/plugin-bin"
  else
    printf '%s\n' "$bin"
  fi
  exit 0
fi

if ! cached_ready; then
  [ "${1:-}" = "--check" ] && exit 1
  build
fi
[ "${1:-}" = "--check" ] && exit 0
link_plugin "$engine_dir/bin"
printf '%s\n' "$engine_dir/bin"
