#!/usr/bin/env python3
"""The rows of the tables of a layout tree (XSL-FO), one line each: the cells' text joined
with " | ", whitespace collapsed; header rows start with "H ". For golden tests of tables
whose text is checked before the typesetter sets tables (tests/suites/82-documents-more.sh).

    tests/docs/fo-rows.py TREE.fo
"""
import sys
import xml.etree.ElementTree as ET

FO = "{http://www.w3.org/1999/XSL/Format}"


def text(e):
    return " ".join("".join(e.itertext()).split())


def main(argv):
    if len(argv) != 2:
        print("usage: fo-rows.py TREE.fo", file=sys.stderr)
        return 2
    root = ET.parse(argv[1]).getroot()
    for table in root.iter(FO + "table"):
        for part in table:
            prefix = "H " if part.tag == FO + "table-header" else ""
            for row in part.iter(FO + "table-row"):
                cells = [text(c) for c in row.findall(FO + "table-cell")]
                print(prefix + " | ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
