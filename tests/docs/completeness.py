#!/usr/bin/env python3
"""Completeness of a protokoll PDF: every sentence of the meeting's text is in the PDF's text.

tests/tools/completeness.c checks that every sentence of a seed is in its meeting XML; this
checks the next step, that every sentence of the meeting XML reaches the protokoll (or
minnesanteckningar) PDF, read back with `pdftotext -raw`. Together: seed -> XML -> PDF.

    tests/docs/completeness.py MEETING.xml PROTOKOLL.pdf

The meeting's text is the text of the elements the protokoll prints as written: titles,
paragraphs, list items, headings, captions, table cells, actions, notes, names,
organisations, places, attachments, "Antecknat av". Content of closed items (public="no")
is left out, as the published protokoll leaves it out; so are values the stylesheets
reformat from attributes (times and dates of calendar entries, roles, votes).

From the PDF text the page furniture is removed (the first line of each page, the running
header or the logo line, and the footer "... Sida N av M"), so a sentence may continue over
a page break. Both sides are compared in a canonical form: no soft hyphens, no line-end
hyphen ("kom-" + "munens" and "Gymnasie- och" both compare without "-" and space), no
whitespace at all. Prints one line per missing sentence, `file:line: sentence not in PDF:
"..."`, then "N passed, N failed"; exits 1 on any failure.
"""
import re
import subprocess
import sys
import xml.parsers.expat

NS = "urn:motesdok:meeting:1"

# Elements whose text the protokoll prints as written, each one block of text.
BLOCKS = {
    "title", "body", "name", "org", "address", "room", "presenter", "heading", "p", "li",
    "caption", "cell", "action", "member", "note", "attachment", "recorded-by",
}
# Elements inside a block that are blocks of their own (a list inside a list item).
NESTED = {"p", "list", "figure", "table", "heading"}
# Elements whose text is not printed as written (alias: a nickname the documents leave out;
# time of an entry: formatted from its attributes; email of a person: shown only as a link).
SKIP = {"alias", "email", "image"}


class Node:
    __slots__ = ("tag", "attrs", "line", "children", "parent")

    def __init__(self, tag, attrs, line, parent):
        self.tag, self.attrs, self.line, self.parent = tag, attrs, line, parent
        self.children = []


def parse(path):
    """The meeting as a tree of Nodes (local names; text as str children), with lines."""
    root = Node("#root", {}, 0, None)
    stack = [root]
    p = xml.parsers.expat.ParserCreate(namespace_separator=" ")

    def start(name, attrs):
        ns, _, local = name.rpartition(" ")
        node = Node(local if ns == NS else "{%s}%s" % (ns, local), attrs, p.CurrentLineNumber,
                    stack[-1])
        stack[-1].children.append(node)
        stack.append(node)

    def end(_name):
        stack.pop()

    def text(data):
        stack[-1].children.append(data)

    p.StartElementHandler, p.EndElementHandler, p.CharacterDataHandler = start, end, text
    with open(path, "rb") as f:
        p.ParseFile(f)
    return root


def text_of(node):
    """The printed text of a block: its own text and inline children, not nested blocks."""
    out = []
    for c in node.children:
        if isinstance(c, str):
            out.append(c)
        elif c.tag in SKIP or (node.tag == "li" and c.tag in NESTED):
            continue
        else:
            out.append(text_of(c))
    return "".join(out)


def closed(node):
    """True inside an item with public="no", except its title (which the protokoll shows)."""
    while node is not None:
        if node.tag == "item" and node.attrs.get("public") == "no":
            return True
        if node.tag == "title" and node.parent is not None and node.parent.tag == "item":
            return False
        node = node.parent
    return False


def blocks(node):
    for c in node.children:
        if isinstance(c, str):
            continue
        if c.tag in SKIP:
            continue
        if c.tag == "time" and c.parent.tag == "entry":
            continue
        if c.tag in BLOCKS and not closed(c):
            yield c
        if c.tag not in BLOCKS or c.tag == "li":
            yield from blocks(c)


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9”\"(])")


def canon(s):
    s = s.replace("\u00ad", "").replace("\u00a0", " ").replace("\u202f", " ")
    s = re.sub(r"[-\u2010]\s+", "", s)
    return re.sub(r"\s+", "", s)


def pdf_text(pdf):
    raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"], check=True,
                         capture_output=True, text=True).stdout
    lines = []
    for page in raw.split("\f"):
        page_lines = page.split("\n")
        for i, line in enumerate(page_lines):
            if i == 0 or re.search(r"Sida \d+ av \d+\s*$", line):
                continue
            lines.append(line)
    return "\n".join(lines)


def main(argv):
    if len(argv) != 3:
        print("usage: completeness.py MEETING.xml PROTOKOLL.pdf", file=sys.stderr)
        return 2
    meeting, pdf = argv[1], argv[2]
    hay = canon(pdf_text(pdf))
    passed = failed = 0
    seen = set()
    for b in blocks(parse(meeting)):
        text = " ".join(text_of(b).split())
        for sentence in SENTENCE_END.split(text):
            key = canon(sentence)
            if not key or key in seen:
                continue
            seen.add(key)
            if key in hay:
                passed += 1
            else:
                failed += 1
                print('%s:%d: sentence not in %s: "%s"' % (meeting, b.line, pdf, sentence))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
