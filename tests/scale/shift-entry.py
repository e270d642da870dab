#!/usr/bin/env python3
"""Moves the first kalendarium entry of a meeting file one day later, in place (a test of the
kalendarium record, tests/suites/88-archive.sh); prints the old and the new date.

    tests/scale/shift-entry.py MEETING.xml
"""
import datetime
import re
import sys

path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    text = f.read()
m = re.search(r'<entry date="(\d{4}-\d\d-\d\d)"', text)
if m is None:
    sys.exit(f"{path}: no <entry date=…> to move")
new = (datetime.date.fromisoformat(m.group(1)) + datetime.timedelta(days=1)).isoformat()
text = text[: m.start(1)] + new + text[m.end(1):]
with open(path, "w", encoding="utf-8") as f:
    f.write(text)
print(m.group(1), new)
