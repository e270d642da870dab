# shellcheck shell=sh
# Sourced by tests/run.sh.
echo "== command line"
must_fail "MEETING may not climb out of xml/meetings" "$BIN" kallelse ../../etc/passwd
"$BIN" kallelse 1999-01-01 >/dev/null 2>"$tmp/err"
if [ $? -eq 2 ] && grep -q 'meetings: 2024-01-30 2020-01-29' "$tmp/err"; then
    pass "an unknown MEETING lists the meetings that exist"
else
    sed 's/^/    /' "$tmp/err"; fail "an unknown MEETING lists the meetings that exist"
fi
