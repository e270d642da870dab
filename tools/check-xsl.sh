#!/bin/sh
# Fails when a stylesheet could read the clock (STYLE.md §9; DESIGN.md "Deterministic output"):
# EXSLT's date:date-time(), XPath 2.0's current-dateTime(), current-date() and current-time(),
# or the EXSLT dates namespace at all (its date(), time(), year() … read the clock when called
# without an argument). Stylesheets use $build-date, which src/xslt.c sets from
# SOURCE_DATE_EPOCH or the meeting's date. Prints "file:line: error: …" per use.
# Usage: tools/check-xsl.sh [FILE…]. Without files: every .xsl under xsl/ and tests/xslt/,
# except tests/xslt/evil-*.xsl (bad on purpose; tests/unit/xslt_test.c runs them).
set -u
pattern='date-time[[:space:]]*\(|current-(dateTime|date|time)[[:space:]]*\(|exslt\.org/dates-and-times'
if [ $# -eq 0 ]; then
    cd "$(dirname "$0")/.." || exit 2
    set -- $(find xsl tests/xslt -name '*.xsl' ! -name 'evil-*' 2>/dev/null | LC_ALL=C sort)
    if [ $# -eq 0 ]; then
        echo "tools/check-xsl.sh: no stylesheets found under xsl/ or tests/xslt/"
        exit 2
    fi
fi
bad=0
for f in "$@"; do
    if [ ! -r "$f" ]; then
        echo "$f: error: cannot read"
        bad=1
        continue
    fi
    if grep -qE "$pattern" "$f"; then
        grep -nE "$pattern" "$f" | sed "s|^\([0-9]*\):.*|$f:\1: error: reads the clock (date-time(), current-dateTime() or the EXSLT dates module); use \$build-date|"
        bad=1
    fi
done
exit $bad
