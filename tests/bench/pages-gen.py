#!/usr/bin/env python3
"""Writes a benchmark layout tree of about N A4 pages, like a long kallelse/protokoll.

Usage: pages-gen.py N > tree.fo

Deterministic: the same N gives the same bytes (no randomness, no clock). The tree is XSL-FO in
the motesdok subset that Apache FOP reads too: a first page with the logo (SVG) and a different
header, headers and footers with "Sida N av M" on every page, justified and hyphenated Swedish
text, headings kept with the next block, numbered lists and a signature line at the end. About
four or five agenda items fill a page (12 items make 3 pages, 420 make 100).
"""
import sys

WORDS = ("Samverkansrådet diskuterade föreningsbidragen och hur de ska fördelas mellan "
         "föreningarna i kommunen under året som kommer. Gymnasie- och "
         "arbetsmarknadsförvaltningen informerade om läget inför hösten och om de nya "
         "reglerna för lokalbokning i Föreningarnas hus. Mötet beslutade att uppdra åt "
         "arbetsgruppen att ta fram ett förslag till nästa möte, med en tidsplan och en "
         "budget på 15 000 kr. Rättighetscentret och Örebro Föreningsråd redogjorde för "
         "behovskartläggningen, som visar att kommunstyrelseförvaltningen bör samordna "
         "kontakterna med civilsamhället kl. 16.00–18.00 varje tisdag.").split()


def text(i, n):
    """n words of the corpus starting at a place that depends on i (a rotation, not random)."""
    start = (i * 7) % len(WORDS)
    return " ".join(WORDS[(start + k) % len(WORDS)] for k in range(n))


def main(argv):
    if len(argv) != 2 or not argv[1].isdigit() or int(argv[1]) < 1:
        print("usage: pages-gen.py N > tree.fo", file=sys.stderr)
        return 2
    pages = int(argv[1])
    items = pages * 4 + pages // 5
    out = []
    w = out.append
    w('<?xml version="1.0" encoding="UTF-8"?>\n')
    w(f'<!-- Benchmark tree of about {pages} pages, written by tests/bench/pages-gen.py {pages}. -->\n')
    w('<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" '
      'xmlns:fox="http://xmlgraphics.apache.org/fop/extensions" xml:lang="sv-SE">\n')
    w('''  <fo:layout-master-set>
    <fo:simple-page-master master-name="first" page-width="210mm" page-height="297mm" margin="20mm 20mm 20mm 25mm">
      <fo:region-body margin-top="25mm" margin-bottom="15mm"/>
      <fo:region-before region-name="first-before" extent="20mm"/>
      <fo:region-after extent="10mm"/>
    </fo:simple-page-master>
    <fo:simple-page-master master-name="rest" page-width="210mm" page-height="297mm" margin="20mm 20mm 20mm 25mm">
      <fo:region-body margin-top="15mm" margin-bottom="15mm"/>
      <fo:region-before region-name="rest-before" extent="10mm"/>
      <fo:region-after extent="10mm"/>
    </fo:simple-page-master>
    <fo:page-sequence-master master-name="doc">
      <fo:repeatable-page-master-alternatives>
        <fo:conditional-page-master-reference master-reference="first" page-position="first"/>
        <fo:conditional-page-master-reference master-reference="rest" page-position="rest"/>
      </fo:repeatable-page-master-alternatives>
    </fo:page-sequence-master>
  </fo:layout-master-set>
  <fo:page-sequence master-reference="doc" font-family="Noto Sans" font-size="11pt" line-height="1.35"
                    hyphenate="true" text-align="justify" id="doc">
    <fo:title>Protokoll, benchmark</fo:title>
    <fo:static-content flow-name="first-before">
      <fo:block><fo:external-graphic src="url('xml/brand/orebro-logo.svg')" content-height="10mm" fox:alt-text="Örebro kommun"/></fo:block>
      <fo:block font-size="9pt" font-weight="bold" color="#1b5e7e">Örebro kommun · Civilsamhälle</fo:block>
    </fo:static-content>
    <fo:static-content flow-name="rest-before">
      <fo:block font-size="9pt" color="#5a6169" text-align-last="justify" border-bottom="0.5pt solid #b7c4cc">Samverkansrådet<fo:leader leader-pattern="space"/>Protokoll 30 januari 2024</fo:block>
    </fo:static-content>
    <fo:static-content flow-name="xsl-region-after">
      <fo:block font-size="9pt" color="#5a6169" text-align-last="justify" border-top="0.5pt solid #b7c4cc">Örebro kommun · www.orebro.se<fo:leader leader-pattern="space"/>Sida <fo:page-number/> av <fo:page-number-citation-last ref-id="doc"/></fo:block>
    </fo:static-content>
    <fo:flow flow-name="xsl-region-body">
      <fo:block role="H1" font-size="20pt" font-weight="bold" color="#1b5e7e" space-after="8pt" text-align="start" keep-with-next.within-page="always">Protokoll</fo:block>
''')
    for i in range(1, items + 1):
        w(f'      <fo:block role="H2" font-size="14pt" font-weight="bold" color="#1b5e7e" space-before="12pt" '
          f'space-after="4pt" text-align="start" hyphenate="false" keep-with-next.within-page="always">'
          f'§ {i}. {text(i, 4).rstrip(".,").capitalize()}</fo:block>\n')
        w(f'      <fo:block space-after="6pt">{text(i, 38)}</fo:block>\n')
        if i % 2 == 0:
            w('      <fo:list-block provisional-distance-between-starts="7mm" space-after="6pt">\n')
            for k in range(1, 4):
                w(f'        <fo:list-item><fo:list-item-label end-indent="label-end()"><fo:block>{k}.</fo:block></fo:list-item-label>'
                  f'<fo:list-item-body start-indent="body-start()"><fo:block text-align="start">{text(i + k, 12)}</fo:block></fo:list-item-body></fo:list-item>\n')
            w('      </fo:list-block>\n')
        else:
            w(f'      <fo:block space-after="6pt" font-style="italic">Beslut: {text(i + 3, 20)}</fo:block>\n')
    w('''      <fo:block space-before="24pt" keep-together.within-page="always">Justeras: <fo:leader leader-pattern="rule" leader-length="60mm" rule-thickness="0.5pt"/></fo:block>
    </fo:flow>
  </fo:page-sequence>
</fo:root>
''')
    sys.stdout.write("".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
