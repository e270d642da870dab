#!/bin/sh
# Every header compiles alone (STYLE.md §5): a file holding only its #include.
# Usage: tools/check-headers.sh "CC CFLAGS…"
set -u
cc=${1:?usage: tools/check-headers.sh "CC CFLAGS"}
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bad=0
for h in src/*.h; do
    printf '#include "%s"\n' "$(basename "$h")" >"$tmp/t.c"
    if ! $cc -Isrc -c "$tmp/t.c" -o "$tmp/t.o" 2>"$tmp/err"; then
        echo "$h does not compile alone:"
        sed 's/^/    /' "$tmp/err"
        bad=1
    fi
done
exit $bad
