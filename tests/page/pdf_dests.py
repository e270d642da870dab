#!/usr/bin/env python3
"""Prints the internal links, named destinations and bookmarks of a PDF, as read back by
`qpdf --json=2` (not by our own code), one per line, for tests/unit/page_test.c:

    dest NAME PAGE            a named destination (/Names /Dests) and the page it is on
    link PAGE NAME PAGE       a /Link annotation with a named /Dest, and the page it goes to
    outline DEPTH open|closed PAGE TITLE    a bookmark (open: its /Count is positive)

Pages count from 1; a name that goes nowhere gives page 0. Uses only the standard library."""
import json
import subprocess
import sys


def main(path):
    out = subprocess.run(["qpdf", "--json=2", path], check=True, capture_output=True).stdout
    j = json.loads(out)
    objs = j["qpdf"][1]

    def obj(ref):
        v = objs.get("obj:" + ref, {})
        return v.get("value", v)

    def text(s):
        # qpdf writes PDF strings as "u:…" (Unicode) or "b:…" (bytes in hex).
        if isinstance(s, str) and s.startswith("u:"):
            return s[2:]
        if isinstance(s, str) and s.startswith("b:"):
            return bytes.fromhex(s[2:]).decode("latin-1")
        return s

    page_of = {p["object"]: p["pageposfrom1"] for p in j["pages"]}
    root = obj(j["qpdf"][1]["trailer"]["value"]["/Root"])
    dests = {}

    def walk_names(node):
        node = obj(node) if isinstance(node, str) else node
        names = node.get("/Names", [])
        for i in range(0, len(names), 2):
            target = names[i + 1]
            target = obj(target) if isinstance(target, str) else target
            if isinstance(target, dict):
                target = target.get("/D", [])
            dests[text(names[i])] = page_of.get(target[0], 0) if target else 0
        for kid in node.get("/Kids", []):
            walk_names(kid)

    if "/Names" in root and "/Dests" in obj(root["/Names"]):
        walk_names(obj(root["/Names"])["/Dests"])
    for name in sorted(dests):
        print("dest", name, dests[name])

    for p in j["pages"]:
        page = obj(p["object"])
        annots = page.get("/Annots", [])
        annots = obj(annots) if isinstance(annots, str) else annots
        for a in annots:
            a = obj(a) if isinstance(a, str) else a
            if a.get("/Subtype") != "/Link" or "/Dest" not in a:
                continue
            name = text(a["/Dest"])
            print("link", p["pageposfrom1"], name, dests.get(name, 0))

    def walk_outlines(items, depth):
        for it in items:
            o = obj(it["object"])
            state = "closed" if o.get("/Count", 0) < 0 else "open"
            print("outline", depth, state, it.get("destpageposfrom1", 0), it["title"])
            walk_outlines(it["kids"], depth + 1)

    walk_outlines(j["outlines"], 0)


if __name__ == "__main__":
    main(sys.argv[1])
