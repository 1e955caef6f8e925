#!/usr/bin/env bash
# Installs what is missing, builds, and starts Dermaplan on the default database
# (~/.local/share/dermaplan/dermaplan.sqlite). Extra arguments go to the app.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-deps.sh
# What users run is an optimised build of the app alone (build-release/); the tests keep their
# Debug build in build/.
cmake --preset release >/dev/null
cmake --build --preset release --target dermaplan dermaplan-cli dermaplan_pdf
exec build-release/bin/dermaplan "$@"
