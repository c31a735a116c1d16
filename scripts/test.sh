#!/usr/bin/env bash
# The project's one test command (`npm test`, `.ci/run`): build, lint, typecheck, unit/contract tests,
# then the Pulumi engine (cached, or built once from Go modules) and the end-to-end tests.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

npm run --silent build
npm run --silent lint
npm run --silent typecheck
npx vitest run --config vitest.config.ts

engine_bin="$(bash scripts/engine.sh)"
export PATH="$engine_bin:$PATH"
npx vitest run --config tests/e2e/vitest.config.ts
