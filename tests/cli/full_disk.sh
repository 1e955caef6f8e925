#!/usr/bin/env bash
# Outputs say they were written only when they were: every output path checks every write and
# the final flush, exits non-zero naming the cause, and leaves no partial file under the final
# name. /dev/full stands for a disk that is full at the first byte; a small tmpfs (where this
# machine lets root mount one) for a disk that fills part way through.
CLI=$1; source "$(dirname "$0")/lib.sh"
full_dir="$work/full"
trap 'umount "$full_dir" 2>/dev/null; rm -rf "$work"' EXIT

"$CLI" --db "$db" plan add --template hair-minoxidil-home --start 2026-11-20 >/dev/null 2>&1
long=$(head -c 20000 /dev/zero | tr '\0' y)
for d in 01 03 05 07 09; do
  "$CLI" --db "$db" log --area body --needle 0.25 --date 2026-11-$d --notes "$long" >/dev/null 2>&1
done

for f in csv json; do
  run export --format $f --output /dev/full
  expect "export --format $f --output /dev/full fails" 1 "no space left on device"
done
for f in pdf ics; do
  run schedule --week 2026-W48 --format $f --output /dev/full
  expect "schedule --format $f --output /dev/full fails" 1 "no space left on device"
done
[ -c /dev/full ] && ok "/dev/full is written to, never replaced" || bad "/dev/full is no longer a device"

out=$("$CLI" --db "$db" export --format json 2>"$work/err" >/dev/full); rc=$?; err=$(cat "$work/err")
expect "export > /dev/full fails" 1 "standard output.*no space left on device"
out=$("$CLI" --db "$db" log --area face --needle 0.25 --date 2026-11-24 2>"$work/err" >/dev/full); rc=$?; err=$(cat "$work/err")
expect "log > /dev/full fails, saying the session itself was stored" 1 "standard output.*no space left on device.*carried out"
run history --area face; expect "the session logged with its id lost is in the history" 0 "2026-11-24"

# An export over an existing file that others could read ends owner-only.
printf 'old\n' > "$work/shared.json"; chmod 0644 "$work/shared.json"
run export --output "$work/shared.json"; expect "an export over an existing file" 0
[ "$(stat -c %a "$work/shared.json")" = 600 ] && ok "it ends owner-only" || bad "mode $(stat -c %a "$work/shared.json")"
grep -q '"sessions"' "$work/shared.json" && ok "with the new content" || bad "content: $(head -c 100 "$work/shared.json")"

mkdir -p "$full_dir"
if ! mount -t tmpfs -o size=96k tmpfs "$full_dir" 2>/dev/null; then
  echo "skip - no tmpfs could be mounted here: the part-way full disk is not tried"
  finish; exit
fi
head -c 40000 /dev/zero > "$full_dir/ballast" # leaves room for a little, not for a whole export
printf 'the export of last week\n' > "$full_dir/kept.json"
listing() { ls -A "$full_dir" | sort | tr '\n' ' '; }
before=$(listing)
run export --format json --output "$full_dir/kept.json"
expect "an export onto a disk that fills part way fails" 1 "kept.json.*no space left on device"
[ "$(cat "$full_dir/kept.json")" = "the export of last week" ] && ok "the file already there is as it was" || bad "kept.json changed"
run export --format csv --output "$full_dir/new.csv"
expect "a new CSV export onto a full disk fails" 1 "no space left on device"
[ "$(listing)" = "$before" ] && ok "no partial file is left, under any name" || bad "left behind: $(listing)"
out=$("$CLI" --db "$db" export --format csv 2>"$work/err" >"$full_dir/redirected.csv"); rc=$?; err=$(cat "$work/err")
expect "export > a file on a full disk fails" 1 "standard output.*no space left on device"
rm -f "$full_dir/redirected.csv"
head -c 50000 /dev/zero > "$full_dir/ballast2" 2>/dev/null # now nothing fits
for f in pdf ics; do
  run schedule --week 2026-W48 --format $f --output "$full_dir/week.$f"
  expect "schedule --format $f onto a full disk fails" 1 "no space left on device"
  [ ! -e "$full_dir/week.$f" ] && ok "no $f under the final name" || bad "a $f of $(stat -c %s "$full_dir/week.$f") bytes is there"
done

# The history itself on a disk that is full: the message says so, not "I/O error".
rm -f "$full_dir"/*
"$CLI" --db "$full_dir/history.sqlite" log --area face --needle 0.25 --date 2026-11-01 >/dev/null 2>&1
head -c 200000 /dev/zero > "$full_dir/ballast" 2>/dev/null
out=$("$CLI" --db "$full_dir/history.sqlite" log --area body --needle 0.25 --date 2026-11-12 --notes "$long" 2>"$work/err"); rc=$?; err=$(cat "$work/err")
expect "logging onto a full disk fails, saying the disk is full" 1 "disk is full \(no space left on device\)"
echo "$err" | grep -qiE "input/output|WAL" && bad "the cause is misnamed: $err" || ok "not as an I/O error"
finish
