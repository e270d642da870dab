# shellcheck shell=sh
# Sourced by tests/run.sh. Golden tests of the typesetter: one small layout tree per feature of
# the XSL-FO subset, tests/golden/NAME.fo. Each is typeset twice (the same bytes), and compared
# with what was committed after a person looked at its pages:
#   NAME.txt      pdftotext -layout of the PDF, exactly;
#   NAME.err      the warnings motesdok prints (usually empty), exactly;
#   NAME.dests    for a tree with bookmarks or internal links: its outline (titles, levels,
#                 target pages) and link annotations (page, target page), read back by qpdf
#                 through tests/page/pdf_dests.py, exactly;
#   NAME-P.png    page P at 40 dpi in grey (pdftoppm), at a tolerance (tests/tools/imgdiff.py:
#                 a pixel differs when its grey level moves by more than 64 of 255, and at most
#                 0.1 % of a page's pixels may differ: anti-aliasing noise passes; a rule, a border,
#                 an image or a line of text that moved by a pixel or more does not).
# Trees listed in tests/golden/PENDING are typeset (no crash, no hang) but not compared.
# MD_UPDATE_GOLDEN=1 writes the references anew; read `git diff` and look at the PNGs.
echo "== golden layout trees (tests/golden)"
g_tol=0.001
g_dir=$tmp/golden
mkdir -p "$g_dir"
for f in tests/golden/*.fo; do
    n=$(basename "$f" .fo)
    pending=$(sed -n "s/^$n: //p" tests/golden/PENDING)
    if [ -n "$pending" ]; then
        timeout 60 "$BIN" typeset "$f" -o "$g_dir/$n.pdf" >"$g_dir/$n.err" 2>&1
        rc=$?
        if [ "$rc" -le 1 ]; then
            pass "golden $n: pending tree typesets (exit $rc; not compared: $pending)"
        else
            sed 's/^/    /' "$g_dir/$n.err" | head -n 10
            fail "golden $n: pending tree: exit $rc (crash or hang)"
        fi
        continue
    fi
    SOURCE_DATE_EPOCH=1706572800 timeout 60 "$BIN" typeset "$f" -o "$g_dir/$n.pdf" \
        2>"$g_dir/$n.err"
    rc=$?
    SOURCE_DATE_EPOCH=1706572800 timeout 60 "$BIN" typeset "$f" -o "$g_dir/$n-again.pdf" \
        2>/dev/null
    if [ "$rc" -ne 0 ] || [ ! -s "$g_dir/$n.pdf" ]; then
        sed 's/^/    /' "$g_dir/$n.err" | head -n 10
        fail "golden $n: typeset exit $rc"
        continue
    fi
    if cmp -s "$g_dir/$n.pdf" "$g_dir/$n-again.pdf"; then
        pass "golden $n: two runs give the same bytes"
    else
        fail "golden $n: two runs give different PDFs"
    fi
    pdftotext -layout "$g_dir/$n.pdf" "$g_dir/$n.txt"
    rm -f "$g_dir/$n"-[0-9]*.png
    pdftoppm -r 40 -gray -png "$g_dir/$n.pdf" "$g_dir/$n"
    # pdftoppm numbers pages -1 … -9, or -01 … when there are ten or more; make them plain.
    for p in "$g_dir/$n"-0*.png; do
        [ -e "$p" ] || continue
        q=$(echo "$p" | sed "s/-0*\([1-9][0-9]*\)\.png$/-\1.png/")
        mv "$p" "$q"
    done
    # Outline and internal links, read back by qpdf (tests/page/pdf_dests.py): a tree with
    # bookmarks or internal links has NAME.dests, compared exactly (what pages do not show).
    if ! python3 tests/page/pdf_dests.py "$g_dir/$n.pdf" >"$g_dir/$n.dests" 2>"$g_dir/$n.dlog"; then
        sed 's/^/    /' "$g_dir/$n.dlog" | head -n 5
        fail "golden $n: tests/page/pdf_dests.py cannot read the PDF"
    fi
    if [ -n "${MD_UPDATE_GOLDEN:-}" ]; then
        rm -f tests/golden/"$n"-[0-9]*.png tests/golden/"$n".dests
        cp "$g_dir/$n.txt" "$g_dir/$n.err" tests/golden/
        cp "$g_dir/$n"-[0-9]*.png tests/golden/
        if grep -q '^outline \|^link ' "$g_dir/$n.dests"; then
            cp "$g_dir/$n.dests" tests/golden/
        fi
        pass "golden $n: references written ($(ls "$g_dir/$n"-[0-9]*.png | wc -l) pages); look at them"
        continue
    fi
    if [ ! -f "tests/golden/$n.txt" ]; then
        fail "golden $n: no references (tests/golden/$n.txt); run MD_UPDATE_GOLDEN=1 make check SUITES=golden, or list it in tests/golden/PENDING"
        continue
    fi
    if diff -u "tests/golden/$n.txt" "$g_dir/$n.txt" >"$g_dir/$n.diff"; then
        pass "golden $n: text (pdftotext -layout)"
    else
        head -n 30 "$g_dir/$n.diff" | sed 's/^/    /'
        fail "golden $n: text differs from tests/golden/$n.txt"
    fi
    if diff -u "tests/golden/$n.err" "$g_dir/$n.err" >"$g_dir/$n.diff"; then
        pass "golden $n: warnings"
    else
        sed 's/^/    /' "$g_dir/$n.diff" | head -n 20
        fail "golden $n: warnings differ from tests/golden/$n.err"
    fi
    if [ -f "tests/golden/$n.dests" ]; then
        if diff -u "tests/golden/$n.dests" "$g_dir/$n.dests" >"$g_dir/$n.diff"; then
            pass "golden $n: outline and internal links ($(grep -c '^outline \|^link ' "$g_dir/$n.dests") entries, qpdf)"
        else
            sed 's/^/    /' "$g_dir/$n.diff" | head -n 20
            fail "golden $n: outline or internal links differ from tests/golden/$n.dests"
        fi
    elif grep -q '^outline \|^link ' "$g_dir/$n.dests"; then
        fail "golden $n: the PDF has an outline or internal links but there is no tests/golden/$n.dests; run MD_UPDATE_GOLDEN=1 make check SUITES=golden"
    fi
    want=$(ls tests/golden/"$n"-[0-9]*.png 2>/dev/null | wc -l)
    got=$(ls "$g_dir/$n"-[0-9]*.png | wc -l)
    if [ "$want" -ne "$got" ]; then
        fail "golden $n: $got pages, expected $want"
        continue
    fi
    problem=""
    for ref in tests/golden/"$n"-[0-9]*.png; do
        new=$g_dir/$(basename "$ref")
        if ! python3 tests/tools/imgdiff.py --tolerance "$g_tol" --diff "$g_dir/$(basename "$ref" .png)-diff.pgm" \
            "$ref" "$new" >"$g_dir/$n.img" 2>&1; then
            problem="$problem $(cat "$g_dir/$n.img")"
        fi
    done
    if [ -z "$problem" ]; then
        pass "golden $n: $got page images within $g_tol"
    else
        fail "golden $n: page images:$problem"
    fi
done
