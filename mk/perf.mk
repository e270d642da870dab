# The hyphenation table (src/hyph.c, docs/hyphenation.md): tools/hyph-table.c loads Debian's
# hyph_sv_SE.dic with libhyphen at build time and writes the states it built as a header, so
# that the program does not parse 15,000 patterns on every run. hyph.c uses the table only
# for a file with exactly the bytes it was made from (size and hash), libhyphen's loader for
# any other; without the .dic here, hyph.c is built without a table.
HYPH_DIC := $(wildcard /usr/share/hyphen/hyph_sv_SE.dic)

ifneq ($(HYPH_DIC),)
$(O)/gen/hyph-table: tools/hyph-table.c src/base.c src/base.h
	@mkdir -p $(@D)
	$(Q)$(CC) -std=c17 -O2 $(WARN) -Isrc $< src/base.c -o $@ -lhyphen

$(O)/gen/hyph-table.h: $(O)/gen/hyph-table $(HYPH_DIC)
	$(Q)$(O)/gen/hyph-table $(HYPH_DIC) > $@.tmp && mv $@.tmp $@

$(O)/src/hyph.o: $(O)/gen/hyph-table.h
$(O)/src/hyph.o: MD_CFLAGS += -I$(O)/gen
endif

