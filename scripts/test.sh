#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite headless: a short libFuzzer
# run over the importers (clang build), then every test through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
corpus=$(mktemp -d); trap 'rm -rf "$corpus"' EXIT
cp tests/fuzz/corpus/* "$corpus"/
echo "fuzzing the CSV and JSON importers for 20 s"
build-fuzz/tests/fuzz_import -max_total_time=20 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=tests/fuzz/crashes/ "$corpus" 2>&1 | tail -n 25

export QT_QPA_PLATFORM=offscreen
ctest --preset default "$@"
