# shellcheck shell=sh
# Sourced by tests/run.sh. Broken layout trees: tests/fo-bad/*.fo, and the ones too big to commit
# that tests/fo-bad/generate.py writes (10,000 nested blocks, a 20,000 × 20,000 px PNG). Each
# starts with <!-- expect: LINE: severity: message --> lines ("=" in front: a whole line that
# names another file, such as the image; "*" matches any text). Every expected line must be printed, and no other error.
# A tree with an expected error must exit 1 and leave no PDF: neither a new file nor a temporary
# one, and an earlier PDF of the same name untouched. A tree with warnings only must exit 0 with
# a PDF. Each run has 60 s (timeout): a hang fails, and so does any exit but 0 and 1 (a crash).
echo "== broken layout trees (tests/fo-bad)"
b_gen=$O/fo-bad
rm -rf "$b_gen"
python3 tests/fo-bad/generate.py "$b_gen" || fail "fo-bad: generate.py failed"
for f in tests/fo-bad/*.fo "$b_gen"/*.fo; do
    name="fo-bad $(basename "$f" .fo)"
    sed -n 's/^<!-- expect: \(.*\) -->$/\1/p' "$f" >"$tmp/expect"
    if [ ! -s "$tmp/expect" ]; then
        fail "$name (no <!-- expect: … --> line)"
        continue
    fi
    want_errors=$(grep -c ': error: ' "$tmp/expect")
    rm -rf "$tmp/fo-bad-out"
    mkdir -p "$tmp/fo-bad-out"
    printf 'an earlier PDF\n' >"$tmp/fo-bad-out/doc.pdf"
    timeout 60 "$BIN" typeset "$f" -o "$tmp/fo-bad-out/doc.pdf" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    problem=""
    case $rc in
    124) problem="no answer in 60 s (hang?)" ;;
    0 | 1) ;;
    *) problem="exit $rc (crash?)" ;;
    esac
    if [ "$want_errors" -gt 0 ]; then
        [ "$rc" -eq 1 ] || problem="$problem; exit $rc, expected 1"
        [ "$(cat "$tmp/fo-bad-out/doc.pdf")" = "an earlier PDF" ] ||
            problem="$problem; the earlier PDF was changed"
        [ "$(ls -A "$tmp/fo-bad-out")" = "doc.pdf" ] ||
            problem="$problem; files left behind: $(ls -A "$tmp/fo-bad-out" | tr '\n' ' ')"
    else
        [ "$rc" -eq 0 ] || problem="$problem; exit $rc, expected 0 (warnings only)"
        head -c 5 "$tmp/fo-bad-out/doc.pdf" | grep -q '^%PDF-' || problem="$problem; no PDF written"
    fi
    while IFS= read -r e; do
        case "$e" in
        =*) line=${e#=} ;;
        *) line=$f:$e ;;
        esac
        # "*" stands for any text (a figure that the text engine may change by a hair).
        re=$(printf '%s\n' "$line" | sed 's/[][\.^$]/\\&/g; s/\*/.*/g')
        grep -qx -- "$re" "$tmp/err" || problem="$problem; missing: $line"
    done <"$tmp/expect"
    got_errors=$(grep -c ': error: ' "$tmp/err")
    [ "$want_errors" -eq "$got_errors" ] || problem="$problem; $got_errors errors, expected $want_errors"
    if [ -z "$problem" ]; then
        pass "$name"
    else
        cut -c1-300 "$tmp/err" | sed 's/^/    got: /' | head -n 10
        fail "$name (${problem#; })"
    fi
done
