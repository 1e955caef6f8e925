#!/usr/bin/env bash
# What Dermaplan writes is owner-only whatever the umask, and no output ever lands on the
# database, its log or its backups.
CLI=$1; source "$(dirname "$0")/lib.sh"
umask 022
mode() { stat -c %a "$1"; }

run log --area face --zone cheeks --needle 0.25 --date 2026-11-20;  expect "a session" 0
DERMAPLAN_TODAY=2026-11-24 run log --area face --zone cheeks --needle 0.25 --date 2026-11-24
expect "a second day's write (takes the daily backup)" 0
[ "$(mode "$db")" = 600 ] && ok "database 0600" || bad "database mode $(mode "$db")"
[ "$(mode "$work/backups")" = 700 ] && ok "backups folder 0700" || bad "backups folder mode $(mode "$work/backups")"
for f in "$work"/backups/*.sqlite; do
  [ "$(mode "$f")" = 600 ] && ok "backup $(basename "$f") 0600" || bad "backup $(basename "$f") mode $(mode "$f")"
done
run export --format csv --output "$work/out.csv";   expect "csv export" 0
run export --format json --output "$work/out.json"; expect "json export" 0
run schedule --week 2026-W48 --format ics --output "$work/out.ics"; expect "ics export" 0
run schedule --week 2026-W48 --format pdf --output "$work/out.pdf"; expect "pdf export" 0
run backup "$work/copy.sqlite"; expect "backup command" 0
for f in out.csv out.json out.ics out.pdf copy.sqlite; do
  [ "$(mode "$work/$f")" = 600 ] && ok "$f 0600 under umask 022" || bad "$f mode $(mode "$work/$f")"
done

before=$(digest)
for target in "$db" "$db-wal" "$db-shm" "$work/backups/new.csv" "$work/./test.sqlite"; do
  run export --format csv --output "$target"
  expect "export onto $(basename "$target") is refused" 2 "--output"
done
run schedule --week 2026-W48 --format pdf --output "$db"; expect "pdf onto the database is refused" 2 "database"
run history --format csv --output "$db"; expect "history onto the database is refused" 2 "database"
ln -s "$db" "$work/link.sqlite"
run export --format json --output "$work/link.sqlite"; expect "export through a link to the database is refused" 2 "database"
[ "$(digest)" = "$before" ] && ok "the database is unchanged" || bad "the database changed"
run check; expect "check runs integrity_check and says so" 0 "integrity_check"
finish
