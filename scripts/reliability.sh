#!/usr/bin/env bash
# The long runs behind docs/reliability.md: many SIGKILLs and power cuts against a writer, SIGKILLs
# of the command-line tool importing, backing up, restoring and migrating, and a disk that fills
# up or fails; each followed by an integrity check and a search for every acknowledged session.
# Needs a build.
#   scripts/reliability.sh [ROUNDS]     (default 500)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-500}
[ -x build/tests/storage_tests ] || { echo "build first: cmake --build --preset default" >&2; exit 1; }
export DERMAPLAN_RELIABILITY_ROUNDS=$rounds
log=$(mktemp /tmp/dermaplan-reliability-XXXXXX.log)
start=$(date +%s)
set +e
build/tests/storage_tests --gtest_filter='StorageTest.Killed*:StorageTest.PowerLoss*:StorageTest.AFullOrFailingDisk*' 2>&1 | tee "$log" |
  grep -E "^(SIGKILL|power loss|import|backup|restore|migration|disk-full|io-error):|Failure|round [0-9]|\[  (PASSED|FAILED)"
status=${PIPESTATUS[0]}
set -e
echo "rounds: $rounds each, $(( $(date +%s) - start )) s; the whole output: $log"
exit "$status"
