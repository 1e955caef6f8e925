#!/usr/bin/env bash
# System calls made to fail (strace's fault injection): a backup name only ever holds a whole,
# checked file, and a failure is named by its cause.
CLI=$1; source "$(dirname "$0")/lib.sh"
if ! strace -qq -o /dev/null true 2>/dev/null; then
  echo "skip - strace cannot trace here: the injected faults are not tried"; finish; exit
fi
inject() { strace -f -qq -o /dev/null "$@"; }
backups="$work/backups"
DERMAPLAN_TODAY=2026-11-20 "$CLI" --db "$db" log --area face --needle 0.25 --date 2026-11-20 >/dev/null 2>&1
sessions() { sqlite3 "$db" "SELECT COUNT(*) FROM sessions"; }
before=$(sessions)

# The rename that publishes today's backup fails: no copy takes its name some other way.
out=$(inject -e inject=renameat2:error=EIO -e inject=rename:error=EIO "$CLI" --db "$db" log --area scalp --needle 0.25 2>"$work/err"); rc=$?; err=$(cat "$work/err")
expect "a backup that cannot be given its name stops the write" 1 "daily backup failed.*input/output error"
[ ! -e "$backups/dermaplan-2026-11-24.sqlite" ] && ok "nothing has the backup's name" || bad "a file has the backup's name: $(ls -la "$backups")"
[ -z "$(ls -A "$backups" | grep partial)" ] && ok "no partial copy is left" || bad "left: $(ls -A "$backups")"
[ "$(sessions)" = "$before" ] && ok "nothing was written" || bad "sessions: $(sessions), before $before"

# A file system without RENAME_NOREPLACE: the backup is published by a hard link instead.
run log --area scalp --needle 0.25 # (first a clean run, for comparison)
rm -f "$backups/dermaplan-2026-11-24.sqlite"; db2="$work/second.sqlite"; cp "$db" "$db2"
out=$(DERMAPLAN_TODAY=2026-11-25 inject -e inject=renameat2:error=EINVAL "$CLI" --db "$db" log --area body --needle 0.25 2>"$work/err"); rc=$?; err=$(cat "$work/err")
expect "without RENAME_NOREPLACE the write goes on" 0
[ "$(sqlite3 "$backups/dermaplan-2026-11-25.sqlite" "PRAGMA integrity_check" 2>&1)" = ok ] && ok "and the backup under its name is whole" || bad "backup: $(ls -la "$backups")"
finish
