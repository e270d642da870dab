#!/usr/bin/env python3
"""The archive benchmark (`make bench-archive`): a generated archive of YEARS years
(tests/scale/gen.py), then the medians over RUNS runs of

  full         `make -jJOBS archive` into an empty output folder (every kallelse, protokoll,
               the site, the feeds and the open data)
  one meeting  the same after touching one held meeting (its two PDFs, the kalendarier of its
               year and the next, the site, feeds, data; the kalendarier's inputs did not
               change, so their records only bring them up to date, docs/archive.md)
  one edited   the same after changing that meeting's bytes (a comment appended: the same
               steps, and the two kalendarier are made again)
  nothing      the same with nothing changed

(wall time, and CPU time of all processes, which a shared machine disturbs less) and the
peak memory (largest resident set of any one process of the full build).

    tests/scale/bench.py BIN [--meetings 500] [--years 15] [--runs 3] [--jobs 2]

--meetings N spreads about N meetings over the years (gen.py --per-year N/YEARS, rounded up).
The targets of issue 7 are printed beside the medians: the full rebuild of 500 meetings
under 20 s, one meeting under 0.5 s.
"""
import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

CPU = []  # CPU seconds (user + system, all processes) of each make run, in order
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
REPO = ROOT  # where make runs: a snapshot of ROOT (see snapshot())


def snapshot(dest):
    """A copy of what the archive build reads (Makefile, mk/, tools/, xsl/, fonts/, xml/ but
    the meetings), so that edits to the working tree during the benchmark change nothing."""
    os.makedirs(dest)
    shutil.copy2(os.path.join(ROOT, "Makefile"), dest)
    for d in ("mk", "tools", "xsl", "fonts", "xml/schema", "xml/brand", "xml/hyphenation"):
        if os.path.isdir(os.path.join(ROOT, d)):
            shutil.copytree(os.path.join(ROOT, d), os.path.join(dest, d))
    return dest


def run_make(bin_, meetings, out, jobs):
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    cmd = ["make", "--no-print-directory", f"-j{jobs}", "archive", f"ARCHIVE_BIN={bin_}",
           f"MOTESDOK_MEETINGS={meetings}", f"MOTESDOK_OUT={out}"]
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    p = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True)
    dt = time.monotonic() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append(r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime)
    if p.returncode != 0:
        sys.stdout.write(p.stdout[-2000:] + p.stderr[-2000:])
        sys.exit(f"bench-archive: make archive failed (exit {p.returncode})")
    return dt, p.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bin")
    ap.add_argument("--years", type=int, default=15)
    ap.add_argument("--meetings", type=int, default=500)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    bin_ = os.path.abspath(a.bin)
    tmp = tempfile.mkdtemp(prefix="motesdok-bench-")
    global REPO
    try:
        REPO = snapshot(os.path.join(tmp, "repo"))
        meetings = os.path.join(tmp, "meetings")
        per_year = max(1, -(-a.meetings // a.years))
        subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), meetings,
                        "--years", str(a.years), "--per-year", str(per_year)],
                       check=True, capture_output=True)
        names = sorted(f[:-4] for f in os.listdir(meetings) if f.endswith(".xml"))
        held = [n for n in names if 'status="held"' in open(os.path.join(meetings, n + ".xml"),
                                                               encoding="utf-8").read()]
        load_before = os.getloadavg()
        full, one, edited, none = [], [], [], []
        steps = docs = 0
        for r in range(a.runs):
            out = os.path.join(tmp, f"out{r}")
            dt, log = run_make(bin_, meetings, out, a.jobs)
            full.append(dt)
            m = re.search(r"archive: (\d+) steps done", log)
            steps = int(m.group(1)) if m else 0
            docs = sum(1 for l in log.splitlines() if re.match(r"\[\d+/\d+\] (kallelse|protokoll) ", l))
            target = os.path.join(meetings, held[len(held) // 2] + ".xml")
            os.utime(target)  # touch: now, newer than its PDFs
            dt, log = run_make(bin_, meetings, out, a.jobs)
            one.append(dt)
            with open(target, "a", encoding="utf-8") as f:
                f.write(f"<!-- edited by bench.py, run {r} -->\n")
            dt, log = run_make(bin_, meetings, out, a.jobs)
            edited.append(dt)
            if len(re.findall(r"^\[\d+/\d+\] kalender ", log, re.M)) < 1:
                sys.exit("bench-archive: an edited meeting made no kalendarium:\n" + log)
            dt, log = run_make(bin_, meetings, out, a.jobs)
            none.append(dt)
            if "nothing to rebuild" not in log:
                sys.exit("bench-archive: a second make archive rebuilt something:\n" + log)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        med = statistics.median
        print(f"archive of {len(names)} generated meetings ({a.years} years, {len(held)} held): "
              f"{docs} PDFs, {steps} steps; make -j{a.jobs}, medians of {a.runs} runs")
        cpu = [CPU[0::4], CPU[1::4], CPU[2::4], CPU[3::4]]
        print("| build | median wall | runs (wall) | median CPU (user+sys) | target | wall/target |")
        print("|---|---|---|---|---|---|")
        for name, v, c, t in (("full", full, cpu[0], 20.0), ("one meeting touched", one, cpu[1], 0.5),
                              ("one meeting edited", edited, cpu[2], 0.5),
                              ("nothing changed", none, cpu[3], None)):
            tgt = f"{t:g} s" if t else "-"
            ratio = f"{med(v) / t:.2f}" + (" (met)" if med(v) <= t else " (NOT met)") if t else "-"
            print(f"| {name} | {med(v):.2f} s | {' '.join(f'{x:.2f}' for x in v)} | "
                  f"{med(c):.2f} s | {tgt} | {ratio} |")
        print(f"peak memory (largest single process): {peak:.0f} MB; "
              f"{med(full) / max(1, docs) * 1000:.0f} ms per PDF (wall, -j{a.jobs}), "
              f"{med(cpu[0]) / max(1, docs) * 1000:.0f} ms (CPU)")
        # The machine is shared: its load says how far the wall times are from an idle one's.
        load_after = os.getloadavg()
        print("load average (1, 5, 15 min) before: " + ", ".join(f"{x:.2f}" for x in load_before)
              + "; after: " + ", ".join(f"{x:.2f}" for x in load_after))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
