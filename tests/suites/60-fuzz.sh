# shellcheck shell=sh
# Sourced by tests/run.sh. Every fuzz target in tests/fuzz/ (xml: meeting → validation → lint;
# fo: layout tree → pages → PDF; para: bytes → text engine) runs 30 s from its corpus in
# tests/fuzz/corpus/<target>, which holds the crashes found so far as regression inputs
# (regress-*): each run starts by running every corpus file. make fuzz runs longer.
echo "== fuzzing (libFuzzer, a short run; make fuzz runs longer)"
if command -v clang >/dev/null; then
    for t in $(ls tests/fuzz/*_fuzz.c | sed 's|tests/fuzz/\(.*\)_fuzz.c|\1|'); do
        ok "fuzz target $t: its corpus and 30 s of fuzzing with no crash, leak or hang" \
            make --no-print-directory fuzz FUZZ_TARGETS="$t" FUZZ_SECONDS=30 O="$O"
    done
else
    echo "SKIP fuzzing: clang is not installed (make deps-test)"
fi
