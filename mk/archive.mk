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
# and, through files of OUT/.archive/ rewritten only when their content changes: the list of
# the meetings' names (site, feeds, data; per year for the kalendarier), BRAND and
# SOURCE_DATE_EPOCH (everything).
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

# make cannot hold a path with whitespace in a target or prerequisite (it splits it into two
# words, and a recipe's `rm -rf` would then remove another folder): such a folder is refused
# before any recipe runs; so is one with a double quote (the recipes quote the paths).
ifneq ($(filter archive archive-build publish $(ARCHIVE_OUT)/%,$(MAKECMDGOALS)),)
archive_check_path = $(if $(or $(filter-out 1,$(words $(2))),$(findstring ",$(2))),$(error \
    $(1)="$(2)": make cannot use a folder whose path is empty or holds whitespace or a \
    double quote; rename it (or use a symbolic link without spaces) and pass that path))
$(call archive_check_path,$(if $(filter command line environment,$(origin \
    ARCHIVE_OUT)),ARCHIVE_OUT,MOTESDOK_OUT),$(ARCHIVE_OUT))
$(call archive_check_path,$(if $(filter command line environment,$(origin \
    ARCHIVE_MEETINGS)),ARCHIVE_MEETINGS,MOTESDOK_MEETINGS),$(ARCHIVE_MEETINGS))
$(call archive_check_path,ARCHIVE_BIN,$(ARCHIVE_BIN))
endif

# What follows reads every meeting's name (and grep reads every meeting), so only the make that
# builds the archive's files works it out: archive-build (the wrapper's dry run, or run
# directly) or a file of OUT named as a goal. The wrapper `make archive` itself and the other
# goals of the Makefile skip it (each pass of make over 510 meetings cost about 0.04 s).
ifneq ($(filter archive-build $(ARCHIVE_OUT)/%,$(MAKECMDGOALS)),)
ARCHIVE_XML := $(sort $(wildcard $(ARCHIVE_MEETINGS)/*.xml))
ARCHIVE_NAMES := $(notdir $(ARCHIVE_XML:.xml=))
# Held meetings have minutes; status="held" only ever appears on <meeting> (entries are
# preliminary, confirmed or cancelled; actions open or done).
ARCHIVE_HELD := $(if $(ARCHIVE_XML),$(notdir $(patsubst %.xml,%,\
    $(shell grep -l 'status="held"' $(ARCHIVE_XML) 2>/dev/null))))
ARCHIVE_PDFS := $(ARCHIVE_NAMES:%=$(ARCHIVE_OUT)/%/kallelse.pdf) \
                $(ARCHIVE_HELD:%=$(ARCHIVE_OUT)/%/protokoll.pdf)
# Files rewritten only when their content changes, so that make sees what a file's time
# cannot say: $(call archive_keep,FILE,TEXT) writes TEXT (never empty) to FILE.new and
# expands to FILE; once every rule is read, one shell (ARCHIVE_KEEP_DONE, below) keeps each
# FILE.new that differs from FILE as FILE. Written while make reads this file (in the
# wrapper's dry run), before any target's time is looked at.
# (Compared by cmp: comparing the text with $(file <FILE) in make missed equal contents
# now and then, and a list rewritten with the same names remade a kalendarium for nothing.)
archive_keep = $(file >$(1).new,$(2))$(eval ARCHIVE_KEPT += $(1))$(1)
$(shell mkdir -p "$(ARCHIVE_STAMPS)")
# The brand and SOURCE_DATE_EPOCH, which every document, the site, the feeds and the data
# are made with: another BRAND= or epoch remakes them all.
ARCHIVE_SETTINGS := $(call archive_keep,$(ARCHIVE_STAMPS)/settings,brand=$(BRAND) \
    epoch=$(SOURCE_DATE_EPOCH))
# The names of the meetings: a meeting removed (or added with an old time) remakes the site,
# the feeds and the data.
ARCHIVE_NAMESFILE := $(call archive_keep,$(ARCHIVE_STAMPS)/names,names: $(ARCHIVE_NAMES))
# Everything every document reads besides its meeting.
ARCHIVE_SHARED := $(ARCHIVE_SETTINGS) $(ARCHIVE_BIN) $(ARCHIVE_STEP) $(shell find xsl fonts -type f 2>/dev/null | LC_ALL=C sort) \
                  $(wildcard xml/brand/*) xml/schema/meeting.rng \
                  $(wildcard xml/hyphenation/*.txt)
# The kalendarium of each year that has a meeting (ARCHIVE_KALENDER=0 leaves them out). A
# meeting announces dates of its own year and the next, so the kalendarium of YEAR reads the
# meetings of YEAR and YEAR-1 (by their names, YYYY-…; `kalender_reads` in src/main.c) and
# those whose name has no year, and depends on just those. One awk gives both: "Y:YEAR:YEAR-1"
# for each year, "U:NAME" for each name without a year.
ARCHIVE_KALENDER ?= 1
ARCHIVE_YEARLIST := $(if $(ARCHIVE_NAMES),$(shell printf '%s\n' $(ARCHIVE_NAMES) | awk \
    '/^[0-9][0-9][0-9][0-9]-/ { y = substr($$0, 1, 4); if (!(y in s)) { s[y] = 1; \
     printf "Y:%s:%04d\n", y, y - 1 }; next } { print "U:" $$0 }'))
ARCHIVE_YEARS := $(if $(filter 1,$(ARCHIVE_KALENDER)),$(sort $(foreach p,\
    $(filter Y:%,$(ARCHIVE_YEARLIST)),$(word 2,$(subst :, ,$(p))))))
ARCHIVE_UNDATED := $(patsubst U:%,$(ARCHIVE_MEETINGS)/%.xml,$(filter U:%,$(ARCHIVE_YEARLIST)))
# The meetings kalender-YEAR reads: $(call archive_kalender_xml,YEAR).
archive_kalender_xml = $(filter $(ARCHIVE_MEETINGS)/$(1)-% $(ARCHIVE_MEETINGS)/$(word 3,$(subst \
    :, ,$(filter Y:$(1):%,$(ARCHIVE_YEARLIST))))-%,$(ARCHIVE_XML)) $(ARCHIVE_UNDATED)
# The names of the meetings kalender-YEAR reads, kept in STAMPS/names-YEAR: a meeting of YEAR
# or YEAR-1 removed remakes it. $(call archive_kalender_names,YEAR) is that file.
archive_kalender_names = $(call archive_keep,$(ARCHIVE_STAMPS)/names-$(1),names: $(notdir \
    $(call archive_kalender_xml,$(1))))
ARCHIVE_KALENDERS := $(ARCHIVE_YEARS:%=$(ARCHIVE_OUT)/kalender-%.pdf)
ARCHIVE_TARGETS := $(ARCHIVE_PDFS) $(ARCHIVE_KALENDERS) $(ARCHIVE_STAMPS)/site \
                   $(ARCHIVE_STAMPS)/ics $(ARCHIVE_STAMPS)/data
# The figures of the meetings (by convention named after them, images/NAME-*.svg): one glob.
ARCHIVE_IMAGES := $(wildcard $(ARCHIVE_MEETINGS)/images/*)
# The wrapper's dry run (ARCHIVE_PLAN=1) also says how many documents the archive has.
$(if $(ARCHIVE_PLAN),$(info archive-documents $(words $(ARCHIVE_PDFS))))
endif

ARCHIVE_ENV = ARCHIVE_BIN="$(ARCHIVE_BIN)" ARCHIVE_LOG="$(ARCHIVE_LOG)" ARCHIVE_BRAND="$(BRAND)" \
              ARCHIVE_TOTAL="$(or $(ARCHIVE_TOTAL),?)" ARCHIVE_BATCHED="$(ARCHIVE_BATCHED)" \
              MOTESDOK_MEETINGS="$(ARCHIVE_MEETINGS)" \
              MOTESDOK_OUT="$(ARCHIVE_OUT)"

.PHONY: archive archive-build publish bench-archive

# The worker processes of the batch: make's own -jN (MAKEFLAGS), 1 without -j, the number of
# CPUs for a bare -j; ARCHIVE_JOBS=N chooses another number. At most 64 (the batch's limit):
# the recipe caps it (archive_jobs).
ARCHIVE_JOBS ?= $(or $(patsubst -j%,%,$(filter -j%,$(MAKEFLAGS))),$(if $(filter -j,$(MAKEFLAGS)),$(shell nproc)),1)

# The wrapper (docs/archive.md):
#  1. a dry run of archive-build lists the steps that are out of date (their count numbers the
#     progress lines);
#  2. the document steps among them (kallelse, protokoll, kalender) run in ONE
#     `motesdok batch -j N` (the kalendarier first: they are the longest jobs), which loads
#     the schema, fonts, hyphenation and stylesheets once;
#  3. the rest (site, feeds, data): when every batch job succeeded, the steps of the dry run's
#     list are run straight from here (ARCHIVE_JOBS > 1: side by side), since make would run
#     just those; when a job failed, `make archive-build` makes them (a failed document keeps
#     its old target and is left alone: the step script finds it in LOG/failed/, so the next
#     make archive tries it again), with -k semantics (each step always "succeeds");
# then the summary, which fails the run if anything failed. The passes of make run with -r:
# without the built-in implicit rules make does not search them for each of the ~700 files
# the archive's targets depend on (a dry run over 510 meetings: 0.14 s of CPU, with -r 0.05 s).
archive: $(ARCHIVE_BIN)
	@rm -rf "$(ARCHIVE_LOG)" && mkdir -p "$(ARCHIVE_LOG)/failed"
	@log="$(ARCHIVE_LOG)"; \
	$(MAKE) -r --no-print-directory -n archive-build ARCHIVE_PLAN=1 >"$$log/plan" || exit 3; \
	total=$$(grep -c ' $(ARCHIVE_STEP) ' "$$log/plan"); \
	if [ "$$total" -eq 0 ]; then echo "archive: nothing to rebuild ($$(sed -n 's/^archive-documents //p' "$$log/plan") documents up to date)"; exit 0; fi; \
	sed -n 's,.* $(ARCHIVE_STEP) \(kallelse\|protokoll\|kalender\) "*\([^ "]*\)"*$$,\1 \2,p' \
	    "$$log/plan" | LC_ALL=C sort >"$$log/jobs"; \
	docs=$$(wc -l <"$$log/jobs"); \
	jobs="$(ARCHIVE_JOBS)"; [ "$$jobs" -gt 64 ] 2>/dev/null && jobs=64; \
	batch_rc=0; \
	if [ "$$docs" -gt 0 ]; then \
	    $(ARCHIVE_ENV) "$(ARCHIVE_BIN)" batch -j "$$jobs" --brand "$(BRAND)" \
	        --log "$$log" --total $$total "$$log/jobs" 2>"$$log/batch.log"; \
	    batch_rc=$$?; \
	    if [ $$batch_rc -gt 1 ]; then cat "$$log/batch.log"; echo "archive: motesdok batch failed (exit $$batch_rc)"; exit 3; fi; \
	    echo "$$docs" >"$$log/counter"; \
	fi; \
	if [ -z "$$(ls "$$log/failed")" ]; then \
	    for w in $$(sed -n 's,.* $(ARCHIVE_STEP) \(site\|ics\|data\) -$$,\1,p' "$$log/plan"); do \
	        if [ "$$jobs" -gt 1 ]; then \
	            $(ARCHIVE_ENV) ARCHIVE_TOTAL=$$total ARCHIVE_STAMP="$(ARCHIVE_STAMPS)/$$w" sh $(ARCHIVE_STEP) $$w - & \
	        else \
	            $(ARCHIVE_ENV) ARCHIVE_TOTAL=$$total ARCHIVE_STAMP="$(ARCHIVE_STAMPS)/$$w" sh $(ARCHIVE_STEP) $$w -; \
	        fi; \
	    done; \
	    wait; \
	else \
	    $(MAKE) -r --no-print-directory archive-build ARCHIVE_TOTAL=$$total ARCHIVE_BATCHED=1 || exit 3; \
	fi; \
	failed=$$(ls "$$log/failed" | wc -l); \
	if [ "$$failed" -gt 0 ]; then \
	    echo "archive: $$failed of $$total steps failed:"; \
	    for f in "$$log"/failed/*.log; do \
	        echo "  $$(basename "$$f" .log)"; grep ': error: ' "$$f" | head -n 3 | sed 's/^/      /'; \
	    done; \
	    echo "archive: the logs are in $$log/; the other documents were built"; \
	    exit 1; \
	fi; \
	if [ $$batch_rc -ne 0 ]; then \
	    sed 's/^/      /' "$$log/batch.log"; \
	    echo "archive: motesdok batch reported failed jobs (exit $$batch_rc), but none is recorded in $$log/failed/ (is the disk full?); its messages are above and in $$log/batch.log"; \
	    exit 1; \
	fi; \
	echo "archive: $$total steps done"

ifneq ($(filter archive-build $(ARCHIVE_OUT)/%,$(MAKECMDGOALS)),)
archive-build: $(ARCHIVE_TARGETS)

# (The stems, $*, are meetings' names and years: make cannot hold whitespace in them.)
$(ARCHIVE_OUT)/%/kallelse.pdf: $(ARCHIVE_MEETINGS)/%.xml $(ARCHIVE_SHARED)
	@$(ARCHIVE_ENV) sh $(ARCHIVE_STEP) kallelse $*

$(ARCHIVE_OUT)/%/protokoll.pdf: $(ARCHIVE_MEETINGS)/%.xml $(ARCHIVE_SHARED)
	@$(ARCHIVE_ENV) sh $(ARCHIVE_STEP) protokoll $*

$(ARCHIVE_OUT)/kalender-%.pdf: $(ARCHIVE_SHARED)
	@$(ARCHIVE_ENV) sh $(ARCHIVE_STEP) kalender $*

$(foreach y,$(ARCHIVE_YEARS),$(eval $(ARCHIVE_OUT)/kalender-$(y).pdf: $(call \
    archive_kalender_xml,$(y)) $(call archive_kalender_names,$(y))))

# The files archive_keep wrote, kept where they changed: one shell for all of them.
ARCHIVE_KEEP_DONE := $(if $(ARCHIVE_KEPT),$(shell for f in $(ARCHIVE_KEPT); do \
    cmp -s "$$f.new" "$$f" && rm -f "$$f.new" || mv -f "$$f.new" "$$f"; done))

# A meeting's figures (by convention named after it, images/NAME*) rebuild its PDFs; the
# names are only looked at when the archive has any figure.
$(if $(ARCHIVE_IMAGES),$(foreach n,$(ARCHIVE_NAMES),$(if $(filter \
    $(ARCHIVE_MEETINGS)/images/$(n)%,$(ARCHIVE_IMAGES)),$(eval $(ARCHIVE_OUT)/$(n)/kallelse.pdf \
    $(ARCHIVE_OUT)/$(n)/protokoll.pdf: $(filter $(ARCHIVE_MEETINGS)/images/$(n)%,$(ARCHIVE_IMAGES))))))

# The site copies the PDFs, so it comes after them. The feeds and the data need no PDF and
# are written into OUT/site/kalender* and OUT/site/data/, which the site never writes nor
# removes (it removes only folders of meetings, those holding an index.html), so they run
# beside the documents and the site under make -j.
$(ARCHIVE_STAMPS)/site: $(ARCHIVE_XML) $(ARCHIVE_NAMESFILE) $(ARCHIVE_PDFS) $(ARCHIVE_SHARED)
	@$(ARCHIVE_ENV) ARCHIVE_STAMP="$@" sh $(ARCHIVE_STEP) site -

$(ARCHIVE_STAMPS)/ics: $(ARCHIVE_XML) $(ARCHIVE_NAMESFILE) $(ARCHIVE_SETTINGS) $(ARCHIVE_BIN) \
    xml/schema/meeting.rng
	@$(ARCHIVE_ENV) ARCHIVE_STAMP="$@" sh $(ARCHIVE_STEP) ics -

$(ARCHIVE_STAMPS)/data: $(ARCHIVE_XML) $(ARCHIVE_NAMESFILE) $(ARCHIVE_SETTINGS) $(ARCHIVE_BIN) \
    xml/schema/meeting.rng
	@$(ARCHIVE_ENV) ARCHIVE_STAMP="$@" sh $(ARCHIVE_STEP) data -
endif

# --- publish ---------------------------------------------------------------------------

DEST ?=

# Copies OUT/site to DEST so that a reader never sees a half-updated site: the copy is made
# in a new folder beside DEST and swapped in with one atomic rename (docs/archive.md).
publish:
	@if [ -z "$(DEST)" ]; then echo "usage: make publish DEST=dir" >&2; exit 2; fi
	@python3 mk/publish.py "$(ARCHIVE_OUT)/site" "$(DEST)"

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
