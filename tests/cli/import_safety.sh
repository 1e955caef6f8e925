#!/usr/bin/env bash
# Imports that cannot double history, mislink devices or plant spreadsheet formulas.
CLI=$1; source "$(dirname "$0")/lib.sh"
py() { python3 -c "$@"; }

run device add --name "My roller" --needle 0.25;  expect "a local device 1" 0 "^1$"
cat > "$work/hand.csv" <<'CSV'
date,area,zones,needle_mm,device_id,notes
2026-11-01,scalp,crown,0.25,1,from a spreadsheet
2026-11-10,scalp,crown,0.25,,second
CSV
run import "$work/hand.csv"
expect "a uuid-less CSV imports" 0 "2 session\(s\) imported"
echo "$err" | grep -q "device links of 1 session(s) were dropped" && ok "device ids from a file without devices are dropped, with a note" || bad "device note: $err"
run history --format json
echo "$out" | py 'import json,sys; r=json.load(sys.stdin); assert all(x["device_id"] is None for x in r), r' \
  && ok "no session is linked to the local device 1" || bad "linked: $out"
run import "$work/hand.csv"
expect "importing the same uuid-less file again adds nothing" 0 "0 session\(s\) imported, 2 already present"
[ "$("$CLI" --db "$db" history --format json | py 'import json,sys; print(len(json.load(sys.stdin)))')" = 2 ] \
  && ok "still two sessions" || bad "sessions doubled"

run log --area face --zone cheeks --needle 0.25 --date 2026-11-20 --notes "=HYPERLINK(\"http://x\")" --reaction "+1 red" --products "@sum" --override "-just because"
expect "a session whose texts look like formulas" 0
run export --format csv --output "$work/out.csv"; expect "csv export" 0
grep -q "'=HYPERLINK" "$work/out.csv" && grep -q ",'+1 red," "$work/out.csv" && grep -q ",'@sum," "$work/out.csv" \
  && ok "formula-leading cells are neutralised for spreadsheets" || bad "export: $(cat "$work/out.csv")"
db="$work/second.sqlite"
run import "$work/out.csv"; expect "the export imports into a new database" 0
run history --format json
echo "$out" | py '
import json,sys; r=[x for x in json.load(sys.stdin) if x["area"]=="face"][0]
assert r["notes"]=="=HYPERLINK(\"http://x\")" and r["reaction"]=="+1 red" and r["products"]=="@sum", r' \
  && ok "import takes the neutralising quote off again" || bad "round trip: $out"

# A spreadsheet saved in German or Spanish: ';' between fields, decimal commas.
db="$work/spreadsheet.sqlite"
printf '\xef\xbb\xbfdate;area;needle_mm;notes\r\n2026-11-01;face;0,5;"erste; Sitzung"\r\n2026-11-20;scalp;0,25;segunda\r\n' > "$work/de.csv"
run import "$work/de.csv"; expect "a German spreadsheet's CSV is imported" 0 "2 session\(s\) imported"
run history --format json
echo "$out" | py '
import json,sys; r=json.load(sys.stdin)
assert [x["needle_mm"] for x in r]==[0.5,0.25] and r[0]["notes"]=="erste; Sitzung", r' \
  && ok "with its decimal commas and quoted text" || bad "read as: $out"
run export --format csv --delimiter ';' --output "$work/out.csv"; expect "export --delimiter ';'" 0
grep -q ';face;;0,5;self;' "$work/out.csv" && ok "writes ';' and decimal commas" || bad "wrote: $(head -3 "$work/out.csv")"
db="$work/reimported.sqlite"; run import "$work/out.csv"; expect "and that file imports back" 0 "2 session\(s\) imported"
run import --delimiter , "$work/de.csv"; expect "a delimiter given that the file does not use" 2 "de.csv:1: date: the column is missing"
run export --format csv --delimiter '|'; expect "an unknown delimiter is refused by name" 2 "--delimiter: '\|' is not"
run export --delimiter ';'; expect "--delimiter with JSON is refused" 2 "--delimiter: is for CSV only"
finish
