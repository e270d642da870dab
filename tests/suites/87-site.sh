# shellcheck shell=sh
# Sourced by tests/run.sh: the HTML site (docs/site.md) of the seed meetings and of a generated
# archive of 20, checked in real tools (tests/site/check.mjs: Nu Html Checker, axe-core in
# headless Chromium, phone width, print, links), made twice with the same bytes.
echo "== the HTML site"

# The seeds' PDFs, so that the pages link them with their sizes.
for m in 2024-01-30 2020-01-29; do
    [ -s "$OUT/$m/protokoll.pdf" ] || "$BIN" protokoll "$m" >/dev/null 2>&1
done
[ -s "$OUT/2024-01-30/kallelse.pdf" ] || "$BIN" kallelse 2024-01-30 >/dev/null 2>&1

site_all() { # motesdok site, ics and data, as make site runs them
    "$BIN" site >"$tmp/site.log" 2>&1 && "$BIN" ics >>"$tmp/site.log" 2>&1 &&
        "$BIN" data >>"$tmp/site.log" 2>&1
}

rm -rf "$OUT/site"
ok "site: motesdok site, ics and data build the site of xml/meetings/" site_all
S=$OUT/site
n_meetings=$(ls xml/meetings/*.xml | wc -l)
n_pages=$(ls "$S"/*/index.html 2>/dev/null | wc -l)
if [ "$n_pages" -eq "$n_meetings" ]; then
    pass "site: one page per meeting ($n_pages)"
else
    fail "site: one page per meeting ($n_pages pages for $n_meetings meetings)"
fi
ok "site: index, calendar, uppdrag, style.css and the logo" \
    test -s "$S/index.html" -a -s "$S/kalender.html" -a -s "$S/uppdrag.html" -a \
    -s "$S/style.css" -a -s "$S/logo.svg"
ok "site: the meeting's figure and PDFs are copied beside its page" \
    sh -c "test -s $S/2024-01-30/images/2024-01-30-portfolj.svg &&
           cmp $OUT/2024-01-30/protokoll.pdf $S/2024-01-30/protokoll.pdf"
nbsp=$(printf '\302\240') # between a number and its unit
ok "site: the minutes of 2024-01-30 in Swedish: date, time, PDF with its size" \
    sh -c "grep -q 'Tisdagen den 30 januari 2024' $S/2024-01-30/index.html &&
           grep -q 'kl. 16.00–18.00' $S/2024-01-30/index.html &&
           grep -Eq '>Minnesanteckningar \\(PDF, [0-9]+${nbsp}kB\\)<' $S/2024-01-30/index.html &&
           grep -q '>Närvarande<' $S/2024-01-30/index.html &&
           grep -q 'AU tar med sig frågan och återkommer.' $S/2024-01-30/index.html"
ok "site: the PDF size is the file's, in kB (1000 bytes)" \
    sh -c "kb=\$(( (\$(stat -c %s $OUT/2024-01-30/protokoll.pdf) + 500) / 1000 ));
           grep -q \"(PDF, \$kb${nbsp}kB)\" $S/2024-01-30/index.html"
ok "site: the index lists every meeting by year, newest first" \
    sh -c "grep -o 'href=\"[0-9-]*/index.html\"' $S/index.html | sed 's/href=\"//; s/\\/.*//' \
             >$tmp/order && sort -r $tmp/order | cmp -s - $tmp/order &&
           test \$(wc -l <$tmp/order) -eq $n_meetings"
ok "site: the uppdrag page has both uppdrag of 2024-01-30, linked to their anchors" \
    sh -c "grep -q '2024-01-30/index.html#a-2024-01-30-1' $S/uppdrag.html &&
           grep -q '2024-01-30/index.html#a-2024-01-30-2' $S/uppdrag.html &&
           grep -q 'id=\"a-2024-01-30-1\"' $S/2024-01-30/index.html"
ok "site: the calendar shows the announced month entry once, as preliminary" \
    sh -c "test \$(grep -c 'April 2024</time> (preliminärt)' $S/kalender.html) -eq 1"
ok "site: no JavaScript anywhere" sh -c "! grep -rqi '<script' $S --include=*.html"
ok "site: the brand's colours are in style.css" \
    sh -c "grep -q -- '--primary: #1b5e7e;' $S/style.css"

# Deterministic: a second build from nothing gives the same bytes.
cp -r "$S" "$tmp/site-first"
rm -rf "$S"
site_all
ok "site: a second build gives the same bytes" diff -r "$tmp/site-first" "$S"
ok "site: make site builds the same site" \
    sh -c "make --no-print-directory -s site O='$O' >/dev/null 2>&1 && diff -r $tmp/site-first $S"
ok "site: SOURCE_DATE_EPOCH is the build date of the pages" \
    sh -c "SOURCE_DATE_EPOCH=1735689600 '$BIN' site >/dev/null 2>&1 &&
           grep -q '<time datetime=\"2025-01-01\">1 januari 2025</time>' $S/index.html &&
           '$BIN' site >/dev/null 2>&1 && diff -r $tmp/site-first $S >/dev/null"

# A broken meeting is reported and left out; the others are built; the exit status is 1.
mkdir -p "$tmp/broken/meetings"
cp -r xml/meetings/* "$tmp/broken/meetings/"
cp tests/bad/end-before-start.xml "$tmp/broken/meetings/2023-05-05.xml"
MOTESDOK_MEETINGS=$tmp/broken/meetings MOTESDOK_OUT=$tmp/broken/out "$BIN" site \
    >"$tmp/broken.log" 2>&1
rc=$?
if [ "$rc" -eq 1 ] && grep -q '2023-05-05.xml:[0-9]*.*error' "$tmp/broken.log" &&
    [ -s "$tmp/broken/out/site/2024-01-30/index.html" ] &&
    [ ! -e "$tmp/broken/out/site/2023-05-05/index.html" ] &&
    ! grep -q '2023-05-05' "$tmp/broken/out/site/index.html"; then
    pass "site: a broken meeting is reported and left out, the others are built, exit 1"
else
    sed 's/^/    /' "$tmp/broken.log" | grep -v warning | head -n 10
    fail "site: a broken meeting is reported and left out, the others are built (exit $rc)"
fi
must_fail "site: an unknown option is refused" "$BIN" site --nonsense

# A generated archive of 20 meetings (formal protokoll, cancelled and planned meetings,
# uppdrag that later meetings follow and close).
G=$tmp/gen
if python3 tests/scale/gen.py "$G/meetings" --years 2 --per-year 10 >/dev/null 2>&1 &&
    MOTESDOK_MEETINGS=$G/meetings MOTESDOK_OUT=$G/out sh -c \
        "'$BIN' site && '$BIN' ics && '$BIN' data" >"$tmp/gen.log" 2>&1 &&
    [ "$(ls "$G"/out/site/*/index.html | wc -l)" -eq 20 ]; then
    pass "site: a generated archive of 20 meetings"
else
    sed 's/^/    /' "$tmp/gen.log" | grep -v warning | head -n 10
    fail "site: a generated archive of 20 meetings"
fi
ok "site: uppdrag closed by a later meeting are listed as done" \
    sh -c "grep -q 'Avslutat vid mötet' $G/out/site/uppdrag.html"

# The browser checks, on both sites.
if (cd tests/site && npm ci --no-audit --no-fund --silent >"$tmp/npm.log" 2>&1); then
    counted "site: seeds: vnu, axe-core WCAG 2.1 AA, 375 px, print, links (Chromium)" \
        node tests/site/check.mjs "$S"
    counted "site: generated archive of 20: the same checks" \
        node tests/site/check.mjs "$G/out/site"
    # A second brand by swapping the brand file alone (its colours pass axe too).
    if MOTESDOK_OUT=$tmp/exempel sh -c "'$BIN' site --brand exempel && '$BIN' ics &&
            '$BIN' data" >"$tmp/exempel.log" 2>&1 &&
        grep -q 'Exempelby kommun' "$tmp/exempel/site/index.html"; then
        counted "site: seeds with BRAND=exempel: the same checks" \
            node tests/site/check.mjs "$tmp/exempel/site"
    else
        fail "site: the seeds with BRAND=exempel"
    fi
else
    sed 's/^/    /' "$tmp/npm.log" | tail -n 5
    fail "npm ci in tests/site (vnu-jar, axe-core, playwright-core)"
fi
