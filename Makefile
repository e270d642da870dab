# motesdok: one Makefile for the program, the documents and the tests.
# BUILD=release|debug|sanitize|coverage; SANITIZE=1 is short for BUILD=sanitize.

BUILD ?= release
ifeq ($(SANITIZE),1)
BUILD := sanitize
endif
O ?= out/build/$(BUILD)
CC ?= cc

PKGS := libxml-2.0 libxslt libexslt cairo harfbuzz fontconfig freetype2 libunibreak \
        libqpdf zlib
# Compiled against, not linked: src/img.c loads librsvg (dlopen) for SVG outside its subset.
PKGS_HEADERS := librsvg-2.0
WARN := -Wall -Wextra -Wshadow -Wundef -Wwrite-strings -Wstrict-prototypes \
        -Wmissing-prototypes -Wconversion -Werror
CFLAGS_release := -O2 -g
CFLAGS_debug := -O0 -g3
CFLAGS_sanitize := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
                   -fno-sanitize-recover=undefined
CFLAGS_coverage := -O0 -g --coverage
MD_CFLAGS = -std=c17 -D_POSIX_C_SOURCE=200809L $(WARN) $(CFLAGS_$(BUILD)) $(PKG_CFLAGS) -Isrc \
            -MMD -MP
MD_LDFLAGS = $(filter -fsanitize=% --coverage,$(CFLAGS_$(BUILD)))
MD_LIBS = $(PKG_LIBS) -lhyphen -lm

SRC := $(wildcard src/*.c)
OBJ := $(SRC:%.c=$(O)/%.o)
LIB_OBJ := $(filter-out $(O)/src/main.o,$(OBJ))
UNIT_SRC := $(wildcard tests/unit/*_test.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(O)/tests/%)
TOOL_SRC := $(wildcard tests/tools/*.c) $(wildcard tests/bench/*.c)
TOOL_BIN := $(patsubst tests/bench/%.c,$(O)/tests/%,$(TOOL_SRC:tests/tools/%.c=$(O)/tests/%))
BIN := $(O)/motesdok

# V=1 shows the compiler command lines.
Q = $(if $(V),,@echo '  CC' $@;)

MEETING ?=
YEAR ?=

.PHONY: all deps deps-test check check-sanitize check-includes check-headers check-xsl format-check \
        format clean bench fuzz kallelse protokoll kalender validate schema
.DELETE_ON_ERROR:
.SECONDARY:

all: $(BIN)

# The package list lives in tools/deps.sh; pkg.mk caches pkg-config's answer and is made
# (installing what is missing) before anything is compiled.
ifeq ($(filter clean deps deps-test format format-check,$(MAKECMDGOALS)),)
-include $(O)/pkg.mk
endif

$(O)/pkg.mk: tools/deps.sh Makefile
	@tools/deps.sh build
	@mkdir -p $(@D)
	@printf 'PKG_CFLAGS := %s\nPKG_LIBS := %s\n' \
	    "$$(pkg-config --cflags $(PKGS) $(PKGS_HEADERS))" \
	    "$$(pkg-config --libs $(PKGS))" > $@.tmp && mv $@.tmp $@

deps:
	@tools/deps.sh build

deps-test:
	@tools/deps.sh build test

$(O)/src/%.o: src/%.c $(O)/pkg.mk
	@mkdir -p $(@D)
	$(Q)$(CC) $(MD_CFLAGS) -c $< -o $@

$(O)/tests/%.o: tests/unit/%.c $(O)/pkg.mk
	@mkdir -p $(@D)
	$(Q)$(CC) $(MD_CFLAGS) -Itests/unit -c $< -o $@

$(O)/tests/tools/%.o: tests/tools/%.c $(O)/pkg.mk
	@mkdir -p $(@D)
	$(Q)$(CC) $(MD_CFLAGS) -Itests/unit -c $< -o $@

$(O)/tests/tools/%.o: tests/bench/%.c $(O)/pkg.mk
	@mkdir -p $(@D)
	$(Q)$(CC) $(MD_CFLAGS) -Itests/unit -c $< -o $@

$(BIN): $(OBJ)
	$(Q)$(CC) $(MD_LDFLAGS) $^ -o $@ $(MD_LIBS)

$(O)/tests/%_test: $(O)/tests/%_test.o $(LIB_OBJ)
	$(Q)$(CC) $(MD_LDFLAGS) $^ -o $@ $(MD_LIBS)

$(O)/tests/%: $(O)/tests/tools/%.o $(LIB_OBJ)
	$(Q)$(CC) $(MD_LDFLAGS) $^ -o $@ $(MD_LIBS)

-include $(OBJ:.o=.d) $(UNIT_BIN:%=%.o.d) $(UNIT_BIN:%=%.d) $(wildcard $(O)/tests/tools/*.d)

# --- the documents --------------------------------------------------------------------

BRAND ?= orebro

kallelse protokoll: $(BIN)
	$(BIN) $@ "$(MEETING)" --brand "$(BRAND)"

kalender: $(BIN)
	$(BIN) kalender "$(YEAR)" --brand "$(BRAND)"

validate: $(BIN)
	$(BIN) validate xml/meetings/*.xml

schema:
	tools/schema-rng.sh

# --- tests ----------------------------------------------------------------------------

check: deps-test $(BIN) $(UNIT_BIN) $(TOOL_BIN)
	@tests/run.sh $(O)

# Fuzzing (libFuzzer; STYLE.md §8): each target runs FUZZ_SECONDS on a copy of its corpus in
# tests/fuzz/corpus/<target>; a crash is written to $(O)/fuzz/ and fails the run.
FUZZ_SECONDS ?= 60
FUZZ_DIR = $(O)/fuzz
FUZZ_CFLAGS = -std=c17 -D_POSIX_C_SOURCE=200809L -g -O1 -fsanitize=fuzzer,address,undefined \
              -fno-sanitize-recover=undefined $(PKG_CFLAGS) -Isrc
FUZZ_LIB_SRC = $(filter-out src/main.c,$(SRC))

$(FUZZ_DIR)/%_fuzz: tests/fuzz/%_fuzz.c $(FUZZ_LIB_SRC) $(O)/pkg.mk
	@mkdir -p $(@D)
	$(Q)clang $(FUZZ_CFLAGS) $< $(FUZZ_LIB_SRC) -o $@ $(MD_LIBS)

# Every tests/fuzz/<target>_fuzz.c is a target; FUZZ_TARGETS="xml" runs only some.
FUZZ_TARGETS ?= $(patsubst tests/fuzz/%_fuzz.c,%,$(wildcard tests/fuzz/*_fuzz.c))

fuzz: $(FUZZ_TARGETS:%=$(FUZZ_DIR)/%_fuzz)
	@for t in $(FUZZ_TARGETS); do \
	    rm -rf $(FUZZ_DIR)/work-$$t && mkdir -p $(FUZZ_DIR)/work-$$t && \
	    cp tests/fuzz/corpus/$$t/* $(FUZZ_DIR)/work-$$t/ && \
	    $(FUZZ_DIR)/$${t}_fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
	        -artifact_prefix=$(FUZZ_DIR)/$$t- -print_final_stats=1 $(FUZZ_DIR)/work-$$t || exit 1; \
	done

# The benchmark report (release build; figures are medians, machines are shared and noisy).
# Three parts: the text engine, whole documents against Apache FOP (mk/bench.mk), and the
# archive rebuild (mk/archive.mk). BENCH_PARTS="text pages" runs only some.
BENCH_PARTS ?= text pages archive
bench:
	@$(MAKE) --no-print-directory BUILD=release out/build/release/tests/textbench
	@case " $(BENCH_PARTS) " in *" text "*) out/build/release/tests/textbench 31 ;; esac
	@case " $(BENCH_PARTS) " in *" pages "*) $(MAKE) --no-print-directory bench-pages ;; esac
	@case " $(BENCH_PARTS) " in *" archive "*) \
	    $(MAKE) --no-print-directory BUILD=release bench-archive ;; esac

check-sanitize:
	$(MAKE) check BUILD=sanitize

check-xsl:
	@tools/check-xsl.sh

check-includes:
	@tools/check-includes.sh

check-headers: $(O)/pkg.mk
	@tools/check-headers.sh "$(CC) $(MD_CFLAGS)"

format-check:
	@tools/format-check.sh

format:
	clang-format -i src/*.c src/*.h tests/unit/*.c tests/unit/*.h tests/tools/*.c tests/bench/*.c tests/fuzz/*.c

clean:
	rm -rf out/build

# Parts of the build that live in their own files (the site, the archive, …).
include $(sort $(wildcard mk/*.mk))
