# shellcheck shell=sh
# Sourced by tests/run.sh. Differential test against Apache FOP 2.8 (Debian package fop, with
# the fonts of fonts/: tests/fop/fop.xconf): every golden tree (tests/golden/*.fo) and the four
# seed documents' trees (kallelse and protokoll of both seed meetings) are typeset by both, after
# tests/fop/for-fop.xsl has taken out static content and md:src. tests/fop/compare.py then wants
# the same text, normalised for white space, hyphenation, ligatures, leaders and bullets (in a
# tree with tables, the same characters in any order, as pdftotext reads cells by geometry), and
# page counts within one. Trees in tests/fop/KNOWN must still differ (and say why).
echo "== differential test against Apache FOP"
f_dir=$tmp/fop
f_cache=out/fop-cache
mkdir -p "$f_dir" "$f_cache"
if ! command -v fop >/dev/null 2>&1; then
    fail "fop: Apache FOP is not installed (tools/deps.sh test installs the Debian package fop)"
else
    for m in 2024-01-30 2020-01-29; do
        for what in kallelse protokoll; do
            "$BIN" "$what" "$m" >/dev/null 2>&1 || fail "fop: $what $m: motesdok made no tree"
        done
    done
    for f in tests/golden/*.fo "$OUT"/2024-01-30/kallelse.fo "$OUT"/2024-01-30/protokoll.fo \
        "$OUT"/2020-01-29/kallelse.fo "$OUT"/2020-01-29/protokoll.fo; do
        case "$f" in
        tests/golden/*) n=$(basename "$f" .fo) ;;
        *) n=$(basename "$(dirname "$f")")-$(basename "$f" .fo) ;;
        esac
        known=$(sed -n "s/^$n: //p" tests/fop/KNOWN)
        if ! xsltproc tests/fop/for-fop.xsl "$f" >"$f_dir/$n.fo" 2>"$f_dir/$n.log"; then
            fail "fop $n: xsltproc for-fop.xsl failed"
            continue
        fi
        timeout 60 "$BIN" typeset "$f_dir/$n.fo" -o "$f_dir/$n.pdf" >/dev/null 2>&1
        # FOP's PDF depends only on the tree and the configuration: keep it in out/fop-cache,
        # so that the second build tested (make check SANITIZE=1) does not start Java again.
        key=$(cat "$f_dir/$n.fo" tests/fop/fop.xconf | sha256sum | cut -c1-32)
        rc=0
        if [ -s "$f_cache/$key.pdf" ]; then
            cp "$f_cache/$key.pdf" "$f_dir/$n-fop.pdf"
        else
            timeout 120 fop -c tests/fop/fop.xconf -fo "$f_dir/$n.fo" -pdf "$f_dir/$n-fop.pdf" \
                >"$f_dir/$n-fop.log" 2>&1
            rc=$?
            if [ "$rc" -eq 0 ] && cp "$f_dir/$n-fop.pdf" "$f_cache/$key.pdf.tmp$$"; then
                mv "$f_cache/$key.pdf.tmp$$" "$f_cache/$key.pdf"
            fi
        fi
        if [ "$rc" -ne 0 ] || [ ! -s "$f_dir/$n-fop.pdf" ]; then
            grep -E 'SEVERE|ERROR|Exception' "$f_dir/$n-fop.log" | head -n 5 | sed 's/^/    /'
            fail "fop $n: FOP failed (exit $rc)"
            continue
        fi
        tables=""
        grep -q '<fo:table[ >]' "$f_dir/$n.fo" && tables=--tables
        python3 tests/fop/compare.py $tables "$f_dir/$n.pdf" "$f_dir/$n-fop.pdf" >"$f_dir/$n.cmp" 2>&1
        rc=$?
        if [ -n "$known" ]; then
            if [ "$rc" -eq 1 ]; then
                echo "KNOWN fop $n: $known"
            else
                sed 's/^/    /' "$f_dir/$n.cmp"
                fail "fop $n: listed in tests/fop/KNOWN but now $( [ $rc -eq 0 ] && echo matches || echo 'cannot be compared'); update the list"
            fi
        elif [ "$rc" -eq 0 ]; then
            pass "fop $n: $(cat "$f_dir/$n.cmp")"
        else
            sed 's/^/    /' "$f_dir/$n.cmp"
            fail "fop $n: motesdok and FOP differ"
        fi
    done
fi
