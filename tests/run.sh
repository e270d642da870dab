#!/bin/sh
# Runs every test of motesdok. Usage: tests/run.sh out/build/BUILD
# Each test prints PASS or FAIL with its name; a unit test counts its own checks. The last
# line is "N passed, N failed".
set -u
O=${1:?usage: tests/run.sh out/build/BUILD}
BIN=$O/motesdok
passed=0
failed=0
# LeakSanitizer: Fontconfig's caches, filled when librsvg lays out the text of an SVG figure
# through Pango, live until exit (allocated inside libfontconfig; not ours to free).
export LSAN_OPTIONS="suppressions=$(pwd)/tests/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pass() { passed=$((passed + ${2:-1})); echo "PASS $1"; }
fail() { failed=$((failed + ${2:-1})); echo "FAIL $1"; }

# A program that reports "N passed, N failed" itself (the unit tests).
counted() {
    name=$1; shift
    "$@" >"$tmp/out" 2>&1
    rc=$?
    last=$(tail -n 1 "$tmp/out")
    p=$(echo "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
    f=$(echo "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
    if [ -z "$p" ]; then
        sed 's/^/    /' "$tmp/out"
        fail "$name (exit $rc, no summary: crashed?)"
    elif [ "$rc" -ne 0 ] || [ "$f" -ne 0 ]; then
        grep -v '^[0-9]* passed, [0-9]* failed$' "$tmp/out" | sed 's/^/    /'
        passed=$((passed + p))
        fail "$name ($f of $((p + f)) checks)" "$((f > 0 ? f : 1))"
    else
        pass "$name ($p checks)" "$p"
    fi
}

# A command that must exit 0.
ok() {
    name=$1; shift
    if "$@" >"$tmp/out" 2>&1; then
        pass "$name"
    else
        sed 's/^/    /' "$tmp/out" | head -n 40
        fail "$name"
    fi
}

# A command that must fail (exit non-zero).
must_fail() {
    name=$1; shift
    if "$@" >"$tmp/out" 2>&1; then
        sed 's/^/    /' "$tmp/out" | head -n 20
        fail "$name (exit 0, expected failure)"
    else
        pass "$name"
    fi
}

echo "== unit tests"
for t in "$O"/tests/*_test; do
    [ -x "$t" ] || continue
    counted "unit $(basename "$t")" "$t"
done

echo "== the text engine's test page (tests/text/)"
counted "text set justified at 60, 90 and 160 mm reads back" \
    python3 tests/text/check.py "$O/tests/textpdf" tests/text/paragraphs.txt "$O/text.pdf"

echo "== meetings validate"
for f in xml/meetings/*.xml tests/meetings/*.xml; do
    ok "validate $f" "$BIN" validate "$f"
done
ok "xmllint agrees the meetings are valid" \
    xmllint --noout --relaxng xml/schema/meeting.rng xml/meetings/*.xml tests/meetings/*.xml

echo "== the seeds are complete"
for s in tests/seeds/*.txt; do
    m=$(basename "$s" .txt)
    counted "completeness $m" "$O/tests/completeness" "$s" "xml/meetings/$m.xml" \
        "tests/seeds/$m.map"
done
# The completeness test must notice a sentence that is gone: drop one paragraph of each.
sed '/Mötet inleds med en presentationsrunda/d' xml/meetings/2024-01-30.xml \
    >"$tmp/2024-01-30.xml"
must_fail "completeness notices a removed sentence (2024-01-30)" \
    "$O/tests/completeness" tests/seeds/2024-01-30.txt "$tmp/2024-01-30.xml" \
    tests/seeds/2024-01-30.map
sed '/Föreningarnas hus ordnar med tilltugg/d' xml/meetings/2020-01-29.xml \
    >"$tmp/2020-01-29.xml"
must_fail "completeness notices a removed sentence (2020-01-29)" \
    "$O/tests/completeness" tests/seeds/2020-01-29.txt "$tmp/2020-01-29.xml" \
    tests/seeds/2020-01-29.map

echo "== bad meetings give the expected messages"
for f in tests/bad/*.xml; do
    name="bad $(basename "$f")"
    "$BIN" validate "$f" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    sed -n 's/^<!-- expect: \(.*\) -->$/\1/p' "$f" >"$tmp/expect"
    if [ ! -s "$tmp/expect" ]; then
        fail "$name (no <!-- expect: … --> line)"
        continue
    fi
    problem=""
    [ "$rc" -eq 1 ] || problem="exit $rc, expected 1"
    while IFS= read -r e; do
        grep -qxF "$f:$e" "$tmp/err" || problem="$problem; missing: $f:$e"
    done <"$tmp/expect"
    want=$(grep -c ': error: ' "$tmp/expect")
    got=$(grep -c ': error: ' "$tmp/err")
    [ "$want" -eq "$got" ] || problem="$problem; $got errors, expected $want"
    if [ -z "$problem" ]; then
        pass "$name"
    else
        sed 's/^/    got: /' "$tmp/err"
        fail "$name ($problem)"
    fi
done

echo "== brands (xml/brand/)"
ok "xmllint: the brand files are valid" \
    xmllint --noout --relaxng xml/schema/brand.rng xml/brand/*.xml
must_fail "xmllint: a brand file missing a colour is not" \
    xmllint --noout --relaxng xml/schema/brand.rng tests/brand/missing-primary.xml
ok "every brand's text colours meet WCAG 2.1 AA (4.5:1)" python3 tests/brand/contrast.py xml/brand/*.xml
trang -I rnc -O rng xml/schema/brand.rnc "$tmp/brand.rng" &&
    ok "brand.rng is trang's output of brand.rnc" cmp "$tmp/brand.rng" xml/schema/brand.rng

echo "== the iCalendar feed in a real parser (ical.js)"
if (cd tests/ics && npm ci --no-audit --no-fund --silent >"$tmp/npm.log" 2>&1); then
    counted "ical.js reads tests/ics/*.ics" node tests/ics/parse.mjs
else
    sed 's/^/    /' "$tmp/npm.log" | tail -n 5
    fail "npm ci in tests/ics (ical.js)"
fi

echo "== fuzzing (libFuzzer, a short run; make fuzz runs longer)"
ok "meeting XML fuzzed for 30 s with no crash, leak or hang" \
    make --no-print-directory fuzz FUZZ_SECONDS=30

# valgrind cannot run AddressSanitizer's binaries; in that build ASan and LeakSanitizer check
# the same two things (invalid reads, leaks) on the same commands.
case "$O" in
*sanitize*) memcheck="" checker="ASan/LSan" ;;
*) memcheck="valgrind -q --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite,indirect
              --suppressions=tests/valgrind.supp"
   checker="valgrind" ;;
esac
echo "== $checker on the seed pipeline"
ok "$checker: validating the meetings reads nothing invalid and leaks nothing" \
    $memcheck "$BIN" validate xml/meetings/2024-01-30.xml xml/meetings/2020-01-29.xml \
    tests/meetings/protokoll-namnd.xml
ok "$checker: setting the seed paragraphs to PDF reads nothing invalid and leaks nothing" \
    $memcheck "$O/tests/textpdf" tests/text/paragraphs.txt "$tmp/valgrind.pdf"

echo "== the documents (kallelse, protokoll) of the seed meetings"
for m in 2024-01-30 2020-01-29; do
    for what in kallelse protokoll; do
        rm -f "out/$m/$what.pdf"
        ok "$what $m: a PDF is made" "$BIN" "$what" "$m"
        ok "$what $m: a second run gives the same bytes" \
            sh -c "cp out/$m/$what.pdf $tmp/first.pdf && '$BIN' $what $m 2>/dev/null &&
                   cmp $tmp/first.pdf out/$m/$what.pdf"
        pdftotext -raw "out/$m/$what.pdf" "$tmp/$what.txt" 2>/dev/null
    done
    date_sv=$(case $m in 2024-01-30) echo "Tisdagen den 30 januari 2024" ;;
                         2020-01-29) echo "Onsdagen den 29 januari 2020" ;; esac)
    ok "kallelse $m: the Swedish date, time and agenda are in the text" \
        sh -c "grep -q '$date_sv' $tmp/kallelse.txt && grep -q 'kl. 16.00–18.00' $tmp/kallelse.txt &&
               grep -q 'Dagordning' $tmp/kallelse.txt && grep -q 'Sida 1 av' $tmp/kallelse.txt"
done

printf '<?xml version="1.0"?>\n<fontconfig></fontconfig>\n' >"$tmp/empty-fonts.conf"
ok "protokoll 2024-01-30: the machine's fonts change nothing (its SVG figure has text)" \
    sh -c "cp out/2024-01-30/protokoll.pdf $tmp/with-system-fonts.pdf &&
           FONTCONFIG_FILE=$tmp/empty-fonts.conf '$BIN' protokoll 2024-01-30 2>/dev/null &&
           cmp $tmp/with-system-fonts.pdf out/2024-01-30/protokoll.pdf"

echo "== command line"
must_fail "MEETING may not climb out of xml/meetings" "$BIN" kallelse ../../etc/passwd
"$BIN" kallelse 1999-01-01 >/dev/null 2>"$tmp/err"
if [ $? -eq 2 ] && grep -q 'meetings: 2024-01-30 2020-01-29' "$tmp/err"; then
    pass "an unknown MEETING lists the meetings that exist"
else
    sed 's/^/    /' "$tmp/err"; fail "an unknown MEETING lists the meetings that exist"
fi

echo "== schema and source hygiene"
if command -v trang >/dev/null; then
    trang -I rnc -O rng xml/schema/meeting.rnc "$tmp/meeting.rng" &&
        ok "meeting.rng is trang's output of meeting.rnc" cmp "$tmp/meeting.rng" \
            xml/schema/meeting.rng
else
    fail "trang is not installed (make deps-test)"
fi
ok "check-includes" tools/check-includes.sh
ok "check-headers" tools/check-headers.sh "${CC:-cc} $(sed -n 's/^PKG_CFLAGS := //p' "$O/pkg.mk") -std=c17 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -Isrc"
ok "format-check" tools/format-check.sh
ok "check-xsl: no stylesheet reads the clock" tools/check-xsl.sh
must_fail "check-xsl notices date:date-time()" tools/check-xsl.sh tests/xslt/evil-clock.xsl

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
