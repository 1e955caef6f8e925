#!/usr/bin/env bash
# Bad database files are refused with a message naming the file, and never written.
CLI=$1; source "$(dirname "$0")/lib.sh"

refuse_file() { # NAME PATTERN
  local sum; sum=$(sha256sum "$db" | cut -d' ' -f1)
  run history
  expect "$1 is refused" 1 "$db.*$2|$2.*$db"
  [ "$(sha256sum "$db" | cut -d' ' -f1)" = "$sum" ] && ok "$1 left byte-identical" || bad "$1 was modified"
  [ ! -e "$db-wal" ] && [ ! -e "$db-journal" ] && ok "$1: no journal left behind" || bad "$1: journal files created"
}

printf 'this is not a database, just text\n' > "$db";   refuse_file "a text file" "not a database"
head -c 8192 /dev/urandom > "$db";                        refuse_file "random bytes" "not a database"
rm -f "$db"
"$CLI" --db "$db" log --area face --needle 0.5 --date 2026-11-01 >/dev/null 2>&1
for i in $(seq 1 40); do "$CLI" --db "$db" log --area body --needle 0.25 --date 2026-11-24 --override fill --notes "$(head -c 3000 /dev/zero | tr '\0' x)" >/dev/null 2>&1; done
size=$(stat -c %s "$db"); truncate -s $((size / 2)) "$db"; refuse_file "a truncated database" "damaged|malformed|not a database"
rm -f "$db"; mkdir "$db"; run history; expect "a directory is refused" 1 "directory"; rmdir "$db"

"$CLI" --db "$db" log --area face --needle 0.5 --date 2026-11-01 >/dev/null 2>&1
sqlite3 "$db" "PRAGMA user_version=99" 2>/dev/null || python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version=99'); c.commit()" "$db"
refuse_file "a newer schema" "newer"
rm -f "$db"

"$CLI" --db "$db" log --area face --needle 0.5 --date 2026-11-01 >/dev/null 2>&1
chmod 0444 "$db"
run history;                             expect "a read-only database can be read" 0 "2026-11-01"
run log --area scalp --needle 0.5 --date 2026-11-24
expect "writing to a read-only database fails clearly" 1 "read-only"
chmod 0600 "$db"
run check;                               expect "the database is still fine" 0 "^ok"
[ "$(stat -c %a "$db")" = 600 ] && ok "database file mode is 0600" || bad "mode $(stat -c %a "$db")"

# The old two-level data folder: the first run on the default database moves it, with its
# backups, and says so on stderr (stdout stays the command's).
home="$work/home"; old="$home/share/dermaplan/dermaplan"; mkdir -p "$old"
DERMAPLAN_TODAY=2026-11-20 "$CLI" --db "$old/dermaplan.sqlite" log --area face --needle 0.25 --date 2026-11-20 >/dev/null 2>&1
"$CLI" --db "$old/dermaplan.sqlite" log --area scalp --needle 0.25 >/dev/null 2>&1 # the day's backup first
out=$(env -u DERMAPLAN_DB XDG_DATA_HOME="$home/share" "$CLI" history 2>"$work/err"); rc=$?; err=$(cat "$work/err")
expect "the default database moves out of the old folder" 0 "moved to .*share/dermaplan"
echo "$out" | grep -q "2026-11-20" && ok "the moved history is there" || bad "history after the move: $out"
[ -f "$home/share/dermaplan/dermaplan.sqlite" ] && [ ! -e "$old" ] && ok "one folder level, the old one gone" || bad "after the move: $(find "$home" | head)"
ls "$home/share/dermaplan/backups/"*.sqlite >/dev/null 2>&1 && ok "backups moved along" || bad "no backups in the new folder"
out=$(env -u DERMAPLAN_DB XDG_DATA_HOME="$home/share" "$CLI" history 2>"$work/err"); rc=$?; err=$(cat "$work/err")
[ -z "$err" ] && ok "the second run says nothing" || bad "second run: $err"
finish

