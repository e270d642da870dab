#!/usr/bin/env python3
"""Page benchmark: motesdok and Apache FOP typeset the same trees, as whole processes.

Usage: pages.py BIN WORKDIR [RUNS [FOP_RUNS]]   (run from the project root; make bench-pages)

Trees: tests/bench/pages-gen.py 3 and 100 (about 3 and 100 A4 pages, written to WORKDIR).
Each command runs once to warm the caches, then RUNS times (FOP_RUNS for FOP, whose JVM takes
seconds); the figures are medians: wall-clock milliseconds per document (the whole process, from
start to exit), CPU milliseconds (user + system, which a loaded machine inflates less), pages
per second, and the peak resident memory (ru_maxrss from wait4, largest of the runs). The last
column is FOP's median divided by motesdok's. Targets (issue 4): the 3-page tree in under
30 ms per process, at least 50 times faster than FOP, under 40 MB.

Then the documents of the 2024-01-30 meeting (motesdok kallelse/protokoll, written under
WORKDIR/out) the same way, and for every row the finishing step's share (issue 5: under 20 %
of a document): the instructions spent in md_finish_pdf_memory (src/finish.c, qpdf) out of the whole
process's, from one run under callgrind (valgrind), which a loaded machine does not change.
BENCH_CALLGRIND=0 leaves that column out.
"""
import os
import re
import statistics
import shutil
import subprocess
import sys
import tempfile
import time


def run(cmd, env=None):
    """(wall seconds, cpu seconds, peak KB) of one run of cmd; raises if it fails."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)}: exit {p.returncode}")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss


def pages(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def measure(cmd, pdf, runs, env=None):
    run(cmd, env)
    results = [run(cmd, env) for _ in range(runs)]
    wall = statistics.median(r[0] for r in results)
    cpu = statistics.median(r[1] for r in results)
    peak = max(r[2] for r in results)
    return {"wall": wall, "cpu": cpu, "peak": peak, "pages": pages(pdf), "runs": runs}


def finish_share(cmd, env=None):
    """The finishing step's share of the process's instructions (callgrind), or None."""
    if os.environ.get("BENCH_CALLGRIND", "1") == "0" or not shutil.which("valgrind"):
        return None
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "cg.out")
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"] + cmd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
        text = subprocess.run(["callgrind_annotate", "--inclusive=yes", out],
                              capture_output=True, text=True, check=True).stdout
    m = re.search(r"^\s*[\d,]+ \(\s*([\d.]+)%\)\s+\S*md_finish_pdf(?:_memory)?\b", text, re.M)
    return float(m.group(1)) if m else None


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    binary, work = argv[1], argv[2]
    runs = int(argv[3]) if len(argv) > 3 else 31
    fop_runs = int(argv[4]) if len(argv) > 4 else 5
    os.makedirs(work, exist_ok=True)
    has_fop = subprocess.run(["sh", "-c", "command -v fop"], capture_output=True).returncode == 0
    rows = []
    for n in (3, 100):
        tree = os.path.join(work, f"pages-{n}.fo")
        with open(tree, "w", encoding="utf-8") as f:
            subprocess.run([sys.executable, "tests/bench/pages-gen.py", str(n)], stdout=f, check=True)
        pdf = os.path.join(work, f"pages-{n}.pdf")
        md = measure([binary, "typeset", tree, "-o", pdf], pdf, runs if n == 3 else max(5, runs // 3))
        fop = None
        if has_fop:
            fpdf = os.path.join(work, f"pages-{n}-fop.pdf")
            fop = measure(["fop", "-c", "tests/fop/fop.xconf", "-fo", tree, "-pdf", fpdf], fpdf,
                          fop_runs if n == 3 else max(1, fop_runs // 2))
        md["finish"] = finish_share([binary, "typeset", tree, "-o", pdf])
        rows.append((n, md, fop))

    print("Page benchmark (tests/bench/pages.py): whole processes, medians; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    # The meeting documents, as users make them (the XSLT step included).
    env = dict(os.environ, MOTESDOK_OUT=os.path.join(work, "out"))
    docs = []
    for what in ("kallelse", "protokoll"):
        cmd = [binary, what, "2024-01-30"]
        pdf = os.path.join(work, "out", "2024-01-30", f"{what}.pdf")
        docs.append((what, measure(cmd, pdf, max(5, runs // 3), env), cmd, env))

    print(f"{'document':<12} {'who':<9} {'pages':>5} {'runs':>4} {'ms/doc':>9} {'cpu ms':>9} "
          f"{'pages/s':>8} {'peak MB':>8} {'finish %':>8} {'FOP/motesdok':>13}")

    def line(name, who, r, ratio=""):
        share = f"{r['finish']:.1f}" if r.get("finish") is not None else "-"
        print(f"{name:<12} {who:<9} {r['pages']:>5} {r['runs']:>4} {r['wall'] * 1000:>9.1f} "
              f"{r['cpu'] * 1000:>9.1f} {r['pages'] / r['wall']:>8.1f} {r['peak'] / 1024:>8.1f} "
              f"{share:>8} {ratio:>13}")

    for n, md, fop in rows:
        line(f"{n}-page", "motesdok", md)
        if fop is None:
            print(f"{n:>3}-page     FOP       (fop is not installed: tools/deps.sh test)")
        else:
            line(f"{n}-page", "FOP", fop, f"{fop['wall'] / md['wall']:.0f}× wall, "
                                         f"{fop['cpu'] / md['cpu']:.0f}× cpu")
    for what, r, cmd, denv in docs:
        r["finish"] = finish_share(cmd, denv)
        line(what, "motesdok", r)
    md3, fop3 = rows[0][1], rows[0][2]
    verdict = [f"3-page {md3['wall'] * 1000:.1f} ms, {md3['cpu'] * 1000:.1f} ms cpu (target < 30: "
               f"{'met' if md3['wall'] < 0.030 else 'missed by %.1f ms' % (md3['wall'] * 1000 - 30)})",
               f"peak {md3['peak'] / 1024:.1f} MB (target < 40: {'met' if md3['peak'] < 40 * 1024 else 'missed'})"]
    if fop3:
        ratio = fop3["wall"] / md3["wall"]
        verdict.append(f"{ratio:.0f}× faster than FOP (target ≥ 50: {'met' if ratio >= 50 else 'missed'})")
    shares = [r["finish"] for _, r, _, _ in docs if r.get("finish") is not None]
    if shares:
        verdict.append(f"finishing step at most {max(shares):.1f} % of a document "
                       f"(target < 20: {'met' if max(shares) < 20 else 'missed'})")
    print("; ".join(verdict))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
