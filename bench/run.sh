#!/usr/bin/env bash
# `npm run bench [-- --smoke | --only=requests,wall,limits,state,startup]`: builds dist/ (the benchmark's programs load
# the package from there), finds or builds the Pulumi engine (scripts/engine.sh: once, cached outside the clone), then
# runs bench/main.ts with ts-node. Works from a fresh clone after `npm ci`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
npm run --silent build
engine_bin="$(bash scripts/engine.sh)"
export PATH="$engine_bin:$PATH"
exec npx ts-node --transpile-only bench/main.ts "$@"
