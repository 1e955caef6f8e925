#!/usr/bin/env bash
# The edges of the rules a new user met (issue "Guidance you can trust"), through the real binary.
CLI=$1; source "$(dirname "$0")/lib.sh"
export DERMAPLAN_TODAY=2026-11-26
py() { python3 -c "$@"; }

# A professional 1.5 mm face session on 1 Nov, an overridden 0.25 mm one on 5 Nov.
run log --area face --zone cheeks --needle 1.5 --date 2026-11-01 --by professional
expect "a professional 1.5 mm session is recorded" 0
run log --area face --zone cheeks --needle 0.25 --date 2026-11-05 --override "my dermatologist said so"
expect "an overridden 0.25 mm session four days later is recorded" 0
run log --area face --zone cheeks --needle 1.0 --date 2026-11-26
expect "1.0 mm on 26 Nov is refused: the 1.5 mm window runs to 29 Nov" 3 "earliest allowed date: 2026-11-29"
run next --area face --zone cheeks --needle 1.0 --format json
echo "$out" | py 'import json,sys; d=json.load(sys.stdin)[0]; assert d["earliest_allowed_date"]=="2026-11-29" and not d["allowed_now"], d' \
  && ok "next --needle 1.0 says 29 Nov" || bad "next --needle 1.0: $out"
run next --area face
expect "next says the face is resting" 0 "face: .*resting: up to 0.5 mm from Sun 29 Nov · from 0.75 mm not with the under-eye zone"

# Two days after 0.25 mm: short needles are allowed, 1.0 mm waits 21 days.
run log --area neck --needle 0.25 --date 2026-11-24
expect "0.25 mm on the neck" 0
run next --area neck
expect "the neck: allowed now up to 0.3 mm, longer needles later" 0 "allowed now up to 0.3 mm · up to 0.5 mm from Tue 1 Dec"
run next --area neck --needle 1.0
expect "1.0 mm on the neck from 15 Dec" 0 "1.0 mm allowed from Tue 15 Dec"

# No zone ticked: the whole face, under-eye included.
run log --area body --needle 0.5 --date 2026-11-10
run log --area face --needle 0.75 --date 2026-11-26 --dry-run --by professional
expect "whole-face 0.75 mm meets the under-eye cap" 0 "whole face, the under-eye zone included"

# A 1.5 mm roller logged as a 0.5 mm session is judged as 1.5 mm.
run device add --name "Long roller" --needle 1.5 --first-use 2026-11-20
expect "device added" 0 "^1$"
run log --area body --zone thighs --needle 0.5 --date 2026-11-26 --device 1
expect "the device's needle counts: refused" 3 "1.5 mm.*professional only"
echo "$out$err" | grep -q "has 1.5 mm needles, but the session says 0.5 mm" \
  && ok "the mismatch is shown" || bad "mismatch not shown: $err"

# Pen cartridges are single-use.
run device add --name "Cartridge A" --kind pen --needle 0.25 --first-use 2026-11-20
run log --area scalp --needle 0.25 --date 2026-11-20 --device 2
expect "first use of a cartridge" 0
run log --area scalp --needle 0.25 --date 2026-11-23 --device 2
expect "a second use of the same cartridge is refused" 3 "single-use"

# The override reason is kept only when a rule was overridden.
run log --area scalp --needle 0.25 --date 2026-11-26 --override "just in case"
expect "an allowed session with an override text" 0
run history --area scalp --format json
echo "$out" | py 'import json,sys; r=[x for x in json.load(sys.stdin) if x["date"]=="2026-11-26"][0]; assert r["override_reason"]=="", r' \
  && ok "no override reason is stored when nothing was overridden" || bad "override stored: $out"

# The regimen floor: 0.5 mm on the scalp needs 7 days.
run plan add --area scalp --needle 0.5 --every 6 --start 2026-11-30
expect "every 6 days (minimum 7) is refused" 3 "at least 7 days"
run plan add --area scalp --needle 0.5 --every 7 --start 2026-11-30
expect "every 7 days is allowed" 0
run schedule --week 2026-W49
expect "the schedule carries the general advice" 0 "products meant for broken skin"
echo "$out" | grep -qi "safe" && bad "the schedule calls a date safe: $out" || ok "the schedule never says safe"
# An import is checked against every session on the area, and a row that breaks a rule is kept,
# flagged, and says which rule it broke.
db="$work/import.sqlite"
cat > "$work/old.csv" <<'CSV'
date,area,zones,needle_mm,performed_by,override_reason
2026-11-01,face,cheeks,1.5,professional,
2026-11-05,face,cheeks,0.25,self,my dermatologist said so
2026-11-26,face,cheeks,1.0,self,
CSV
run import "$work/old.csv"
expect "the import flags the row the 1.5 mm session holds back" 0 "1 flagged"
echo "$err" | grep -q "flagged: 2026-11-26 face 1.0 mm: .*2026-11-29" && ok "the flag names the rule and the date" || bad "flag: $err"
run history --format json
echo "$out" | py '
import json,sys; rows={r["date"]:r for r in json.load(sys.stdin)}
assert "2026-11-29" in rows["2026-11-26"]["rule_broken"], rows["2026-11-26"]
assert rows["2026-11-05"]["rule_broken"]=="" and rows["2026-11-01"]["rule_broken"]=="", rows' \
  && ok "history keeps the broken rule with the imported session" || bad "rule_broken: $out"
finish
