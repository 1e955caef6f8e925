#!/usr/bin/env bash
# The speed and memory benchmark: builds the optimised preset and prints each figure of
# docs/performance.md against its floor, measured in the same run (scripts/bench.py says how).
#   scripts/bench.sh [--sizes 1000,10000,100000,1000000] [--runs 5]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1366x768x24" python3 scripts/bench.py "$@"
fi
exec python3 scripts/bench.py "$@"
