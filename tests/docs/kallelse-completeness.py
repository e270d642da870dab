#!/usr/bin/env python3
"""Completeness of a kallelse PDF: the seed's sentences that belong in a kallelse are in it.

    tests/docs/kallelse-completeness.py SEED.txt SEED.map MEETING.xml KALLELSE.pdf

What belongs in a kallelse is decided by the meeting XML, not by a list of sentences. The
kallelse part K of a meeting is:

  header   the meeting's date and its start and end (as facts), place (name, address, room),
           the bodies;
  invited  every group of participants (its name), every person (name, party, organisation,
           roles) and every vacancy (organisation);
  agenda   of every item: its number and title and its presenters; of an item that is not
           closed (public="no"), the description: its first <p> child, with the <list> right
           after it when that paragraph ends with a colon (it introduces the list).

Everything else (the meeting's own title, the minutes' further paragraphs, headings,
figures, discussion groups, working groups, calendars, actions, "Antecknat av") is not K.

Two checks, each one line per miss, then "N passed, N failed" (exit 1 on any failure):

  A. meeting -> PDF: every element of K is in the PDF text: each sentence of a text block
     (title, presenter, description paragraph and its list items, place, body) as written;
     the facts as the kallelse sets them: "Tisdagen den 30 januari 2024", "kl. 16.00–18.00",
     "3. Title", and each person as "Name (P), org, role" (docs/documents.md), the roles in
     Swedish ("ledamot" is left out).
  B. seed -> PDF: every sentence of the seed (markdown stripped, split as
     tests/tools/completeness.c splits it) is located in the meeting: through the seed's map
     (SEED.map: its XPath selects the elements the line speaks of) or else as the smallest
     elements whose text holds the sentence as whole words. A sentence whose location is in
     K must be in the PDF: a located text sentence as written (punctuation aside), a mapped
     line by the facts of its elements (the date and time of the meeting, a group's name and
     people, a person, a vacancy; a mapped element inside a text block: that block's
     sentences). A seed sentence the meeting does not hold fails.

The PDF text is `pdftotext -raw` with the page furniture removed (first line of each page,
the "Sida N av M" footer), compared with no whitespace, soft hyphens or line-end hyphens.
"""
import datetime
import re
import subprocess
import sys
import os

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import completeness as base  # noqa: E402  (parse, pdf_text, canon)

WEEKDAYS = ["måndagen", "tisdagen", "onsdagen", "torsdagen", "fredagen", "lördagen", "söndagen"]
MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december"]
ROLES = {"ordforande": "ordförande", "vice-ordforande": "vice ordförande",
         "sekreterare": "sekreterare", "justerare": "justerare", "ersattare": "ersättare",
         "adjungerad": "adjungerad", "ledamot": None}
INLINE = {"em", "strong", "link", "personname", "amount", "date", "time", "abbr"}
PUNCT = re.compile(r"[,.:;!?()\"*\u201c\u201d]")
ABBREVIATIONS = {"kl", "t.ex", "m.m", "bl.a", "ca", "nr", "s.k", "o.s.v", "fr.o.m", "t.o.m",
                 "resp", "jfr"}


def words(s):
    """completeness.c's normalise: no punctuation, white space folded."""
    s = s.replace("\u00a0", " ").replace("\u202f", " ")
    return " ".join(PUNCT.sub("", s).split())


def squeeze(s):
    """No white space, soft hyphen or line-end hyphen: the form both sides are compared in."""
    return base.canon(s)


# -- the meeting ---------------------------------------------------------------------------

def elements(node):
    """Every element under node, in document order (node included)."""
    yield node
    for c in node.children:
        if not isinstance(c, str):
            yield from elements(c)


def flat_text(node):
    """The text of node as completeness.c collects it: block boundaries separate words."""
    out = []
    for c in node.children:
        if isinstance(c, str):
            out.append(c)
        elif c.tag in INLINE:
            out.append(flat_text(c))
        else:
            out.append(" " + flat_text(c) + " ")
    return "".join(out)


def child(node, tag):
    for c in node.children:
        if not isinstance(c, str) and c.tag == tag:
            return c
    return None


def kids(node, tag=None):
    return [c for c in node.children if not isinstance(c, str) and (tag is None or c.tag == tag)]


def kallelse_part(meeting):
    """K: {element: kind}, kind one of header, place, body, group, person, vacancy, title,
    presenter, description; and the items (for their number)."""
    k = {meeting: "header"}
    place = child(meeting, "place")
    if place is not None:
        k[place] = "place"
    bodies = child(meeting, "bodies")
    for b in kids(bodies, "body") if bodies is not None else []:
        k[b] = "body"
    participants = child(meeting, "participants")
    for g in kids(participants, "group") if participants is not None else []:
        k[g] = "group"
        for p in kids(g, "person"):
            k[p] = "person"
        for v in kids(g, "vacancy"):
            k[v] = "vacancy"
    agenda = child(meeting, "agenda")
    items = kids(agenda, "item") if agenda is not None else []
    for item in items:
        k[child(item, "title")] = "title"
        for p in kids(item, "presenter"):
            k[p] = "presenter"
        if item.attrs.get("public") == "no":
            continue
        rest = kids(item)
        ps = [c for c in rest if c.tag == "p"]
        if ps:
            first = ps[0]
            k[first] = "description"
            after = rest[rest.index(first) + 1:]
            if " ".join(base.text_of(first).split()).endswith(":") and after and \
                    after[0].tag == "list":
                for li in kids(after[0], "li"):
                    k[li] = "description"
    return k, items


def in_k(node, k):
    """The element of K that node is or lies in (a person's name lies in the person), or None.
    The meeting element itself stands only for its own facts."""
    n = node
    while n is not None:
        if n in k and (n.tag != "meeting" or n is node):
            return n
        n = n.parent
    return None


# -- what the kallelse prints ---------------------------------------------------------------

def date_long(iso):
    d = datetime.date.fromisoformat(iso)
    return "%s den %d %s %d" % (WEEKDAYS[d.weekday()].capitalize(), d.day, MONTHS[d.month - 1],
                                d.year)


def clock(hhmm):
    return hhmm.replace(":", ".")


def time_range(m):
    if "end" in m.attrs:
        return "kl. %s\u2013%s" % (clock(m.attrs["start"]), clock(m.attrs["end"]))
    return "kl. %s" % clock(m.attrs["start"])


def person_line(p):
    s = " ".join(base.text_of(child(p, "name")).split())
    if p.attrs.get("party"):
        s += " (%s)" % p.attrs["party"]
    org = child(p, "org")
    if org is not None:
        s += ", " + " ".join(base.text_of(org).split())
    for r in p.attrs.get("role", "").split():
        if r not in ROLES:
            raise SystemExit("kallelse-completeness.py: role %r has no Swedish name here; add it"
                             % r)
        if ROLES[r]:
            s += ", " + ROLES[r]
    return s


def sentences_of(text):
    return [s for s in base.SENTENCE_END.split(" ".join(text.split())) if s.strip()]


def expected(node, kind, items, facts=None):
    """The strings the kallelse must hold for an element of K, as (line, text) pairs."""
    if kind == "header":
        out = []
        if facts is None or "date" in facts:
            out.append(date_long(node.attrs["date"]))
        if (facts is None or "start" in facts or "end" in facts) and "start" in node.attrs:
            out.append(time_range(node))
        return out
    if kind == "person":
        return [person_line(node)]
    if kind == "group":
        out = []
        if node.attrs.get("name"):
            out.append(node.attrs["name"])
        for c in kids(node):
            if c.tag == "person":
                out.append(person_line(c))
            elif c.tag == "vacancy":
                out.extend(expected(c, "vacancy", items))
        return out
    if kind == "vacancy":
        org = child(node, "org")
        return [" ".join(base.text_of(org).split())] if org is not None else []
    if kind == "place":
        return [" ".join(base.text_of(c).split()) for c in kids(node)
                if c.tag in ("name", "address", "room")]
    if kind == "title":
        item = node.parent
        n = item.attrs.get("n") or str(items.index(item) + 1)
        return ["%s. %s" % (n, " ".join(base.text_of(node).split()))]
    return sentences_of(base.text_of(node))


# -- the seed -------------------------------------------------------------------------------

def strip_markdown(line):
    line = line.lstrip("#")
    if line.startswith("- "):
        line = line[2:]
    line = line.replace("*", "")
    line = re.sub(r"\[([^\]]*)\]\(([^)]*)\)", r"\1 \2", line)
    return re.sub(r"<(http[^>]*)>", r"\1", line)


def seed_sentences(path):
    """(line number, whole row or None, sentence) of the seed, split as completeness.c does."""
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f.read().split("\n"), 1):
            s = strip_markdown(line)
            m = re.match(r"(\d+)\. (.*)", s)
            if m:
                s = m.group(2)
            if "\t" in s:
                yield lineno, s, None
            for cell in s.split("\t"):
                start = 0
                for i, ch in enumerate(cell + " "):
                    if i < len(cell) and ch in ".!?" and (i + 1 == len(cell) or cell[i + 1] == " "):
                        word = cell[start:i].split(" ")[-1] if ch == "." else ""
                        if word.lower() in ABBREVIATIONS:
                            continue
                        yield lineno, None, cell[start:i + 1]
                        start = i + 1
                    elif i == len(cell):
                        yield lineno, None, cell[start:]


def read_map(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#") or "\t" not in line:
                continue
            text, _, xpath = line.rpartition("\t")
            out[words(text)] = xpath
    return out


def local_names(xpath):
    return re.sub(r"\bm:([A-Za-z][\w-]*)", r"*[local-name()='\1']", xpath)


def xpath_nodes(meeting_path, xpath, doc_order):
    """The elements a map XPath speaks of: its argument to boolean(), evaluated by xmllint,
    each found by its index in document order."""
    inner = local_names(re.sub(r"^boolean\((.*)\)$", r"\1", xpath.strip()))

    def ev(expr):
        r = subprocess.run(["xmllint", "--xpath", expr, meeting_path], capture_output=True,
                           text=True)
        return r.stdout.strip()

    try:
        n = int(float(ev("count(%s)" % inner) or "0"))
    except ValueError:
        return []
    nodes = []
    for i in range(1, n + 1):
        idx = int(float(ev("count((%s)[%d]/preceding::*) + count((%s)[%d]/ancestor::*)"
                           % (inner, i, inner, i))))
        nodes.append(doc_order[idx])
    return nodes


def tested_facts(xpath):
    """The attributes of the meeting element a map XPath tests (date, start, end …)."""
    m = re.match(r"boolean\(/m:meeting\[(.*)\]\)$", xpath.strip())
    return set(re.findall(r"@([\w-]+)", m.group(1))) if m else set()


def main(argv):
    if len(argv) != 5:
        print("usage: kallelse-completeness.py SEED.txt SEED.map MEETING.xml KALLELSE.pdf",
              file=sys.stderr)
        return 2
    seed, mapfile, meeting_path, pdf = argv[1:]
    root = base.parse(meeting_path)
    meeting = kids(root)[0]
    doc_order = list(elements(meeting))
    k, items = kallelse_part(meeting)
    hay = squeeze(PUNCT.sub("", base.pdf_text(pdf)))
    hay_exact = squeeze(base.pdf_text(pdf))
    passed = failed = 0

    def check(text, where, what, exact):
        nonlocal passed, failed
        found = squeeze(text) in hay_exact if exact else squeeze(PUNCT.sub("", text)) in hay
        if found:
            passed += 1
        else:
            failed += 1
            print('%s: %s not in %s: "%s"' % (where, what, pdf, text))

    # A. meeting -> PDF.
    for node, kind in k.items():
        for text in expected(node, kind, items):
            check(text, "%s:%d" % (meeting_path, node.line), "%s of the kallelse" % kind,
                  kind in ("header", "person", "title"))

    # B. seed -> PDF.
    maps = read_map(mapfile)
    blocks = [e for e in doc_order if e.tag not in INLINE]
    texts = {e: " %s " % words(flat_text(e)) for e in blocks}
    belong = 0
    mapped_rows = set()
    for lineno, row, sentence in seed_sentences(seed):
        key = words(row if row is not None else sentence)
        if not key or lineno in mapped_rows:
            continue
        where = "%s:%d" % (seed, lineno)
        if key in maps:
            if row is not None:
                mapped_rows.add(lineno)
            for node in xpath_nodes(meeting_path, maps[key], doc_order):
                owner = in_k(node, k)
                if owner is None:
                    continue
                facts = tested_facts(maps[key]) if owner.tag == "meeting" else None
                wanted = expected(owner, k[owner], items, facts)
                # A line about the meeting's kind or status ("Kallelse") says nothing the
                # kallelse must repeat.
                belong += 1 if wanted else 0
                for text in wanted:
                    check(text, where, "seed line (mapped: %s)" % k[owner], True)
            continue
        if row is not None:
            continue
        holders = [e for e in blocks if (" %s " % key) in texts[e]]
        smallest = [e for e in holders
                    if not any(c in holders for c in kids(e) if c.tag not in INLINE)]
        if not smallest:
            failed += 1
            print('%s: seed sentence not in %s: "%s"' % (where, meeting_path, sentence.strip()))
            continue
        if any(in_k(e, k) is not None for e in smallest):
            belong += 1
            check(sentence.strip(), where, "seed sentence", False)
    print("%d seed sentences belong in the kallelse" % belong)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed or not passed or not belong else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
