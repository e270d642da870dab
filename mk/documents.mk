# The documents beyond kallelse and protokoll (docs/documents.md); included by the Makefile.
# make utdrag MEETING=2024-03-12 PARAGRAF=13   the protokollsutdrag of § 13:
#                                             out/<meeting>/utdrag-13.pdf (and .fo)
# (make kalender YEAR=2024 is in the Makefile: out/kalender-2024.pdf.)

PARAGRAF ?=

.PHONY: utdrag

utdrag: $(BIN)
	$(BIN) utdrag "$(MEETING)" "$(PARAGRAF)" --brand "$(BRAND)"

# make readme-images   page 1 of the kallelse and of the protokoll of 2024-01-30 (Örebro's
#                      brand) as PNG, 800 pixels wide, into docs/images/ (committed; shown by
#                      README.md; README_IMAGES_DIR=… writes elsewhere, for the test). Same
#                      PDFs, same poppler: the same bytes.
README_MEETING := 2024-01-30
README_PNG_WIDTH := 800
README_IMAGES_DIR ?= docs/images
MD_DOCS_OUT = $${MOTESDOK_OUT:-out}

.PHONY: readme-images

readme-images: $(BIN)
	$(BIN) kallelse $(README_MEETING) --brand orebro
	$(BIN) protokoll $(README_MEETING) --brand orebro
	mkdir -p "$(README_IMAGES_DIR)"
	for d in kallelse protokoll; do \
	    pdftoppm -png -f 1 -l 1 -singlefile -scale-to-x $(README_PNG_WIDTH) -scale-to-y -1 \
	        "$(MD_DOCS_OUT)/$(README_MEETING)/$$d.pdf" "$(README_IMAGES_DIR)/$$d-$(README_MEETING)-p1" || exit 1; \
	done
