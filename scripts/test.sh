#!/usr/bin/env bash
# The project's one test command (`npm test`, `.ci/run`): build, lint, typecheck, unit and contract tests,
# then the Pulumi engine (an official install, the cached build, or a build from Go modules, once) and the
# end-to-end tests on the real CLI. Stops at the first failing step.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() { # $1 title, rest: command
  local title="$1" start=$SECONDS
  shift
  printf '\n== %s\n' "$title" >&2
  "$@"
  printf '== %s: ok (%d s)\n' "$title" $((SECONDS - start)) >&2
}

step "build (dist/)" npm run --silent build
step "lint (biome, knip)" npm run --silent lint
step "typecheck" npm run --silent typecheck
step "unit and contract tests" npx vitest run --config vitest.config.ts
engine_bin="$(bash scripts/engine.sh)"
export PATH="$engine_bin:$PATH"
step "end-to-end tests (pulumi $(pulumi version))" npx vitest run --config tests/e2e/vitest.config.ts
