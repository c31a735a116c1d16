#!/usr/bin/env bash
# What the Pulumi engine costs here: finding the cached engine, starting the CLI, and one `pulumi up` of the
# e2e smoke fixture (tests/e2e/smoke/fixture: three dynamic resources), as the median of RUNS runs (default 5).
# Each changing `up` toggles the fixture between step1 and step2: one create, update, replace and delete.
# Measured with ts-node's type check (a user's default) and without it (PULUMI_NODEJS_TRANSPILE_ONLY, as the
# e2e harness runs). Writes bench/engine/results.md; progress on stderr.
#
#   bash bench/engine/up-cost.sh          RUNS=9 bash bench/engine/up-cost.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${RUNS:-5}"
fixture="$root/tests/e2e/smoke/fixture"
work="$root/.e2e-work/bench-$$"
trap 'rm -rf "$work"' EXIT
log() { printf 'bench: %s\n' "$*" >&2; }

now_ms() { echo $(($(date +%s%N) / 1000000)); }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
time_ms() { # run "$@" quietly, print its wall time in ms
  local start
  start=$(now_ms)
  "$@" >/dev/null
  echo $(($(now_ms) - start))
}
samples() { # $1 label, rest: command; prints "median min max" over $runs runs
  local label="$1" all
  shift
  all="$(for _ in $(seq "$runs"); do time_ms "$@"; done)"
  log "$label: $(echo "$all" | tr '\n' ' ')ms"
  printf '%s %s %s\n' "$(echo "$all" | median)" "$(echo "$all" | sort -n | head -n1)" "$(echo "$all" | sort -n | tail -n1)"
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
engine_start="$(samples "scripts/engine.sh (cached)" bash "$root/scripts/engine.sh")"
# shellcheck source=../../scripts/pulumi-env.sh
source "$root/scripts/pulumi-env.sh" "$work/env"
cli_start="$(samples "pulumi version" pulumi version)"

mkdir -p "$work/program"
cp -r "$fixture/step1/." "$work/program/"
cd "$work/program"
pulumi stack init bench --non-interactive >/dev/null
printf '0oabenchmark00000000' | pulumi config set appId
toggle_up() { # switch the fixture to the other step, then deploy it (runs in subshells: the file says which step)
  local next=2
  cmp -s recorders.json "$fixture/step1/recorders.json" || next=1
  cp "$fixture/step$next/recorders.json" recorders.json
  pulumi up --yes --skip-preview --non-interactive
}
noop_up() { pulumi up --yes --skip-preview --non-interactive; }

# Modes and kinds are interleaved run by run, so a burst of load on the shared machine hits them alike.
in_mode() { # $1 mode, rest: command
  local mode="$1"
  shift
  if [ "$mode" = transpile-only ]; then PULUMI_NODEJS_TRANSPILE_ONLY=true "$@"; else "$@"; fi
}
first_up="$(time_ms noop_up)"
log "first up (stack + 3 creates, type check on): ${first_up}ms"
kinds="toggle_up noop_up preview"
preview() { pulumi preview --non-interactive; }
for _ in $(seq "$runs"); do
  for kind in $kinds; do
    for mode in typecheck transpile-only; do
      time_ms in_mode "$mode" "$kind" >>"$work/$mode.$kind"
    done
  done
done
stats() { # "median / min / max" of a file of numbers
  printf '%s / %s / %s' "$(median <"$1")" "$(sort -n "$1" | head -n1)" "$(sort -n "$1" | tail -n1)"
}
rows=""
for mode in typecheck transpile-only; do
  for kind in $kinds; do log "$mode $kind: $(tr '\n' ' ' <"$work/$mode.$kind")ms"; done
  rows+="| $mode | $(stats "$work/$mode.toggle_up") | $(stats "$work/$mode.noop_up") | $(stats "$work/$mode.preview") |"$'\n'
done
pulumi destroy --yes --skip-preview --non-interactive >/dev/null

cat >"$root/bench/engine/results.md" <<EOF
# Engine costs (bench/engine/up-cost.sh)

Measured $(date -u +"%Y-%m-%d %H:%M UTC") on $(nproc) cores (load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)),
pulumi $(pulumi version), pulumi-language-nodejs from $(command -v pulumi-language-nodejs | sed "s|$HOME|~|"),
@pulumi/pulumi $(node -p 'require("@pulumi/pulumi/package.json").version'), Node $(node --version). $runs runs each; milliseconds as median / min / max.

- \`scripts/engine.sh\` finding the cached engine: ${engine_start// / / }
- \`pulumi version\` (CLI start): ${cli_start// / / }
- first \`pulumi up\` of the fixture (stack + 3 creates, type check on, one run): $first_up

| ts-node | \`pulumi up\` with a change (1 create, 1 update, 1 replace, 1 delete) | no-op \`pulumi up\` | \`pulumi preview\` |
|---|---|---|---|
$rows
The machine is shared with other work: compare rows of one file, not files of different days.
EOF
log "wrote bench/engine/results.md"
