#!/bin/sh
# Runs every test of motesdok. Usage: tests/run.sh out/build/BUILD
# Each test prints PASS or FAIL with its name; a unit test counts its own checks. The last
# line is "N passed, N failed". The suites are tests/suites/*.sh, run in name order; SUITES="unit
# documents" runs only those whose names contain one of the words.
set -u
O=${1:?usage: tests/run.sh out/build/BUILD}
BIN=$O/motesdok
passed=0
failed=0
# LeakSanitizer: Fontconfig's caches, filled when librsvg lays out the text of an SVG figure
# through Pango, live until exit (allocated inside libfontconfig; not ours to free).
export LSAN_OPTIONS="print_suppressions=0:suppressions=$(pwd)/tests/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
# Documents go to $O/out, so that builds (release, sanitize) tested at once do not share files.
OUT=$O/out
export MOTESDOK_OUT="$OUT"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

. tests/lib.sh

for s in tests/suites/*.sh; do
    if [ -n "${SUITES:-}" ]; then
        want=0
        for w in $SUITES; do case "$s" in *"$w"*) want=1 ;; esac; done
        [ "$want" -eq 1 ] || continue
    fi
    . "$s"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
