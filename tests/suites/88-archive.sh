# shellcheck shell=sh
# Sourced by tests/run.sh: make archive, the feeds, the open data, make publish, the scale
# generator (docs/archive.md, docs/ics.md, docs/opendata.md).
echo "== the archive: make archive, feeds, open data, publish"

# The archive under test: the real meetings and two years of generated ones, in a folder of
# their own; make runs with the program under test (ARCHIVE_BIN, an absolute path, so make
# never relinks it) and without the jobserver of the make that runs the tests.
A=$tmp/archive
mkdir -p "$A"
cp -r xml/meetings "$A/meetings"
ABIN=$(pwd)/$BIN
# Usage: archive_in OUT MEETINGS [make arguments…]
archive_in() {
    out=$1 meetings=$2; shift 2
    env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make --no-print-directory ARCHIVE_BIN="$ABIN" \
        MOTESDOK_MEETINGS="$meetings" MOTESDOK_OUT="$out" "$@" archive
}

ok "gen.py: 2 years of meetings" python3 tests/scale/gen.py "$A/gen" --years 2 --per-year 4
ok "gen.py: the same arguments give the same bytes" \
    sh -c "python3 tests/scale/gen.py '$tmp/gen2' --years 2 --per-year 4 2>/dev/null &&
           diff -r '$A/gen' '$tmp/gen2'"
ok "gen.py: the generated meetings validate (schema and rules, no warning)" \
    sh -c "'$BIN' validate '$A'/gen/*.xml >'$tmp/gen-validate' 2>&1; rc=\$?;
           cat '$tmp/gen-validate'; [ \$rc -eq 0 ] && [ ! -s '$tmp/gen-validate' ]"
ok "gen.py: a cancelled and a planned meeting among them (4 years)" \
    sh -c "python3 tests/scale/gen.py '$tmp/gen4' --years 4 2>/dev/null &&
           grep -l 'status=\"cancelled\"' '$tmp'/gen4/*.xml | grep -q . &&
           grep -l 'status=\"planned\"' '$tmp'/gen4/*.xml | grep -q ."
cp "$A"/gen/*.xml "$A/meetings/"
# A cancelled meeting, so the feeds and the data show one.
sed 's/kind="minnesanteckningar" status="held"/kind="kallelse" status="cancelled"/' \
    "$A/meetings/$(ls "$A/gen" | head -n 1)" >"$A/cancel.xml" && mv "$A/cancel.xml" \
    "$A/meetings/$(ls "$A/gen" | head -n 1)"
n_meetings=$(ls "$A"/meetings/*.xml | wc -l)
n_held=$(grep -l 'status="held"' "$A"/meetings/*.xml | wc -l)
years=$(ls "$A/meetings" | sed -n 's/^\([0-9]\{4\}\)-.*/\1/p' | sort -u)
n_years=$(echo "$years" | wc -l)

ok "make -j2 archive: every document, the site, the feeds and the data" \
    archive_in "$A/out" "$A/meetings" -j2
cp "$tmp/out" "$A/first.log"
ok "archive: a kallelse for each of the $n_meetings meetings, a protokoll for the $n_held held" \
    sh -c "[ \$(ls '$A'/out/*/kallelse.pdf | wc -l) -eq $n_meetings ] &&
           [ \$(ls '$A'/out/*/protokoll.pdf | wc -l) -eq $n_held ]"
ok "archive: one progress line per step, [N/TOTAL] WHAT NAME, numbered in order" \
    sh -c "total=\$(grep -c '^\[' '$A/first.log');
           [ \"\$total\" -eq \$(( $n_meetings + $n_held + $n_years + 3 )) ] &&
           grep '^\[' '$A/first.log' | sed 's/^\[\([0-9]*\)\/.*/\1/' | sort -n -c &&
           grep -q \"^\[1/\$total\] \(kallelse\|protokoll\|kalender\) [0-9-]*\" '$A/first.log' &&
           grep -q \"^\[\$total/\$total\] \(ics\|data\|site\)\" '$A/first.log'"
ok "archive: a kalendarium for each of the $n_years years" \
    sh -c "for y in $(echo $years); do test -s '$A'/out/kalender-\$y.pdf || exit 1; done"
ok "archive: site, kalender.ics, a feed per body, data/index.json" \
    test -s "$A/out/site/index.html" -a -s "$A/out/site/kalender.ics" \
    -a -s "$A/out/site/kalender/samverkansradet.ics" -a -s "$A/out/site/kalender/c-natet.ics" \
    -a -s "$A/out/site/data/index.json"

if (cd tests/ics && npm ci --no-audit --no-fund --silent >"$tmp/npm.log" 2>&1); then
    counted "ical.js reads the archive's feeds; they agree with the open data" \
        node tests/ics/feeds.mjs "$A/out/site"
    # The check must be able to fail: a confirmed meeting turned cancelled in a copy.
    cp -r "$A/out/site" "$tmp/bad-site"
    sed -i '0,/STATUS:CONFIRMED/s//STATUS:CANCELLED/' "$tmp/bad-site/kalender.ics"
    must_fail "feeds.mjs notices a STATUS that the data does not say" \
        node tests/ics/feeds.mjs "$tmp/bad-site"
else
    sed 's/^/    /' "$tmp/npm.log" | tail -n 5
    fail "npm ci in tests/ics (ical.js)"
fi
ok "open data: every file is JSON (python3 -m json.tool)" \
    sh -c "find '$A/out/site/data' -name '*.json' | while read -r f; do
               python3 -m json.tool \"\$f\" >/dev/null || { echo \"\$f\"; exit 1; }; done"
ok "open data: every file parses in node too" \
    sh -c "find '$A/out/site/data' -name '*.json' |
           xargs node -e 'for (const f of process.argv.slice(1)) JSON.parse(require(\"fs\").readFileSync(f, \"utf8\"))'"
counted "open data: the JSON says what the meetings say" \
    python3 tests/scale/check-data.py "$A/meetings" "$A/out/site/data"
cp -r "$A/out/site/data" "$tmp/bad-data"
sed -i '0,/"cancelled": false/s//"cancelled": true/' \
    "$tmp/bad-data/meetings/2024-01-30.json"
must_fail "check-data.py notices a meeting file that does not say what its XML says" \
    python3 tests/scale/check-data.py "$A/meetings" "$tmp/bad-data"

# Incremental: nothing changed, nothing is made; one meeting touched, only its documents and
# the site (with its feeds and data) are made again.
touch "$tmp/marker"
sleep 1
ok "a second make archive rebuilds nothing" \
    sh -c "archive_out=\$(env -u MAKEFLAGS -u MAKELEVEL make --no-print-directory ARCHIVE_BIN='$ABIN' \
               MOTESDOK_MEETINGS='$A/meetings' MOTESDOK_OUT='$A/out' -j2 archive) &&
           echo \"\$archive_out\" | grep -q 'nothing to rebuild' &&
           [ -z \"\$(find '$A/out' -newer '$tmp/marker' -type f ! -path '*/archive-log/*')\" ]"
one=$(ls "$A/gen" | tail -n 3 | head -n 1)
one=${one%.xml}
# The kalendarium of its year, as a file: unchanged inputs (a touch changes no byte) leave it
# in place, only newer (OUT/.kalender-cache/, docs/archive.md).
one_kal_ino=$(stat -c %i "$A/out/kalender-${one%%-*}.pdf")
touch "$A/meetings/$one.xml"
# The kalendarier that read it: its year's and the next year's (when that year has a meeting).
one_year=${one%%-*}
one_kal=$(for y in $years; do if [ "$y" = "$one_year" ] || [ "$y" = $((one_year + 1)) ]; then
    echo "$y"; fi; done)
ok "touching $one rebuilds its documents, the kalendarier of $(echo $one_kal), the site, feeds and data, nothing else" \
    sh -c "env -u MAKEFLAGS -u MAKELEVEL make --no-print-directory ARCHIVE_BIN='$ABIN' \
               MOTESDOK_MEETINGS='$A/meetings' MOTESDOK_OUT='$A/out' -j2 archive >'$tmp/one.log' &&
           cat '$tmp/one.log' &&
           sed -n 's/^\[[0-9]*\/[0-9]*\] \([a-z]* *[0-9-]*\).*/\1/p' '$tmp/one.log' |
               sed 's/ *\$//' | sort >'$tmp/one.got' &&
           { if grep -q 'status=\"held\"' '$A/meetings/$one.xml'; then echo 'protokoll $one'; fi;
             printf 'data\nics\nkallelse $one\nsite\n';
             for y in $(echo $one_kal); do echo \"kalender \$y\"; done; } | sort >'$tmp/one.want' &&
           diff '$tmp/one.want' '$tmp/one.got'"
ok "the touched meeting changed no byte: kalender-${one%%-*}.pdf was only brought up to date (same file, newer)" \
    sh -c "[ \$(stat -c %i '$A/out/kalender-${one%%-*}.pdf') = '$one_kal_ino' ] &&
           [ -n \"\$(find '$A/out/kalender-${one%%-*}.pdf' -newer '$tmp/marker')\" ] &&
           grep -q '^motesdok-kalender 1 year=${one%%-*} ' '$A/out/.kalender-cache/${one%%-*}'"
ok "a change in a shared stylesheet would rebuild every document (make -n -W)" \
    sh -c "env -u MAKEFLAGS -u MAKELEVEL make --no-print-directory -n ARCHIVE_BIN='$ABIN' \
               MOTESDOK_MEETINGS='$A/meetings' MOTESDOK_OUT='$A/out' -W xsl/lib/params.xsl \
               archive-build | grep -c 'archive-step.sh \\(kallelse\\|protokoll\\)' |
           grep -qx $(( n_meetings + n_held ))"

# make -j1 and make -j2 give the same bytes (the outputs; the private records of the caches,
# OUT/.valid-cache, .site-cache, .data-cache, hold file times and may differ).
ok "make -j1 archive into a second folder" archive_in "$A/out1" "$A/meetings" -j1
ok "make -j2 and make -j1 give the same PDFs, pages, feeds and data" \
    sh -c "cd '$A/out' && find . -type f ! -path './archive-log/*' ! -path './.archive/*' \
               ! -path './.*-cache/*' ! -name '*.fo' | LC_ALL=C sort >'$tmp/files2' &&
           cd '$A/out1' && find . -type f ! -path './archive-log/*' ! -path './.archive/*' \
               ! -path './.*-cache/*' ! -name '*.fo' | LC_ALL=C sort >'$tmp/files1' &&
           diff '$tmp/files1' '$tmp/files2' &&
           while read -r f; do cmp \"$A/out/\$f\" \"$A/out1/\$f\" || exit 1; done <'$tmp/files1'"

# The same after touching one meeting (out) and from scratch (out1), every file: PDFs, layout
# trees, the site, feeds and data; only the logs, stamps and private cache records differ.
ok "after touching $one, make archive gives the bytes of a from-scratch build (diff -r)" \
    diff -r -x archive-log -x .archive -x '.*-cache' "$A/out" "$A/out1"

# A meeting's kalendarium entry moved by a day: its kalendarium IS made again (the record
# holds the meetings' bytes, not their times), and is the from-scratch one.
KD=$tmp/kdate
mkdir -p "$KD"
cp -r "$A/gen" "$KD/m"
kd_one=$(ls "$KD/m" | head -n 1)
kd_year=${kd_one%%-*}
ok "kalendarium record: a small archive" archive_in "$KD/out" "$KD/m" -j2
cp "$KD/out/kalender-$kd_year.pdf" "$KD/before.pdf"
ok "move the first kalendarium entry of $kd_one by a day" \
    python3 tests/scale/shift-entry.py "$KD/m/$kd_one"
ok "make archive remakes kalender-$kd_year (its bytes change)" \
    sh -c "env -u MAKEFLAGS -u MAKELEVEL make --no-print-directory ARCHIVE_BIN='$ABIN' \
               MOTESDOK_MEETINGS='$KD/m' MOTESDOK_OUT='$KD/out' -j2 archive >'$KD/log' &&
           cat '$KD/log' && grep -q '^\[[0-9]*/[0-9]*\] kalender $kd_year\$' '$KD/log' &&
           ! cmp -s '$KD/before.pdf' '$KD/out/kalender-$kd_year.pdf'"
ok "the moved entry: the archive equals a from-scratch build of the changed meetings" \
    sh -c "env -u MAKEFLAGS -u MAKELEVEL make --no-print-directory ARCHIVE_BIN='$ABIN' \
               MOTESDOK_MEETINGS='$KD/m' MOTESDOK_OUT='$KD/scratch' -j1 archive >/dev/null &&
           diff -r -x archive-log -x .archive -x '.*-cache' '$KD/out' '$KD/scratch'"
cp "$KD/out/.kalender-cache/$kd_year" "$KD/record"
sed -i 's/^pdf=[0-9]*@/pdf=1@/' "$KD/out/.kalender-cache/$kd_year"
ok "a record that does not name the PDF there makes the kalendarium again (a new file)" \
    sh -c "ino=\$(stat -c %i '$KD/out/kalender-$kd_year.pdf');
           env MOTESDOK_MEETINGS='$KD/m' MOTESDOK_OUT='$KD/out' '$BIN' kalender $kd_year &&
           [ \$(stat -c %i '$KD/out/kalender-$kd_year.pdf') != \$ino ] &&
           cmp '$KD/out/kalender-$kd_year.pdf' '$KD/scratch/kalender-$kd_year.pdf'"
ok "and a good record only brings it up to date (the same file)" \
    sh -c "ino=\$(stat -c %i '$KD/out/kalender-$kd_year.pdf');
           env MOTESDOK_MEETINGS='$KD/m' MOTESDOK_OUT='$KD/out' '$BIN' kalender $kd_year &&
           [ \$(stat -c %i '$KD/out/kalender-$kd_year.pdf') = \$ino ]"
ok "another brand is another key: the kalendarium is made again" \
    sh -c "ino=\$(stat -c %i '$KD/out/kalender-$kd_year.pdf');
           env MOTESDOK_MEETINGS='$KD/m' MOTESDOK_OUT='$KD/out' '$BIN' kalender $kd_year --brand exempel &&
           [ \$(stat -c %i '$KD/out/kalender-$kd_year.pdf') != \$ino ] &&
           ! cmp -s '$KD/out/kalender-$kd_year.pdf' '$KD/scratch/kalender-$kd_year.pdf'"

# One broken meeting: the others are built, the run fails with a summary naming it.
B=$tmp/archive-broken
rm -rf "$B"
mkdir -p "$B/meetings"
# Four generated meetings, one of them broken (enough to show the others are built, and
# quicker than the whole archive). Only generated files: xml/meetings/ is shared with the
# other builds on this machine, and a file someone is writing there must not count.
for f in $(ls "$A/gen" | head -n 4); do cp "$A/gen/$f" "$B/meetings/"; done
n_b=$(ls "$B"/meetings/*.xml | wc -l)
bad=$(ls "$A/gen" | head -n 2 | tail -n 1)
sed 's/<agenda>/<agenda><bogus\/>/' "$A/meetings/$bad" >"$B/meetings/$bad"
must_fail "make -j2 archive with one broken meeting exits non-zero" archive_in "$B/out" "$B/meetings" -j2
cp "$tmp/out" "$B/log"
ok "the summary names the broken meeting and its error with file:line" \
    sh -c "grep -q '^archive: [0-9]* of [0-9]* steps failed' '$B/log' &&
           grep -q 'kallelse-${bad%.xml}' '$B/log' && grep -q '$bad:[0-9]*: error: ' '$B/log'"
ok "the other meetings' documents, the site, the feeds and the data were still built" \
    sh -c "n=\$(ls '$B'/out/*/kallelse.pdf | wc -l);
           echo \"kallelse PDFs: \$n of $n_b meetings, ${bad%.xml} broken\"; ls '$B'/out/*/kallelse.pdf;
           [ \$n -eq $(( n_b - 1 )) ] && ! test -e '$B/out/${bad%.xml}/kallelse.pdf' &&
           for f in site/index.html site/kalender.ics site/data/index.json; do
               test -s '$B'/out/\$f || { echo \"missing \$f\"; cat '$B/log'; exit 1; }; done"
ok "the next run tries the broken meeting again (and fails again)" \
    sh -c "! env -u MAKEFLAGS -u MAKELEVEL make --no-print-directory ARCHIVE_BIN='$ABIN' \
               MOTESDOK_MEETINGS='$B/meetings' MOTESDOK_OUT='$B/out' archive >'$tmp/again.log' 2>&1 &&
           grep -q 'kallelse ${bad%.xml} FAILED' '$tmp/again.log'"

ok "a document that failed in the batch is reported once in that run (not made again)" \
    sh -c "[ \$(grep -c 'kallelse ${bad%.xml} FAILED' '$B/log') -eq 1 ] &&
           [ \$(grep -c '^\[' '$B/log') -eq \$(grep -o '^\[1/[0-9]*' '$B/log' | cut -d/ -f2) ]"

# motesdok batch (docs/archive.md): the documents of many meetings in one run, -j N workers.
J=$tmp/batch
mkdir -p "$J"
jobs_of() { # the kallelse (and protokoll of held meetings) of the meetings in folder $1
    for f in "$1"/*.xml; do
        n=$(basename "$f" .xml)
        echo "kallelse $n"
        if grep -q 'status="held"' "$f"; then echo "protokoll $n"; fi
    done
}
jobs_of "$B/meetings" >"$J/broken.jobs"
n_bj=$(wc -l <"$J/broken.jobs")
must_fail "batch: $n_bj jobs with one broken meeting exits non-zero" \
    env MOTESDOK_MEETINGS="$B/meetings" MOTESDOK_OUT="$J/b" "$BIN" batch -j2 --log "$J/blog" \
    "$J/broken.jobs"
cp "$tmp/out" "$J/broken.log"
ok "batch: the broken meeting fails with its file:line: error, the others are built" \
    sh -c "cat '$J/broken.log';
           grep -q '^\[[0-9]*/$n_bj\] kallelse ${bad%.xml} FAILED (exit 1)' '$J/broken.log' &&
           grep -q '^    .*$bad:[0-9]*: error: ' '$J/broken.log' &&
           grep -q '$bad:[0-9]*: error: <bogus> is not allowed here' '$J/blog/failed/kallelse-${bad%.xml}.log' &&
           [ \$(grep -c '^\[[0-9]*/$n_bj\] .*FAILED' '$J/broken.log') -eq \$(grep -c ' ${bad%.xml}\$' '$J/broken.jobs') ] &&
           [ \$(grep -c '^\[' '$J/broken.log') -eq $n_bj ] &&
           [ \$(ls '$J'/b/*/*.pdf | wc -l) -eq \$(( $n_bj - \$(grep -c ' ${bad%.xml}\$' '$J/broken.jobs') )) ]"
ok "batch: the progress lines are numbered 1..$n_bj in order" \
    sh -c "grep '^\[' '$J/broken.log' | sed 's/^\[\([0-9]*\)\/.*/\1/' | tr '\n' ' ' |
           grep -qx \"\$(seq -s ' ' 1 $n_bj) \""
printf 'kallelse 2024-01-30\nprotokol 2024-01-30\n' >"$J/typo.jobs"
ok "batch: a malformed job line is refused (exit 2) with file:line, before any job runs" \
    sh -c "MOTESDOK_OUT='$J/typo' '$BIN' batch '$J/typo.jobs' 2>'$J/typo.err'; rc=\$?; cat '$J/typo.err';
           [ \$rc -eq 2 ] && grep -q '^$J/typo.jobs:2: error: a job is' '$J/typo.err' &&
           ! test -e '$J/typo/2024-01-30/kallelse.pdf'"

# The batch's PDFs are byte for byte the single commands' (the shared fonts, patterns,
# schema and stylesheets change nothing), for meetings, their protokoll and a kalendarium.
{ jobs_of "$A/gen" | head -n 6; echo "kalender $(echo "$years" | tail -n 1)"; } >"$J/same.jobs"
ok "batch -j2: $(wc -l <"$J/same.jobs") documents" \
    env MOTESDOK_MEETINGS="$A/meetings" MOTESDOK_OUT="$J/same-b" "$BIN" batch -j2 "$J/same.jobs"
ok "batch: the same documents one command each" \
    sh -c "while read -r what name; do
               MOTESDOK_MEETINGS='$A/meetings' MOTESDOK_OUT='$J/same-s' '$BIN' \$what \$name 2>/dev/null ||
                   exit 1; done <'$J/same.jobs'"
ok "batch: its PDFs and layout trees are byte-identical to the single commands'" \
    sh -c "cd '$J/same-s' && find . -name '*.pdf' -o -name '*.fo' | LC_ALL=C sort >'$J/same.files' &&
           [ \$(grep -c pdf '$J/same.files') -eq \$(wc -l <'$J/same.jobs') ] &&
           while read -r f; do cmp '$J/same-s/'\$f '$J/same-b/'\$f || exit 1; done <'$J/same.files'"

# A worker killed by a signal: its job is reported as failed, the other jobs still finish
# (a new worker takes them), and the batch fails. The list is the documents three times over,
# so that plenty of jobs are left when the first line appears, however fast the machine.
jobs_of "$A/gen" >"$J/kill.once"
for i in 1 2 3; do cat "$J/kill.once"; done >"$J/kill.jobs"
n_kj=$(wc -l <"$J/kill.jobs")
(exec env MOTESDOK_MEETINGS="$A/meetings" MOTESDOK_OUT="$J/k" "$BIN" batch -j2 --log "$J/klog" \
    "$J/kill.jobs" >"$J/kill.out" 2>"$J/kill.err") &
bpid=$!
i=0
while ! grep -q '^\[1/' "$J/kill.out" 2>/dev/null && [ $i -lt 2000 ]; do sleep 0.01; i=$((i + 1)); done
victim=$(cat "/proc/$bpid/task/$bpid/children" 2>/dev/null | cut -d' ' -f1)
[ -n "$victim" ] && kill -9 "$victim"
wait $bpid
echo $? >"$J/kill.rc"
ok "batch: a worker killed by signal 9 is that job's failure; the other $((n_kj - 1)) jobs finish" \
    sh -c "cat '$J/kill.out'; [ -n '$victim' ] && [ \$(cat '$J/kill.rc') -eq 1 ] &&
           [ \$(grep -c '^\[' '$J/kill.out') -eq $n_kj ] &&
           [ \$(grep -c 'FAILED (killed by signal 9' '$J/kill.out') -eq 1 ] &&
           [ \$(grep -c FAILED '$J/kill.out') -eq 1 ] &&
           [ \$(ls '$J'/k/*/*.pdf | wc -l) -eq \$(wc -l <'$J/kill.once') ] &&
           grep -q 'error: .*killed by signal 9' '$J'/klog/failed/*.log"

# The kalendarium of YEAR reads the meetings of YEAR and YEAR-1 only: a broken meeting of
# another year does not stop it, one of the year before does.
K=$tmp/kwindow
mkdir -p "$K/m"
cp -r xml/meetings/2024-01-30.xml xml/meetings/images "$K/m/"
sed 's/<agenda>/<agenda><bogus\/>/' xml/meetings/2024-01-30.xml >"$K/m/2031-01-01.xml"
ok "kalender 2024 does not read a broken meeting of 2031" \
    env MOTESDOK_MEETINGS="$K/m" MOTESDOK_OUT="$K/out" "$BIN" kalender 2024
must_fail "kalender 2032 reads the meetings of 2031 (and fails on the broken one)" \
    env MOTESDOK_MEETINGS="$K/m" MOTESDOK_OUT="$K/out" "$BIN" kalender 2032
ok "a changed meeting of 2012 remakes the kalendarier of 2012 and 2013 only (make -n -W)" \
    sh -c "env -u MAKEFLAGS -u MAKELEVEL make --no-print-directory -n ARCHIVE_BIN='$ABIN' \
               MOTESDOK_MEETINGS='$A/meetings' MOTESDOK_OUT='$A/out' -W '$A/meetings/2012-01-17.xml' \
               archive-build | grep 'archive-step.sh kalender' | sed 's/.*kalender //' |
           tr '\n' ' ' | grep -qx '2012 2013 '"

# The validated-meeting cache (OUT/.valid-cache/): a meeting that validated without a message
# is only parsed the next time, unless its bytes changed, even under the same size and time.
V=$tmp/vcache
mkdir -p "$V/m"
first=$(ls "$A/gen" | head -n 1)
cp "$A/gen/$first" "$V/m/"
ok "ics writes a validation record for a meeting without messages" \
    sh -c "MOTESDOK_MEETINGS='$V/m' MOTESDOK_OUT='$V/out' '$BIN' ics -o '$V/site' >/dev/null &&
           grep -q '^motesdok-valid 1 size=' '$V/out/.valid-cache/${first%.xml}'"
ok "data, run next, gives the same files with the record as without it" \
    sh -c "MOTESDOK_MEETINGS='$V/m' MOTESDOK_OUT='$V/out' '$BIN' data -o '$V/d1' >/dev/null &&
           MOTESDOK_MEETINGS='$V/m' MOTESDOK_OUT='$V/out2' '$BIN' data -o '$V/d2' >/dev/null &&
           diff -r '$V/d1' '$V/d2'"
cp "$V/m/$first" "$V/orig.xml"
sed 's/<agenda>/<agendx>/; s/<\/agenda>/<\/agendx>/' "$V/orig.xml" >"$V/m/$first"
touch -r "$V/orig.xml" "$V/m/$first"
ok "(the broken copy has the same size and time)" \
    sh -c "[ \"\$(stat -c '%s %Y' '$V/orig.xml')\" = \"\$(stat -c '%s %Y' '$V/m/$first')\" ] &&
           ! cmp -s '$V/orig.xml' '$V/m/$first'"
must_fail "ics notices the changed bytes under the same size and time (the hash)" \
    env MOTESDOK_MEETINGS="$V/m" MOTESDOK_OUT="$V/out" "$BIN" ics -o "$V/site"

# make publish: a fresh destination, then a swap; killed half-way the old site stays.
P=$tmp/pub
mkdir -p "$P"
ok "make publish DEST=…: a new destination" \
    sh -c "env -u MAKEFLAGS -u MAKELEVEL make --no-print-directory MOTESDOK_OUT='$A/out' \
               DEST='$P/www' publish && diff -r '$A/out/site' '$P/www'"
must_fail "make publish without DEST is refused" \
    env -u MAKEFLAGS -u MAKELEVEL make --no-print-directory MOTESDOK_OUT="$A/out" publish
cp -r "$A/out/site" "$tmp/site2"
echo "second version" >"$tmp/site2/version.txt"
ok "publish over an existing site swaps the folders" \
    sh -c "python3 mk/publish.py '$tmp/site2' '$P/www' && diff -r '$tmp/site2' '$P/www'"
for where in copy swap; do
    cp -r "$tmp/site2" "$tmp/site3"
    echo "third version" >"$tmp/site3/version.txt"
    MOTESDOK_PUBLISH_PAUSE=$where python3 mk/publish.py "$tmp/site3" "$P/www" 2>"$tmp/pause.log" &
    pid=$!
    i=0
    while ! grep -q paused "$tmp/pause.log" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
    kill -9 $pid 2>/dev/null
    wait $pid 2>/dev/null
    ok "publish killed during the $where: the previous site is intact and readable" \
        sh -c "grep -q paused '$tmp/pause.log' && diff -r '$tmp/site2' '$P/www'"
    rm -rf "$tmp/site3"
done
ok "the next publish removes what the killed runs left and publishes" \
    sh -c "python3 mk/publish.py '$A/out/site' '$P/www' >/dev/null && diff -r '$A/out/site' '$P/www' &&
           [ -z \"\$(ls -A '$P' | grep -v '^www\$')\" ]"
ln -s www "$P/live"
ok "publish to a symbolic link replaces the link atomically" \
    sh -c "python3 mk/publish.py '$tmp/site2' '$P/live' >/dev/null && [ -L '$P/live' ] &&
           diff -r '$tmp/site2' '$P/live/' && python3 mk/publish.py '$A/out/site' '$P/live' >/dev/null &&
           diff -r '$A/out/site' '$P/live/' && [ \$(ls -A '$P' | grep -c '^\.live\.site-') -eq 1 ]"

# --- the reviewer's findings (docs/archive.md, "Paths, removed meetings, settings") ---------
R=$tmp/review
mkdir -p "$R/m"
cp "$A"/gen/*.xml "$R/m/"
rbuild() { # make archive of $R/m into $R/out, the log in $R/log; more make arguments
    env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make --no-print-directory ARCHIVE_BIN="$ABIN" \
        MOTESDOK_MEETINGS="$R/m" MOTESDOK_OUT="$R/out" "$@" archive >"$R/log" 2>&1
    rc=$?
    cat "$R/log"
    return $rc
}

# 1. A folder with whitespace: refused before any recipe runs (it once ran
#    `rm -rf /…/victim out/archive-log`, removing the folder "victim").
mkdir -p "$tmp/ws/victim"
echo keep >"$tmp/ws/victim/keep"
ok "make archive MOTESDOK_OUT='…/victim out' is refused, naming MOTESDOK_OUT, and removes nothing" \
    sh -c "! env -u MAKEFLAGS -u MAKELEVEL make --no-print-directory ARCHIVE_BIN='$ABIN' \
               MOTESDOK_MEETINGS='$R/m' 'MOTESDOK_OUT=$tmp/ws/victim out' archive >'$tmp/ws/log' 2>&1 &&
           cat '$tmp/ws/log' && grep -q 'MOTESDOK_OUT=\"$tmp/ws/victim out\": make cannot use a folder' '$tmp/ws/log' &&
           test -s '$tmp/ws/victim/keep' && ! test -e '$tmp/ws/victim out'"
ok "ARCHIVE_OUT and a meetings folder with a space are refused the same way" \
    sh -c "! env -u MAKEFLAGS -u MAKELEVEL make --no-print-directory ARCHIVE_BIN='$ABIN' \
               MOTESDOK_MEETINGS='$R/m' 'ARCHIVE_OUT=$tmp/ws/victim out' archive 2>'$tmp/ws/e1' &&
           grep -q '^mk/archive.mk:[0-9]*: \*\*\* ARCHIVE_OUT=' '$tmp/ws/e1' &&
           ! env -u MAKEFLAGS -u MAKELEVEL make --no-print-directory ARCHIVE_BIN='$ABIN' \
               'MOTESDOK_MEETINGS=$tmp/ws/victim m' MOTESDOK_OUT='$tmp/ws/o' archive 2>'$tmp/ws/e2' &&
           grep -q 'MOTESDOK_MEETINGS=\"$tmp/ws/victim m\"' '$tmp/ws/e2' &&
           test -s '$tmp/ws/victim/keep' && ! test -e '$tmp/ws/o'"

ok "review: a small archive" rbuild -j2
# 2. A meeting removed: the site, feeds, data and the kalendarier that read it are made again.
gone=$(ls "$R/m" | tail -n 2 | head -n 1)
gone=${gone%.xml}
gone_year=${gone%%-*}
ok "(the site, the feed and the data list $gone before)" \
    sh -c "grep -q '$gone' '$R/out/site/index.html' && grep -q '$gone' '$R/out/site/data/index.json'"
rm "$R/m/$gone.xml"
ok "removing $gone remakes the site, feeds, data and kalender $gone_year (and no document)" \
    sh -c "env -u MAKEFLAGS -u MAKELEVEL make --no-print-directory ARCHIVE_BIN='$ABIN' \
               MOTESDOK_MEETINGS='$R/m' MOTESDOK_OUT='$R/out' -j2 archive >'$R/log' 2>&1; rc=\$?;
           cat '$R/log'; [ \$rc -eq 0 ] &&
           sed -n 's/^\[[0-9]*\/[0-9]*\] \([a-z]* *[0-9-]*\).*/\1/p' '$R/log' | sed 's/ *\$//' | sort >'$R/got' &&
           printf 'data\nics\nkalender $gone_year\nsite\n' | diff - '$R/got'"
ok "…and the site, the feed and the data no longer list $gone" \
    sh -c "! grep -q '$gone' '$R/out/site/index.html' && ! grep -q '$gone' '$R/out/site/data/index.json' &&
           ! grep -q '$gone' '$R/out/site/kalender.ics'"
ok "…and the next run rebuilds nothing" \
    sh -c "env -u MAKEFLAGS -u MAKELEVEL make --no-print-directory ARCHIVE_BIN='$ABIN' \
               MOTESDOK_MEETINGS='$R/m' MOTESDOK_OUT='$R/out' archive | grep -q 'nothing to rebuild'"

# 3. Another BRAND= or SOURCE_DATE_EPOCH remakes every document, the site, feeds and data.
n_rdocs=$(( $(ls "$R"/m/*.xml | wc -l) + $(grep -l 'status="held"' "$R"/m/*.xml | wc -l) +
    $(ls "$R/m" | cut -c1-4 | sort -u | wc -l) ))
ok "BRAND=exempel remakes all $n_rdocs documents and the site, feeds and data" \
    sh -c "env -u MAKEFLAGS -u MAKELEVEL make --no-print-directory ARCHIVE_BIN='$ABIN' \
               MOTESDOK_MEETINGS='$R/m' MOTESDOK_OUT='$R/out' -j2 BRAND=exempel archive >'$R/log' 2>&1;
           cat '$R/log'; grep -q '^archive: $(( n_rdocs + 3 )) steps done' '$R/log'"
ok "the same brand again rebuilds nothing" \
    sh -c "env -u MAKEFLAGS -u MAKELEVEL make --no-print-directory ARCHIVE_BIN='$ABIN' \
               MOTESDOK_MEETINGS='$R/m' MOTESDOK_OUT='$R/out' BRAND=exempel archive | grep -q 'nothing to rebuild'"
ok "SOURCE_DATE_EPOCH=1700000000 remakes every step" \
    sh -c "env -u MAKEFLAGS -u MAKELEVEL SOURCE_DATE_EPOCH=1700000000 make --no-print-directory \
               ARCHIVE_BIN='$ABIN' MOTESDOK_MEETINGS='$R/m' MOTESDOK_OUT='$R/out' -j2 BRAND=exempel \
               archive >'$R/log' 2>&1; rc=\$?; cat '$R/log';
           [ \$rc -eq 0 ] && grep -q '^archive: $(( n_rdocs + 3 )) steps done' '$R/log'"
# 4. make -j100 (more than the batch's 64 workers) works: 64 are used.
touch "$R/m/$(ls "$R/m" | head -n 1)"
ok "make -j100 archive succeeds (the batch gets -j 64)" \
    sh -c "env -u MAKEFLAGS -u MAKELEVEL SOURCE_DATE_EPOCH=1700000000 make --no-print-directory \
               ARCHIVE_BIN='$ABIN' MOTESDOK_MEETINGS='$R/m' MOTESDOK_OUT='$R/out' -j100 BRAND=exempel \
               archive >'$R/log' 2>&1; rc=\$?; cat '$R/log';
           [ \$rc -eq 0 ] && grep -q '^archive: [0-9]* steps done' '$R/log' &&
           ! grep -q warning '$R/out/archive-log/batch.log'"
ok "batch -j 100 uses 64 workers with a warning, and succeeds" \
    sh -c "echo 'kalender $gone_year' | MOTESDOK_MEETINGS='$R/m' MOTESDOK_OUT='$R/b100' '$BIN' batch -j 100 2>'$R/b100.err';
           rc=\$?; cat '$R/b100.err'; [ \$rc -eq 0 ] && grep -q 'warning: -j 100: using 64 worker' '$R/b100.err' &&
           test -s '$R/b100/kalender-$gone_year.pdf'"

# 5. A job whose log cannot be written is still recorded in failed/, and the archive fails.
first_r=$(ls "$R/m" | head -n 1)
first_r=${first_r%.xml}
cp "$R/m/$first_r.xml" "$R/good.xml"
sed 's/<agenda>/<agenda><bogus\/>/' "$R/good.xml" >"$R/m/$first_r.xml"
mkdir -p "$R/blog/kallelse-$first_r.log"
ok "batch: a failed job whose log is a folder is recorded in failed/ with the reason" \
    sh -c "echo 'kallelse $first_r' | MOTESDOK_MEETINGS='$R/m' MOTESDOK_OUT='$R/bo' '$BIN' batch --log '$R/blog' >'$R/blog.out' 2>&1;
           rc=\$?; cat '$R/blog.out'; [ \$rc -eq 1 ] &&
           grep -q 'error: kallelse $first_r failed and this log could not be written (Is a directory)' \
               '$R/blog/failed/kallelse-$first_r.log'"
# A program that makes the job's log a folder before the batch runs (as a full disk would
# lose it), and one whose batch fails without recording anything.
cat >"$R/logdir-bin" <<EOS
#!/bin/sh
if [ "\$1" = batch ]; then mkdir -p "\$ARCHIVE_LOG/kallelse-$first_r.log"; fi
exec '$ABIN' "\$@"
EOS
cat >"$R/silent-bin" <<EOS
#!/bin/sh
if [ "\$1" = batch ]; then exit 1; fi
exec '$ABIN' "\$@"
EOS
chmod +x "$R/logdir-bin" "$R/silent-bin"
ok "make archive: the broken meeting whose log could not be written fails the run, named" \
    sh -c "env -u MAKEFLAGS -u MAKELEVEL make --no-print-directory ARCHIVE_BIN='$R/logdir-bin' \
               MOTESDOK_MEETINGS='$R/m' MOTESDOK_OUT='$R/out' archive >'$R/log' 2>&1; rc=\$?; cat '$R/log';
           [ \$rc -ne 0 ] && grep -q '^  kallelse-$first_r\$' '$R/log' &&
           grep -q 'could not be written (Is a directory)' '$R/log'"
cp "$R/good.xml" "$R/m/$first_r.xml"
ok "make archive: a batch that exits 1 with nothing in failed/ fails the run too" \
    sh -c "env -u MAKEFLAGS -u MAKELEVEL make --no-print-directory ARCHIVE_BIN='$R/silent-bin' \
               MOTESDOK_MEETINGS='$R/m' MOTESDOK_OUT='$R/out' archive >'$R/log' 2>&1; rc=\$?; cat '$R/log';
           [ \$rc -ne 0 ] && grep -q 'none is recorded in .*/failed/' '$R/log' && ! grep -q 'steps done' '$R/log'"

# 6. A job line with a NUL byte is malformed.
printf 'kallelse 2024-01-09\000junk\n' >"$R/nul.jobs"
ok "batch: a job line holding a NUL byte is refused (exit 2) with file:line" \
    sh -c "MOTESDOK_OUT='$R/nul' '$BIN' batch '$R/nul.jobs' 2>'$R/nul.err'; rc=\$?; cat '$R/nul.err';
           [ \$rc -eq 2 ] && grep -q '^$R/nul.jobs:1: error: a job line holds a NUL byte' '$R/nul.err' &&
           ! test -e '$R/nul'"
