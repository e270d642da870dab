#!/bin/sh
# make bench-pages: the page benchmark (tests/bench/pages.py) with the release program.
# Usage: tests/bench/pages.sh BIN WORKDIR [RUNS [FOP_RUNS]]; run from the project root.
set -eu
bin=${1:?usage: tests/bench/pages.sh BIN WORKDIR [RUNS [FOP_RUNS]]}
work=${2:?usage: tests/bench/pages.sh BIN WORKDIR [RUNS [FOP_RUNS]]}
exec python3 tests/bench/pages.py "$bin" "$work" "${3:-31}" "${4:-5}"
