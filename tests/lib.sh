# Shared helpers for the test suites (sourced by tests/run.sh; each suite in tests/suites/
# uses pass, fail, counted, ok and must_fail, and may use $O, $BIN and $tmp).
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
