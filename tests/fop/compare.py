#!/usr/bin/env python3
"""Compares the text and page counts of two PDFs of the same layout tree (motesdok, Apache FOP).

Usage: compare.py [--tables] MOTESDOK.pdf FOP.pdf

The text of each (pdftotext, reading order) is normalised so that only what a reader reads is
compared, not where the lines break: soft hyphens and hyphens at line ends are dropped (the two
typesetters hyphenate at different points), then every white space and every hyphen-like
character (- U+2010 U+2011 U+00AD) is removed, and "#" (FOP's mark for a character its font
lacks); ligatures (U+FB00-U+FB06, as FOP extracts them) become their letters, and runs of two or
more full stops (dot leaders) and bullets (U+2022) are dropped. The page counts must be within one. Prints one line saying what matched or, on a
difference, the first place where the texts part with 40 characters of context; exits 0 when
both match, 1 when not, 2 when a PDF cannot be read.

--tables (for a tree with fo:table): pdftotext reads the cells of a table in an order that
depends on the column geometry, so when the texts differ in order only, that is, when the two
sorted lists of characters are the same, the trees match "in another order" (nothing lost,
nothing added, nothing changed).
"""
import re
import subprocess
import sys
import unicodedata


def pages(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    m = re.search(r"^Pages:\s+(\d+)", out, re.M)
    return int(m.group(1))


def text(pdf):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True,
                          text=True, check=True).stdout


def normalise(t):
    # FOP's ToUnicode maps a ligature glyph to U+FB01 "ﬁ" and friends; motesdok to the letters.
    t = "".join(unicodedata.normalize("NFKC", c) if "\ufb00" <= c <= "\ufb06" else c for c in t)
    t = re.sub(r"\.{2,}", "", t)  # dot leaders: their number of dots depends on the spacing
    # List bullets: pdftotext puts a label column before or after its body depending on the
    # geometry (FOP's tables put them all first), so where they land in the text says nothing.
    t = t.replace("\u2022", "")
    t = t.replace("\u00ad", "")
    t = re.sub(r"[-\u2010\u2011]\s*\n\s*", "", t)  # a hyphen at a line end: the word goes on
    return re.sub(r"[\s\-\u2010\u2011#]+", "", t)


def main(argv):
    tables = len(argv) > 1 and argv[1] == "--tables"
    if tables:
        argv = argv[:1] + argv[2:]
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    try:
        pa, pb = pages(argv[1]), pages(argv[2])
        ta, tb = normalise(text(argv[1])), normalise(text(argv[2]))
    except (OSError, subprocess.CalledProcessError, AttributeError) as e:
        print(f"compare: cannot read a PDF: {e}", file=sys.stderr)
        return 2
    problems = []
    if abs(pa - pb) > 1:
        problems.append(f"{pa} pages, FOP {pb} (more than one apart)")
    order = ""
    if ta != tb and tables and sorted(ta) == sorted(tb):
        order = ", in another order (table cells)"
    elif ta != tb:
        i = next((k for k in range(min(len(ta), len(tb))) if ta[k] != tb[k]), min(len(ta), len(tb)))
        problems.append(f"text parts at character {i} of {len(ta)}/{len(tb)}: "
                        f"motesdok …{ta[max(0, i - 40):i + 40]!r}… FOP …{tb[max(0, i - 40):i + 40]!r}…")
    if problems:
        print("; ".join(problems))
        return 1
    print(f"same text{order} ({len(ta)} characters without spaces), pages {pa} and FOP {pb}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
