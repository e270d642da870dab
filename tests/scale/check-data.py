#!/usr/bin/env python3
"""Checks the open data `motesdok data` wrote against the meetings it came from.

    tests/scale/check-data.py MEETINGS_DIR DATA_DIR

Every file must be strict JSON (no NaN, no duplicate keys), and say what the XML says:
one meeting file per meeting, its start and end in Europe/Stockholm time with the right UTC
offset (computed here with the system's tz database, not with motesdok's rule), its state,
its bodies, its agenda items in order with their titles, its persons and actions; the index
lists every meeting newest first, the organizations every body. Prints "N passed, N failed".
"""
import datetime
import json
import os
import sys
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

NS = "{urn:motesdok:meeting:1}"
OPARL = "https://schema.oparl.org/1.1/"
STOCKHOLM = ZoneInfo("Europe/Stockholm")
passed = failed = 0


def check(what, got, want):
    global passed, failed
    if got == want:
        passed += 1
    else:
        failed += 1
        print(f"{what}: expected {want!r}, got {got!r}")


def strict_load(path):
    def no_dups(pairs):
        keys = [k for k, _ in pairs]
        if len(keys) != len(set(keys)):
            raise ValueError(f"duplicate key in {path}")
        return dict(pairs)

    def no_const(c):
        raise ValueError(f"{c} in {path}")

    with open(path, encoding="utf-8") as f:
        return json.load(f, object_pairs_hook=no_dups, parse_constant=no_const)


def text(e):
    return " ".join("".join(e.itertext()).split()) if e is not None else None


def local(day, hhmm):
    d = datetime.datetime.fromisoformat(f"{day}T{hhmm}:00").replace(tzinfo=STOCKHOLM)
    return d.isoformat()


def ids_in(obj, out):
    if isinstance(obj, dict):
        if isinstance(obj.get("id"), str):
            out.append(obj["id"])
        for v in obj.values():
            ids_in(v, out)
    elif isinstance(obj, list):
        for v in obj:
            ids_in(v, out)


def main():
    meetings, data = sys.argv[1], sys.argv[2]
    names = sorted(f[:-4] for f in os.listdir(meetings) if f.endswith(".xml"))
    index = strict_load(os.path.join(data, "index.json"))
    orgs = strict_load(os.path.join(data, "organizations.json"))
    check("index: meetings, newest first", [m["id"] for m in index["data"]],
          [f"meetings/{n}.json" for n in reversed(names)])
    check("index: pagination.totalElements", index["pagination"]["totalElements"], len(names))
    summaries = {m["id"]: m for m in index["data"]}
    bodies = {}
    for n in names:
        root = ET.parse(os.path.join(meetings, n + ".xml")).getroot()
        m = strict_load(os.path.join(data, "meetings", n + ".json"))
        where = f"meetings/{n}.json"
        check(f"{where}: type", m["type"], OPARL + "Meeting")
        check(f"{where}: id", m["id"], where)
        day, status = root.get("date"), root.get("status")
        check(f"{where}: start", m["start"], local(day, root.get("start")))
        if root.get("end"):
            check(f"{where}: end", m["end"], local(day, root.get("end")))
        check(f"{where}: meetingState", m["meetingState"], status)
        check(f"{where}: cancelled", m["cancelled"], status == "cancelled")
        body_ids = [b.get("id") for b in root.find(NS + "bodies")]
        for b in root.find(NS + "bodies"):
            bodies[b.get("id")] = text(b)
        check(f"{where}: organization", m["organization"],
              [f"organizations/{b}" for b in body_ids])
        title = text(root.find(NS + "title")) or " och ".join(
            text(b) for b in root.find(NS + "bodies"))
        check(f"{where}: name", m["name"], title)
        check(f"{where}: resultsProtocol only when held", "resultsProtocol" in m,
              status == "held")
        items = root.find(NS + "agenda").findall(NS + "item")
        check(f"{where}: agenda item names", [a["name"] for a in m["agendaItem"]],
              [text(i.find(NS + "title")) for i in items])
        check(f"{where}: agenda item order", [a["order"] for a in m["agendaItem"]],
              list(range(len(items))))
        check(f"{where}: agenda item public", [a["public"] for a in m["agendaItem"]],
              [i.get("public") != "no" for i in items])
        public_actions = sum(len(list(i.iter(NS + "action"))) for i in items
                             if i.get("public") != "no")
        check(f"{where}: actions", sum(len(a.get("motesdok:action", []))
                                       for a in m["agendaItem"]), public_actions)
        persons = list(root.iter(NS + "person"))
        check(f"{where}: persons", len(m["motesdok:person"]), len(persons))
        check(f"{where}: participants (present)", m["participant"],
              [f"{where}#person-{p.get('id')}" for p in persons
               if p.get("attendance") == "present" and p.get("id")])
        ids = []
        ids_in(m, ids)
        check(f"{where}: ids unique", len(ids), len(set(ids)))
        s = summaries.get(where, {})
        check(f"{where}: index entry", (s.get("name"), s.get("start"), s.get("cancelled")),
              (m["name"], m["start"], m["cancelled"]))
        check(f"{where}: index entry has no agenda", "agendaItem" in s, False)
    check("organizations", sorted((o["id"], o["name"]) for o in orgs["data"]),
          sorted((f"organizations/{b}", n) for b, n in bodies.items()))
    print(f"{passed} passed, {failed} failed")
    sys.exit(0 if failed == 0 and passed > 0 else 1)


if __name__ == "__main__":
    main()
