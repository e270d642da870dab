# shellcheck shell=sh
# Sourced by tests/run.sh.
echo "== the text engine's test page (tests/text/)"
# check.py fails on a loose line at 160 mm, more loose lines at 60 and 90 mm than
# docs/kp.md explains (3 and 1), two hyphenated lines in a row, letter-spacing past its
# limits, or a word that letter-spacing splits for pdftotext.
counted "text set justified at 60, 90 and 160 mm reads back; loose lines and letter-spacing within bounds" \
    python3 tests/text/check.py "$O/tests/textpdf" tests/text/paragraphs.txt "$O/text.pdf"
counted "Arabic, Cyrillic, symbols and emoji: no missing glyph, logical order read back" \
    python3 tests/text/check.py "$O/tests/textpdf" tests/text/scripts.txt "$O/text-scripts.pdf" \
    --logical
