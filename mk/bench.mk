# make bench-pages: whole-process page benchmark of motesdok against Apache FOP (issue 4):
# a 3-page and a 100-page tree (tests/bench/pages-gen.py), medians of BENCH_PAGES_RUNS runs
# (BENCH_FOP_RUNS for FOP), ms per document, pages per second, peak memory and the ratio;
# then motesdok kallelse/protokoll 2024-01-30, and the finishing step's share of each
# (callgrind; BENCH_CALLGRIND=0 skips it).
# Uses the release build, like make bench. FOP comes from tools/deps.sh test (Debian's fop).
BENCH_PAGES_RUNS ?= 31
BENCH_FOP_RUNS ?= 5

.PHONY: bench-pages

bench-pages:
	@$(MAKE) --no-print-directory BUILD=release out/build/release/motesdok
	@tests/bench/pages.sh out/build/release/motesdok out/build/release/bench-pages \
	    $(BENCH_PAGES_RUNS) $(BENCH_FOP_RUNS)
