#!/usr/bin/env bash
# Starts the real app under Xvfb on a demo database and saves a screenshot of each page into
# docs/screenshots/. Needs a build (scripts/run.sh or scripts/test.sh) and xvfb, xdotool and
# imagemagick (scripts/setup-deps.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-deps.sh
cli=build/bin/dermaplan-cli app=build/bin/dermaplan out=docs/screenshots
[ -x "$cli" ] && [ -x "$app" ] || { echo "build first: cmake --build --preset default" >&2; exit 1; }
mkdir -p "$out"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export DERMAPLAN_TODAY=2026-11-24 XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" LANG=en_GB.UTF-8
db="$work/demo.sqlite"
c() { "$cli" --db "$db" "$@" >/dev/null 2>&1 || true; }

# A month of believable history.
c device add --name "Face roller" --needle 0.25 --count 540 --first-use 2026-10-20
c device add --name "Scalp roller" --needle 0.5 --count 192 --first-use 2026-10-25
c device clean 1 --at 2026-11-21T21:00
c plan add --template hair-minoxidil-home --start 2026-10-27
c product add --name "Hyaluronic serum" --kind serum --broken-skin yes
c product add --name "Vitamin C serum" --kind vitamin-c --broken-skin no
c product add --name "Tretinoin cream" --kind retinoid
c plan add --template product-absorption --start 2026-11-13
c log --area scalp --zone crown,hairline --needle 0.5 --at 2026-10-27T21:00 --device 2 --pain 3 --notes "with minoxidil the next day"
c log --area scalp --zone crown,hairline --needle 0.5 --at 2026-11-10T21:15 --device 2 --pain 2
c log --area face --zone cheeks,forehead --needle 0.25 --at 2026-11-15T20:30 --device 1 --pain 1 --products "hyaluronic serum"
c log --area face --zone cheeks,forehead --needle 0.25 --at 2026-11-18T20:30 --device 1 --pain 1 --reaction "mild redness, gone by morning"
c log --area face --zone cheeks --needle 0.25 --at 2026-11-21T20:45 --device 1 --pain 1
c log --area face --needle 0.5 --date 2026-11-23 --override "dermatologist suggested one 0.5 mm session" --notes "checked with my dermatologist"
# How the skin was: the 18 Nov session's redness was gone by the 72 h check; the 21 Nov
# session's 72 h check and the 23 Nov session's 24 h check are due today.
c followup 4 --state redness --date 2026-11-19 --notes "mild, gone by evening"
c followup 4 --state fine --date 2026-11-21
c followup 5 --state fine --date 2026-11-22
# A weekend away: the face's planned session moves past it.
c pause add --from 2026-11-27 --to 2026-11-29 --reason "Weekend away"

shoot() { # WIDTHxHEIGHT PAGE-INDEX NAME [xdotool actions...]
  local size=$1 page=$2 name=$3; shift 3
  local crop=$size; [ "$size" = 1366x768 ] && crop=1100x720 # the window's default size
  mkdir -p "$XDG_CONFIG_HOME/dermaplan"
  printf '[window]\npage=%s\n[preferences]\ntheme=%s\nreminders=%s\n' "$page" "${THEME:-0}" "${REMINDERS:-false}" > "$XDG_CONFIG_HOME/dermaplan/dermaplan.conf"
  # No window manager: the window opens at the top left, sized to fit the screen.
  xvfb-run -a -s "-screen 0 ${size}x24" bash -c '
    "$0" --db "$1" & pid=$!
    sleep 3
    shift 1
    if [ $# -gt 0 ]; then xdotool "$@"; sleep 2; fi
    import -window root -crop "'"$crop"'+0+0" "'"$out/$name.png"'"
    kill $pid; wait $pid' "$app" "$db" "$@" 2>/dev/null
  echo "$out/$name.png"
}
# The pages at a common laptop size; Today and logging also at the smallest size we support.
for size in 1366x768 800x600; do
  suffix=""; [ "$size" = 800x600 ] && suffix="-800x600"
  shoot "$size" 0 "today$suffix"
  shoot "$size" 0 "log-session$suffix" mousemove 75 130 click 1
  # File > Print Preview (Alt+F, V): the printed week, fitted to the screen.
  shoot "$size" 0 "print-preview$suffix" mousemove 20 8 click 1 sleep 1 key v
done
# Reminders turned on, on a desktop without a tray: the banner above the pages.
REMINDERS=true shoot 1366x768 0 reminders-banner
shoot 1366x768 1 history
shoot 1366x768 2 plan
shoot 1366x768 3 devices
shoot 1366x768 4 insights
shoot 800x600 4 insights-800x600
# The dark theme (Edit > Preferences), on every page.
export THEME=2
shoot 1366x768 0 today-dark
shoot 1366x768 0 log-session-dark mousemove 75 130 click 1
shoot 1366x768 1 history-dark
shoot 1366x768 2 plan-dark
shoot 1366x768 3 devices-dark
shoot 1366x768 4 insights-dark
unset THEME

# Insights on a new logbook (a roller and a regimen from today): the charts without figures say
# in words what will appear there.
new="$work/new.sqlite"
"$cli" --db "$new" device add --name "Face roller" --needle 0.25 >/dev/null
"$cli" --db "$new" plan add --template product-absorption --start 2026-11-24 >/dev/null
db="$new" shoot 1366x768 4 insights-new

# The printed week, as the PDF reads on paper.
"$cli" --db "$db" schedule --week 2026-W48 --format pdf --output "$work/week.pdf" --title "Alex"
pdftoppm -png -r 80 -singlefile "$work/week.pdf" "$out/printed-week"
echo "$out/printed-week.png"
