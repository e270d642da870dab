#!/usr/bin/env python3
"""How many pixels of page 1 of a PDF have exactly a given colour.

    tests/docs/color-pixels.py PDF '#rrggbb' [TOP_MM]

Renders page 1 at 100 dpi (pdftoppm, PPM, no anti-aliasing of fills inside shapes) and counts
the pixels equal to the colour; with TOP_MM only those in the top TOP_MM millimetres (the
first page's header with the logo). Prints the count. Used by tests/suites/82-documents-more.sh
to show that a brand's primary colour is on the page and another brand's is not.
"""
import os
import subprocess
import sys
import tempfile

DPI = 100


def main(argv):
    if len(argv) not in (3, 4):
        print("usage: color-pixels.py PDF '#rrggbb' [TOP_MM]", file=sys.stderr)
        return 2
    pdf, colour = argv[1], argv[2].lstrip("#")
    want = bytes.fromhex(colour)
    with tempfile.TemporaryDirectory() as d:
        subprocess.run(["pdftoppm", "-r", str(DPI), "-f", "1", "-l", "1", "-singlefile", pdf,
                        os.path.join(d, "p")], check=True)
        with open(os.path.join(d, "p.ppm"), "rb") as f:
            data = f.read()
    # P6 header: magic, width, height, maxval, each followed by white space.
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        start = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        fields.append(data[start:pos])
    pos += 1
    if fields[0] != b"P6" or fields[3] != b"255":
        print("color-pixels.py: %s: not an 8-bit PPM from pdftoppm" % pdf, file=sys.stderr)
        return 2
    width, height = int(fields[1]), int(fields[2])
    rows = height
    if len(argv) == 4:
        rows = min(height, int(float(argv[3]) / 25.4 * DPI))
    pixels = data[pos:pos + rows * width * 3]
    print(sum(1 for i in range(0, len(pixels), 3) if pixels[i:i + 3] == want))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
