#!/usr/bin/env bash
# The quickstart (`npm start`): the Okta emulator, one ClientSecret created by `pulumi up`, and a rotation:
# the two-secret limit caught in preview, the `+-` replace in `pulumi preview --diff`, the new secret created before
# the old one is retired, and what Okta then holds. Everything lives in .quickstart/ (or $QUICKSTART_DIR), stack config
# included, and starts afresh on every run; your own Pulumi login, backend and stacks are never touched.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then b=$'\033[1m' d=$'\033[2m' r=$'\033[0m'; else b="" d="" r=""; fi
bold() { printf '\n%s== %s%s\n' "$b" "$*" "$r"; }
show() { printf '%s$ %s%s\n' "$d" "$*" "$r"; }
okta_api() { node scripts/quickstart/okta-api.cjs "$@"; }

[ -d node_modules/@pulumi/pulumi ] || npm ci --no-audit --no-fund
npm run --silent build

state="${QUICKSTART_DIR:-$root/.quickstart}"
mkdir -p "$state"
state="$(cd "$state" && pwd)"
rm -rf "$state/backend" "$state/Pulumi.quickstart.yaml"
# shellcheck source=scripts/pulumi-env.sh
source scripts/pulumi-env.sh "$state"

# The emulator: a local Okta org on a free loopback port. The token is ours, so it is never printed.
OKTA_API_TOKEN="$(node -e 'process.stdout.write(require("node:crypto").randomBytes(24).toString("base64url"))')"
export OKTA_API_TOKEN
OKTA_EMULATOR_API_TOKEN="$OKTA_API_TOKEN" node dist/emulator/cli.js --port 0 >"$state/emulator.log" 2>&1 &
emulator_pid=$!
trap 'kill "$emulator_pid" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  grep -q "listening on" "$state/emulator.log" 2>/dev/null && break
  sleep 0.1
done
OKTA_ORG_URL="$(sed -n 's/^okta-emulator listening on //p' "$state/emulator.log")"
[ -n "$OKTA_ORG_URL" ] || { cat "$state/emulator.log" >&2; exit 1; }
export OKTA_ORG_URL

bold "1. An Okta org (the emulator at $OKTA_ORG_URL) and an OIDC app; Okta gives a new app one client secret"
app_id="$(okta_api create-app "quickstart service")"
initial_secret="$(okta_api first-secret "$app_id")"
echo "app $app_id holds:"
okta_api secrets "$app_id"

bold "2. A stack: the org (a full URL, in this package's own key, since the emulator has no okta.com name) and a token"
pulumi="pulumi --non-interactive --stack quickstart"
stack_config="--config-file $state/Pulumi.quickstart.yaml" # beside the state, not in the checkout
show "pulumi stack init quickstart"
pulumi stack init quickstart --non-interactive >/dev/null
# stack init writes the stack's config file (its encryption salt) beside Pulumi.yaml: keep it with the state instead.
mv "$root/Pulumi.quickstart.yaml" "$state/Pulumi.quickstart.yaml"
show "pulumi config set okta-credentials:orgUrl $OKTA_ORG_URL"
$pulumi $stack_config config set okta-credentials:orgUrl "$OKTA_ORG_URL"
show "pulumi config set --secret okta:apiToken ********"
printf '%s' "$OKTA_API_TOKEN" | $pulumi $stack_config config set --secret okta:apiToken
show "pulumi config set appId $app_id"
$pulumi $stack_config config set appId "$app_id"

bold "3. pulumi up: a ClientSecret for the app (examples/quickstart/index.ts)"
show "pulumi up --yes"
$pulumi $stack_config up --yes
echo "app $app_id now holds:"
okta_api secrets "$app_id"

bold "4. A rotation, previewed: the app already holds Okta's two secrets, so the preview stops before any change"
show "pulumi config set rotation 2026-12"
$pulumi $stack_config config set rotation 2026-12
show "pulumi preview --diff"
if $pulumi $stack_config preview --diff; then
  echo "quickstart: expected the two-secret limit to stop this preview" >&2
  exit 1
fi

bold "5. The fix the preview names: retire the secret Okta made with the app (deactivate, then delete, as in Okta's guide)"
okta_api retire "$app_id" "$initial_secret"
okta_api secrets "$app_id"

bold "6. The rotation, reviewed: +- replace"
show "pulumi preview --diff"
$pulumi $stack_config preview --diff

bold "7. pulumi up: the new secret is created, then the old one is deactivated and deleted"
show "pulumi up --yes"
$pulumi $stack_config up --yes

bold "8. What Okta holds now: one ACTIVE secret, the new one"
okta_api secrets "$app_id"
show "pulumi stack output"
$pulumi stack output
echo
echo "The secret stays encrypted in the state. To reveal it:"
echo "  source scripts/pulumi-env.sh ${state#"$root"/} && pulumi stack output clientSecret --show-secrets --stack quickstart"
echo "State and logs are in $state; the emulator stops now."
