# shellcheck shell=sh
# Sourced by tests/run.sh.
echo "== the text engine's test page (tests/text/)"
counted "text set justified at 60, 90 and 160 mm reads back" \
    python3 tests/text/check.py "$O/tests/textpdf" tests/text/paragraphs.txt "$O/text.pdf"
counted "Arabic, Cyrillic, symbols and emoji: no missing glyph, logical order read back" \
    python3 tests/text/check.py "$O/tests/textpdf" tests/text/scripts.txt "$O/text-scripts.pdf" \
    --logical
