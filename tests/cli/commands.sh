#!/usr/bin/env bash
# Each command doing its job through the real binary.
CLI=$1; source "$(dirname "$0")/lib.sh"
py() { python3 -c "$@"; }

run --version;                         expect "--version prints the version" 0 "dermaplan-cli [0-9]"
run --help;                            expect "--help lists the commands" 0 "schedule"
for c in log history next "plan add" "plan list" "plan end" "plan remove" templates schedule \
         "device add" "device list" "device clean" "device retire" export import backup restore check rules areas; do
  run $c --help; expect "'$c --help' is the command's own help" 0 "Usage: dermaplan-cli \[--db PATH\] $c"
done

run device add --name "Face roller" --needle 0.5 --count 540 --first-use 2026-11-01
expect "device add prints the id" 0 "^1$"
run log --area face --needle 0.25 --date 2026-11-02 --device 1 --dry-run
expect "a device never cleaned gets advice" 0 "has no cleaning recorded: clean it before its first use"
run device clean 1 --at 2026-11-01T09:00; expect "device clean before its first use" 0
run log --area face --zone cheeks,forehead --needle 0.5 --at 2026-11-02T20:30 --device 1 --pain 2 --notes 'a, "quoted" note'
expect "log with a device and a time" 0 "^1$"
run history --format json
echo "$out" | py '
import json,sys; r=json.load(sys.stdin)[0]
assert r["zones"]==["cheeks","forehead"] and r["time"]=="20:30" and r["device_id"]==1 and r["notes"]=="a, \"quoted\" note", r' \
  && ok "history json keeps zones, time, device, notes" || bad "history json fields: $out"
run history --format csv
echo "$out" | head -1 | grep -q "^uuid,date,time,area" && ok "history csv has a header" || bad "csv header: $out"
run history;                            expect "history table shows the session" 0 "2026-11-02.*face"
run history --area scalp --format json; [ "$(echo "$out" | py 'import json,sys; print(len(json.load(sys.stdin)))')" = 0 ] && ok "history filters by area" || bad "history --area"
run history --from 2026-11-03 --format json; [ "$(echo "$out" | py 'import json,sys; print(len(json.load(sys.stdin)))')" = 0 ] && ok "history filters by date" || bad "history --from"
run next;                               expect "next in text" 0 "face: last 2026-11-02 with 0.5 mm; allowed now up to 0.5 mm · from 0.75 mm not with the under-eye zone \\(at most 0.5 mm\\) · from 1.5 mm only with a professional"
# Readiness never calls a needle allowed that the check refuses (issue 24): 2.5 mm is for a
# professional only, 1.0 mm not on a whole face (the under-eye zone), whatever the date.
run next --area face --needle 2.5;      expect "next never offers a professional-only needle" 0 "face: .*; not allowed: 2.5 mm only with a professional$"
run log --area face --needle 2.5 --dry-run; expect "and log refuses it" 3 "for a professional only"
run next --area face --needle 1.0;      expect "1.0 mm is not allowed on the whole face" 0 "not allowed: 1.0 mm not with the under-eye zone \(at most 0.5 mm\); without it, 1.0 mm allowed now"
run next --area face --needle 1.0 --zone cheeks; expect "1.0 mm on the cheeks is a matter of days" 0 "face: .*; 1.0 mm allowed now"
run next --area face --needle 2.5 --by professional; expect "a professional's 2.5 mm follows the intervals" 0 "2.5 mm allowed from Mon 30 Nov"
run next --area face --needle 2.5 --format json
echo "$out" | py 'import json,sys; d=json.load(sys.stdin)[0]; assert not d["allowed_now"] and "professional only" in d["refused"] and d["earliest_allowed_date"] is None and d["earliest_safe_date"] is None, d' \
  && ok "next json says why a needle is refused" || bad "next json refused: $out"
run next --zone cheeks;                 expect "next --zone needs --area" 2 "--zone: needs --area"
run next --area face --device 1;        expect "next with the 0.5 mm roller" 0 "face: .*; allowed now up to 0.5 mm"
run next --area face --device 0;        expect "next --device names a device id" 2 "--device"
run next --area face --zone crown;       expect "next --zone names a zone of the area" 2 "--zone"
run next; echo "$out" | grep -qi "safe" && bad "next never calls a date safe: $out" || ok "next never calls a date safe"
run next --area face --needle 1.0 --zone cheeks --format json
echo "$out" | py 'import json,sys; d=json.load(sys.stdin); assert len(d)==1 and d[0]["earliest_safe_date"]=="2026-11-23" and d[0]["earliest_allowed_date"]=="2026-11-23" and d[0]["needle_mm"]==1.0 and d[0]["allowed_now"] and d[0]["refused"] is None, d' \
  && ok "next with a longer needle waits for its minimum" || bad "next --needle: $out"
run next --area face --format json
echo "$out" | py '
import json,sys; d=json.load(sys.stdin)
assert [x["needle_mm"] for x in d]==[0.2,0.25,0.3,0.5,0.75,1.0,1.5,2.0,2.5], d
by={x["needle_mm"]:x for x in d}
assert by[0.5]["earliest_allowed_date"]=="2026-11-09" and by[0.5]["recommended_date"]=="2026-11-16", by[0.5]
assert by[1.5]["earliest_allowed_date"] is None and by[1.5]["refused"] and not by[1.5]["allowed_now"], by[1.5]' \
  && ok "next --format json has one entry per needle size" || bad "next json per needle: $out"
run device list --format json
echo "$out" | py 'import json,sys; d=json.load(sys.stdin)[0]; assert d["uses"]==1 and d["replace_by"]=="2026-12-13", d' \
  && ok "device list counts uses and gives replace-by" || bad "device list: $out"
run device clean 1 --at 2026-11-02T21:00; expect "device clean" 0
run device list;                        expect "device list shows the cleaning" 0 "last cleaned 2026-11-02 21:00"

# Device wear: 10 uses logged, the 11th is refused.
for d in 05 08 11 14 17 20 21 22 23; do "$CLI" --db "$db" log --area body --needle 0.5 --date 2026-11-$d --device 1 --override wear-test >/dev/null 2>&1; done
run log --area scalp --needle 0.5 --date 2026-11-24 --device 1
expect "a worn roller is refused" 3 "used 10 times"
run device retire 1 --date 2026-11-24;  expect "device retire" 0
run device list;                        expect "retired devices are hidden" 0 "No devices"
run device list --all;                  expect "device list --all shows retired" 0 "retired 24 Nov 2026"

run templates;                          expect "templates list the guide's protocols" 0 "hair-minoxidil-home"
run plan add --template hair-minoxidil-home --start 2026-11-24
expect "plan add from a template" 0 "^1$"
run plan add --area face --needle 0.5 --every 10 --start 2026-11-26 --weeks 4
expect "a cadence under the default is advised" 0 "recommended"
run plan list --format json
echo "$out" | py 'import json,sys; d=json.load(sys.stdin); assert len(d)==2 and d[0]["every_days"]==14 and d[0]["template"]=="hair-minoxidil-home", d' \
  && ok "plan list json" || bad "plan list: $out"
run schedule --week 2026-W48 --format html
expect "schedule html" 0 "<html.*Thursday"
echo "$out" | grep -q "Scalp · 0.5 mm" && ok "html names the planned session" || bad "html lacks the session"
run schedule;                          expect "schedule without a range is this week" 0 "^Dermaplan · Week of 23–29 November 2026"
run schedule --from 2026-11-24 --to 2026-11-30 --output "$work/s.txt"
expect "schedule to a file" 0
grep -q "No makeup" "$work/s.txt" && ok "schedule carries aftercare" || bad "schedule aftercare: $(cat "$work/s.txt")"
run plan end 2 --date 2026-11-23;       expect "plan end" 0
run plan list;                          expect "ended regimens are hidden by default" 0 "hair"
echo "$out" | grep -q "every 10 days" && bad "ended regimen still listed" || ok "ended regimen not listed"
run plan remove 2;                      expect "plan remove" 0
run plan list --all --format json
[ "$(echo "$out" | py 'import json,sys; print(len(json.load(sys.stdin)))')" = 1 ] && ok "removed regimen is gone" || bad "plan remove: $out"

run rules --format json
echo "$out" | py '
import json,sys; d=json.load(sys.stdin); ids={s["id"] for s in d["sources"]}
used=[s for r in d["intervals"] for s in r["sources"]]+[s for c in d["contraindications"] for s in c["sources"]]
assert used and all(s in ids for s in used)' && ok "every rule source resolves" || bad "rules json sources"
run rules;                              expect "rules in plain words" 0 "Recovery intervals"
run areas --format json
echo "$out" | py 'import json,sys; d={a["id"]:[z["id"] for z in a["zones"]] for a in json.load(sys.stdin)}; assert "under-eye" in d["face"] and "crown" in d["scalp"], d' \
  && ok "areas json lists zones" || bad "areas: $out"

# Export and import round trip: nothing duplicated, everything back.
run pause add --from 2026-12-20 --to 2027-01-03 --area face --reason Holiday; expect "pause add" 0
run product add --name "Hyaluronic serum" --kind serum --broken-skin yes; expect "product add" 0
run export --format json --output "$work/all.json";  expect "export json" 0
run export --format csv --output "$work/all.csv";    expect "export csv" 0
n=$("$CLI" --db "$db" history --format json | py 'import json,sys; print(len(json.load(sys.stdin)))')
run import "$work/all.json";             expect "re-import adds nothing" 0 "0 session\(s\) imported, $n already present"
db2="$work/other.sqlite"
out=$("$CLI" --db "$db2" import "$work/all.csv" 2>&1); [ $? -eq 0 ] && ok "import csv into a new database" || bad "import csv: $out"
a=$("$CLI" --db "$db" history --format json | py 'import json,sys; print(sorted((r["uuid"],r["date"],r["notes"]) for r in json.load(sys.stdin)))')
b=$("$CLI" --db "$db2" history --format json | py 'import json,sys; print(sorted((r["uuid"],r["date"],r["notes"]) for r in json.load(sys.stdin)))')
[ "$a" = "$b" ] && ok "csv round trip keeps uuid, date and notes" || bad "csv round trip differs"
run import --dry-run "$work/all.csv";    expect "import dry run" 0 "dry run"
# A JSON export carries regimens and devices too; importing it elsewhere keeps the device links.
db3="$work/third.sqlite"
out=$("$CLI" --db "$db3" import "$work/all.json" 2>&1); [ $? -eq 0 ] && ok "import a json export into a new database" || bad "import json: $out"
"$CLI" --db "$db3" export --format json | py '
import json,sys; d=json.load(sys.stdin)
assert len(d["regimens"]) >= 1 and len(d["devices"]) == 1, (len(d["regimens"]), len(d["devices"]))
dev = d["devices"][0]["id"]
linked = [s for s in d["sessions"] if s["device_id"] is not None]
assert linked and all(s["device_id"] == dev for s in linked), linked
assert [c["cleaned_at"] for c in d["cleanings"]] == ["2026-11-01T09:00", "2026-11-02T21:00"], d["cleanings"]
assert all(c["device_id"] == dev for c in d["cleanings"]), d["cleanings"]
assert [(p["from"], p["to"], p["area"]) for p in d["pauses"]] == [("2026-12-20", "2027-01-03", "face")], d["pauses"]
assert [(p["name"], p["kind"], p["broken_skin"]) for p in d["products"]] == [("Hyaluronic serum", "serum", "yes")], d["products"]' \
  && ok "json import brings regimens, devices, device links, cleanings, pauses and products" || bad "json import lost records"
out=$("$CLI" --db "$db3" import "$work/all.json" 2>&1)
echo "$out" | grep -q "0 session(s) imported.*also imported: nothing else (already present: 1 device, .*2 cleanings, 1 pause, 1 product)" && ok "re-importing the json adds nothing" || bad "re-import json: $out"

run backup "$work/b1.sqlite";            expect "backup" 0
run backup "$work/b1.sqlite";            expect "backup refuses to overwrite" 2 "already exists"
run log --area neck --needle 0.25 --date 2026-11-24; expect "one more session" 0
run restore "$work/b1.sqlite";           expect "restore" 0 "restored"
[ -f "$work/b1.sqlite" ] && ok "restore keeps the backup it restored from" || bad "backup file gone"
run history --area neck --format json
[ "$(echo "$out" | py 'import json,sys; print(len(json.load(sys.stdin)))')" = 0 ] && ok "restore brought back the earlier state" || bad "restore: $out"
ls "$work"/backups/set-aside/dermaplan-before-restore-* >/dev/null 2>&1 && ok "restore set the current history aside first" || bad "no before-restore copy in $work/backups/set-aside"
run check;                               expect "check" 0 "^ok: "
finish
