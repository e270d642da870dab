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

# Incremental runs (docs/site.md): after one meeting changed, site, ics and data give the same
# bytes as a build from nothing, though they read only what changed.
gen_all() { # OUT: site, ics and data of $G/meetings into OUT
    MOTESDOK_MEETINGS=$G/meetings MOTESDOK_OUT=$1 sh -c \
        "'$BIN' site && '$BIN' ics && '$BIN' data" >"$tmp/inc.log" 2>&1
}
same_as_scratch() { # what: an incremental build of $G/out equals one from nothing
    rm -rf "$G/scratch"
    if gen_all "$G/out" && gen_all "$G/scratch" && diff -r "$G/out/site" "$G/scratch/site" \
        >"$tmp/inc.diff" 2>&1; then
        pass "site: incremental after $1 = from nothing (site, ics, data)"
    else
        sed 's/^/    /' "$tmp/inc.log" "$tmp/inc.diff" | grep -v warning | head -n 10
        fail "site: incremental after $1 = from nothing (site, ics, data)"
    fi
}
stamp() { stat -c %Y.%y "$@" 2>/dev/null; }
if [ -s "$G/out/site/index.html" ]; then
    same_as_scratch "nothing changed"
    ok "site: the shared pages have a record, ics and data one per meeting" \
        test -s "$G/out/.site-cache/.page-uppdrag.html" -a "$(ls "$G/out/.ics-cache" | wc -l)" -eq 20 -a \
        "$(ls "$G/out/.data-cache" | wc -l)" -eq 20
    # Touched: the same digest, so no shared page is written again.
    before=$(stamp "$G"/out/site/*.html "$G"/out/site/data/index.json "$G"/out/site/kalender.ics)
    one=$(ls "$G"/meetings/*.xml | sed -n 7p)
    sleep 0.01
    touch "$one"
    same_as_scratch "touching $(basename "$one")"
    after=$(stamp "$G"/out/site/*.html "$G"/out/site/data/index.json "$G"/out/site/kalender.ics)
    ok "site: a touched meeting rewrites no shared page, feed or index" test "$before" = "$after"
    # Edited where the shared pages show it: an uppdrag's text and an item's title.
    edit=$(grep -l 'AU tar med sig frågan' "$G"/meetings/*.xml | sed -n 2p)
    sed -i 's/AU tar med sig frågan och återkommer\./AU återkommer i frågan./; s/<title>Välkomna/<title>Hej och välkomna/' \
        "$edit"
    same_as_scratch "editing an uppdrag of $(basename "$edit")"
    ok "site: the edited uppdrag is on the uppdrag page, in the open data and the page" \
        grep -q 'AU återkommer i frågan.' "$G/out/site/uppdrag.html" \
        "$G/out/site/data/meetings/$(basename "$edit" .xml).json" \
        "$G/out/site/$(basename "$edit" .xml)/index.html"
    # The same size and time, one byte changed: the records' hash sees it.
    t=$(stat -c %y "$edit")
    sed -i 's/AU återkommer i frågan\./AU återkommer i fråga!./' "$edit"
    touch -d "$t" "$edit"
    gen_all "$G/out"
    ok "site: a change under the same size and time reaches ics and data (hash)" \
        grep -q 'AU återkommer i fråga!' "$G/out/site/data/meetings/$(basename "$edit" .xml).json"
    # Removed and added meetings; a damaged record; a shared page deleted by hand.
    gone=$(ls "$G"/meetings/*.xml | sed -n 12p)
    mv "$gone" "$tmp/gone.xml"
    same_as_scratch "removing $(basename "$gone")"
    mv "$tmp/gone.xml" "$gone"
    same_as_scratch "adding $(basename "$gone")"
    for r in "$G"/out/.ics-cache/* "$G"/out/.data-cache/*; do
        head -c 200 "$r" >"$r.cut" && mv "$r.cut" "$r" && break
    done
    printf 'motesdok-ics 1 size=0\n' >"$(ls -d "$G"/out/.ics-cache/* | tail -n 1)"
    rm "$G/out/site/uppdrag.html"
    same_as_scratch "damaged records and a deleted page"
    # Records damaged field by field (each once crashed a command or stopped it with rc 3):
    # each is a cache miss, the meeting read again, its output as from nothing and its record
    # written again as it was. The ics and data records are sealed again after the damage (their
    # payload line's hash made to match), so that their fields are checked; ics-byte (a body id
    # changed, not sealed) is caught by that hash alone.
    damage_rec() { # RECORD KIND: damages one record as tests/suites/87-site.sh names it
        python3 - "$1" "$2" <<'PY'
import re, sys
path, kind = sys.argv[1], sys.argv[2]
rec = open(path, "rb").read()
key_end = rec.index(b"\n") + 1
if not kind.startswith("site-"):  # after the key, "payload LEN HASH" (src/site-cache.c)
    key_end = rec.index(b"\n", key_end) + 1
key, p = rec[:key_end], rec[key_end:]
M = (1 << 64) - 1

def hash64(b):  # md_hash64 (src/base.c) from seed 0
    h = 0x9E3779B97F4A7C15 ^ len(b)
    i = 0
    while i + 8 <= len(b):
        h = ((h ^ int.from_bytes(b[i:i + 8], "little")) * 0xFF51AFD7ED558CCD) & M
        h ^= h >> 32
        i += 8
    h = ((h ^ int.from_bytes(b[i:], "little")) * 0xC4CEB9FE1A85EC53) & M
    h ^= h >> 29
    h = (h * 0x9E3779B97F4A7C15) & M
    return h ^ (h >> 32)

def payload_line(b):
    return b"payload %d %016x\n" % (len(b), hash64(b))

if not kind.startswith("site-"):
    assert key.endswith(payload_line(p)), "the record's payload line is md_hash64's"

def num(i):
    j = p.index(b" ", i)
    return (i, j), j + 1

def string(i):
    if p[i:i + 1] == b"-":
        return (i, i + 1), i + 1
    j = p.index(b":", i)
    end = j + 1 + int(p[i:j])
    return (i, end), end

def put(span, new):
    global p
    p = p[:span[0]] + new + p[span[1]:]

if kind.startswith("ics-"):
    i = num(0)[1]
    ints = []
    for _ in range(13):
        span, i = num(i)
        ints.append(span)
    strs = []
    for _ in range(6):
        span, i = string(i)
        strs.append(span)
    assert int(p[ints[12][0]:ints[12][1]]) > 0, "the first event has a body"
    # The first event: 0 is_meeting 1 when 2 year 3 month 4 day 5 start .. 12 bodies;
    # strings: uid title place note, then the first body's id and name.
    span, new = {"ics-body": (strs[4], b"-"), "ics-uid": (strs[0], b"-"),
                 "ics-month": (ints[3], b"99"), "ics-start": (ints[5], b"999999999"),
                 "ics-byte": ((strs[4][1] - 1, strs[4][1]), b"X")}[kind]
    put(span, new)
elif kind.startswith("data-"):
    stamp, i = string(0)
    summary, i = string(i)
    digest, i = string(i)
    count, i = num(i)
    if kind == "data-count":
        put(count, b"5000")
    else:  # one byte of the summary changed, its length kept
        k = p.index(b'"id"', summary[0])
        put((k, k + 4), b'"ID"')
else:
    nul = p.index(b"\0")
    if kind == "site-cut":
        p = p[:nul + 41]
    elif kind == "site-lines":  # no date, tail or file lines
        p = p[nul:]
    else:  # one byte of the digest changed
        k = p.index(b"<", nul)
        put((k + 1, k + 2), b"X")
if kind.startswith("ics-") and kind != "ics-byte" or kind.startswith("data-"):
    # Sealed again: the fields alone must tell the record is damaged.
    key = key[:key.rindex(b"payload ")] + payload_line(p)
open(path, "wb").write(key + p)
PY
    }
    # The record damaged in the K-th way: the K-th meeting's in the kind's cache folder.
    damage_kinds="ics-body ics-uid ics-month ics-start ics-byte data-count data-summary
        site-cut site-lines site-digest"
    rec_of() { # rec_of K KIND
        rec_dir=$G/out/.${2%%-*}-cache
        echo "$rec_dir/$(ls "$rec_dir" | grep -v '^\.' | sed -n "${1}p")"
    }
    k=0
    for kind in $damage_kinds; do
        k=$((k + 1))
        rec=$(rec_of $k "$kind")
        cp "$rec" "$tmp/rec-$kind"
        if damage_rec "$rec" "$kind" && ! cmp -s "$rec" "$tmp/rec-$kind"; then
            pass "site: record damaged ($kind of $(basename "$rec"))"
        else
            fail "site: record damaged ($kind of $(basename "$rec"))"
        fi
    done
    same_as_scratch "records damaged field by field"
    k=0
    for kind in $damage_kinds; do
        k=$((k + 1))
        rec=$(rec_of $k "$kind")
        ok "site: a damaged record ($kind) is written again as it was" cmp "$rec" "$tmp/rec-$kind"
    done
    # Each command alone, on a damaged record: exit 0, nothing said but the summary line.
    for kind in ics-body ics-month data-count site-cut site-lines; do
        cmd=${kind%%-*}
        rec=$(rec_of 1 "$kind")
        damage_rec "$rec" "$kind"
        MOTESDOK_MEETINGS=$G/meetings MOTESDOK_OUT=$G/out "$BIN" "$cmd" >"$tmp/one.log" 2>&1
        rc=$?
        if [ "$rc" -eq 0 ] && ! grep -q 'error' "$tmp/one.log" &&
            diff -r "$G/out/site" "$G/scratch/site" >/dev/null 2>&1; then
            pass "site: motesdok $cmd on a damaged record ($kind): exit 0, the same output"
        else
            sed 's/^/    /' "$tmp/one.log" | grep -v warning | head -n 5
            fail "site: motesdok $cmd on a damaged record ($kind): exit $rc"
        fi
    done
else
    fail "site: incremental runs (no generated site to start from)"
fi
# Each shared page is made from the part of the site document it reads; it must equal the page
# xsl/html.xsl makes of the whole document (joined from the records by tests/site/whole-doc.py).
rm -rf "$G/whole"
if SOURCE_DATE_EPOCH=1735689600 MOTESDOK_MEETINGS=$G/meetings MOTESDOK_OUT=$G/whole \
    "$BIN" site >"$tmp/whole.log" 2>&1 &&
    python3 tests/site/whole-doc.py "$G/whole" 2025-01-01 >"$tmp/whole.xml" 2>>"$tmp/whole.log"; then
    for p in index:index.html calendar:kalender.html actions:uppdrag.html; do
        ok "site: ${p#*:} = html.xsl on the whole site document (xsltproc)" sh -c \
            "xsltproc --stringparam page ${p%%:*} --stringparam build-date 2025-01-01 \
               --stringparam brand orebro --stringparam feeds yes --stringparam open-data yes \
               xsl/html.xsl '$tmp/whole.xml' | cmp - '$G/whole/site/${p#*:}'"
    done
else
    sed 's/^/    /' "$tmp/whole.log" | grep -v warning | head -n 10
    fail "site: the whole site document of the generated archive"
fi

# A PDF copied into the site and changed there (same size) is copied again.
pdf=$S/2024-01-30/protokoll.pdf
if [ -s "$pdf" ]; then
    "$BIN" site >/dev/null 2>&1
    size=$(stat -c %s "$pdf")
    head -c "$size" /dev/zero >"$tmp/zero.pdf" && cat "$tmp/zero.pdf" >"$pdf"
    "$BIN" site >/dev/null 2>&1
    ok "site: a PDF changed in the site is copied again" cmp "$OUT/2024-01-30/protokoll.pdf" "$pdf"
fi

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
