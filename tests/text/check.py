#!/usr/bin/env python3
"""The text engine's PDF, checked from outside: tests/tools/textpdf sets
tests/text/paragraphs.txt at 60, 90 and 160 mm; this script reads the PDF back with
poppler (pdftotext, pdffonts) and checks that

- the extracted text (pdftotext -raw, which keeps lines as drawn) equals the input once the hyphens the typesetter inserted at line
  ends are taken out (white space aside: pdftotext guesses spaces from positions);
- every font is embedded;
- no inserted hyphen splits a person's name ({...} in the input), a URL, an e-mail
  address, a number, a time or an abbreviation, and never two lines in a row end in one;
- no line is overfull.

Usage: check.py TEXTPDF PARAGRAPHS.txt OUT.pdf; last line "N passed, N failed"."""
import re
import subprocess
import sys

passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


tool, paragraphs, pdf = sys.argv[1:4]
run = subprocess.run([tool, paragraphs, pdf], capture_output=True, text=True)
check(run.returncode == 0, f"textpdf exits 0 (stderr: {run.stderr.strip()})")
print(run.stdout, end="")
hyphenated = {}
for m in re.finditer(r"^hyphenated-lines (\d+):(.*)$", run.stdout, re.M):
    hyphenated[int(m.group(1))] = [int(x) for x in m.group(2).split()]
for m in re.finditer(r"overfull (\d+)", run.stdout):
    check(m.group(1) == "0", f"no overfull lines ({m.group(0)})")
for m in re.finditer(r"two in a row (\d+)", run.stdout):
    check(m.group(1) == "0", f"never two hyphenated lines in a row ({m.group(0)})")

source = open(paragraphs, encoding="utf-8").read()
names = re.findall(r"\{([^}]*)\}", source)
expected = re.sub(r"\s+", "", source.replace("{", "").replace("}", ""))

fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True).stdout
rows = fonts.splitlines()[2:]
check(len(rows) > 0, "pdffonts lists fonts")
for row in rows:
    check(" yes yes yes " in row or re.search(r"\byes\s+yes\s+yes\b", row) is not None,
          f"font embedded, subset, with ToUnicode: {row}")

protected = re.compile(r"[0-9@/]|\w\.\w|^[A-ZÅÄÖ]{2,}$")
for page in sorted(hyphenated):
    text = subprocess.run(["pdftotext", "-raw", "-f", str(page), "-l", str(page), pdf, "-"],
                          capture_output=True, text=True).stdout
    lines = [l for l in text.splitlines() if l.strip() and l.strip() != "\f"]
    hy = set(hyphenated[page])
    for i in hy:
        check(i < len(lines) and lines[i].endswith("-"),
              f"page {page} line {i} ends in the inserted hyphen")
        if i + 1 < len(lines):
            word = lines[i].split()[-1][:-1] + lines[i + 1].split()[0]
            word = word.strip(",.;:()”")
            check(not protected.search(word), f"page {page}: hyphenated '{word}' is no "
                  "number, URL, e-mail address or abbreviation")
            for name in names:
                for part in name.split():
                    check(word != part.strip(","), f"page {page}: the name '{name}' "
                          f"is not hyphenated (line {i})")
    joined = "".join(l[:-1] if i in hy else l for i, l in enumerate(lines))
    got = re.sub(r"\s+", "", joined)
    check(got == expected, f"page {page}: the text reads back as the input")
    if got != expected:
        k = next((k for k in range(min(len(got), len(expected))) if got[k] != expected[k]), 0)
        print(f"  differs at {k}: got …{got[k-20:k+30]}… expected …{expected[k-20:k+30]}…")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
