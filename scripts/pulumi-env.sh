# shellcheck shell=bash
# Source this file to run the Pulumi engine isolated from the user's own Pulumi:
#
#   source scripts/pulumi-env.sh [state-dir]     # default state dir: <repo>/.pulumi
#
# It puts the engine on PATH (scripts/engine.sh: an official install, the cached build, or a build),
# and points every Pulumi setting at the state dir: a file:// backend, a PULUMI_HOME of our own, a
# passphrase generated once and kept there (mode 600), no update check, no plugin downloads.
# The user's own login, backend, stacks and PULUMI_* settings are never read or touched.
# Exports PULUMI_ENV_DIR (the absolute state dir). Works under `set -euo pipefail`.

# Drop whatever the user's shell says about Pulumi (an access token, another backend, a passphrase file...).
while IFS= read -r pulumi_env_var; do
  unset "$pulumi_env_var"
done < <(compgen -e | grep '^PULUMI_' || true)

pulumi_env_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PULUMI_ENV_DIR="${1:-$pulumi_env_root/.pulumi}"
mkdir -p "$PULUMI_ENV_DIR/backend" "$PULUMI_ENV_DIR/home"
PULUMI_ENV_DIR="$(cd "$PULUMI_ENV_DIR" && pwd)"
export PULUMI_ENV_DIR

pulumi_env_bin="$(bash "$pulumi_env_root/scripts/engine.sh")"
export PATH="$pulumi_env_bin:$PATH"

if [ ! -s "$PULUMI_ENV_DIR/passphrase" ]; then
  (umask 077 && node -e 'process.stdout.write(require("node:crypto").randomBytes(24).toString("base64url"))' \
    >"$PULUMI_ENV_DIR/passphrase")
fi
export PULUMI_CONFIG_PASSPHRASE_FILE="$PULUMI_ENV_DIR/passphrase"
export PULUMI_BACKEND_URL="file://$PULUMI_ENV_DIR/backend"
export PULUMI_HOME="$PULUMI_ENV_DIR/home"
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
unset pulumi_env_root pulumi_env_bin pulumi_env_var
