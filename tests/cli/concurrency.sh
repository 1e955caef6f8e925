#!/usr/bin/env bash
# Several programs opening one history at once: separate processes (not threads) start together
# on a path that does not exist yet and on databases of older schemas. Every one of them must
# succeed (or wait), the file must end at the current schema with every session in it, and an
# upgrade leaves at most one before-migration copy.
CLI=$1; source "$(dirname "$0")/lib.sh"
data="$(dirname "$0")/../data/storage"
procs=${DERMAPLAN_RACE_PROCS:-6}
rounds=${DERMAPLAN_RACE_ROUNDS:-8}
current=$("$CLI" --db "$work/probe.sqlite" check >/dev/null 2>&1; sqlite3 "$work/probe.sqlite" "PRAGMA user_version")

race() { # NAME START-FILE(or empty)
  local name=$1 start=$2 failures=0 lost=0 copies=0 broken=0 round i before
  for round in $(seq 1 "$rounds"); do
    local dir="$work/race-$name-$round"; mkdir -p "$dir"; local file="$dir/history.sqlite"
    before=0
    if [ -n "$start" ]; then cp "$start" "$file"; before=$(sqlite3 "$file" "SELECT COUNT(*) FROM sessions"); fi
    local pids=()
    for i in $(seq 1 "$procs"); do
      "$CLI" --db "$file" log --area body --notes "process $i" --needle 0.25 --date 2026-11-$((10 + i)) \
        --override race >"$dir/out$i" 2>"$dir/err$i" &
      pids+=($!)
    done
    for i in "${!pids[@]}"; do
      if ! wait "${pids[$i]}"; then failures=$((failures + 1)); echo "  round $round, process $((i + 1)): $(cat "$dir/err$((i + 1))")"; fi
    done
    [ "$(sqlite3 "$file" "PRAGMA user_version")" = "$current" ] || broken=$((broken + 1))
    [ "$(sqlite3 "$file" "SELECT COUNT(*) FROM sessions")" = $((before + procs)) ] || lost=$((lost + 1))
    local n; n=$(find "$dir/backups" -maxdepth 1 -name 'dermaplan-before-migration-*' 2>/dev/null | wc -l)
    if [ -n "$start" ] && [ "$n" -ne 1 ]; then copies=$((copies + 1)); echo "  round $round: $n before-migration copies"; fi
    if [ -z "$start" ] && [ "$n" -ne 0 ]; then copies=$((copies + 1)); echo "  round $round: $n before-migration copies of a new file"; fi
    "$CLI" --db "$file" check >/dev/null 2>&1 || broken=$((broken + 1))
  done
  [ "$failures" -eq 0 ] && ok "$name: $procs processes x $rounds rounds, every one succeeded" || bad "$name: $failures processes failed"
  [ "$broken" -eq 0 ] && ok "$name: the file ends at schema $current and checks out" || bad "$name: $broken rounds left the file broken"
  [ "$lost" -eq 0 ] && ok "$name: every session is stored" || bad "$name: $lost rounds lost sessions"
  [ "$copies" -eq 0 ] && ok "$name: one before-migration copy per upgrade, none for a new file" || bad "$name: $copies rounds with the wrong number of copies"
}

race "a new path" ""
race "schema 1" "$data/schema-v1.sqlite"
race "schema 2" "$data/schema-v2.sqlite"

# The app opening the same file while the command-line tools race on it: it opens (a failed open
# would sit in its recovery dialog, where SIGTERM kills it) and quits cleanly on SIGTERM.
gui="$(dirname "$CLI")/dermaplan"
if [ -x "$gui" ]; then
  gui_failures=0
  for start in "" "$data/schema-v2.sqlite"; do
    for round in 1 2 3; do
      dir="$work/gui-$round-${start:+old}"; mkdir -p "$dir"; file="$dir/history.sqlite"
      [ -n "$start" ] && cp "$start" "$file"
      QT_QPA_PLATFORM=offscreen "$gui" --db "$file" >"$dir/gui.out" 2>&1 &
      gui_pid=$!
      pids=()
      for i in 1 2 3 4 5; do
        "$CLI" --db "$file" log --area body --needle 0.25 --date 2026-11-$((10 + i)) --override race >/dev/null 2>"$dir/err$i" &
        pids+=($!)
      done
      for i in "${!pids[@]}"; do wait "${pids[$i]}" || { gui_failures=$((gui_failures + 1)); echo "  cli: $(cat "$dir/err$((i + 1))")"; }; done
      sleep 2
      kill -TERM "$gui_pid" 2>/dev/null
      if ! wait "$gui_pid"; then gui_failures=$((gui_failures + 1)); echo "  the app did not open or quit cleanly: $(tail -3 "$dir/gui.out")"; fi
      [ "$(sqlite3 "$file" "PRAGMA user_version")" = "$current" ] || gui_failures=$((gui_failures + 1))
    done
  done
  [ "$gui_failures" -eq 0 ] && ok "the app opens while five command-line tools race on a new and an old file" || bad "with the app open: $gui_failures failures"
fi

# A file as earlier versions left it after such a race: the version says 4 while the tables of
# the later steps are there. It is repaired on the next open, and a copy of it restores.
broken="$work/broken.sqlite"
"$CLI" --db "$broken" log --area face --needle 0.5 --date 2026-11-01 >/dev/null 2>&1
"$CLI" --db "$broken" product add --name "Plain serum" >/dev/null 2>&1
sqlite3 "$broken" "PRAGMA user_version = 4"
cp "$broken" "$work/broken-copy.sqlite"
db=$broken; run log --area scalp --needle 0.5 --date 2026-11-20
expect "a file left at schema 4 with later tables is repaired and written" 0
[ "$(sqlite3 "$broken" "PRAGMA user_version")" = "$current" ] && ok "the repaired file is at schema $current" || bad "schema after repair: $(sqlite3 "$broken" "PRAGMA user_version")"
run check; expect "the repaired file checks out" 0 "^ok.*2 session"
run product list; expect "its products are kept" 0 "Plain serum"
run restore "$work/broken-copy.sqlite"; expect "a copy of the broken file restores" 0 "restored"
run history; expect "the restored history is readable" 0 "2026-11-01"
finish
