#!/usr/bin/env bash
# iCalendar export checked by an independent parser (Debian's python3-icalendar): all-day events,
# summaries, reminders, and UIDs that stay put when re-exported (so phones update, not duplicate).
CLI=$1; source "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3   # Debian's python, where python3-icalendar is installed
$PY -c "import icalendar" 2>/dev/null || { echo "SKIP: python3-icalendar missing"; exit 77; }
run plan add --template hair-minoxidil-home --start 2026-11-24;  expect "plan scalp" 0
run schedule --from 2026-11-24 --to 2027-02-28 --format ics --output "$work/a.ics"; expect "export ics" 0
run schedule --from 2026-11-24 --to 2027-02-28 --format ics --output "$work/b.ics"; expect "export again" 0
check() { $PY - "$@" <<'PY'
import sys, icalendar
def events(path):
    cal = icalendar.Calendar.from_ical(open(path, 'rb').read())
    assert str(cal['VERSION']) == '2.0' and 'PRODID' in cal
    return {str(e['UID']): e for e in cal.walk('VEVENT')}
mode, *paths = sys.argv[1:]
a = events(paths[0])
if mode == 'shape':
    assert len(a) == 6, len(a)          # 12 weeks every 14 days from 2026-11-24
    for e in a.values():
        start = e['DTSTART'].dt
        assert type(start).__name__ == 'date', start          # all-day
        assert str(e['SUMMARY']) == 'Scalp · 0.5 mm', e['SUMMARY']
        assert 'Aftercare' in str(e['DESCRIPTION'])
        # The two lines every schedule carries, with their sources' names.
        assert 'products meant for broken skin' in str(e['DESCRIPTION']), e['DESCRIPTION']
        assert 'see a doctor' in str(e['DESCRIPTION']), e['DESCRIPTION']
        assert 'safe' not in str(e['DESCRIPTION']).lower().replace('safety', ''), e['DESCRIPTION']
        alarms = e.walk('VALARM')
        assert len(alarms) == 1 and str(alarms[0]['ACTION']) == 'DISPLAY'
    assert min(e['DTSTART'].dt for e in a.values()).isoformat() == '2026-11-24'
elif mode == 'same':
    b = events(paths[1])
    assert set(a) == set(b), (set(a) ^ set(b))
    assert all(a[u]['DTSTART'].dt == b[u]['DTSTART'].dt for u in a)
elif mode == 'moved':
    b = events(paths[1])
    # the first session was done (late); its UID is gone, the next ones moved, none duplicated
    assert len(set(b) - set(a)) == 0, set(b) - set(a)
    moved = [u for u in b if a[u]['DTSTART'].dt != b[u]['DTSTART'].dt]
    assert moved, 'later sessions should follow the late one'
PY
}
check shape "$work/a.ics" && ok "parses: all-day events, summaries, aftercare, one reminder each" || bad "ics shape"
check same "$work/a.ics" "$work/b.ics" && ok "re-export keeps every UID and date" || bad "UIDs changed"
export DERMAPLAN_TODAY=2026-11-27
run log --area scalp --needle 0.5 --date 2026-11-27; expect "the first session, 3 days late" 0
run schedule --from 2026-11-24 --to 2027-02-28 --format ics --output "$work/c.ics"; expect "export after logging" 0
export DERMAPLAN_TODAY=2026-11-24
check moved "$work/a.ics" "$work/c.ics" && ok "after a late session events move instead of duplicating" || bad "ics after logging"
run schedule --from 2026-11-24 --to 2027-02-28 --format ics --no-reminder
echo "$out" | grep -q VALARM && bad "--no-reminder still has alarms" || ok "--no-reminder leaves alarms out"
run schedule --week 2026-W48 --format ics --reminder 7pm; expect "bad reminder time" 2 "--reminder"
printf '%s' "$(cat "$work/a.ics")" | grep -q $'\r$' && ok "lines end in CRLF" || bad "lines do not end in CRLF"
finish
