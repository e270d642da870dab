# shellcheck shell=sh
# Sourced by tests/run.sh.
echo "== command line"
must_fail "MEETING may not climb out of xml/meetings" "$BIN" kallelse ../../etc/passwd
"$BIN" kallelse 1999-01-01 >/dev/null 2>"$tmp/err"
rc=$?
# Exit 2 (usage), and every meeting in xml/meetings/ named, newest first.
want=$(ls xml/meetings/*.xml | sed 's#.*/##; s#\.xml$##' | sort -r | tr '\n' ' ' | sed 's/ $//')
if [ "$rc" -eq 2 ] && grep -q "meetings: $want" "$tmp/err"; then
    pass "an unknown MEETING lists the meetings that exist"
else
    sed 's/^/    /' "$tmp/err"; fail "an unknown MEETING lists the meetings that exist"
fi
SOURCE_DATE_EPOCH=abc "$BIN" typeset tests/page/small.fo -o "$tmp/epoch.pdf" >/dev/null 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 1 ] && grep -q 'SOURCE_DATE_EPOCH="abc" is not a number' "$tmp/err" &&
    [ ! -e "$tmp/epoch.pdf" ]; then
    pass "typeset refuses SOURCE_DATE_EPOCH=abc (no PDF dated 1970)"
else
    sed 's/^/    /' "$tmp/err"; fail "typeset refuses SOURCE_DATE_EPOCH=abc (exit $rc)"
fi
