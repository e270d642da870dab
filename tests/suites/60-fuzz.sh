# shellcheck shell=sh
# Sourced by tests/run.sh.
echo "== fuzzing (libFuzzer, a short run; make fuzz runs longer)"
ok "meeting XML fuzzed for 30 s with no crash, leak or hang" \
    make --no-print-directory fuzz FUZZ_SECONDS=30 O="$O"
