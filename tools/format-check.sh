#!/bin/sh
# Fails when a C file differs from what clang-format (.clang-format) makes of it.
set -u
cd "$(dirname "$0")/.."
bad=0
for f in src/*.c src/*.h tests/unit/*.c tests/unit/*.h tests/tools/*.c tests/bench/*.c tests/fuzz/*.c; do
    [ -f "$f" ] || continue
    if ! clang-format --style=file "$f" | cmp -s - "$f"; then
        echo "$f: not formatted; run make format"
        bad=1
    fi
done
exit $bad
