# shellcheck shell=sh
# Sourced by tests/run.sh.
echo "== unit tests"
for t in "$O"/tests/*_test; do
    [ -x "$t" ] || continue
    counted "unit $(basename "$t")" "$t"
done
