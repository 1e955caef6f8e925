#!/usr/bin/env bash
# Regenerates resources/translations/dermaplan_en.ts: the English plural forms of every
# "%n ...(s)" message in core/, ui/ and app/ (lupdate finds them; "(s)" becomes "" and "s").
# Run it after adding or changing such a message.
#   scripts/update-translations.sh           rewrite the file
#   scripts/update-translations.sh --check   fail (exit 1) if the file is out of date (a ctest test)
set -euo pipefail
cd "$(dirname "$0")/.."
target=resources/translations/dermaplan_en.ts
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
tmp="$dir/all.ts"
/usr/lib/qt6/bin/lupdate -silent core ui app -ts "$tmp" -no-obsolete -locations none -target-language en_US
python3 - "$tmp" "$dir/en.ts" <<'PY'
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape
root = ET.parse(sys.argv[1]).getroot()
out = ['<?xml version="1.0" encoding="utf-8"?>', '<!DOCTYPE TS>', '<TS version="2.1" language="en_US">']
for ctx in root.findall('context'):
    msgs = [m for m in ctx.findall('message') if m.get('numerus') == 'yes']
    if not msgs:
        continue
    out += ['<context>', '    <name>%s</name>' % escape(ctx.find('name').text)]
    for m in msgs:
        src = m.find('source').text
        if '(s)' not in src:
            sys.exit('no "(s)" to inflect in: ' + src)
        out += ['    <message numerus="yes">', '        <source>%s</source>' % escape(src),
                '        <translation>',
                '            <numerusform>%s</numerusform>' % escape(src.replace('(s)', '')),
                '            <numerusform>%s</numerusform>' % escape(src.replace('(s)', 's')),
                '        </translation>', '    </message>']
    out.append('</context>')
out.append('</TS>')
open(sys.argv[2], 'w').write('\n'.join(out) + '\n')
PY
if [ "${1:-}" = --check ]; then
  if ! cmp -s "$dir/en.ts" "$target"; then
    echo "$target is out of date: a \"%n ...(s)\" message changed; run scripts/update-translations.sh" >&2
    diff "$target" "$dir/en.ts" >&2 || true
    exit 1
  fi
  exit 0
fi
cp "$dir/en.ts" "$target"
