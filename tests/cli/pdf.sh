#!/usr/bin/env bash
# The printed week as a PDF from the CLI: one page, every day, the planned sessions; the same at
# screen scale factors 1, 1.25 and 2 (a PDF must not depend on the screen).
CLI=$1; source "$(dirname "$0")/lib.sh"
run plan add --template hair-minoxidil-home --start 2026-11-24;  expect "plan scalp" 0
run plan add --template product-absorption --start 2026-11-25;   expect "plan face" 0
run log --area face --zone cheeks --needle 0.25 --at 2026-11-22T20:00; expect "log face" 0
first=""
for scale in 1 1.25 2; do
  out=$(QT_SCALE_FACTOR=$scale "$CLI" --db "$db" schedule --week 2026-W48 --format pdf --output "$work/w$scale.pdf" --title "Alex" 2>&1); rc=$?
  expect "pdf at scale $scale" 0
  pages=$(pdfinfo "$work/w$scale.pdf" | awk '/^Pages:/ {print $2}')
  [ "$pages" = 1 ] && ok "one page at scale $scale" || bad "$pages pages at scale $scale"
  text=$(pdftotext -layout "$work/w$scale.pdf" -)
  missing=""
  for word in Monday Tuesday Wednesday Thursday Friday Saturday Sunday "Scalp · 0.5 mm" "Face · 0.25 mm" \
              "No makeup" "When each area is allowed again" "products meant for broken skin" "Cleaning the roller" "Alex" "Week of 23–29 November 2026"; do
    echo "$text" | grep -qF "$word" || missing="$missing [$word]"
  done
  [ -z "$missing" ] && ok "pdf text at scale $scale has every day and session" || bad "pdf text lacks$missing"
  [ -z "$first" ] && first=$text
  [ "$text" = "$first" ] && ok "same text at scale $scale" || bad "text differs at scale $scale"
done
pdftoppm -png -gray -r 50 "$work/w1.pdf" "$work/page" && [ -s "$work/page-1.png" ] && ok "renders to a greyscale PNG" || bad "pdftoppm failed"
# A week across two years, with a long name beside it: the title is made smaller, never cut at
# the page's edge (nothing is drawn in the 12 mm right margin).
run schedule --week 2026-W53 --format pdf --output "$work/long.pdf" --title "Alexandra Papadopoulou-Schmidt"
expect "pdf of the week across the new year" 0
pdftoppm -gray -r 40 "$work/long.pdf" "$work/long"
python3 - "$work/long-1.pgm" <<'PY' && ok "the long title stays inside the page's margins" || bad "the title runs into the margin"
import sys
data = open(sys.argv[1], 'rb').read()
parts = data.split(maxsplit=4)  # P5, width, height, maxval, pixels
w, h = int(parts[1]), int(parts[2]); pixels = parts[4][-w * h:]
margin = int(w * 10 / 210)  # 10 of the 12 mm margin on an A4 page
dark = [(x, y) for y in range(h) for x in range(w - margin, w) if pixels[y * w + x] < 200]
sys.exit(1 if dark else 0)
PY
text=$(pdftotext -layout "$work/long.pdf" -)
echo "$text" | grep -qF "Week of 28 December 2026 – 3 January 2027" && echo "$text" | grep -qF "Papadopoulou-Schmidt" \
  && ok "the whole title and name are on the page" || bad "long title: $text"
run schedule --week 2026-W48 --format pdf;  expect "pdf without --output is refused" 2 "--output"
run schedule --week 2026-W48 --format pdf --output /nonexistent/dir/w.pdf;  expect "unwritable pdf path fails" 1 "nonexistent"
# Only PDF output needs Qt GUI, from a module loaded on demand: no other command loads it.
ldd "$CLI" | grep -q libQt6Gui && bad "dermaplan-cli links Qt GUI" || ok "dermaplan-cli links no Qt GUI"
mkdir -p "$work/bare/bin" && cp "$CLI" "$work/bare/bin/"
out=$("$work/bare/bin/dermaplan-cli" --db "$db" schedule --week 2026-W48 --format pdf --output "$work/bare.pdf" 2>&1); rc=$?
expect "pdf without its module fails, naming it" 1 "dermaplan-pdf.*reinstall"
[ ! -e "$work/bare.pdf" ] && ok "no pdf written without the module" || bad "a pdf was written without the module"
out=$("$work/bare/bin/dermaplan-cli" --db "$db" next 2>&1); rc=$?
expect "other commands work without the module" 0 "face: last"
finish
