#!/usr/bin/env bash
# Installs what is missing, builds, and starts Dermaplan on the default database
# (~/.local/share/dermaplan/dermaplan.sqlite). Extra arguments go to the app.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default
exec build/bin/dermaplan "$@"
