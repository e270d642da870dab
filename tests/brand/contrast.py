#!/usr/bin/env python3
"""WCAG 2.1 contrast of a brand file's colours: every text colour (text, muted, primary,
secondary, accent, link) on the page background and the text, primary and link colours on
the table header background must reach 4.5:1 (AA, normal text); white on primary (for a
band with reversed text) is reported too and must reach 4.5:1 as well. The rule colour is
decorative and only reported. Prints a Markdown table; exits 1 when a pair fails.
Usage: tests/brand/contrast.py xml/brand/orebro.xml [...]"""
import sys
import xml.etree.ElementTree as ET

NS = "{urn:motesdok:brand:1}"


def luminance(hex_color):
    """Relative luminance, WCAG 2.1 (sRGB, threshold 0.04045 as in IEC 61966-2-1)."""
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def ratio(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def check(path):
    colors = {c.get("role"): c.text.strip()
              for c in ET.parse(path).getroot().iter(NS + "color")}
    colors.setdefault("background", "#ffffff")
    bg, th = "background", "table-header-background"
    pairs = [(fg, bg, 4.5) for fg in ("text", "muted", "primary", "secondary", "accent", "link")]
    pairs += [(fg, th, 4.5) for fg in ("text", "primary", "link")]
    pairs += [("white", "primary", 4.5), ("rule", bg, None)]
    colors["white"] = "#ffffff"
    bad = 0
    print(f"{path}\n\n| foreground | background | ratio | AA |\n|---|---|---|---|")
    for fg, back, need in pairs:
        r = ratio(colors[fg], colors[back])
        # Round down: 4.499 must not print as a passing 4.50.
        shown = int(r * 100) / 100
        verdict = "decorative" if need is None else ("yes" if r >= need else "NO")
        bad += verdict == "NO"
        print(f"| {fg} `{colors[fg]}` | {back} `{colors[back]}` | {shown:.2f}:1 | {verdict} |")
    print()
    return bad


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    failed = sum(check(p) for p in sys.argv[1:])
    if failed:
        print(f"{failed} pair(s) below 4.5:1", file=sys.stderr)
    sys.exit(1 if failed else 0)
