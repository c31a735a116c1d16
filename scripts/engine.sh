#!/usr/bin/env bash
# Provides the Pulumi engine offline: the CLI, the language hosts of Node.js, YAML and Go programs, and the
# dynamic-provider plugin.
#
#   scripts/engine.sh          ensure the engine exists; print the folder to put on PATH
#   scripts/engine.sh --check  exit 0 when an engine is ready, 1 when something would have to be built
#
# Order: an official install on PATH (pulumi + pulumi-language-nodejs, recent enough), then a copy
# cached outside the clone, then a build from Pulumi's published Go modules into that cache.
# The YAML and Go hosts are cached apart from the CLI (each its own folder, built once, in about 1-2 minutes) and
# linked into the printed folder, unless the official install on PATH has its own.
# Progress goes to stderr; stdout is only the bin folder, so callers can do PATH="$(scripts/engine.sh):$PATH".
set -euo pipefail

CLI_VERSION="v3.274.1"     # pkg/v3 + sdk/v3 for the CLI
HOST_SDK_VERSION="v3.52.0" # last sdk/v3 served here that carries nodejs/cmd/pulumi-language-nodejs
MIN_PATH_VERSION="3.200.0" # an official install older than this is ignored
MIN_GO_VERSION="1.26.6"    # what pkg/v3 v3.274.1's go.mod asks for (GOTOOLCHAIN=local: no toolchain download)
YAML_HOST_VERSION="v1.25.0"   # github.com/pulumi/pulumi-yaml: the newest the Go proxy serves here (v1.11.1, v1.25.0)
GO_HOST_SDK_VERSION="v3.52.0" # sdk/v3/go/pulumi-language-go, of the same sdk/v3 as the Node.js host

case "${1:-}" in
  "" | --check) ;;
  *) printf 'usage: %s [--check]\n' "$0" >&2 && exit 2 ;;
esac
mode="${1:-}"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-okta-credentials"
engine_dir="$cache_root/engine-cli-${CLI_VERSION}-host-${HOST_SDK_VERSION}"
# Folders of their own: adding a host never invalidates the CLI's cache (a CLI build takes about 10 minutes).
yaml_dir="$cache_root/host-yaml-${YAML_HOST_VERSION}"
go_dir="$cache_root/host-go-sdk-${GO_HOST_SDK_VERSION}"
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

host_ready() { # $1 host dir, $2 binary name, $3 what was built (the marker's text)
  [ -x "$1/bin/$2" ] && [ "$(cat "$1/bin/.complete" 2>/dev/null)" = "$3" ]
}
yaml_ready() { host_ready "$yaml_dir" pulumi-language-yaml "github.com/pulumi/pulumi-yaml@$YAML_HOST_VERSION"; }
go_ready() { host_ready "$go_dir" pulumi-language-go "github.com/pulumi/pulumi/sdk/v3@$GO_HOST_SDK_VERSION"; }

link_host() { # $1 bin folder, $2 host dir, $3 binary: a symlink into the host's cache, replaced atomically
  local dest="$1/$3" target="$2/bin/$3"
  if [ "$(readlink "$dest" 2>/dev/null)" != "$target" ]; then
    ln -s "$target" "$dest.tmp.$$" && mv -Tf "$dest.tmp.$$" "$dest"
  fi
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

with_build_dir() { # a temp folder under the cache, removed on any exit (global: the EXIT trap outlives the function)
  tmp="$(mktemp -d "$cache_root/.build-XXXXXX")"
  trap 'kill "${hb:-}" 2>/dev/null; rm -rf "$tmp"' EXIT
}

swap_into_place() { # $1 finished bin folder, $2 destination dir: a half-finished build never sits at $2
  rm -rf "$2.old"
  [ ! -d "$2" ] || mv "$2" "$2.old"
  mkdir -p "$2"
  mv "$1" "$2/bin"
  rm -rf "$2.old" "$tmp"
  trap - EXIT
}

build() {
  require_go
  local start
  with_build_dir
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
  swap_into_place "$tmp/bin" "$engine_dir"
}

build_yaml_host() {
  require_go
  local start
  with_build_dir
  export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS="-buildvcs=false"
  log "building pulumi-language-yaml $YAML_HOST_VERSION from Go modules (about 2 minutes cold)..."
  start=$SECONDS
  heartbeat "building the YAML host" &
  hb=$!
  # Its go.mod has no replace directives, so `go install module@version` builds it with its own go.sum.
  GOBIN="$tmp/bin" go install -trimpath \
    -ldflags "-s -w -X github.com/pulumi/pulumi-yaml/pkg/version.Version=${YAML_HOST_VERSION#v}" \
    "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@$YAML_HOST_VERSION" >&2
  kill "$hb" 2>/dev/null || true
  log "YAML host built in $((SECONDS - start)) s"
  printf '%s' "github.com/pulumi/pulumi-yaml@$YAML_HOST_VERSION" >"$tmp/bin/.complete"
  swap_into_place "$tmp/bin" "$yaml_dir"
}

build_go_host() {
  require_go
  local start
  with_build_dir
  export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS="-mod=mod -buildvcs=false"
  log "building pulumi-language-go from sdk/v3 $GO_HOST_SDK_VERSION (about 1 minute cold)..."
  start=$SECONDS
  heartbeat "building the Go host" &
  hb=$!
  # sdk/v3's go.mod has a replace directive, so `go install …@version` refuses: a wrapper module, as for Node.js.
  go_build_in "$tmp/host" okcred.local/gohost "	github.com/pulumi/pulumi/sdk/v3 $GO_HOST_SDK_VERSION" \
    github.com/pulumi/pulumi/sdk/v3/go/pulumi-language-go "$tmp/bin/pulumi-language-go" \
    -trimpath -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$GO_HOST_SDK_VERSION"
  kill "$hb" 2>/dev/null || true
  log "Go host built in $((SECONDS - start)) s"
  printf '%s' "github.com/pulumi/pulumi/sdk/v3@$GO_HOST_SDK_VERSION" >"$tmp/bin/.complete"
  swap_into_place "$tmp/bin" "$go_dir"
}

ensure() { # $1 name (its lock), $2 ready check, $3 build: build once, a second caller waits for the first
  if ! "$2"; then
    [ "$mode" = "--check" ] && exit 1
    mkdir -p "$cache_root"
    exec 9>"$cache_root/$1"
    if ! flock -n 9; then
      log "another build ($1) is running; waiting for it..."
      flock 9
    fi
    "$2" || "$3"
    exec 9>&-
  fi
}

ensure_hosts() { # $1 the folder to link into; a host the official install has on PATH is left to it
  local bin="$1"
  if [ "$official" = 0 ] || ! command -v pulumi-language-yaml >/dev/null 2>&1; then
    ensure .build-yaml.lock yaml_ready build_yaml_host
    [ "$mode" = "--check" ] || link_host "$bin" "$yaml_dir" pulumi-language-yaml
  fi
  if [ "$official" = 0 ] || ! command -v pulumi-language-go >/dev/null 2>&1; then
    ensure .build-go.lock go_ready build_go_host
    [ "$mode" = "--check" ] || link_host "$bin" "$go_dir" pulumi-language-go
  fi
}

official=0
if official_on_path; then
  official=1
  bin="$(dirname "$(command -v pulumi)")"
  [ "$mode" = "--check" ] || log "using the official install on PATH: $bin ($(pulumi version))"
  # What the install lacks (the dynamic-provider plugin, a YAML or Go host) goes into a folder of links beside it.
  extra="$cache_root/plugin-bin"
  [ "$mode" = "--check" ] || mkdir -p "$extra"
  ensure_hosts "$extra"
  [ "$mode" = "--check" ] && exit 0
  if command -v pulumi-resource-pulumi-nodejs >/dev/null 2>&1 && [ -z "$(ls -A "$extra")" ]; then
    printf '%s\n' "$bin"
  else
    command -v pulumi-resource-pulumi-nodejs >/dev/null 2>&1 || install_plugin "$extra"
    printf '%s:%s\n' "$bin" "$extra"
  fi
  exit 0
fi

# One CLI build at a time per user (the lock's name predates the hosts: older copies of this script share it).
ensure .build.lock cached_ready build
ensure_hosts "$engine_dir/bin"
[ "$mode" = "--check" ] && exit 0
install_plugin "$engine_dir/bin"
printf '%s\n' "$engine_dir/bin"
