#!/usr/bin/env python3
"""Writes the whole site document of a built site, as src/site.c joins it, to stdout.

    tests/site/whole-doc.py OUT BUILD-DATE

OUT/.site-cache/NAME holds each meeting's digest after a NUL byte (docs/site.md); they are
joined in name order under <site build-date="…">. motesdok gives each shared page only the
part of this document it reads; the test (87-site) runs xsl/html.xsl on the whole of it with
xsltproc and compares the pages. Only for an OUT built from nothing, where every record is of a
meeting still in the archive.
"""
import os
import sys

out, date = sys.argv[1], sys.argv[2]
cache = os.path.join(out, ".site-cache")
parts = ['<site xmlns="urn:motesdok:site:1" build-date="%s">\n' % date]
for name in sorted(os.listdir(cache)):
    if name.startswith("."):
        continue
    with open(os.path.join(cache, name), "rb") as f:
        rec = f.read()
    parts.append(rec[rec.index(b"\0") + 1:].decode("utf-8"))
parts.append("</site>\n")
sys.stdout.write("".join(parts))
