#!/usr/bin/env python3
"""Generates a deterministic archive of realistic Swedish meetings for scale tests.

    tests/scale/gen.py OUT_DIR [--years N] [--first-year Y] [--per-year K] [--seed S]

Writes OUT_DIR/YYYY-MM-DD.xml, valid against xml/schema/meeting.rnc and clean under
`motesdok validate`: joint meetings of Samverkansrådet and C-nätet (minnesanteckningar,
with a kalendarium, a watch list, actions that later meetings follow up and close) and a
nämnd's formal protokoll (§§ numbered through the year, dnr, yrkanden, votering,
reservation, justering). The last meetings of the last year are planned (kallelse), and
about one in twenty-five is cancelled. Names carry å, ä and ö; agendas run 6 to 16 items.
The same arguments give the same bytes (random.Random(seed), no clock, no hash order).
"""
import argparse
import datetime
import os
import random
import sys
from xml.sax.saxutils import escape

GIVEN = ["Åsa", "Örjan", "Märta", "Björn", "Åke", "Jönsson", "Ingrid", "Göran", "Sölve",
         "Linnéa", "Håkan", "Maja", "Gunnel", "Sven-Åke", "Ylva", "Anna-Karin", "Pär",
         "Kjell", "Lärka", "Tove", "Mårten", "Stina", "Jörgen", "Elin", "Rasmus", "Fatima",
         "Ahmed", "Zeynep", "Noor", "Östen"]
GIVEN = [g for g in GIVEN if g != "Jönsson"]
FAMILY = ["Åkesson", "Öberg", "Bäckström", "Sjögren", "Lindqvist", "Håkansson", "Nyström",
          "Ekström", "Söderlund", "Wiklund", "Löfgren", "Dahlgren", "Strömberg", "Hägg",
          "Forsén", "Järvinen", "Karimi", "Yusuf", "Ängström", "Björk"]
ORGS = ["Örebro Föreningsråd", "Studieförbundet Vuxenskolan", "Brottsofferjouren",
        "Föreningen Hjärnkraft Örebro län", "Röda Korset Örebro", "Ösgrannar IF",
        "Vivalla Folkets hus", "Stiftelsen Activa", "Betlehemskyrkan", "RF-SISU Örebro län",
        "Hyresgästföreningen Örebro", "Pensionärernas riksorganisation, Örebro"]
FORV = ["Kommunledningsförvaltningen", "Socialförvaltningen",
        "Förskole- och grundskoleförvaltningen", "Gymnasie- och arbetsmarknadsförvaltningen",
        "Kultur- och medborgarförvaltningen", "Stadsbyggnad", "Vård- och omsorgsförvaltningen"]
PARTIES = ["S", "M", "L", "C", "KD", "V", "MP", "SD"]
TOPICS = ["Överenskommelsen om samverkan", "Föreningsbidrag och lokalförsörjning",
          "Medborgardialog i Vivalla", "Krisberedskap och civilt försvar",
          "Ungdomars fritid under sommarlovet", "Översiktsplanen ”Vårt Framtida Örebro”",
          "Digital tillgänglighet i föreningslivet", "Idéburet offentligt partnerskap",
          "Behovskartläggning av mötesplatser", "Trygghetsvandringar i Brickebacken",
          "Kommunens hållbarhetsprogram", "Jämställdhet i idrottsrörelsen",
          "Föreningarnas Hus: ny bokningsrutin", "Rättighetsfrågor och antidiskriminering"]
SENTENCES = [
    "Gruppen diskuterar hur föreningslivet kan involveras i ett tidigt skede.",
    "Förvaltningen redogör för läget och svarar på frågor från ledamöterna.",
    "Flera påpekar att kommunikationen mellan förvaltningar och föreningar behöver bli tydligare.",
    "Det framkommer att behovet av lokaler är stort, särskilt kvällstid och på helger.",
    "Samverkansrådet ser positivt på förslaget och vill följa arbetet under året.",
    "Återkoppling sker till nästa möte, då förvaltningen presenterar ett underlag.",
    "Deltagarna delar erfarenheter från sina verksamheter och lyfter goda exempel.",
    "En arbetsgrupp har träffats två gånger sedan förra mötet och sammanfattar sina slutsatser.",
    "Gymnasie- och arbetsmarknadsförvaltningen informerar om sommarjobb för ungdomar.",
    "Frågan om ersättning för ideellt arbete väcker en längre diskussion.",
]
PLACES = [("Föreningarnas Hus", "Slottsgatan 13A", None), ("Rådhuset", "Storgatan 1", "Sal 3"),
          ("Medborgarhuset Vivalla", "Vivallaringen 1", None),
          ("Kulturkvarteret", "Olof Palmes torg 1", "Sammanträdesrum Hjälmaren")]


class Gen:
    def __init__(self, rng):
        self.rng = rng
        self.open_actions = []  # (action id, meeting date) of the joint meetings
        self.paragraph = {}  # year -> next § of the nämnd

    def person_pool(self, n, prefix):
        seen = set()
        out = []
        while len(out) < n:
            g, f = self.rng.choice(GIVEN), self.rng.choice(FAMILY)
            name = f"{g} {f}"
            if name in seen:
                continue
            seen.add(name)
            pid = prefix + slug(name)
            out.append((pid, name))
        return out


def slug(s):
    table = str.maketrans("åäöéÅÄÖÉ", "aaoeAAOE")
    s = s.translate(table).lower()
    out = []
    for c in s:
        out.append(c if c.isalnum() else "-")
    return "-".join(p for p in "".join(out).split("-") if p)


def t(s):
    return escape(s)


def meeting_days(rng, year, n, weekday_ok, taken):
    """n distinct working days of year (no July), sorted, on weekdays weekday_ok."""
    days = []
    months = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]
    step = len(months) / n
    for i in range(n):
        m = months[min(len(months) - 1, int(i * step))]
        for _ in range(60):
            d = datetime.date(year, m, rng.randint(3, 26))
            if d.weekday() in weekday_ok and d not in taken:
                break
        taken.add(d)
        days.append(d)
    return sorted(days)


def header(kind, status, day, start, end, title, bodies):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f"<!-- Generated by tests/scale/gen.py: invented meeting, names made up. -->",
           f'<meeting xmlns="urn:motesdok:meeting:1" kind="{kind}" status="{status}"',
           f'         date="{day.isoformat()}" start="{start}" end="{end}" xml:lang="sv">']
    if title:
        out.append(f"  <title>{t(title)}</title>")
    out.append("  <bodies>")
    for bid, btype, bname in bodies:
        out.append(f'    <body id="{bid}" type="{btype}">{t(bname)}</body>')
    out.append("  </bodies>")
    return out


def place_xml(rng, indent="  "):
    name, addr, room = rng.choice(PLACES)
    out = [f"{indent}<place>", f"{indent}  <name>{t(name)}</name>",
           f"{indent}  <address>{t(addr)}</address>"]
    if room:
        out.append(f"{indent}  <room>{t(room)}</room>")
    out.append(f"{indent}</place>")
    return out


def joint_meeting(g, day, status, upcoming, year_days):
    """Samverkansrådet and C-nätet together, minnesanteckningar (or a kallelse)."""
    rng = g.rng
    held = status == "held"
    kind = "minnesanteckningar" if held else "kallelse"
    lines = header(kind, status, day, "16:00", "18:00",
                   "Samverkansrådet och C-nätet",
                   [("samverkansradet", "rad", "Samverkansrådet"),
                    ("c-natet", "natverk", "C-nätet")])
    lines += place_xml(rng)
    civil = g.person_pool(rng.randint(9, 14), "")
    forv = g.person_pool(rng.randint(5, 8), "f-")
    forv = [(pid, name) for pid, name in forv if pid[2:] not in {p for p, _ in civil}]
    chair = civil[0][0]
    secretary = forv[0][0]

    def att():
        if not held:
            return ""
        return ' attendance="absent"' if rng.random() < 0.15 else ' attendance="present"'

    lines.append("  <participants>")
    lines.append('    <group name="Samverkansrådet" body="samverkansradet">')
    for i, (pid, name) in enumerate(civil):
        role = ' role="ordforande"' if i == 0 else (' role="vice-ordforande"' if i == 1 else "")
        a = ' attendance="present"' if held and i == 0 else att()
        lines.append(f'      <person id="{pid}"{a}{role}>')
        lines.append(f"        <name>{t(name)}</name>")
        lines.append(f"        <org>{t(rng.choice(ORGS))}</org>")
        lines.append("      </person>")
    if rng.random() < 0.5:
        lines.append(f"      <vacancy><org>{t(rng.choice(ORGS))}</org></vacancy>")
    lines.append("    </group>")
    lines.append('    <group name="C-nätet" body="c-natet">')
    for i, (pid, name) in enumerate(forv):
        role = ' role="sekreterare"' if i == 0 else ""
        a = ' attendance="present"' if held and i == 0 else att()
        lines.append(f'      <person id="{pid}"{a}{role}>')
        lines.append(f"        <name>{t(name)}</name>")
        lines.append(f"        <org>{t(FORV[i % len(FORV)])}</org>")
        if i == 0:
            lines.append(f"        <email>{slug(name).replace('-', '.')}@orebro.se</email>")
        lines.append("      </person>")
    lines.append("    </group>")
    lines.append("  </participants>")

    lines.append("  <agenda>")
    n_items = rng.randint(6, 16)
    topics = rng.sample(TOPICS, min(len(TOPICS), n_items))
    everyone = [p for p, _ in civil + forv]
    actions_here = 0
    for n in range(1, n_items + 1):
        if n == 1:
            lines.append('    <item n="1">')
            lines.append("      <title>Välkomna och godkännande av dagordningen</title>")
            lines.append(f'      <p>Ordförande <personname ref="{chair}">{t(civil[0][1])}</personname>'
                         " hälsar alla välkomna. Dagordningen godkänns.</p>")
            lines.append("    </item>")
            continue
        if n == n_items - 1:
            lines.append(f'    <item n="{n}" type="calendar">')
            lines.append(f"      <title>Kalendarium {day.year}</title>")
            lines.append(f'      <calendar year="{day.year}">')
            for d2 in upcoming:
                lines.append(f'        <entry date="{d2.isoformat()}" bodies="samverkansradet c-natet">')
                lines.append('          <time start="16:00" end="18:00">kl. 16.00–18.00</time>')
                lines.append("          <title>Samverkansrådet + C-nätet</title>")
                lines.append("        </entry>")
            month = min(12, day.month + 2)
            lines.append(f'        <entry month="{day.year}-{month:02d}" status="preliminary">')
            lines.append('          <time start="17:30" end="20:30">kl. 17.30–20.30</time>')
            lines.append(f"          <title>Temakväll: {t(rng.choice(TOPICS))}</title>")
            lines.append("        </entry>")
            term = "HT" if day.month < 7 else "VT"
            ty = day.year if term == "HT" else day.year + 1
            lines.append(f'        <entry term="{term}{ty}" status="preliminary">')
            lines.append("          <title>Dialogserie med utgångspunkt i kommunens hållbarhetsprogram</title>")
            lines.append("          <note>AU återkommer med förslag på datum.</note>")
            lines.append("        </entry>")
            lines.append("      </calendar>")
            lines.append("    </item>")
            continue
        if n == n_items:
            lines.append(f'    <item n="{n}" type="other-business">')
            lines.append("      <title>Övriga frågor</title>")
            if held and g.open_actions and rng.random() < 0.6:
                aid, _ = g.open_actions.pop(0)
                lines.append(f'      <action closes="{aid}" status="done">Frågan från ett tidigare'
                             " möte är besvarad och avslutas.</action>")
            else:
                lines.append("      <p>Inga övriga frågor.</p>")
            lines.append("    </item>")
            continue
        topic = topics[(n - 2) % len(topics)]
        lines.append(f'    <item n="{n}">')
        lines.append(f"      <title>{t(topic)}</title>")
        if rng.random() < 0.5:
            pid, name = rng.choice(forv)
            lines.append(f'      <presenter ref="{pid}" org="{t(rng.choice(FORV))}">{t(name)}</presenter>')
        for _ in range(rng.randint(1, 4) if held else 1):
            lines.append(f"      <p>{t(' '.join(rng.sample(SENTENCES, rng.randint(1, 3))))}</p>")
        if held and rng.random() < 0.3:
            lines.append('      <list type="bullet">')
            for s in rng.sample(SENTENCES, 3):
                lines.append(f"        <li>{t(s)}</li>")
            lines.append("      </list>")
        if held and rng.random() < 0.4:
            lines.append("      <decision>")
            lines.append(f"        <p>Samverkansrådet beslutar att ge arbetsgruppen i uppdrag att"
                         f" återkomma i frågan om {t(topic.lower())}.</p>")
            lines.append("      </decision>")
        if held and rng.random() < 0.35:
            actions_here += 1
            aid = f"a-{day.isoformat()}-{actions_here}"
            who = rng.choice(everyone)
            due = day + datetime.timedelta(days=rng.randint(30, 120))
            follows = ""
            if g.open_actions and rng.random() < 0.3:
                follows = f' follows="{g.open_actions[0][0]}"'
            lines.append(f'      <action id="{aid}" who="{who}" due="{due.isoformat()}"{follows}>'
                         "AU tar med sig frågan och återkommer.</action>")
            g.open_actions.append((aid, day))
        lines.append("    </item>")
    lines.append("  </agenda>")
    if held:
        lines.append(f'  <recorded-by ref="{secretary}">{t(forv[0][1])}, sekreterare</recorded-by>')
    lines.append("</meeting>")
    return "\n".join(lines) + "\n"


def namnd_meeting(g, day, status):
    """A formal protokoll of Kultur- och fritidsnämnden."""
    rng = g.rng
    held = status == "held"
    kind = "protokoll" if held else "kallelse"
    body = ("kfn", "namnd", "Kultur- och fritidsnämnden")
    lines = header(kind, status, day, "13:30", "16:00", None, [body])
    lines += place_xml(rng)
    members = g.person_pool(rng.randint(7, 11), "")
    subs = g.person_pool(rng.randint(3, 5), "e-")
    lines.append("  <participants>")
    lines.append('    <group name="Ledamöter" body="kfn">')
    absent = set()
    for i, (pid, name) in enumerate(members):
        roles = ["ordforande", "ledamot"] if i == 0 else (
            ["vice-ordforande", "ledamot", "justerare"] if i == 1 else ["ledamot"])
        a = ""
        if held:
            is_absent = i >= 2 and rng.random() < 0.15
            a = ' attendance="absent"' if is_absent else ' attendance="present"'
            if is_absent:
                absent.add(pid)
        lines.append(f'      <person id="{pid}"{a} role="{" ".join(roles)}" party="{PARTIES[i % 8]}">')
        lines.append(f"        <name>{t(name)}</name>")
        lines.append("      </person>")
    lines.append("    </group>")
    lines.append('    <group name="Ersättare" body="kfn">')
    absent = sorted(absent)
    for i, (pid, name) in enumerate(subs):
        extra = ""
        if held and i < len(absent):
            extra = f' replaces="{absent[i]}" serving="yes"'
        a = ' attendance="present"' if held else ""
        lines.append(f'      <person id="{pid}"{a} role="ersattare" party="{PARTIES[(i + 3) % 8]}"{extra}>')
        lines.append(f"        <name>{t(name)}</name>")
        lines.append("      </person>")
    lines.append("    </group>")
    sec = ("maja-loof", "Maja Lööf")
    lines.append('    <group name="Övriga närvarande">')
    a = ' attendance="present"' if held else ""
    lines.append(f'      <person id="{sec[0]}"{a} role="sekreterare">')
    lines.append(f"        <name>{sec[1]}</name>")
    lines.append("        <org>Kultur- och medborgarförvaltningen</org>")
    lines.append("        <email>maja.loof@example.org</email>")
    lines.append("      </person>")
    lines.append("    </group>")
    lines.append("  </participants>")

    lines.append("  <agenda>")
    n_items = rng.randint(6, 14)
    para = g.paragraph.get(day.year, 1)
    chair, vice = members[0], members[1]
    for n in range(1, n_items + 1):
        p = para
        para += 1
        pa = f' paragraph="{p}"' if held else ""
        if n == 1:
            lines.append(f'    <item n="1"{pa}>')
            lines.append("      <title>Val av justerare och tid för justering</title>")
            if held:
                jd = day + datetime.timedelta(days=2)
                lines.append("      <decision>")
                lines.append(f'        <p>Nämnden utser <personname ref="{vice[0]}">{t(vice[1])}</personname>'
                             f' att jämte ordföranden justera protokollet. Justeringen sker'
                             f' <date value="{jd.isoformat()}">{jd.day} {MONTHS[jd.month - 1]}</date>.</p>')
                lines.append("      </decision>")
            lines.append("    </item>")
            continue
        dnr = f"KFN {day.year}/{rng.randint(1, 400)}"
        public = ' public="no"' if rng.random() < 0.05 else ""
        lines.append(f'    <item n="{n}"{pa} dnr="{dnr}"{public}>')
        topic = rng.choice(TOPICS)
        lines.append(f"      <title>{t(topic)}</title>")
        v = rng.randint(1, 90) * 10000
        lines.append(f"      <p>{t(' '.join(rng.sample(SENTENCES, 2)))} Nämnden har avsatt"
                     f' <amount value="{v}">{fmt_kr(v)}</amount> för ändamålet.</p>')
        if held and rng.random() < 0.25:
            mover = rng.choice(members[2:])
            lines.append(f'      <proposal by="{chair[0]}">')
            lines.append(f'        <p><personname ref="{chair[0]}">{t(chair[1])}</personname> yrkar bifall till förvaltningens förslag.</p>')
            lines.append("      </proposal>")
            lines.append(f'      <proposal by="{mover[0]}">')
            lines.append(f'        <p><personname ref="{mover[0]}">{t(mover[1])}</personname> yrkar avslag.</p>')
            lines.append("      </proposal>")
            lines.append("      <proposition-order>")
            lines.append("        <p>Ordföranden ställer förslagen mot varandra och finner att nämnden bifaller förvaltningens förslag.</p>")
            lines.append("      </proposition-order>")
            lines.append("      <decision>")
            lines.append("        <p>Nämnden beslutar enligt förvaltningens förslag.</p>")
            lines.append("      </decision>")
            if mover[0] not in absent:
                lines.append(f'      <dissent by="{mover[0]}">')
                lines.append(f'        <p><personname ref="{mover[0]}">{t(mover[1])}</personname> reserverar sig mot beslutet.</p>')
                lines.append("      </dissent>")
        elif held:
            lines.append("      <decision>")
            lines.append("        <p>Nämnden beslutar att godkänna informationen.</p>")
            lines.append("      </decision>")
        lines.append("    </item>")
    lines.append("  </agenda>")
    if held:
        g.paragraph[day.year] = para
        jd = day + datetime.timedelta(days=2)
        lines.append(f'  <approval date="{jd.isoformat()}" time="15:00" place="Rådhuset">')
        lines.append(f'    <approver ref="{chair[0]}"/>')
        lines.append(f'    <approver ref="{vice[0]}"/>')
        lines.append("  </approval>")
        lines.append(f'  <recorded-by ref="{sec[0]}">{sec[1]}, sekreterare</recorded-by>')
    lines.append("</meeting>")
    return "\n".join(lines) + "\n"


MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december"]


def fmt_kr(v):
    s = f"{v:,}".replace(",", "\u00a0")
    return f"{s}\u00a0kr"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--years", type=int, default=10)
    ap.add_argument("--first-year", type=int, default=2012)
    ap.add_argument("--per-year", type=int, default=11,
                    help="meetings a year: about half joint, half the nämnd's")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    g = Gen(rng)
    os.makedirs(a.out, exist_ok=True)
    n_joint = max(1, (a.per_year + 1) // 2)
    n_namnd = max(0, a.per_year - n_joint)
    written = 0
    last_year = a.first_year + a.years - 1
    for year in range(a.first_year, last_year + 1):
        taken = set()
        joint = meeting_days(rng, year, n_joint, {0, 1}, taken)  # Monday, Tuesday
        namnd = meeting_days(rng, year, n_namnd, {2, 3}, taken) if n_namnd else []
        meetings = [(d, "joint") for d in joint] + [(d, "namnd") for d in namnd]
        meetings.sort()
        for idx, (day, which) in enumerate(meetings):
            # The last two meetings of the last year are not yet held.
            status = "planned" if year == last_year and idx >= len(meetings) - 2 else "held"
            if status == "held" and rng.random() < 0.04:
                status = "cancelled"
            if which == "joint":
                upcoming = [d for d in joint if d > day]
                text = joint_meeting(g, day, status if status != "cancelled" else "cancelled",
                                     upcoming, joint)
            else:
                text = namnd_meeting(g, day, status)
            if status == "cancelled":
                # A cancelled meeting keeps its kallelse: the notice that went out.
                text = text.replace('kind="minnesanteckningar"', 'kind="kallelse"').replace(
                    'kind="protokoll"', 'kind="kallelse"')
            with open(os.path.join(a.out, day.isoformat() + ".xml"), "w", encoding="utf-8") as f:
                f.write(text)
            written += 1
    print(f"gen.py: {written} meetings, {a.first_year}–{last_year}, in {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
