# make archive: every document of every meeting, the site, the calendar feeds and the open
# data, rebuilt incrementally (docs/archive.md); make publish DEST=dir; make bench-archive.
#
#   make archive [-j2] [BRAND=orebro] [MOTESDOK_MEETINGS=dir] [MOTESDOK_OUT=dir]
#   make publish DEST=/var/www/motesdok
#   make bench-archive [BENCH_MEETINGS=500] [BENCH_YEARS=15] [BENCH_RUNS=3]
#
# What depends on what (a change on the right rebuilds what is on the left):
#   OUT/NAME/kallelse.pdf   MEETINGS/NAME.xml, MEETINGS/images/NAME*, the stylesheets (xsl/**),
#   OUT/NAME/protokoll.pdf  fonts/**, xml/brand/*, the schema, the hyphenation exceptions,
#                           the motesdok binary
#   the site                every meeting, every PDF above, the same shared files
#   feeds, open data        every meeting, the schema and the binary
#   OUT/kalender-YEAR.pdf   the meetings of YEAR and YEAR-1 and the shared files
# A protokoll is made only for a meeting that is held (status="held").

# The program: the build's own, or ARCHIVE_BIN=path (the tests pass the one they test, so
# that make never rebuilds it with other flags).
ARCHIVE_BIN ?= $(BIN)
ARCHIVE_MEETINGS ?= $(or $(MOTESDOK_MEETINGS),xml/meetings)
ARCHIVE_OUT ?= $(or $(MOTESDOK_OUT),out)
# Messages of the last run, one log per step, failed/ for the summary; the stamps of the steps
# whose outputs are whole folders.
ARCHIVE_LOG = $(ARCHIVE_OUT)/archive-log
ARCHIVE_STAMPS = $(ARCHIVE_OUT)/.archive
ARCHIVE_STEP = mk/archive-step.sh

ARCHIVE_XML := $(sort $(wildcard $(ARCHIVE_MEETINGS)/*.xml))
ARCHIVE_NAMES := $(notdir $(ARCHIVE_XML:.xml=))
# Held meetings have minutes; status="held" only ever appears on <meeting> (entries are
# preliminary, confirmed or cancelled; actions open or done).
ARCHIVE_HELD := $(if $(ARCHIVE_XML),$(notdir $(patsubst %.xml,%,\
    $(shell grep -l 'status="held"' $(ARCHIVE_XML) 2>/dev/null))))
ARCHIVE_PDFS := $(ARCHIVE_NAMES:%=$(ARCHIVE_OUT)/%/kallelse.pdf) \
                $(ARCHIVE_HELD:%=$(ARCHIVE_OUT)/%/protokoll.pdf)
# Everything every document reads besides its meeting.
ARCHIVE_SHARED := $(ARCHIVE_BIN) $(ARCHIVE_STEP) $(shell find xsl fonts -type f 2>/dev/null | LC_ALL=C sort) \
                  $(wildcard xml/brand/*) xml/schema/meeting.rng \
                  $(wildcard xml/hyphenation/*.txt)
# The kalendarium of each year that has a meeting (ARCHIVE_KALENDER=0 leaves them out). A
# meeting announces dates of its own year and the next, so the kalendarium of YEAR reads the
# meetings of YEAR and YEAR-1 (by their names, YYYY-…; `kalender_reads` in src/main.c) and
# those whose name has no year, and depends on just those.
ARCHIVE_KALENDER ?= 1
ARCHIVE_YEARS := $(if $(filter 1,$(ARCHIVE_KALENDER)),$(sort $(shell printf '%s\n' \
    $(ARCHIVE_NAMES) | sed -n 's/^\([0-9][0-9][0-9][0-9]\)-.*/\1/p')))
ARCHIVE_UNDATED := $(addprefix $(ARCHIVE_MEETINGS)/,$(addsuffix .xml,$(shell printf '%s\n' \
    $(ARCHIVE_NAMES) | grep -v '^[0-9][0-9][0-9][0-9]-')))
# The meetings kalender-YEAR reads: $(call archive_kalender_xml,YEAR).
archive_kalender_xml = $(filter $(ARCHIVE_MEETINGS)/$(1)-% \
    $(ARCHIVE_MEETINGS)/$(shell expr $(1) - 1)-%,$(ARCHIVE_XML)) $(ARCHIVE_UNDATED)
ARCHIVE_KALENDERS := $(ARCHIVE_YEARS:%=$(ARCHIVE_OUT)/kalender-%.pdf)
ARCHIVE_TARGETS := $(ARCHIVE_PDFS) $(ARCHIVE_KALENDERS) $(ARCHIVE_STAMPS)/site \
                   $(ARCHIVE_STAMPS)/ics $(ARCHIVE_STAMPS)/data

ARCHIVE_ENV = ARCHIVE_BIN=$(ARCHIVE_BIN) ARCHIVE_LOG=$(ARCHIVE_LOG) ARCHIVE_BRAND=$(BRAND) \
              ARCHIVE_TOTAL=$(or $(ARCHIVE_TOTAL),?) MOTESDOK_MEETINGS=$(ARCHIVE_MEETINGS) \
              MOTESDOK_OUT=$(ARCHIVE_OUT)

.PHONY: archive archive-build publish bench-archive

# The wrapper: count what is out of date (a dry run), build with -k semantics (each step
# always "succeeds"; failures are recorded), then print the summary and fail if anything did.
archive: $(ARCHIVE_BIN)
	@rm -rf $(ARCHIVE_LOG) && mkdir -p $(ARCHIVE_LOG)/failed
	@total=$$($(MAKE) --no-print-directory -n archive-build | grep -c ' $(ARCHIVE_STEP) '); \
	if [ "$$total" -eq 0 ]; then echo "archive: nothing to rebuild ($(words $(ARCHIVE_PDFS)) documents up to date)"; exit 0; fi; \
	$(MAKE) --no-print-directory archive-build ARCHIVE_TOTAL=$$total || exit 3; \
	failed=$$(ls $(ARCHIVE_LOG)/failed | wc -l); \
	if [ "$$failed" -gt 0 ]; then \
	    echo "archive: $$failed of $$total steps failed:"; \
	    for f in $(ARCHIVE_LOG)/failed/*.log; do \
	        echo "  $$(basename $$f .log)"; grep ': error: ' $$f | head -n 3 | sed 's/^/      /'; \
	    done; \
	    echo "archive: the logs are in $(ARCHIVE_LOG)/; the other documents were built"; \
	    exit 1; \
	fi; \
	echo "archive: $$total steps done"

archive-build: $(ARCHIVE_TARGETS)

$(ARCHIVE_OUT)/%/kallelse.pdf: $(ARCHIVE_MEETINGS)/%.xml $(ARCHIVE_SHARED)
	@$(ARCHIVE_ENV) sh $(ARCHIVE_STEP) kallelse $*

$(ARCHIVE_OUT)/%/protokoll.pdf: $(ARCHIVE_MEETINGS)/%.xml $(ARCHIVE_SHARED)
	@$(ARCHIVE_ENV) sh $(ARCHIVE_STEP) protokoll $*

$(ARCHIVE_OUT)/kalender-%.pdf: $(ARCHIVE_SHARED)
	@$(ARCHIVE_ENV) sh $(ARCHIVE_STEP) kalender $*

$(foreach y,$(ARCHIVE_YEARS),$(eval $(ARCHIVE_OUT)/kalender-$(y).pdf: $(call archive_kalender_xml,$(y))))

# A meeting's figures (by convention named after it, images/NAME-*.svg) rebuild its PDFs.
$(foreach n,$(ARCHIVE_NAMES),$(eval $(ARCHIVE_OUT)/$(n)/kallelse.pdf $(ARCHIVE_OUT)/$(n)/protokoll.pdf: \
    $(wildcard $(ARCHIVE_MEETINGS)/images/$(n)*)))

# The site copies the PDFs, so it comes after them. The feeds and the data need no PDF and
# are written into OUT/site/kalender* and OUT/site/data/, which the site never writes nor
# removes (it removes only folders of meetings, those holding an index.html), so they run
# beside the documents and the site under make -j.
$(ARCHIVE_STAMPS)/site: $(ARCHIVE_XML) $(ARCHIVE_PDFS) $(ARCHIVE_SHARED)
	@$(ARCHIVE_ENV) ARCHIVE_STAMP=$@ sh $(ARCHIVE_STEP) site -

$(ARCHIVE_STAMPS)/ics: $(ARCHIVE_XML) $(ARCHIVE_BIN) xml/schema/meeting.rng
	@$(ARCHIVE_ENV) ARCHIVE_STAMP=$@ sh $(ARCHIVE_STEP) ics -

$(ARCHIVE_STAMPS)/data: $(ARCHIVE_XML) $(ARCHIVE_BIN) xml/schema/meeting.rng
	@$(ARCHIVE_ENV) ARCHIVE_STAMP=$@ sh $(ARCHIVE_STEP) data -

# --- publish ---------------------------------------------------------------------------

DEST ?=

# Copies OUT/site to DEST so that a reader never sees a half-updated site: the copy is made
# in a new folder beside DEST and swapped in with one atomic rename (docs/archive.md).
publish:
	@if [ -z "$(DEST)" ]; then echo "usage: make publish DEST=dir" >&2; exit 2; fi
	@python3 mk/publish.py $(ARCHIVE_OUT)/site "$(DEST)"

# --- the benchmark ---------------------------------------------------------------------

BENCH_MEETINGS ?= 500
BENCH_YEARS ?= 15
BENCH_RUNS ?= 3

# Medians of full, one-meeting and no-op rebuilds of a generated archive of about
# BENCH_MEETINGS meetings over BENCH_YEARS years, against issue 7's targets (docs/archive.md).
# make bench runs it with the release build: $(MAKE) BUILD=release bench-archive.
bench-archive: $(ARCHIVE_BIN)
	@python3 tests/scale/bench.py $(ARCHIVE_BIN) --meetings $(BENCH_MEETINGS) \
	    --years $(BENCH_YEARS) --runs $(BENCH_RUNS)
