#!/usr/bin/env python3
"""bench_jvm.py -- the JVM guest's speed: cycles per bytecode per program and core (make bench-jvm).

usage: bench_jvm.py [--sim SIM]... [--corpus DIR] [--long] [-j N] [--markdown]
                    [--javac JAVAC] [--java JAVA] [PROGRAM]...

Programs: the JVM corpus's drivers (../shared/jvm-corpus, compiled as tests/jvm/run_jvm.py
compiles them, javac 17 flavour, into build/jvm-corpus/17/: the same folder and stamp, so a
test run's classes are reused) and the project's demo tests/jvm/Hello.java (build/jvm-tests/17/
Hello/). By default the corpus's short drivers (all but run_jvm.py's LONG_DRIVERS:
ControlFlowRecursive, LogicAtom, MethodAtom, LoopAtom, SieveAtom, IntMM, Puzzle, which run 13 to
136 million bytecodes each); --long adds those. A PROGRAM names a driver (RunQueens or Queens)
or Hello; named programs run whatever their length. Without the corpus (no DIR/expected.json)
the default is Hello alone, saying so.

For each program and simulator (default build/cms-sim-s2, build/cms-sim-s4, build/cms-sim-mc)
runs `SIM --stats -cp DIR MAIN`. Its standard output and exit status must be what the corpus's
expected.json records (for Hello: what `java -cp DIR Hello` prints, run once here); a
disagreement, a missing report row or a time-out is an error: the script says so and prints
no figures for that run (and exits 1 at the end).

Columns, from the firmware's report (firmware/jvm_main.c, --stats, standard error): bytecodes
executed (the VM's count: the class library's bytecodes included, unlike the corpus table's
HotSpot count of the program's own methods), native cycles (mcycle around jvm_run: every
firmware cycle of the run, dispatch, natives, allocation and collections included, the image's
set-up before it not), cycles per bytecode, invocations, allocations, collections, heap
high-water mark (bytes); then all cycles (the harness's `sim:` count: reset, jvm_init and the
report too). Below each table: the geometric mean of cycles per bytecode over the corpus
programs run (Hello excluded), against issue 14's target (at most 15 native cycles per bytecode,
geometric mean over the corpus, pipelined core); then each program's time on the boards at their
clocks (boards/*/board.mk: BOARD_CHIP, BOARD_CLK_MHZ).

A benchmark, not a test: it never fails on speed, only on a run that fails or disagrees.
Exit status: 0 done, 1 a run failed or disagreed, 64 bad command line or missing input.
"""
import argparse
import concurrent.futures
import json
import math
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests"))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "jvm"))
import cmslib  # noqa: E402
import run_jvm  # noqa: E402  (tests/jvm/run_jvm.py: LONG_DRIVERS, compile_java, the oracle flags)
from bench_ssem import board_clocks, fmt_int, table  # noqa: E402

ROOT = cmslib.ROOT
BUILD = os.path.join(ROOT, "build")
DEFAULT_SIMS = ["cms-sim-s2", "cms-sim-s4", "cms-sim-mc"]
HELLO = os.path.join(ROOT, "tests", "jvm", "Hello.java")
FLAVOUR = "17"
TARGET_CPB = 15.0  # issue 14: native cycles per bytecode, geometric mean over the corpus
PIPELINED = ("cms-sim-s2", "cms-sim-s4", "cms-sim")
RUN_TIMEOUT = 7200  # the longest, ControlFlowRecursive on cms-sim-mc, takes many minutes
ROWS = {"bytecodes executed": "bc", "native cycles": "cyc", "invocations": "inv",
        "allocations": "alloc", "collections": "gcs", "heap high-water mark": "hwm"}


class BenchError(Exception):
    pass


def parse_report(text):
    """The firmware's --stats rows and the harness's sim: line -> {key: int or float}."""
    rows = {}
    for line in text.splitlines():
        m = re.match(r"^(\S.*?):?\s+([\d,]+(?:\.\d+)?)\s*$", line)
        if m and m.group(1) in ROWS:
            rows[ROWS[m.group(1)]] = int(m.group(2).replace(",", ""))
        elif m and m.group(1) == "cycles per bytecode":
            rows["cpb"] = float(m.group(2).replace(",", ""))
        m = re.match(r"^sim: ([\d,]+) cycles in ([\d.]+) s host time", line)
        if m:
            rows["all"] = int(m.group(1).replace(",", ""))
            rows["host_s"] = float(m.group(2))
    return rows


def run_one(sim, prog):
    """One program on one simulator: its row's figures, or BenchError."""
    argv = [sim, "--stats", "-cp", prog["cp"], prog["main"]]
    cmd = " ".join(os.path.relpath(a, ROOT) if a.startswith(ROOT + os.sep) else a for a in argv)
    try:
        p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           stdin=subprocess.DEVNULL, timeout=RUN_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise BenchError(f"{cmd}: timed out after {RUN_TIMEOUT} s")
    err = p.stderr.decode("utf-8", "replace")
    why = []
    if p.returncode != prog["exit"]:
        why.append(f"exit status {p.returncode}, expected {prog['exit']}")
    if p.stdout != prog["stdout"]:
        why.append("stdout differs: " + " | ".join(run_jvm.short_diff(prog["stdout"], p.stdout)))
    if why:
        raise BenchError(f"{cmd}: {'; '.join(why)}\n{err[-1500:]}")
    rows = parse_report(err)
    missing = [k for k in list(ROWS) + ["cycles per bytecode"]
               if (ROWS.get(k) or "cpb") not in rows] + ([] if "all" in rows else ["sim:"])
    if missing:
        raise BenchError(f"{cmd}: no {', '.join(repr(m) for m in missing)} row in the report:\n"
                         f"{err[-1500:]}")
    rows["cmd"] = cmd
    return rows


def find_corpus(corpus, names, long):
    """[(name, driver)] of the corpus to run, and expected.json's records."""
    exp = os.path.join(corpus, "expected.json")
    if not os.path.isfile(exp):
        raise BenchError(f"{exp}: missing (the JVM corpus, ../shared/jvm-corpus)")
    with open(exp) as f:
        expected = json.load(f)
    drivers = sorted(os.path.splitext(f)[0] for f in os.listdir(os.path.join(corpus, "drivers"))
                     if f.endswith(".java"))
    if names is not None:
        out = []
        for n in names:
            d = n if n.startswith("Run") else "Run" + n
            if d not in drivers:
                raise BenchError(f"no corpus driver {d} in {corpus}/drivers")
            out.append(d)
        drivers = out
    elif not long:
        drivers = [d for d in drivers if d not in run_jvm.LONG_DRIVERS]
    for d in drivers:
        if d not in expected:
            raise BenchError(f"{d}: no record in {exp}")
    return drivers, expected


def compile_corpus(corpus, javac):
    srcs = sorted(os.path.join(d, f) for top in ("src", "drivers")
                  for d, _, fs in os.walk(os.path.join(corpus, top)) for f in fs
                  if f.endswith(".java"))
    cp = os.path.join(BUILD, "jvm-corpus", FLAVOUR)
    err = run_jvm.compile_java(srcs, cp, FLAVOUR, javac, "corpus")
    if err:
        raise BenchError(err)
    return cp


def hello_prog(javac, java):
    cp = os.path.join(BUILD, "jvm-tests", FLAVOUR, "Hello")
    err = run_jvm.compile_java([HELLO], cp, FLAVOUR, javac, "Hello")
    if err:
        raise BenchError(err)
    args = run_jvm.markers(HELLO)["args"]
    if args:
        raise BenchError(f"{HELLO}: has arguments (// args:), which this script does not pass")
    rc, out, err = run_jvm.run([java] + run_jvm.ORACLE_FLAGS + ["-cp", cp, "Hello"], 600)
    if rc is None:
        raise BenchError(f"java Hello: {err}")
    return {"name": "Hello (tests/jvm)", "cp": cp, "main": "Hello", "exit": rc, "stdout": out,
            "corpus": False}


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n", 2)[2])
    ap.add_argument("--sim", action="append", help="a simulator (repeatable; default: "
                    + ", ".join("build/" + s for s in DEFAULT_SIMS) + ")")
    ap.add_argument("--corpus", default=run_jvm.DEFAULT_JVM_CORPUS)
    ap.add_argument("--long", action="store_true", help="the long corpus programs too")
    ap.add_argument("-j", "--jobs", type=int, default=1, help="runs in parallel")
    ap.add_argument("--markdown", action="store_true", help="Markdown tables (docs/bench.md)")
    ap.add_argument("--javac", default=os.environ.get("JAVAC", "javac"))
    ap.add_argument("--java", default=os.environ.get("JAVA", "java"))
    ap.add_argument("programs", nargs="*", help="corpus drivers (RunQueens or Queens) or Hello "
                    "(default: Hello and the corpus's short drivers; --long: all of them)")
    a = ap.parse_args()

    sims = a.sim or [os.path.join(BUILD, s) for s in DEFAULT_SIMS]
    for path in sims:
        if not os.path.isfile(path):
            print(f"bench_jvm: {path}: missing (make {os.path.relpath(path, ROOT)})",
                  file=sys.stderr)
            return 64
    if a.jobs < 1:
        print("bench_jvm: -j needs >= 1", file=sys.stderr)
        return 64
    for tool in (a.javac, a.java):
        if shutil.which(tool) is None:
            print(f"bench_jvm: {tool} not found (JDK 17: javac and java)", file=sys.stderr)
            return 64

    corpus = os.path.abspath(a.corpus)
    names = [n for n in a.programs if n != "Hello"] if a.programs else None
    want_hello = not a.programs or "Hello" in a.programs
    progs = []
    try:
        if want_hello:
            progs.append(hello_prog(a.javac, a.java))
        if names is None and not os.path.isfile(os.path.join(corpus, "expected.json")):
            print(f"bench_jvm: {corpus}/expected.json not found (the JVM corpus is absent): "
                  "Hello only", file=sys.stderr)
        elif names is None or names:
            drivers, expected = find_corpus(corpus, names, a.long)
            cp = compile_corpus(corpus, a.javac)
            for d in drivers:
                progs.append({"name": d[3:], "cp": cp, "main": d,
                              "exit": int(expected[d]["exit"]),
                              "stdout": expected[d]["stdout"].encode(), "corpus": True})
    except (BenchError, OSError, ValueError) as e:
        print(f"bench_jvm: {e}", file=sys.stderr)
        return 64

    t0 = time.time()
    results, errors = {}, []
    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as ex:
        # the longest first, so that -j keeps every core busy to the end
        jobs = sorted(((p, s) for p in progs for s in sims),
                      key=lambda ps: (ps[0]["main"] not in run_jvm.LONG_DRIVERS,
                                      not ps[1].endswith("-mc")))
        futs = {ex.submit(run_one, s, p): (p["name"], s) for p, s in jobs}
        for fut in concurrent.futures.as_completed(futs):
            try:
                results[futs[fut]] = fut.result()
            except BenchError as e:
                errors.append(str(e))
                print(f"bench_jvm: FAILED: {e}", file=sys.stderr)
    wall = time.time() - t0

    md = a.markdown
    bullet = "- " if md else ""
    headers = ["program", "bytecodes", "native cycles", "cycles/bytecode", "invocations",
               "allocations", "collections", "heap high-water (bytes)", "all cycles"]
    right = [False] + [True] * (len(headers) - 1)
    means = {}
    for s in sims:
        core = os.path.basename(s)
        rows, cpbs, cpbs_all = [], [], []
        for p in progs:
            r = results.get((p["name"], s))
            if r is None:
                rows.append([p["name"]] + ["FAILED"] + [""] * (len(headers) - 2))
                continue
            rows.append([p["name"], fmt_int(r["bc"]), fmt_int(r["cyc"]),
                         f"{r['cyc'] / r['bc']:.2f}" if r["bc"] else "-", fmt_int(r["inv"]),
                         fmt_int(r["alloc"]), fmt_int(r["gcs"]), fmt_int(r["hwm"]),
                         fmt_int(r["all"])])
            if p["corpus"] and r["bc"]:
                cpbs.append(r["cyc"] / r["bc"])
                cpbs_all.append(r["all"] / r["bc"])
        print()
        print(f"{'### ' if md else '== '}{core}")
        print()
        print(table(headers, rows, md, right))
        g, ga = geomean(cpbs), geomean(cpbs_all)
        means[core] = g
        print()
        if g is None:
            print(f"{bullet}no corpus program run on {core}: no geometric mean")
            continue
        n_corpus = sum(1 for p in progs if p["corpus"])
        partial = "" if len(cpbs) == n_corpus else f" ({n_corpus - len(cpbs)} failed)"
        verdict = ("met" if g <= TARGET_CPB else "not met") if core in PIPELINED else \
            "the target is the pipelined core's"
        print(f"{bullet}geometric mean of cycles/bytecode over the {len(cpbs)} corpus programs "
              f"run{partial}: **{g:.2f}** native cycles per bytecode ({ga:.2f} counting all "
              f"cycles); target (issue 14) <= {TARGET_CPB:g}: {verdict}"
              if md else
              f"geometric mean of cycles/bytecode over the {len(cpbs)} corpus programs run"
              f"{partial}: {g:.2f} ({ga:.2f} counting all cycles); target (issue 14) <= "
              f"{TARGET_CPB:g}: {verdict}")
    print()
    notes = ["bytecodes: the VM's count (the class library's bytecodes included; the corpus "
             "table's counts are HotSpot's, the program's own methods only)",
             "native cycles: mcycle around the interpreter's run (jvm_run: dispatch, natives, "
             "allocation and collections); all cycles: the harness's count from reset (loading "
             "the image into the VM, jvm_init and the report too)",
             "heap high-water: the most bytes of the heap's semispace in use at once (after an "
             "allocation or a collection)"]
    for n in notes:
        print(bullet + n)

    # each program's time on each board at its clock
    try:
        boards = board_clocks()
    except Exception as e:  # noqa: BLE001  (bench_ssem's BenchError)
        print(f"bench_jvm: {e}", file=sys.stderr)
        return 1
    boards = [(b, simname, mhz) for b, simname, mhz in boards
              if any(os.path.basename(s) == simname for s in sims)]
    if boards:
        bh = ["program"] + [f"{b} ({simname}, {mhz:g} MHz), s" for b, simname, mhz in boards]
        brows = []
        for p in progs:
            row = [p["name"]]
            for b, simname, mhz in boards:
                s = next(s for s in sims if os.path.basename(s) == simname)
                r = results.get((p["name"], s))
                row.append("FAILED" if r is None else f"{r['all'] / (mhz * 1e6):.3f}")
            brows.append(row)
        print()
        print(table(bh, brows, md, [False] + [True] * len(boards)))
        print()
        print(bullet + "all cycles (from reset: the image set up, the run, the report) at the "
              "clock of boards/BOARD/board.mk (BOARD_CLK_MHZ, BOARD_CHIP); on a board the "
              "image is read from its SPI flash first, which is not counted here")
    host = sum(r["host_s"] for r in results.values())
    print()
    print(f"{bullet}{len(results)} run{'' if len(results) == 1 else 's'}: {wall:.0f} s wall clock with -j {a.jobs} "
          f"({host:.0f} s of simulation)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
