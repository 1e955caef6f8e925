#!/usr/bin/env bash
# Every flag given a bad value: a clear message naming the flag and the value, exit 2, and the
# database left byte-identical.
CLI=$1; source "$(dirname "$0")/lib.sh"

run log --area face --zone cheeks --needle 0.5 --date 2026-11-01 --notes seed
expect "seed session" 0
before=$(digest)

bad_case() { # NAME FLAG-PATTERN args...
  local name=$1 pattern=$2; shift 2
  run "$@"
  expect "$name" 2 "$pattern"
  [ "$(digest)" = "$before" ] || bad "$name left the database changed"
}

bad_case "unknown area"              "--area.*elbow"        log --area elbow --needle 0.5 --date 2026-11-20
bad_case "missing area"              "--area"               log --needle 0.5
bad_case "zone of another area"      "--zone.*crown"        log --area face --zone crown --needle 0.5 --date 2026-11-20
bad_case "needle not a number"       "--needle.*abc"        log --area face --needle abc --date 2026-11-20
bad_case "needle too long"           "--needle.*3.5"        log --area face --needle 3.5 --date 2026-11-20
bad_case "needle too short"          "--needle.*0.05"       log --area face --needle 0.05 --date 2026-11-20
bad_case "missing needle"            "--needle"             log --area face --date 2026-11-20
bad_case "date not a date"           "--date.*2026-13-01"   log --area face --needle 0.5 --date 2026-13-01
bad_case "date in the future"        "--date.*future"       log --area face --needle 0.5 --date 2026-12-01
bad_case "at malformed"              "--at.*2026-11-20 10"  log --area face --needle 0.5 --at "2026-11-20 10"
bad_case "date and at together"      "--date and --at"      log --area face --needle 0.5 --date 2026-11-20 --at 2026-11-20T10:00
bad_case "unknown performer"         "--by.*nurse"          log --area face --needle 0.5 --date 2026-11-20 --by nurse
bad_case "pain out of range"         "--pain.*11"           log --area face --needle 0.5 --date 2026-11-20 --pain 11
bad_case "pain not a number"         "--pain.*lots"         log --area face --needle 0.5 --date 2026-11-20 --pain lots
bad_case "unknown device"            "--device.*99"         log --area face --needle 0.5 --date 2026-11-20 --device 99
bad_case "device not a number"       "--device.*x"          log --area face --needle 0.5 --date 2026-11-20 --device x
bad_case "unknown checklist item"    "--contra.*headache"   log --area face --needle 0.5 --date 2026-11-20 --contra headache
bad_case "empty override reason"     "--override"           log --area face --needle 0.5 --date 2026-11-20 --override " "
bad_case "unknown option"            "unknown option.*colour" log --area face --needle 0.5 --colour red
bad_case "history bad format"        "--format.*xml"        history --format xml
bad_case "history bad from"          "--from.*yesterday"    history --from yesterday
bad_case "history unknown area"      "--area"               history --area elbow
bad_case "next bad needle"           "--needle"             next --needle 9
bad_case "plan add below zero"       "--every.*-3"          plan add --area scalp --needle 0.5 --every -3 --start 2026-11-24
bad_case "plan add bad start"        "--start.*soon"        plan add --area scalp --needle 0.5 --every 14 --start soon
bad_case "plan add bad weeks"        "--weeks.*0"           plan add --area scalp --needle 0.5 --every 14 --weeks 0
bad_case "plan add unknown template" "--template.*magic"    plan add --template magic
bad_case "plan add missing every"    "--every"              plan add --area scalp --needle 0.5
bad_case "plan remove bad id"        "ID.*x"                plan remove x
bad_case "plan remove unknown id"    "no regimen"           plan remove 42
bad_case "schedule bad week"         "--week.*2026-W60"     schedule --week 2026-W60
bad_case "schedule bad format"       "--format.*ical"       schedule --week 2026-W48 --format ical
bad_case "schedule half a range"     "--from and --to"      schedule --from 2026-11-23
bad_case "device add no name"        "--name"               device add --needle 0.5
bad_case "device add bad kind"       "--kind.*brush"        device add --name A --needle 0.5 --kind brush
bad_case "device clean unknown"      "no device"            device clean 7
bad_case "device retire bad date"    "--date.*never"        device retire 1 --date never
bad_case "export bad format"         "--format.*xls"        export --format xls
bad_case "import missing file"       "nope.csv"             import "$work/nope.csv"
bad_case "unknown command"           "unknown command.*fly" fly
bad_case "plan without action"       "needs an action"      plan
bad_case "global --db without path"  "--db"                 --db

# Today itself must be a valid date.
out=$(DERMAPLAN_TODAY=tomorrow "$CLI" --db "$db" history 2>&1); rc=$?
[ $rc -eq 2 ] && echo "$out" | grep -q "DERMAPLAN_TODAY" && ok "bad DERMAPLAN_TODAY is named" || bad "bad DERMAPLAN_TODAY (exit $rc): $out"
[ "$(digest)" = "$before" ] && ok "database unchanged after every bad input" || bad "database changed"
finish
