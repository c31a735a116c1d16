#!/usr/bin/env bash
# The YAML and Go language hosts the provider plugin's end-to-end tests run programs with, built once from the Go module
# proxy into the shared cache, like the engine (scripts/engine.sh); prints the folder to put on PATH. A stopgap of the
# plugin's branch: scripts/engine.sh takes this over (issue 19's engine setup), and then this file goes.
#   pulumi-language-yaml  github.com/pulumi/pulumi-yaml v1.25.0 (go install; about 2 minutes cold)
#   pulumi-language-go    sdk/v3 v3.52.0's host, through a wrapper module (its go.mod has replace directives)
set -euo pipefail
YAML_VERSION="v1.25.0"
GO_HOST_SDK_VERSION="v3.52.0"
cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-okta-credentials"
dir="$cache_root/language-hosts-yaml-${YAML_VERSION}-go-${GO_HOST_SDK_VERSION}"
log() { printf 'language hosts: %s\n' "$*" >&2; }
ready() { [ -f "$dir/bin/.complete" ] && [ -x "$dir/bin/pulumi-language-yaml" ] && [ -x "$dir/bin/pulumi-language-go" ]; }

if ! ready; then
  mkdir -p "$cache_root"
  exec 9>"$cache_root/.language-hosts.lock"
  flock -n 9 || { log "another build is running; waiting for it..." && flock 9; }
  if ! ready; then
    command -v go >/dev/null || { log "no Go toolchain to build the YAML and Go language hosts" && exit 1; }
    export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS="-mod=mod -buildvcs=false"
    tmp="$(mktemp -d "$cache_root/.hosts-XXXXXX")"
    trap 'rm -rf "$tmp"' EXIT
    mkdir -p "$tmp/bin" "$tmp/gohost"
    log "building pulumi-language-yaml $YAML_VERSION (about 2 minutes cold)..."
    GOBIN="$tmp/bin" go install -trimpath -ldflags "-s -w" "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@$YAML_VERSION" >&2
    log "building pulumi-language-go from sdk/v3 $GO_HOST_SDK_VERSION..."
    printf 'module okcred.local/gohost\n\ngo 1.24\n\nrequire github.com/pulumi/pulumi/sdk/v3 %s\n' "$GO_HOST_SDK_VERSION" >"$tmp/gohost/go.mod"
    printf 'package main\n\nimport _ "github.com/pulumi/pulumi/sdk/v3/go/pulumi-language-go"\n' >"$tmp/gohost/tools.go"
    (cd "$tmp/gohost" && go mod download github.com/pulumi/pulumi/sdk/v3 &&
      go build -trimpath -ldflags "-s -w" -o "$tmp/bin/pulumi-language-go" github.com/pulumi/pulumi/sdk/v3/go/pulumi-language-go) >&2
    touch "$tmp/bin/.complete"
    rm -rf "$dir" && mkdir -p "$dir" && mv "$tmp/bin" "$dir/bin"
  fi
fi
printf '%s\n' "$dir/bin"
