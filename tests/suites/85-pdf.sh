# shellcheck shell=sh
# Sourced by tests/run.sh. PDF/A-2a and PDF/UA-1 (issue 5): every PDF the tests made passes
# tests/pdf/check.py (what it checks: docs/pdf.md) and `qpdf --check`; the checker fails,
# naming the condition, on copies of a good PDF broken one way each (tests/pdf/break.py); a
# failed finishing step leaves the previous PDF and no temporary file.
echo "== PDF/A-2a and PDF/UA-1 (tests/pdf/check.py)"
p_dir=$tmp/pdf
p_bad=$tmp/pdf-broken
mkdir -p "$p_dir" "$p_bad"
PY=/usr/bin/python3

# The seed documents (made again when an earlier suite did not), this suite's sample tree and
# every layout tree of the tests.
for m in 2024-01-30 2020-01-29; do
    for what in kallelse protokoll; do
        [ -s "$OUT/$m/$what.pdf" ] || "$BIN" "$what" "$m" >/dev/null 2>&1 ||
            fail "pdf: $what $m: no PDF was made"
    done
done
for f in tests/pdf/sample.fo tests/golden/*.fo tests/page/*.fo tests/fo/*.fo; do
    [ -f "$f" ] || continue
    SOURCE_DATE_EPOCH=1706572800 "$BIN" typeset "$f" -o "$p_dir/$(basename "$f" .fo).pdf" \
        >"$p_dir/$(basename "$f" .fo).err" 2>&1 ||
        { sed 's/^/    /' "$p_dir/$(basename "$f" .fo).err" | head -n 5;
          fail "pdf: typeset $f"; }
done

# Every PDF made so far by motesdok: Apache FOP's *-fop.pdf, the broken copies and the raw
# Cairo PDFs of test tools that draw on the PDF canvas directly (tests/tools/textpdf; its
# Producer is cairo's own, which a finished PDF never keeps) aside.
find "$OUT" "$tmp" -name '*.pdf' ! -name '*-fop.pdf' ! -path "$p_bad/*" -type f 2>/dev/null |
    LC_ALL=C sort >"$tmp/pdf-all"
: >"$tmp/pdf-list"
raw=""
while IFS= read -r f; do
    if pdfinfo "$f" 2>/dev/null | grep -q '^Producer: *cairo '; then
        raw="$raw ${f#"$tmp"/}"
    else
        echo "$f" >>"$tmp/pdf-list"
    fi
done <"$tmp/pdf-all"
[ -z "$raw" ] || echo "    (not checked, raw Cairo output of test tools:$raw)"
n_pdfs=$(wc -l <"$tmp/pdf-list")
ok "pdf: the tests made PDFs to check ($n_pdfs)" test "$n_pdfs" -ge 10

# tests/pdf/EXPECTED lists "NAME.pdf: condition: why" for test trees that lack what the
# condition needs (a fragment without fo:title, say); those must fail exactly so.
# shellcheck disable=SC2046
$PY tests/pdf/check.py $(cat "$tmp/pdf-list") >"$tmp/pdf-check.out" 2>&1
grep -v ': fail: ' "$tmp/pdf-check.out" | sed 's/^/    /'
while IFS= read -r f; do
    n=$(basename "$f" | sed 's/-again\.pdf$/.pdf/')
    got=$(grep -F "$f: fail: " "$tmp/pdf-check.out" | sed 's/^.*: fail: \([a-z.-]*\):.*$/\1/')
    want=$(sed -n "s/^$n: \([a-z.-]*\):.*$/\1/p" tests/pdf/EXPECTED | LC_ALL=C sort)
    got=$(echo "$got" | sed '/^$/d' | LC_ALL=C sort)
    rel=${f#"$tmp"/}
    if [ "$got" = "$want" ]; then
        pass "pdf: $rel passes the checker${want:+ (but for $(echo $want) as tests/pdf/EXPECTED says)}"
    else
        grep -F "$f: " "$tmp/pdf-check.out" | sed 's/^/    /'
        fail "pdf: $rel: the checker found [$(echo $got)], expected [$(echo $want)]"
    fi
    if qpdf --check "$f" >"$tmp/qpdf.out" 2>&1 && grep -q 'No syntax or stream encoding errors' "$tmp/qpdf.out"; then
        passed=$((passed + 1))
    else
        sed 's/^/    /' "$tmp/qpdf.out" | head -n 5
        fail "pdf: qpdf --check $rel"
    fi
done <"$tmp/pdf-list"

# The Swedish text still extracts: å ä ö, the en dash, nothing turned into U+FFFD.
pdftotext -raw "$OUT/2024-01-30/kallelse.pdf" "$tmp/pdf-k.txt" 2>/dev/null
ok "pdf: kallelse 2024-01-30 extracts with å ä ö and en dashes, no U+FFFD" \
    sh -c "grep -q 'Samverkansrådet och C-nätet' $tmp/pdf-k.txt &&
           grep -q 'Föreningarnas' $tmp/pdf-k.txt && grep -q 'kl. 16.00–18.00' $tmp/pdf-k.txt &&
           ! grep -q '�' $tmp/pdf-k.txt"
pdftotext -raw "$p_dir/sample.pdf" "$tmp/pdf-s.txt" 2>/dev/null
ok "pdf: the sample extracts with å ä ö (Åtgärder följs upp på nästa möte)" \
    grep -q 'Åtgärder följs upp på' "$tmp/pdf-s.txt"
ok "pdf: the seeds are linearized" sh -c "qpdf --check $OUT/2024-01-30/protokoll.pdf |
    grep -q 'File is linearized' && qpdf --check $OUT/2020-01-29/kallelse.pdf | grep -q 'File is linearized'"
ok "pdf: the sample's structure (qpdf --json): a Figure with /Alt, a TH with /Scope, a Link" \
    sh -c "qpdf --json --json-key=qpdf $p_dir/sample.pdf >$tmp/pdf-s.json &&
           grep -q '\"/Alt\": \"u:Örebro kommuns logotyp\"' $tmp/pdf-s.json &&
           grep -q '\"/Scope\": \"/Column\"' $tmp/pdf-s.json &&
           grep -q '\"/Contents\": \"u:orebro.se\"' $tmp/pdf-s.json"

# Broken copies: each must fail, naming its condition.
for way_cond in no-lang:ua.lang figure-without-alt:ua.figure-alt \
    unembedded-font:pdfa.fonts-embedded no-xmp:pdfa.xmp no-output-intent:pdfa.output-intent \
    no-tabs:ua.tabs untagged-content:ua.artifacts link-without-contents:ua.links \
    th-without-scope:ua.table-scope title-disagrees:pdfa.xmp-info-agree \
    tounicode-fffd:ua.fonts-tounicode heading-skip:ua.headings; do
    way=${way_cond%%:*}
    cond=${way_cond#*:}
    if ! $PY tests/pdf/break.py "$way" "$p_dir/sample.pdf" "$p_bad/$way.pdf" >"$tmp/out" 2>&1; then
        sed 's/^/    /' "$tmp/out"
        fail "pdf: cannot make the broken copy $way"
        continue
    fi
    ok "pdf: broken ($way): the checker fails and names $cond" \
        sh -c "! $PY tests/pdf/check.py $p_bad/$way.pdf >$tmp/pdf-bad.out 2>&1 &&
               grep -q ': fail: $cond: ' $tmp/pdf-bad.out"
done

# A failed finishing step (a figure without alternative text) writes nothing: the previous
# PDF stays, byte for byte, and no temporary file is left beside it or in TMPDIR.
mkdir -p "$p_dir/atomic" "$p_dir/tmpdir"
sed 's/ fox:alt-text="[^"]*"//' tests/pdf/sample.fo >"$p_dir/no-alt.fo"
cp "$p_dir/sample.pdf" "$p_dir/atomic/doc.pdf"
ok "pdf: a figure without alternative text is an error naming fox:alt-text" \
    sh -c "! TMPDIR=$p_dir/tmpdir '$BIN' typeset $p_dir/no-alt.fo -o $p_dir/atomic/doc.pdf \
               2>$tmp/pdf-alt.err &&
           grep -q 'no-alt.fo: error: a figure has no alternative text.*fox:alt-text' $tmp/pdf-alt.err"
ok "pdf: ... and leaves the previous PDF and no temporary file" \
    sh -c "cmp $p_dir/sample.pdf $p_dir/atomic/doc.pdf &&
           [ \"\$(ls -A $p_dir/atomic)\" = doc.pdf ] && [ -z \"\$(ls -A $p_dir/tmpdir)\" ]"
ok "pdf: a finished PDF is the same bytes twice" \
    sh -c "SOURCE_DATE_EPOCH=1706572800 '$BIN' typeset tests/pdf/sample.fo -o $p_dir/again.pdf 2>/dev/null &&
           cmp $p_dir/sample.pdf $p_dir/again.pdf"
ok "pdf: without SOURCE_DATE_EPOCH no clock date is left (cairo writes one; finishing drops it)" \
    sh -c "env -u SOURCE_DATE_EPOCH '$BIN' typeset tests/pdf/sample.fo -o $p_dir/clock1.pdf 2>/dev/null &&
           sleep 1 && env -u SOURCE_DATE_EPOCH '$BIN' typeset tests/pdf/sample.fo -o $p_dir/clock2.pdf 2>/dev/null &&
           cmp $p_dir/clock1.pdf $p_dir/clock2.pdf && ! pdfinfo $p_dir/clock1.pdf | grep -q '^CreationDate'"
