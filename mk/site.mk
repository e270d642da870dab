# make site: the HTML site of every meeting (docs/site.md) in $(MOTESDOK_OUT or out)/site/,
# with the calendar feeds and the open data it links to (motesdok ics, motesdok data).
#
#   make site [BRAND=orebro] [SOURCE_DATE_EPOCH=…] [MOTESDOK_MEETINGS=dir] [MOTESDOK_OUT=dir]
#   make check-site [SITE=dir]    the browser checks of tests/site on a built site
#
# The pages link a meeting's PDFs only when they exist in OUT/MEETING/ (make kallelse,
# make protokoll or make archive make them); make site copies them into the site.

.PHONY: site check-site

site: $(BIN)
	$(BIN) site --brand "$(BRAND)"
	$(BIN) ics
	$(BIN) data

SITE ?= $(or $(MOTESDOK_OUT),out)/site

check-site:
	@cd tests/site && npm ci --no-audit --no-fund --silent
	@node tests/site/check.mjs "$(SITE)"
