#!/usr/bin/env bash
# The quickstart (`npm start`): the workflow a real user follows, against the Okta emulator with the real engine.
# Every Okta app comes with one secret: the first `pulumi up` adopts it, a rotation is reviewed as `+-` and applied,
# a secret goes out of service and back in place (`~`), Okta's two-secret limit is caught at preview and fixed with
# Pulumi, and a RotatingClientSecret walks through two generations. What Okta holds is shown after each step (ids,
# statuses, hashes; never a value). Everything lives in .quickstart/ (or $QUICKSTART_DIR), stack config included, and
# starts afresh on every run; your own Pulumi login, backend and stacks are never touched; nothing is left running.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then b=$'\033[1m' d=$'\033[2m' r=$'\033[0m'; else b="" d="" r=""; fi
bold() { printf '\n%s== %s%s\n' "$b" "$*" "$r"; }
show() { printf '%s$ %s%s\n' "$d" "$*" "$r"; }
okta() { node scripts/quickstart/okta.cjs "$@"; }

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
# Its command (`npx okta-emulator` where the emulator package is installed) run by path: never looked up elsewhere.
OKTA_EMULATOR_API_TOKEN="$OKTA_API_TOKEN" node emulator/bin/okta-emulator.js --port 0 >"$state/emulator.log" 2>&1 &
emulator_pid=$!
trap 'kill "$emulator_pid" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  grep -q "listening on" "$state/emulator.log" 2>/dev/null && break
  sleep 0.1
done
OKTA_ORG_URL="$(sed -n 's/^okta-emulator listening on //p' "$state/emulator.log")"
[ -n "$OKTA_ORG_URL" ] || { cat "$state/emulator.log" >&2; exit 1; }
export OKTA_ORG_URL

pulumi="pulumi --non-interactive --stack quickstart"
config="--config-file $state/Pulumi.quickstart.yaml" # beside the state, not in the checkout
set_config() { show "pulumi config set $*"; $pulumi $config config set "$@"; }

bold "1. An Okta org (the emulator at $OKTA_ORG_URL) and an OIDC app: Okta gives every new app one client secret"
app_id="$(okta create-app "quickstart service")"
initial_secret="$(okta first-secret "$app_id")"
echo "app $app_id holds:"
okta secrets "$app_id"

bold "2. A stack: the org (a full URL in this package's own key; a real org is okta:orgName + okta:baseUrl) and a token"
show "pulumi stack init quickstart"
pulumi stack init quickstart --non-interactive >/dev/null
# stack init writes the stack's config file (its encryption salt) beside Pulumi.yaml: keep it with the state instead.
mv "$root/Pulumi.quickstart.yaml" "$state/Pulumi.quickstart.yaml"
set_config okta-credentials:orgUrl "$OKTA_ORG_URL"
show "pulumi config set --secret okta:apiToken ********"
printf '%s' "$OKTA_API_TOKEN" | $pulumi $config config set --secret okta:apiToken
set_config appId "$app_id"

bold "3. pulumi up: a ClientSecret takes over the secret Okta made (adoptSecretId): no new secret, nothing posted"
set_config adopt "$initial_secret"
show "pulumi up --yes   (examples/quickstart/index.ts)"
$pulumi $config up --yes
echo "app $app_id holds (the same secret, now managed by the stack):"
okta secrets "$app_id"

bold "4. adoptSecretId matters only when the resource is created: removing it changes nothing"
show "pulumi config rm adopt"
$pulumi $config config rm adopt
show "pulumi preview"
$pulumi $config preview

bold "5. A rotation, reviewed as a +- replace, then applied: the new secret first, then the old one retired"
set_config rotation 2026-12
show "pulumi preview --diff"
$pulumi $config preview --diff
show "pulumi up --yes"
$pulumi $config up --yes
echo "app $app_id holds (one ACTIVE secret, the new one):"
okta secrets "$app_id"

bold "6. A second client gets a secret of its own: the app now holds Okta's maximum, two"
set_config partner true
show "pulumi up --yes"
$pulumi $config up --yes
okta secrets "$app_id"

bold "7. Okta's two-secret limit, caught at preview: rotating an ACTIVE secret of a full app would need a third"
set_config rotation 2027-01
show "pulumi preview"
if $pulumi $config preview; then
  echo "quickstart: expected the two-secret limit to stop this preview" >&2
  exit 1
fi

bold "8. The fix the preview names, with Pulumi: first take app-secret out of service in place (a ~ update; ACTIVE rolls back)"
set_config rotation 2026-12 # the rotation waits for the next step
set_config status INACTIVE
show "pulumi preview --diff"
$pulumi $config preview --diff
show "pulumi up --yes"
$pulumi $config up --yes
okta secrets "$app_id"

bold "9. ...then rotate it: an INACTIVE secret is replaced delete-first, so the full app needs no free slot"
set_config rotation 2027-01
set_config status ACTIVE
show "pulumi preview --diff"
$pulumi $config preview --diff
show "pulumi up --yes"
$pulumi $config up --yes
echo "app $app_id holds (app-secret's new one and partner-secret's, both ACTIVE):"
okta secrets "$app_id"

bold "10. Rotation on a schedule: RotatingClientSecret (every 30 days, the previous secret ACTIVE for 7 more)"
rotating_app="$(okta create-app "quickstart scheduled")"
set_config rotatingAppId "$rotating_app"
walk() {
  # OKTA_CREDENTIALS_NOW stands in for the calendar (for tests and dry runs: a real stack just runs `pulumi up`).
  show "OKTA_CREDENTIALS_NOW=$1 pulumi up --yes   ($2)"
  OKTA_CREDENTIALS_NOW="$1" $pulumi $config up --yes
  echo "app $rotating_app holds:"
  okta secrets "$rotating_app"
}
walk 2026-01-02 "generation 1: the app's own secret adopted as the previous, a new current secret beside it"
walk 2026-01-09 "7 days on: the previous secret is deactivated in place, once the current one is proven"
walk 2026-01-31 "generation 2: the INACTIVE slot is replaced (delete first), the previous stays ACTIVE for its clients"
walk 2026-02-08 "7 days on: generation 1's secret is deactivated in its turn"

bold "11. What the stack hands out"
show "pulumi stack output"
$pulumi stack output
echo
echo "The secrets stay encrypted in the state. To reveal one:"
echo "  source scripts/pulumi-env.sh ${state#"$root"/} && pulumi stack output clientSecret --show-secrets --stack quickstart"
echo "State and logs are in $state; the emulator stops now."
