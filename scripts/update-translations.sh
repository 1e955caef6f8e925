#!/usr/bin/env bash
# Refreshes resources/translations/dermaplan_en.ts from the sources and fills in the English
# plural forms ("%n day(s)" -> "%n day" / "%n days"). Run it after adding a tr() with %n.
set -euo pipefail
cd "$(dirname "$0")/.."
ts=resources/translations/dermaplan_en.ts
/usr/lib/qt6/bin/lupdate -no-obsolete -locations none -pluralonly core ui app -ts "$ts"
python3 - "$ts" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
def fill(m):
    source = m.group(1)
    src = source.replace("&amp;", "&")
    one = re.sub(r"\((s|es)\)", "", source)
    many = re.sub(r"\((s|es)\)", r"\1", source)
    return (f"<source>{source}</source>\n        <translation>\n"
            f"            <numerusform>{one}</numerusform>\n"
            f"            <numerusform>{many}</numerusform>\n        </translation>")
text = re.sub(r"<source>(.*?)</source>\s*<translation[^>]*>.*?</translation>", fill, text, flags=re.S)
open(path, "w", encoding="utf-8").write(text)
PY
