# Shared helpers for the CLI test scripts. Source it after setting CLI.
set -u
export DERMAPLAN_TODAY=${DERMAPLAN_TODAY:-2026-11-24}
export LC_ALL=C.UTF-8
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
db="$work/test.sqlite"
pass=0; failn=0
ok()  { pass=$((pass+1)); echo "ok   - $1"; }
bad() { failn=$((failn+1)); echo "FAIL - $1"; }
run() { out=$("$CLI" --db "$db" "$@" 2>"$work/err"); rc=$?; err=$(cat "$work/err"); }
# expect NAME RC [PATTERN-in-stderr-or-stdout]
expect() {
  local all="$out$err"
  if [ "$rc" -ne "$2" ]; then bad "$1 (exit $rc, wanted $2): $(echo "$all" | head -c 300)"; return; fi
  if [ $# -ge 3 ] && ! echo "$all" | grep -qiE -- "$3"; then bad "$1 (output lacks /$3/): $(echo "$all" | head -c 300)"; return; fi
  ok "$1"
}
digest() { sha256sum "$db" 2>/dev/null | cut -d' ' -f1; }
finish() { echo "$pass passed, $failn failed"; [ "$failn" -eq 0 ]; }
