# shellcheck shell=sh
# Sourced by tests/run.sh: the kalendarium, the protokollsutdrag, the ANSLAG/BEVIS dates of a
# nämnd's protokoll and the completeness of the protokoll PDFs (docs/documents.md).
# MD_UPDATE_GOLDEN=1 rewrites tests/docs/kalender-*.rows (read the diff).
echo "== more documents: kalender, utdrag, anslag, completeness of the protokoll"

# -- kalender ----------------------------------------------------------------------------
for y in 2024 2020; do
    rm -f "$OUT/kalender-$y.pdf" "$OUT/kalender-$y.fo"
    ok "kalender $y: a PDF and its layout tree are made" \
        sh -c "'$BIN' kalender $y 2>$tmp/kal.err && test -s $OUT/kalender-$y.pdf &&
               test -s $OUT/kalender-$y.fo"
    ok "kalender $y: no warning but the known one (tables not yet set as tables)" \
        sh -c "! grep -v 'is not typeset as a table yet' $tmp/kal.err | grep -q 'warning\|error'"
    ok "kalender $y: a second run gives the same bytes" \
        sh -c "cp $OUT/kalender-$y.pdf $tmp/k1.pdf && '$BIN' kalender $y 2>/dev/null &&
               cmp $tmp/k1.pdf $OUT/kalender-$y.pdf"
    ok "kalender $y: one fo:table with a repeating fo:table-header" \
        sh -c "test \"\$(xmllint --xpath 'count(//*[local-name()=\"table\"]/*[local-name()=\"table-header\"][not(../@table-omit-header-at-break=\"true\")])' $OUT/kalender-$y.fo)\" = 1"
    python3 tests/docs/fo-rows.py "$OUT/kalender-$y.fo" >"$tmp/rows" 2>&1
    if [ "${MD_UPDATE_GOLDEN:-}" = 1 ]; then
        cp "$tmp/rows" "tests/docs/kalender-$y.rows"
    fi
    ok "kalender $y: the rows are tests/docs/kalender-$y.rows (merged, sorted, preliminary)" \
        diff -u "tests/docs/kalender-$y.rows" "$tmp/rows"
done
# The rows of the seeds' own kalendarium tables, each found in one row of the kalender
# (date, time, title as the seed writes them; times in Swedish form).
ok "kalender 2024: the seed's rows (30 januari, 18 mars, ? april, 28 maj)" sh -c "
    python3 tests/docs/fo-rows.py $OUT/kalender-2024.fo >$tmp/r24 &&
    grep -q '^tisdag 30 januari | kl. 16.00–18.00 | Föreningarnas Hus.* | Samverkansrådet + C-nätet\$' $tmp/r24 &&
    grep -q '^måndag 18 mars | kl. 16.00–18.00 | Föreningarnas hus.* | Samverkansrådet\$' $tmp/r24 &&
    grep -q '^April 2024 preliminärt | kl. 17.30–20.30 | Föreningarnas hus | Temakväll: Krisberedskapsövning\$' $tmp/r24 &&
    grep -q '^tisdag 28 maj | kl. 17.00–19.00 | Föreningarnas hus | Samverkansrådet\$' $tmp/r24"
ok "kalender 2024: a planned entry and its meeting are one row; an entry in two kalendarier is one row" \
    sh -c "test \$(grep -c '^måndag 18 mars' $tmp/r24) = 1 && test \$(grep -c '^tisdag 28 maj' $tmp/r24) = 1 &&
           test \$(grep -c '^tisdag 30 januari' $tmp/r24) = 1"
ok "kalender 2024: month and term entries at the start of their month and term, marked preliminary" \
    sh -c "grep -n . $tmp/r24 | tr '\n' ' ' | grep -q '3:måndag 18 mars.*4:April 2024 preliminärt.*5:tisdag 28 maj.*6:Hösten 2024 preliminärt.*7:tisdag 17 september'"
ok "kalender 2020: the seed's five rows, the term entry last" sh -c "
    python3 tests/docs/fo-rows.py $OUT/kalender-2020.fo >$tmp/r20 &&
    grep -q '^onsdag 29 januari | kl. 16.00–18.00 | .* | Möte Samverkansrådet + C-nätet\$' $tmp/r20 &&
    grep -q '^onsdag 18 mars | kl. 17.00–20.00 |  | Fest - Överenskommelsen om samverkan\$' $tmp/r20 &&
    grep -q '^onsdag 22 april | kl. 15.30–17.30 |  | Möte Samverkansrådet\$' $tmp/r20 &&
    grep -q '^onsdag 22 april | kl. 13.00–15.00, kl. 18.00–20.00 |  | Temakväll: Medskapande dialog, Anna-Karin Berglund. Två seminarier/miniträningar.\$' $tmp/r20 &&
    tail -n 1 $tmp/r20 | grep -q '^Hösten 2020 preliminärt |  |  | Dialogserie med utgångspunkt i kommunens hållbarhetsprogram. AU återkommer med förslag på datum.\$'"
ok "kalender 2024 of another archive (MOTESDOK_MEETINGS, outside xml/): the nämnd's meeting" \
    sh -c "MOTESDOK_MEETINGS=tests/meetings '$BIN' kalender 2024 2>/dev/null &&
           python3 tests/docs/fo-rows.py $OUT/kalender-2024.fo | tail -n 1 |
           grep -qx 'tisdag 12 mars | kl. 13.30–15.45 | Rådhuset, Storgatan 1, Sammanträdesrum Hjälmaren | Civilsamhällesnämnden'"
mkdir -p "$tmp/arch"
cp -r xml/meetings/* "$tmp/arch/"
sed 's/status="planned"/status="cancelled"/' xml/meetings/2024-03-18.xml >"$tmp/arch/2024-03-18.xml"
ok "kalender 2024: a cancelled meeting says so in its (merged) row" \
    sh -c "MOTESDOK_MEETINGS=$tmp/arch '$BIN' kalender 2024 2>/dev/null &&
           python3 tests/docs/fo-rows.py $OUT/kalender-2024.fo |
           grep -qx 'måndag 18 mars inställt | kl. 16.00–18.00 | Föreningarnas hus, Slottsgatan 13A | Samverkansrådet'"
printf '<meeting xmlns="urn:motesdok:meeting:1" kind="kallelse" status="planned" date="2024-02-30" start="16:00"><bodies><body id="x" type="rad">X</body></bodies><agenda><item><title>T</title></item></agenda></meeting>\n' \
    >"$tmp/arch/2024-02-30.xml"
"$BIN" kalender 2024 >/dev/null 2>&1
MOTESDOK_MEETINGS="$tmp/arch" "$BIN" kalender 2024 >"$tmp/kbad.out" 2>&1
rc=$?
ok "kalender: a broken meeting stops it (exit 1, its error, the previous PDF kept)" \
    sh -c "test $rc = 1 && grep -q '2024-02-30.xml:1:.*error' $tmp/kbad.out && test -s $OUT/kalender-2024.pdf"
# A long year: the header row is on every page.
mkdir -p "$tmp/long"
{
    echo '<meeting xmlns="urn:motesdok:meeting:1" kind="kallelse" status="planned" date="2031-01-14" start="16:00">'
    echo '<bodies><body id="r" type="rad">Samverkansrådet</body></bodies><agenda><item type="calendar"><title>Kalendarium</title><calendar year="2031">'
    for m in 01 02 03 04 05 06 07 08 09 10 11 12; do
        for d in 05 12 19 26; do
            echo "<entry date=\"2031-$m-$d\"><time start=\"17:00\" end=\"19:00\">kl. 17.00–19.00</time><place><name>Föreningarnas hus</name></place><title>Studiecirkel $m-$d om föreningsliv och civilsamhällets villkor</title></entry>"
        done
    done
    echo '</calendar></item></agenda></meeting>'
} >"$tmp/long/2031-01-14.xml"
ok "kalender of a long year: several pages, the header row on each" sh -c "
    MOTESDOK_MEETINGS=$tmp/long '$BIN' kalender 2031 2>/dev/null &&
    pages=\$(pdfinfo $OUT/kalender-2031.pdf | sed -n 's/^Pages: *//p') && test \$pages -ge 2 &&
    for p in \$(seq 1 \$pages); do
        pdftotext -f \$p -l \$p -raw $OUT/kalender-2031.pdf - | grep -q '^Datum Tid Plats Aktivitet\$' || exit 1
    done"
ok "kalender 1999: a year without meetings says so" \
    sh -c "'$BIN' kalender 1999 2>/dev/null && pdftotext -raw $OUT/kalender-1999.pdf - |
           grep -q 'Inga möten eller aktiviteter är inplanerade detta år.'"
must_fail "kalender: YEAR must be four digits" "$BIN" kalender 24
ok "kalender: a bad YEAR says what to write" \
    sh -c "'$BIN' kalender 20x4 2>&1 | grep -q 'YEAR must be four digits, e.g. YEAR=2024'"

ok "kalender.xsl and utdrag.xsl hold no Swedish letters (the words live in xsl/lib/sv.xml)" \
    sh -c "! grep -n -e 'å' -e 'ä' -e 'ö' -e 'Å' -e 'Ä' -e 'Ö' xsl/kalender.xsl xsl/utdrag.xsl"

# -- ANSLAG/BEVIS ------------------------------------------------------------------------
# The nämnd's protokoll (tests/meetings/protokoll-namnd.xml): justering Thursday 14 March
# 2024; posted 2 days later (Saturday 16 March); 21 days later is Saturday 6 April, so the
# appeal ends Monday 8 April and the anslag comes down Tuesday 9 April. § 14 was justerad at
# the meeting (12 March): posted 14 March, 4 April is a Thursday, down 5 April.
export MOTESDOK_MEETINGS=tests/meetings
ok "protokoll of a nämnd is made" "$BIN" protokoll protokoll-namnd
pdftotext -raw "$OUT/protokoll-namnd/protokoll.pdf" - 2>/dev/null | tr '\n' ' ' >"$tmp/namnd.txt"
for want in "ANSLAG/BEVIS" "Organ Civilsamhällesnämnden" "Sammanträdesdatum 2024-03-12" \
    "Datum för justering 2024-03-14" "Datum då anslaget sätts upp 2024-03-16" \
    "Sista dag för överklagande 2024-04-08" "Datum då anslaget tas ned 2024-04-09" \
    "Förvaringsplats för protokollet Civilsamhällesförvaltningen" \
    "§ 14 justerad omedelbart 2024-03-12, anslaget sätts upp 2024-03-14, tas ned 2024-04-05" \
    "Namnförtydligande: Maja Lind" "Paragrafen justeras omedelbart." \
    "Antecknat av Maja Lind, nämndsekreterare, maja.lind@example.org"; do
    ok "protokoll of a nämnd: \"$want\"" grep -qF "$want" "$tmp/namnd.txt"
done
ok "protokoll of a nämnd: signature lines for Sekreterare, Ordförande and Justerare, then the anslag" \
    sh -c "grep -q 'Sekreterare Maja Lind Ordförande Karin Bergqvist (S) Justerare Erik Lindahl (M).*ANSLAG/BEVIS' $tmp/namnd.txt"
unset MOTESDOK_MEETINGS
for m in 2024-01-30 2020-01-29; do
    ok "protokoll $m (a råd): no ANSLAG/BEVIS" \
        sh -c "'$BIN' protokoll $m 2>/dev/null && ! pdftotext -raw $OUT/$m/protokoll.pdf - | grep -q 'ANSLAG'"
done

# -- utdrag ------------------------------------------------------------------------------
export MOTESDOK_MEETINGS=tests/meetings
rm -f "$OUT/protokoll-namnd/utdrag-13.pdf"
ok "utdrag § 13: a PDF and its layout tree are made" \
    sh -c "'$BIN' utdrag protokoll-namnd 13 2>/dev/null && test -s $OUT/protokoll-namnd/utdrag-13.pdf &&
           test -s $OUT/protokoll-namnd/utdrag-13.fo"
pdftotext -raw "$OUT/protokoll-namnd/utdrag-13.pdf" - 2>/dev/null | tr '\n' ' ' >"$tmp/u13.txt"
for want in "Protokollsutdrag" "Civilsamhällesnämnden" "Tisdagen den 12 mars 2024" \
    "§ 13 Fördelning av aktivitetsbidrag 2024" "Dnr CSN 2024/18" \
    "Civilsamhällesnämnden beslutar att fördela aktivitetsbidrag för 2024 enligt bilaga 1." \
    "Justerare: Erik Lindahl" "Tid och plats för justering: Torsdagen den 14 mars 2024, kl. 15.00, Rådhuset" \
    "Justerandes signatur" "Datum då anslaget sätts upp 2024-03-16" \
    "Utdragsbestyrkande" "Utdraget överensstämmer med originalprotokollet." \
    "Namnförtydligande: Maja Lind"; do
    ok "utdrag § 13: \"$want\"" grep -qF "$want" "$tmp/u13.txt"
done
ok "utdrag § 13: no other §" sh -c "! grep -qE '§ 1[245] ' $tmp/u13.txt"
if [ "${MD_UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$OUT/protokoll-namnd/utdrag-13.fo" tests/docs/protokoll-namnd-utdrag-13.fo
fi
ok "utdrag § 13: the layout tree is tests/docs/protokoll-namnd-utdrag-13.fo" \
    diff -u tests/docs/protokoll-namnd-utdrag-13.fo "$OUT/protokoll-namnd/utdrag-13.fo"
ok "utdrag § 14 (justerad omedelbart): the anslag counts from the meeting day" \
    sh -c "'$BIN' utdrag protokoll-namnd 14 2>/dev/null &&
           pdftotext -raw $OUT/protokoll-namnd/utdrag-14.pdf - | tr '\n' ' ' |
           grep -qF 'Datum för justering 2024-03-12 Datum då anslaget sätts upp 2024-03-14 Sista dag för överklagande 2024-04-04 Datum då anslaget tas ned 2024-04-05'"
rm -f "$OUT/protokoll-namnd/utdrag-99.pdf"
"$BIN" utdrag protokoll-namnd 99 >"$tmp/u99.out" 2>&1
rc=$?
ok "utdrag § 99: exit 1, the §§ that exist, no PDF" \
    sh -c "test $rc = 1 && grep -q 'error: no § 99 in this protokoll; its §§ are 12, 13, 14, 15; give one of them as PARAGRAF=N' $tmp/u99.out &&
           grep -q 'tests/meetings/protokoll-namnd.xml:9: note' $tmp/u99.out &&
           test ! -e $OUT/protokoll-namnd/utdrag-99.pdf"
ok "make utdrag MEETING=… PARAGRAF=15 writes utdrag-15.pdf" \
    sh -c "make -s utdrag O=$O MEETING=protokoll-namnd PARAGRAF=15 >/dev/null 2>&1 &&
           test -s $OUT/protokoll-namnd/utdrag-15.pdf"
unset MOTESDOK_MEETINGS
"$BIN" utdrag 2024-01-30 3 >"$tmp/umin.out" 2>&1
rc=$?
ok "utdrag of minnesanteckningar: exit 1, says a formal protokoll is needed" \
    sh -c "test $rc = 1 && grep -q 'has no paragraph numbers; a protokollsutdrag needs a formal protokoll' $tmp/umin.out"
"$BIN" utdrag 2024-01-30 x >"$tmp/ux.out" 2>&1
rc=$?
ok "utdrag: PARAGRAF must be a number (exit 2)" \
    sh -c "test $rc = 2 && grep -q 'PARAGRAF must be the number of a §' $tmp/ux.out"

# -- completeness: every sentence of the meeting is in its protokoll PDF --------------------
for m in 2024-01-30 2020-01-29; do
    counted "completeness of protokoll $m (PDF text)" \
        python3 tests/docs/completeness.py "xml/meetings/$m.xml" "$OUT/$m/protokoll.pdf"
done
counted "completeness of the nämnd's protokoll (PDF text)" \
    python3 tests/docs/completeness.py tests/meetings/protokoll-namnd.xml \
    "$OUT/protokoll-namnd/protokoll.pdf"
# The check must be able to fail: a sentence added to the meeting is not in the old PDF, and
# the kallelse holds only part of the meeting.
sed 's/Mötet inleds med en presentationsrunda\./& Kaffe serveras i foajén./' \
    xml/meetings/2024-01-30.xml >"$tmp/added.xml"
ok "completeness fails on a sentence missing from the PDF, and names it" sh -c "
    ! python3 tests/docs/completeness.py $tmp/added.xml $OUT/2024-01-30/protokoll.pdf >$tmp/c.out &&
    grep -q ':122: sentence not in .*: \"Kaffe serveras i foajén.\"' $tmp/c.out &&
    tail -n 1 $tmp/c.out | grep -q ' passed, 1 failed'"
ok "completeness fails for the kallelse (it holds the agenda, not the minutes)" sh -c "
    '$BIN' kallelse 2024-01-30 2>/dev/null &&
    ! python3 tests/docs/completeness.py xml/meetings/2024-01-30.xml $OUT/2024-01-30/kallelse.pdf >/dev/null"

# -- Apache FOP renders the new trees (tests/fop/: for-fop.xsl strips md:src and static content;
# compare.py wants the same text). The nämnd's protokoll only has to render: its actions
# table is compared by tests/suites/46-fop.sh's rules for the seed protokolls.
if command -v fop >/dev/null 2>&1; then
    export MOTESDOK_MEETINGS=tests/meetings
    "$BIN" utdrag protokoll-namnd 13 >/dev/null 2>&1
    "$BIN" protokoll protokoll-namnd >/dev/null 2>&1
    "$BIN" kallelse protokoll-namnd >/dev/null 2>&1
    unset MOTESDOK_MEETINGS
    "$BIN" kalender 2024 >/dev/null 2>&1
    cp "$OUT/kalender-2024.fo" "$tmp/kalender-2024.fo"
    "$BIN" kalender 2020 >/dev/null 2>&1
    # (tests/suites/46-fop.sh renders the kallelse and protokoll of both seeds.)
    for f in "$tmp/kalender-2024.fo" "$OUT/kalender-2020.fo" "$OUT/protokoll-namnd/utdrag-13.fo" \
        "$OUT/protokoll-namnd/protokoll.fo" "$OUT/protokoll-namnd/kallelse.fo"; do
        n=$(basename "$f" .fo)
        xsltproc tests/fop/for-fop.xsl "$f" >"$tmp/$n-fop.fo" 2>/dev/null
        ok "fop renders $n.fo without an error" sh -c "
            timeout 120 fop -c tests/fop/fop.xconf -fo $tmp/$n-fop.fo -pdf $tmp/$n-fop.pdf \
                >$tmp/$n-fop.log 2>&1 && test -s $tmp/$n-fop.pdf &&
            ! grep -E 'SEVERE|ERROR|Exception|exceed the available area' $tmp/$n-fop.log"
        if [ "$n" != protokoll ]; then
            ok "fop and motesdok set the same text for $n.fo" sh -c "
                '$BIN' typeset $tmp/$n-fop.fo -o $tmp/$n.pdf >/dev/null 2>&1 &&
                python3 tests/fop/compare.py $tmp/$n.pdf $tmp/$n-fop.pdf"
        fi
    done
else
    fail "fop: Apache FOP is not installed (tools/deps.sh test installs the Debian package fop)"
fi

# -- completeness of the kallelse: every seed sentence that belongs in a kallelse is in it ----
# tests/docs/kallelse-completeness.py decides by the meeting XML what belongs (header facts,
# the invited, each item's number, title, presenters and description; docs/documents.md).
for m in 2024-01-30 2020-01-29; do
    "$BIN" kallelse "$m" >/dev/null 2>&1
    counted "completeness of kallelse $m (seed and meeting against the PDF text)" \
        python3 tests/docs/kallelse-completeness.py "tests/seeds/$m.txt" "tests/seeds/$m.map" \
        "xml/meetings/$m.xml" "$OUT/$m/kallelse.pdf"
done
# It can fail: a kallelse made from a copy of the meeting whose item 3 has another title.
mkdir -p "$tmp/ktitle/out"
cp -r xml/meetings/images "$tmp/ktitle/"
sed 's|<title>Överenskommelsens relevans 2024-2027</title>|<title>Relevans</title>|' \
    xml/meetings/2024-01-30.xml >"$tmp/ktitle/2024-01-30.xml"
ok "kallelse completeness fails when an item's title is not in the PDF, naming the seed line" sh -c "
    MOTESDOK_MEETINGS=$tmp/ktitle MOTESDOK_OUT=$tmp/ktitle/out '$BIN' kallelse 2024-01-30 2>/dev/null &&
    ! python3 tests/docs/kallelse-completeness.py tests/seeds/2024-01-30.txt tests/seeds/2024-01-30.map \
        xml/meetings/2024-01-30.xml $tmp/ktitle/out/2024-01-30/kallelse.pdf >$tmp/kc.out &&
    grep -q '2024-01-30.txt:109: seed sentence not in .*: \"Överenskommelsens relevans 2024-2027\"' $tmp/kc.out &&
    grep -q ':174: title of the kallelse not in .*: \"3. Överenskommelsens relevans 2024-2027\"' $tmp/kc.out"
ok "kallelse completeness fails when the meeting lacks a seed sentence" sh -c "
    ! python3 tests/docs/kallelse-completeness.py tests/seeds/2024-01-30.txt tests/seeds/2024-01-30.map \
        $tmp/ktitle/2024-01-30.xml $tmp/ktitle/out/2024-01-30/kallelse.pdf >$tmp/kc.out &&
    grep -q '2024-01-30.txt:109: seed sentence not in .*ktitle/2024-01-30.xml' $tmp/kc.out"
# What issue 6 asks of a kallelse beyond the seed: absence, the secretary, "Sida N av M".
pdftotext -raw "$OUT/2020-01-29/kallelse.pdf" - 2>/dev/null | tr '\n' ' ' >"$tmp/k20.txt"
for want in "Anmälan av förhinder Anmäl förhinder till sekreteraren Anna Fogel, e-post anna.fogel@orebro.se." \
    "Kontakt Anna Fogel, sekreterare, e-post anna.fogel@orebro.se" "Kallade Helena Astvald" \
    "Marie Brorson (S)" "Samverkansrådet och C-nätet Kallelse 29 januari 2020"; do
    ok "kallelse 2020-01-29: \"$want\"" grep -qF "$want" "$tmp/k20.txt"
done
ok "kallelse 2024-01-30: the invited in groups, with roles and parties" sh -c "
    pdftotext -raw $OUT/2024-01-30/kallelse.pdf - | tr '\n' ' ' |
    grep -q 'Kallade Samverkansrådet Caroline Daly.*Tina Fingal, Örebro Föreningsråd, vice ordförande.*Maria Haglund (M).* C-nätet Urban Svensson.*Anna Fogel, Örebro kommun, sekreterare'"
ok "kallelse 2024-01-30: every page says \"Sida N av M\"; from page 2 the running header" sh -c "
    pages=\$(pdfinfo $OUT/2024-01-30/kallelse.pdf | sed -n 's/^Pages: *//p') && test \$pages -ge 2 &&
    for p in \$(seq 1 \$pages); do
        pdftotext -f \$p -l \$p -raw $OUT/2024-01-30/kallelse.pdf - >$tmp/kp.txt &&
        grep -q \"Sida \$p av \$pages\$\" $tmp/kp.txt || exit 1
        if [ \$p -gt 1 ]; then head -n 1 $tmp/kp.txt | grep -qx 'Samverkansrådet och C-nätet Kallelse 30 januari 2024' || exit 1; fi
    done"
ok "kallelse 2024-01-30: the absence sentence and the contact are on one page" sh -c "
    pages=\$(pdfinfo $OUT/2024-01-30/kallelse.pdf | sed -n 's/^Pages: *//p') &&
    pdftotext -f \$pages -l \$pages -raw $OUT/2024-01-30/kallelse.pdf - | tr '\n' ' ' |
    grep -q 'Anmälan av förhinder Anmäl förhinder till sekreteraren Anna Fogel. Kontakt Anna Fogel, sekreterare, Örebro kommun'"

# -- BRAND=: another name, colour and logo, from the brand file alone -------------------------
# Primary colours: xml/brand/orebro.xml and exempel.xml (read from the files, not written here).
primary() { sed -n 's|.*<color role="primary">\(#[0-9a-fA-F]*\)</color>.*|\1|p' "xml/brand/$1.xml"; }
or_primary=$(primary orebro)
ex_primary=$(primary exempel)
mkdir -p "$tmp/brand"
"$BIN" kallelse 2024-01-30 >/dev/null 2>&1 &&
    cp "$OUT/2024-01-30/kallelse.pdf" "$tmp/brand/orebro.pdf" &&
    cp "$OUT/2024-01-30/kallelse.fo" "$tmp/brand/orebro.fo"
ok "make kallelse MEETING=2024-01-30 BRAND=exempel makes a PDF" sh -c "
    make -s kallelse O=$O MEETING=2024-01-30 BRAND=exempel >/dev/null 2>&1 &&
    cp $OUT/2024-01-30/kallelse.pdf $tmp/brand/exempel.pdf && cp $OUT/2024-01-30/kallelse.fo $tmp/brand/exempel.fo"
pdftotext -raw "$tmp/brand/exempel.pdf" - 2>/dev/null | tr '\n' ' ' >"$tmp/brand/exempel.txt"
pdftotext -raw "$tmp/brand/orebro.pdf" - 2>/dev/null | tr '\n' ' ' >"$tmp/brand/orebro.txt"
ok "BRAND=exempel: the name is Exempelby kommun's, Örebro's footer and web address are gone" sh -c "
    grep -qF 'Exempelby kommun · www.exempelby.example' $tmp/brand/exempel.txt &&
    ! grep -qF 'www.orebro.se' $tmp/brand/exempel.txt &&
    grep -qF 'Örebro kommun · www.orebro.se' $tmp/brand/orebro.txt &&
    ! grep -qF 'Exempelby' $tmp/brand/orebro.txt"
ok "BRAND=exempel: page 1 has pixels of exempel's primary colour ($ex_primary), none of Örebro's" sh -c "
    test \$(python3 tests/docs/color-pixels.py $tmp/brand/exempel.pdf '$ex_primary') -gt 500 &&
    test \$(python3 tests/docs/color-pixels.py $tmp/brand/exempel.pdf '$or_primary') = 0"
ok "BRAND=orebro: page 1 has pixels of Örebro's primary colour ($or_primary), none of exempel's" sh -c "
    test \$(python3 tests/docs/color-pixels.py $tmp/brand/orebro.pdf '$or_primary') -gt 500 &&
    test \$(python3 tests/docs/color-pixels.py $tmp/brand/orebro.pdf '$ex_primary') = 0"
ok "BRAND=exempel: the logo box holds exempel's logo (its file, drawn in its colour, other pixels)" sh -c "
    grep -q 'src=\"url(.xml/brand/exempel-logo.svg.)\"' $tmp/brand/exempel.fo &&
    ! grep -q 'orebro-logo' $tmp/brand/exempel.fo &&
    test \$(python3 tests/docs/color-pixels.py $tmp/brand/exempel.pdf '$ex_primary' 35) -gt 100 &&
    pdftoppm -r 60 -f 1 -l 1 -singlefile -y 0 -H 70 -W 496 $tmp/brand/exempel.pdf $tmp/brand/ex-top &&
    pdftoppm -r 60 -f 1 -l 1 -singlefile -y 0 -H 70 -W 496 $tmp/brand/orebro.pdf $tmp/brand/or-top &&
    ! cmp -s $tmp/brand/ex-top.ppm $tmp/brand/or-top.ppm"
# The brand is the parameter alone: a copy of the inputs (xml/, xsl/, fonts/) where only
# xml/brand/orebro.xml is replaced by exempel.xml, built with the default brand, gives the same
# bytes as BRAND=exempel here; and the two builds here read the same files outside xml/brand/.
mkdir -p "$tmp/brand/tree"
cp -r xml xsl fonts "$tmp/brand/tree/"
case $BIN in /*) abs_bin=$BIN ;; *) abs_bin=$(pwd)/$BIN ;; esac
cp xml/brand/exempel.xml "$tmp/brand/tree/xml/brand/orebro.xml"
ok "BRAND=exempel gives the bytes of the default build with only the brand file swapped" sh -c "
    cd $tmp/brand/tree && MOTESDOK_OUT=$tmp/brand/swapped '$abs_bin' kallelse 2024-01-30 >/dev/null 2>&1 &&
    cmp $tmp/brand/exempel.pdf $tmp/brand/swapped/2024-01-30/kallelse.pdf &&
    cmp $tmp/brand/exempel.fo $tmp/brand/swapped/2024-01-30/kallelse.fo"
if command -v strace >/dev/null 2>&1; then
    for b in orebro exempel; do
        strace -f -qq -e trace=open,openat -o "$tmp/brand/$b.strace" \
            "$BIN" kallelse 2024-01-30 --brand "$b" >/dev/null 2>&1
        sed -n 's/.*open[at]*(.*"\([^"]*\)".*O_RDONLY.*= [0-9].*/\1/p' "$tmp/brand/$b.strace" |
            sed "s|^$(pwd)/||" | grep -v '^/' | grep -v '^out/\|^\.' | sort -u >"$tmp/brand/$b.files"
    done
    ok "BRAND=: the two builds read the same project files but for xml/brand/ (strace)" sh -c "
        test -s $tmp/brand/orebro.files && grep -q '^xsl/kallelse.xsl\$' $tmp/brand/orebro.files &&
        diff $tmp/brand/orebro.files $tmp/brand/exempel.files | grep '^[<>]' | grep -v '^[<>] xml/brand/' >$tmp/brand/diff;
        test ! -s $tmp/brand/diff && grep -q 'exempel-logo.svg' $tmp/brand/exempel.files"
else
    fail "strace is not installed (tools/deps.sh test installs it)"
fi

# -- make readme-images: page 1 of the kallelse and the protokoll, 800 px wide, deterministic --
png_width() { python3 -c 'import struct, sys; d = open(sys.argv[1], "rb").read(24); print(struct.unpack(">I", d[16:20])[0] if d[:4] == b"\x89PNG" else 0)' "$1"; }
readme_images_ok() {
    make -s readme-images O="$O" README_IMAGES_DIR="$tmp/img1" >/dev/null 2>&1 &&
        make -s readme-images O="$O" README_IMAGES_DIR="$tmp/img2" >/dev/null 2>&1 || return 1
    for d in kallelse protokoll; do
        test "$(png_width "$tmp/img1/$d-2024-01-30-p1.png")" = 800 &&
            cmp "$tmp/img1/$d-2024-01-30-p1.png" "$tmp/img2/$d-2024-01-30-p1.png" || return 1
    done
}
ok "make readme-images writes two PNGs 800 pixels wide, the same bytes twice" readme_images_ok
