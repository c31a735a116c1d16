#!/usr/bin/env bash
# Provides actionlint, the linter of GitHub Actions workflows, for the tests of examples/github-actions/.
#
#   scripts/actionlint.sh          ensure actionlint exists; print its path
#   scripts/actionlint.sh --check  exit 0 when it is ready, 1 when it would have to be built
#
# Built once from the Go module proxy (`go install`, about a minute cold on 2 cores) into a cache outside the clone,
# shared by every clone of this user, like the engine (scripts/engine.sh). It runs shellcheck on the workflows' `run:`
# blocks when shellcheck is on PATH (the Debian package; .ci/run installs it). Progress goes to stderr; stdout is
# only the path.
set -euo pipefail

VERSION="v1.7.12"
MIN_GO_VERSION="1.25.0" # what actionlint's go.mod asks for (GOTOOLCHAIN=local: no toolchain download)

case "${1:-}" in
  "" | --check) ;;
  *) printf 'usage: %s [--check]\n' "$0" >&2 && exit 2 ;;
esac
mode="${1:-}"

cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-okta-credentials"
dir="$cache_root/actionlint-$VERSION"
bin="$dir/bin/actionlint"
log() { printf 'actionlint: %s\n' "$*" >&2; }

version_ge() { # $1 >= $2, both x.y.z
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

ready() {
  [ -f "$dir/bin/.complete" ] && [ -x "$bin" ] && [ "$("$bin" -version 2>/dev/null | head -n1)" = "$VERSION" ]
}

build() {
  local v tmp start
  if ! command -v go >/dev/null 2>&1; then
    log "no Go toolchain to build actionlint $VERSION: install Go $MIN_GO_VERSION+ (https://go.dev/dl/), then run this again"
    exit 1
  fi
  v="$(go env GOVERSION | sed 's/^go//')"
  if ! version_ge "$v" "$MIN_GO_VERSION"; then
    log "Go $v is too old to build actionlint $VERSION: it needs Go $MIN_GO_VERSION+"
    exit 1
  fi
  tmp="$(mktemp -d "$cache_root/.actionlint-XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  log "building actionlint $VERSION from the Go module proxy (about a minute cold)..."
  start=$SECONDS
  (export GOTOOLCHAIN=local CGO_ENABLED=0 GOBIN="$tmp/bin" GOFLAGS="-buildvcs=false" &&
    go install -trimpath -ldflags "-s -w" "github.com/rhysd/actionlint/cmd/actionlint@$VERSION") >&2
  [ "$("$tmp/bin/actionlint" -version | head -n1)" = "$VERSION" ] || {
    log "the built actionlint does not report $VERSION"
    exit 1
  }
  touch "$tmp/bin/.complete"
  # Swap the finished folder into place: a half-finished build never sits at $dir.
  rm -rf "$dir.old"
  [ ! -d "$dir" ] || mv "$dir" "$dir.old"
  mkdir -p "$dir"
  mv "$tmp/bin" "$dir/bin"
  rm -rf "$dir.old" "$tmp"
  trap - EXIT
  log "built in $((SECONDS - start)) s"
}

if ! ready; then
  [ "$mode" = "--check" ] && exit 1
  mkdir -p "$cache_root"
  # One build at a time per user: a second caller waits, then finds the finished binary.
  exec 9>"$cache_root/.actionlint.lock"
  if ! flock -n 9; then
    log "another build of actionlint is running; waiting for it..."
    flock 9
  fi
  ready || build
fi
[ "$mode" = "--check" ] && exit 0
printf '%s\n' "$bin"
