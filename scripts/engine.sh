#!/usr/bin/env bash
# Provides the Pulumi engine (CLI, Node.js language host, dynamic-provider plugin) offline.
#
#   scripts/engine.sh          ensure the engine exists; print the folder to put on PATH
#   scripts/engine.sh --check  exit 0 when an engine is ready, 1 when it would have to be built
#
# Order: an official install on PATH (pulumi + pulumi-language-nodejs, recent enough), then a copy
# cached outside the clone, then a build from Pulumi's published Go modules into that cache.
# Progress goes to stderr; stdout is only the bin folder, so callers can do PATH="$(scripts/engine.sh):$PATH".
set -euo pipefail

CLI_VERSION="v3.274.1"     # pkg/v3 + sdk/v3 for the CLI
HOST_SDK_VERSION="v3.52.0" # last sdk/v3 served here that carries nodejs/cmd/pulumi-language-nodejs
MIN_PATH_VERSION="3.200.0" # an official install older than this is ignored
MIN_GO_VERSION="1.26.6"    # what pkg/v3 v3.274.1's go.mod asks for (GOTOOLCHAIN=local: no toolchain download)

case "${1:-}" in
  "" | --check) ;;
  *) printf 'usage: %s [--check]\n' "$0" >&2 && exit 2 ;;
esac
mode="${1:-}"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-okta-credentials"
engine_dir="$cache_root/engine-cli-${CLI_VERSION}-host-${HOST_SDK_VERSION}"
# The dynamic-provider plugin ships inside the @pulumi/pulumi npm package. It is a tiny sh script that
# resolves @pulumi/pulumi from its working directory (the program folder), so a copy works for every clone.
plugin_src="$root/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
log() { printf 'engine: %s\n' "$*" >&2; }

version_ge() { # $1 >= $2, both x.y.z
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

official_on_path() {
  local pulumi_path v
  pulumi_path="$(command -v pulumi 2>/dev/null)" || return 1
  command -v pulumi-language-nodejs >/dev/null 2>&1 || return 1
  # Our own cache already on PATH (e.g. `npm test` inside `npm test`) is not an official install.
  [ "$(dirname "$pulumi_path")" != "$engine_dir/bin" ] || return 1
  v="$(pulumi version 2>/dev/null | sed 's/^v//')" || return 1
  if [ -z "$v" ] || ! version_ge "$v" "$MIN_PATH_VERSION"; then
    log "ignoring pulumi $v on PATH: older than $MIN_PATH_VERSION"
    return 1
  fi
}

cached_ready() {
  [ -f "$engine_dir/bin/.complete" ] && [ -x "$engine_dir/bin/pulumi-language-nodejs" ] &&
    [ "$("$engine_dir/bin/pulumi" version 2>/dev/null)" = "$CLI_VERSION" ]
}

install_plugin() { # copy pulumi-resource-pulumi-nodejs into $1, atomically, when missing or different
  local dest="$1/pulumi-resource-pulumi-nodejs"
  if [ ! -f "$plugin_src" ]; then
    log "missing $plugin_src: run 'npm ci' first"
    exit 1
  fi
  if [ -L "$dest" ] || ! cmp -s "$plugin_src" "$dest"; then
    cp "$plugin_src" "$dest.tmp.$$" && chmod 755 "$dest.tmp.$$" && mv -f "$dest.tmp.$$" "$dest"
  fi
}

require_go() {
  local v
  if ! command -v go >/dev/null 2>&1; then
    log "no usable Pulumi on PATH (pulumi $MIN_PATH_VERSION+ with pulumi-language-nodejs) and no Go toolchain to build one."
    log "Install Pulumi (https://www.pulumi.com/docs/install/, it brings pulumi-language-nodejs),"
    log "or Go $MIN_GO_VERSION+ (https://go.dev/dl/) to build the engine here once (6-13 minutes on 2 cores), then run this again."
    exit 1
  fi
  v="$(go env GOVERSION | sed 's/^go//')"
  if ! version_ge "$v" "$MIN_GO_VERSION"; then
    log "Go $v is too old to build the Pulumi CLI $CLI_VERSION: it needs Go $MIN_GO_VERSION+ (or install Pulumi itself)."
    exit 1
  fi
}

heartbeat() { # a line every 30 s while a long step runs, so a build never looks hung
  local what="$1" start=$SECONDS
  while sleep 30; do log "  ...still $what ($((SECONDS - start)) s)"; done
}

go_build_in() { # $1 wrapper dir, $2 module path, $3 requires (one per line), $4 package, $5 output, $6.. build flags
  local dir="$1" module="$2" requires="$3" package="$4" out="$5"
  shift 5
  mkdir -p "$dir"
  printf 'module %s\n\ngo 1.24\n\nrequire (\n%s\n)\n' "$module" "$requires" >"$dir/go.mod"
  printf 'package main\n\nimport _ "%s"\n' "$package" >"$dir/tools.go"
  # shellcheck disable=SC2046 # one module path per word
  (cd "$dir" && go mod download $(printf '%s\n' "$requires" | awk '{print $1}') && go build "$@" -o "$out" "$package") >&2
}

build() {
  require_go
  local tmp start hb
  tmp="$(mktemp -d "$cache_root/.build-XXXXXX")"
  trap 'kill "${hb:-}" 2>/dev/null; rm -rf "$tmp"' EXIT
  # -buildvcs=false: the cache may sit inside some git work tree; the version is stamped by -ldflags anyway.
  export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS="-mod=mod -buildvcs=false"
  mkdir -p "$tmp/bin"

  log "building the Pulumi CLI $CLI_VERSION from Go modules (6-13 minutes cold on 2 cores, downloads included)..."
  start=$SECONDS
  heartbeat "building the CLI" &
  hb=$!
  # pkg/v3's go.mod has replace directives, so `go install pkg@version` refuses: build from a wrapper module.
  # Without the version string the CLI reports v0.0.0 and the Automation API's version check fails.
  go_build_in "$tmp/cli" okcred.local/pulumicli \
    "	github.com/pulumi/pulumi/pkg/v3 $CLI_VERSION
	github.com/pulumi/pulumi/sdk/v3 $CLI_VERSION" \
    github.com/pulumi/pulumi/pkg/v3/cmd/pulumi "$tmp/bin/pulumi" \
    -trimpath -tags osusergo,grpcnotrace \
    -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$CLI_VERSION"
  kill "$hb" 2>/dev/null || true
  log "CLI built in $((SECONDS - start)) s"

  log "building pulumi-language-nodejs from sdk/v3 $HOST_SDK_VERSION (about 30-40 s)..."
  start=$SECONDS
  # Its own wrapper module: the host's dependency versions differ from the CLI's.
  go_build_in "$tmp/host" okcred.local/nodehost "	github.com/pulumi/pulumi/sdk/v3 $HOST_SDK_VERSION" \
    github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs "$tmp/bin/pulumi-language-nodejs" \
    -trimpath -ldflags "-s -w"
  log "language host built in $((SECONDS - start)) s"

  [ "$("$tmp/bin/pulumi" version)" = "$CLI_VERSION" ] || { log "the built CLI does not report $CLI_VERSION" && exit 1; }
  touch "$tmp/bin/.complete"
  # Swap the finished folder into place: a half-finished build never sits at $engine_dir.
  rm -rf "$engine_dir.old"
  [ ! -d "$engine_dir" ] || mv "$engine_dir" "$engine_dir.old"
  mkdir -p "$engine_dir"
  mv "$tmp/bin" "$engine_dir/bin"
  rm -rf "$engine_dir.old" "$tmp"
  trap - EXIT
}

if official_on_path; then
  [ "$mode" = "--check" ] && exit 0
  bin="$(dirname "$(command -v pulumi)")"
  log "using the official install on PATH: $bin ($(pulumi version))"
  if command -v pulumi-resource-pulumi-nodejs >/dev/null 2>&1; then
    printf '%s\n' "$bin"
  else
    mkdir -p "$cache_root/plugin-bin"
    install_plugin "$cache_root/plugin-bin"
    printf '%s:%s\n' "$bin" "$cache_root/plugin-bin"
  fi
  exit 0
fi

if ! cached_ready; then
  [ "$mode" = "--check" ] && exit 1
  mkdir -p "$cache_root"
  # One build at a time per user: a second caller waits, then finds the finished engine.
  exec 9>"$cache_root/.build.lock"
  if ! flock -n 9; then
    log "another build of the engine is running; waiting for it..."
    flock 9
  fi
  cached_ready || build
fi
[ "$mode" = "--check" ] && exit 0
install_plugin "$engine_dir/bin"
printf '%s\n' "$engine_dir/bin"
