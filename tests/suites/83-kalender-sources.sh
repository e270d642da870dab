# shellcheck shell=sh
# Sourced by tests/run.sh: the kalendarium of a generated archive names every meeting it was
# made from ("Sammanställt ur mötena …"). xsl/kalender.xsl once found them with
# preceding::row in a result tree fragment, an axis that libxml2 walks on into the fragment
# made before it, so the meeting of the first row by key went missing (docs/xslt.md, "Cost").
echo "== kalender: the sources of a generated archive"

KS="$tmp/kalender-sources"
rm -rf "$KS"
if python3 tests/scale/gen.py "$KS/meetings" --years 3 --first-year 2016 --per-year 11 \
    >/dev/null 2>&1; then
    for y in 2017 2018; do
        ok "kalender $y of a generated archive is made" \
            sh -c "MOTESDOK_MEETINGS='$KS/meetings' MOTESDOK_OUT='$KS/out' '$BIN' kalender $y \
                   >/dev/null 2>&1 && test -s '$KS/out/kalender-$y.fo'"
        # Every meeting of the year gives a row, and so does every meeting whose own
        # kalendarium announces a date, month or term of the year: each is a source.
        ok "kalender $y: every meeting that gives a row is named as a source" python3 -c "
import glob, os, re, sys
import xml.etree.ElementTree as ET
y = '$y'
M = '{urn:motesdok:meeting:1}'
want = set()
for f in glob.glob('$KS/meetings/*.xml'):
    m = ET.parse(f).getroot()
    date = m.get('date')
    if date.startswith(y):
        want.add(date)
    for e in m.iter(M + 'entry'):
        when = e.get('date') or e.get('month') or ''
        term = e.get('term') or ''
        if when.startswith(y) or term[2:] == y:
            want.add(date)
fo = open('$KS/out/kalender-$y.fo', encoding='utf-8').read()
got = re.search('mötena ([0-9, -]*)\\.<', fo)
got = set(got.group(1).split(', ')) if got else set()
if not want or got != want:
    sys.exit('sources: missing %s, extra %s' % (sorted(want - got), sorted(got - want)))
"
    done
else
    fail "gen.py makes an archive for the kalender sources test"
fi
