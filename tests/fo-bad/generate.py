#!/usr/bin/env python3
"""Writes the broken layout trees too big to commit, for tests/suites/47-fo-bad.sh.

Usage: generate.py DIR   (DIR relative to the project root, where motesdok may read images)

  DIR/deep-nesting.fo  10,000 fo:block elements nested in one another
  DIR/huge-image.fo    an fo:external-graphic of DIR/huge-image.png, a valid PNG whose header
                       says 20,000 × 20,000 px (1-bit grey, all white: 76 KB compressed,
                       50 MB of pixels, 1.6 GB as a 32-bit image surface)

Each tree starts with the <!-- expect: … --> lines the suite checks, as tests/fo-bad/*.fo do.
"""
import os
import struct
import sys
import zlib

HEAD = '''<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:fox="http://xmlgraphics.apache.org/fop/extensions" xml:lang="sv-SE" font-family="Noto Sans" font-size="10pt">
  <fo:layout-master-set>
    <fo:simple-page-master master-name="a4" page-width="210mm" page-height="297mm" margin="20mm">
      <fo:region-body/>
    </fo:simple-page-master>
  </fo:layout-master-set>
  <fo:page-sequence master-reference="a4">
    <fo:title>Trasigt träd</fo:title>
    <fo:flow flow-name="xsl-region-body">
'''
TAIL = '''
    </fo:flow>
  </fo:page-sequence>
</fo:root>
'''


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def huge_png(path, side):
    row = b"\0" + b"\xff" * ((side + 7) // 8)  # filter 0, then white 1-bit pixels
    z = zlib.compressobj(9)
    idat = b"".join(z.compress(row) for _ in range(side)) + z.flush()
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(png_chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)))
        f.write(png_chunk(b"IDAT", idat))
        f.write(png_chunk(b"IEND", b""))


def main(argv):
    if len(argv) != 2:
        print("usage: generate.py DIR", file=sys.stderr)
        return 2
    d = argv[1]
    os.makedirs(d, exist_ok=True)
    depth = 10000
    # The limit (docs/fo-subset.md): at most 200 nested elements; the 201st block is on line 11.
    with open(os.path.join(d, "deep-nesting.fo"), "w", encoding="utf-8") as f:
        f.write("<!-- expect: 11: error: elements nested more than 200 deep; the layout tree is "
                "too deep (a stylesheet recursing?) -->\n")
        f.write(HEAD + "<fo:block>" * depth + "djupt" + "</fo:block>" * depth + TAIL)
    png = os.path.join(d, "huge-image.png")
    huge_png(png, 20000)
    with open(os.path.join(d, "huge-image.fo"), "w", encoding="utf-8") as f:
        f.write(f"<!-- expect: ={png}: warning: the PNG image is too large (20000 × 20000 px, "
                "more than 14400 pt at 96 dpi) -->\n")
        f.write(f'<!-- expect: 13: note: fo:external-graphic src="{png}" is left out -->\n')
        f.write(HEAD + "      <fo:block>En bild på 20 000 × 20 000 bildpunkter:</fo:block>\n"
                f"      <fo:block><fo:external-graphic src=\"url('{png}')\" content-width=\"50mm\" "
                'fox:alt-text="Stor bild"/></fo:block>' + TAIL)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
