#!/usr/bin/python3
"""Writes a copy of a good PDF broken in one way, for tests/suites/85-pdf.sh: the checker
(tests/pdf/check.py) must then fail naming the condition given beside each way below.

usage: break.py WAY IN.pdf OUT.pdf      (WAY: one of the names in WAYS)"""

import sys

import pikepdf


def first_elem(pdf, role):
    def walk(node):
        if isinstance(node, pikepdf.Array):
            for k in node:
                r = walk(k)
                if r is not None:
                    return r
            return None
        if not isinstance(node, pikepdf.Dictionary) or "/S" not in node:
            return None
        if node.S == role:
            return node
        return walk(node.get("/K"))

    e = walk(pdf.Root.StructTreeRoot.K)
    if e is None:
        raise SystemExit(f"break.py: the PDF has no {role} element to break")
    return e


def first_font(pdf):
    for page in pdf.pages:
        for _, f in (page.Resources.get("/Font") or {}).items():
            return f
    raise SystemExit("break.py: the PDF has no font")


def no_lang(pdf):
    del pdf.Root.Lang


def figure_without_alt(pdf):
    del first_elem(pdf, "/Figure").Alt


def unembedded_font(pdf):
    f = first_font(pdf)
    desc = f.DescendantFonts[0].FontDescriptor if "/DescendantFonts" in f else f.FontDescriptor
    for k in ("/FontFile", "/FontFile2", "/FontFile3"):
        if k in desc:
            del desc[k]


def no_xmp(pdf):
    del pdf.Root.Metadata


def no_output_intent(pdf):
    del pdf.Root.OutputIntents


def no_tabs(pdf):
    del pdf.pages[0].obj.Tabs


def untagged_content(pdf):
    # A rectangle drawn after everything else, outside marked content.
    page = pdf.pages[0]
    page.contents_add(pdf.make_stream(b"q 0 0 0 rg 10 10 5 5 re f Q"), prepend=False)


def link_without_contents(pdf):
    for page in pdf.pages:
        for a in page.obj.get("/Annots") or []:
            if a.get("/Subtype") == "/Link":
                del a.Contents
                return
    raise SystemExit("break.py: the PDF has no link")


def th_without_scope(pdf):
    del first_elem(pdf, "/TH").A


def title_disagrees(pdf):
    pdf.docinfo["/Title"] = "En annan titel"


def tounicode_fffd(pdf):
    f = first_font(pdf)
    data = f.ToUnicode.read_bytes()
    start = data.index(b"beginbfchar")
    end = data.index(b"endbfchar")
    body = data[start:end].split(b"\n")
    # The first mapping now says U+FFFD.
    for i, line in enumerate(body):
        if line.startswith(b"<") and b"> <" in line:
            body[i] = line.split(b"> <")[0] + b"> <fffd>"
            break
    f.ToUnicode.write(data[:start] + b"\n".join(body) + data[end:])


def heading_skip(pdf):
    first_elem(pdf, "/H2").S = pikepdf.Name("/H4")


WAYS = {
    "no-lang": no_lang,
    "figure-without-alt": figure_without_alt,
    "unembedded-font": unembedded_font,
    "no-xmp": no_xmp,
    "no-output-intent": no_output_intent,
    "no-tabs": no_tabs,
    "untagged-content": untagged_content,
    "link-without-contents": link_without_contents,
    "th-without-scope": th_without_scope,
    "title-disagrees": title_disagrees,
    "tounicode-fffd": tounicode_fffd,
    "heading-skip": heading_skip,
}


def main(argv):
    if len(argv) != 3 or argv[0] not in WAYS:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        print("ways: " + " ".join(WAYS), file=sys.stderr)
        return 2
    way, src, dst = argv
    with pikepdf.open(src) as pdf:
        WAYS[way](pdf)
        pdf.save(dst)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
