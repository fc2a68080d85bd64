#!/usr/bin/env python3
"""run.py -- the translation-mode differential test: random translations on the chip against
the reference model (tests/txfuzz/README.md).

  1. txgen --seed S --cases N --slots K --out BUILD   (cases.S, expected.txt, batches)
  2. per batch: runner.S + runner.c + cases.S (-DTXF_BATCH=b) -> BUILD/runner-b.elf, run on the
     chip harness (cms-sim-sK --firmware ELF), console -> BUILD/got-b.txt
  3. compare the console lines with expected.txt case by case; one line per mismatching case
     (case number and what differs), then the summary
        test-txfuzz SLOTS=K: N cases, M mismatches
     Exit status 0 only if every case matched.

usage: run.py --slots K --sim PATH --txgen PATH [--seed S] [--cases N] [--build DIR] [--gen DIR]
              [--cross PREFIX] [--sbdepth D] [--jobs J] [--timeout SEC] [--max-show N] [-v]
              [--only N,M,..]

--only runs just the listed cases (after generating all N as usual, so the same seed gives the
same cases), each alone in one batch, and prints their source: the way to look at a mismatch.
"""
import argparse
import concurrent.futures
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(HERE))
from cmslib import defs  # noqa: E402  (spec/chip.tbl's constants)

CAUSES = {getattr(defs, "CAUSE_TX_" + n): n for n in
          ("BOUNDS", "PROT", "SBFULL", "ASSERT", "DIVZERO", "ILLEGAL", "IRQ")}
KEYS = ["r", "t", "ts", "tr", "m", "ck", "k", "rb"]
KNAMES = {"r": "tx.enter result", "t": "trap (count,mcause,mepc ok,mtval)", "ts": "TXSTAT",
          "tr": "TRs", "m": "watch words", "ck": "region checksum",
          "k": "counters (commits,bundles,A,M,X,B,sbstores)",
          "rb": "rollback counters (causes 24..30)"}


def parse(line):
    d = {}
    for tok in line.split():
        if "=" in tok:
            k, v = tok.split("=", 1)
            d[k] = v
    return d


def describe_result(v):
    out = []
    for part in v.split("/"):
        try:
            x = int(part, 16)
        except ValueError:
            out.append(part)
            continue
        if x & defs.TX_ABORT_BIT:
            out.append("abort %s" % CAUSES.get(x & 0xff, str(x & 0xff)))
        else:
            out.append("exit %d" % x)
    return ", ".join(out)


def diff_case(exp, got):
    """list of strings: what differs between two parsed lines"""
    out = []
    for k in KEYS:
        e, g = exp.get(k), got.get(k)
        if e == g:
            continue
        if k == "r":
            out.append("result: expected %s (%s), got %s (%s)"
                       % (e, describe_result(e or ""), g, describe_result(g or "")))
        elif k in ("tr", "m", "k", "rb") and e is not None and g is not None:
            ev, gv = e.split(",") if e else [], g.split(",") if g else []
            names = {"tr": lambda i: "TR%d" % (i + 1), "m": lambda i: "word %d" % i,
                     "k": lambda i: ["commits", "bundles", "ops_a", "ops_m", "ops_x", "ops_b",
                                     "sbstores"][i] if i < 7 else str(i),
                     "rb": lambda i: "rb%d" % (24 + i)}[k]
            parts = []
            for i in range(max(len(ev), len(gv))):
                a = ev[i] if i < len(ev) else "-"
                b = gv[i] if i < len(gv) else "-"
                if a != b:
                    parts.append("%s %s/%s" % (names(i), a, b))
            out.append("%s (expected/got): %s" % (KNAMES[k], ", ".join(parts)))
        else:
            out.append("%s: expected %s, got %s" % (KNAMES[k], e, g))
    return out


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, **kw)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--slots", type=int, required=True)
    ap.add_argument("--sim", required=True)
    ap.add_argument("--txgen", required=True)
    ap.add_argument("--seed", type=int, default=1948)
    ap.add_argument("--cases", type=int, default=400)
    ap.add_argument("--build", default=None)
    ap.add_argument("--gen", default=os.path.join("build", "gen"))
    ap.add_argument("--cross", default=os.environ.get("CROSS", "riscv64-unknown-elf-"))
    ap.add_argument("--sbdepth", type=int, default=defs.SB_DEPTH_DEFAULT)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--timeout", type=int, default=300)
    ap.add_argument("--max-show", type=int, default=50, help="mismatching cases printed in full")
    ap.add_argument("-v", action="store_true", help="print the generator's statistics")
    ap.add_argument("--only", default=None, help="comma-separated case numbers to run alone")
    a = ap.parse_args()
    build = a.build or os.path.join("build", "txfuzz", "s%d" % a.slots)
    os.makedirs(build, exist_ok=True)
    name = "test-txfuzz SLOTS=%d" % a.slots

    def fail(msg):
        print("%s: %s" % (name, msg))
        print("%s: 0 cases, setup failed" % name)
        return 2

    # 1. generate
    g = run([a.txgen, "--seed", str(a.seed), "--cases", str(a.cases), "--slots", str(a.slots),
             "--sbdepth", str(a.sbdepth), "--out", build])
    if g.returncode != 0:
        return fail("txgen failed:\n" + g.stdout)
    if a.v:
        sys.stdout.write(g.stdout)
    with open(os.path.join(build, "batches")) as f:
        nbatch = int(f.read().strip())
    with open(os.path.join(build, "expected.txt")) as f:
        exp_lines = [l.rstrip("\n") for l in f if l.startswith("c=")]
    expected = {}
    for l in exp_lines:
        d = parse(l)
        expected[int(d["c"])] = (d, l)
    cases_s = os.path.join(build, "cases.S")
    if a.only:
        only = [int(x) for x in a.only.split(",") if x.strip()]
        missing = [n for n in only if n not in expected]
        if missing:
            return fail("no case %s" % ",".join(map(str, missing)))
        cases_s = os.path.join(build, "only.S")
        with open(os.path.join(build, "cases.S")) as f:
            src = f.read()
        head = src.index("#if TXF_BATCH == 0")
        hdr = src[head:src.index("txf_cases:", head)] + "txf_cases:\n"
        hdr += "    .word TXF_MAGIC, %d, %d\n" % (a.slots, a.sbdepth)
        parts = []
        for n in only:
            i = src.index("/* ---- case %d " % n)
            ends = [x for x in (src.find("/* ---- case ", i + 10),
                                src.find("    .word 0xffffffff   /* end of batch", i)) if x >= 0]
            parts.append(src[i:min(ends)])
        with open(cases_s, "w") as f:
            f.write('#include "txf_layout.h"\n' + hdr + "".join(parts)
                    + "    .word 0xffffffff   /* end of batch */\n#endif\n")
        for part in parts:
            sys.stdout.write(part)
        expected = {n: expected[n] for n in only}
        nbatch = 1

    # 2. build and run the batches
    cc = a.cross + "gcc"
    ld = os.path.join(build, "link.ld")
    p = run([cc, "-E", "-P", "-x", "c", "-I", a.gen, "-I", HERE, os.path.join(HERE, "link.ld"),
             "-o", ld])
    if p.returncode != 0:
        return fail("cannot preprocess link.ld:\n" + p.stdout)
    cflags = ["-march=rv32im_zicsr", "-mabi=ilp32", "-std=gnu11", "-O2", "-Wall", "-Wextra",
              "-Werror", "-ffreestanding", "-fno-builtin", "-fno-tree-loop-distribute-patterns",
              "-nostdlib", "-nostartfiles", "-I", a.gen, "-I", os.path.join(ROOT, "firmware"),
              "-I", HERE, "-Wl,--no-relax", "-T", ld]

    def batch(b):
        elf = os.path.join(build, "runner-%d.elf" % b)
        c = run([cc] + cflags + ["-DTXF_BATCH=%d" % b, "-Wl,-Map=%s" % elf[:-4] + ".map",
                                 os.path.join(HERE, "runner.S"), os.path.join(HERE, "runner.c"),
                                 cases_s, "-o", elf])
        if c.returncode != 0:
            return b, None, "batch %d does not build:\n%s" % (b, c.stdout)
        try:
            r = subprocess.run([a.sim, "--firmware", elf, "--max-cycles", "200000000"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               universal_newlines=True, timeout=a.timeout)
        except subprocess.TimeoutExpired:
            return b, None, "batch %d: time-out after %d s" % (b, a.timeout)
        with open(os.path.join(build, "got-%d.txt" % b), "w") as f:
            f.write(r.stdout)
        why = None
        if r.returncode != 0:
            tail = (r.stdout.strip().splitlines() or [""])[-1]
            why = "batch %d: harness exit status %d (%s%s)" % (
                b, r.returncode, tail[:200], ("; " + r.stderr.strip()[:200]) if r.stderr else "")
        return b, r.stdout, why

    got = {}
    problems = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        for b, out, why in ex.map(batch, range(nbatch)):
            if why:
                problems.append(why)
            for l in (out or "").splitlines():
                if l.startswith("c="):
                    d = parse(l)
                    try:
                        got[int(d["c"])] = (d, l)
                    except (KeyError, ValueError):
                        problems.append("unparsable console line: " + l[:120])

    # 3. compare
    mism = 0
    shown = 0
    for no in sorted(expected):
        e, el = expected[no]
        if no not in got:
            mism += 1
            if shown < a.max_show:
                print("case %d: no result from the chip" % no)
                shown += 1
            continue
        gd, gl = got[no]
        if gl == el:
            continue
        mism += 1
        if shown < a.max_show:
            d = diff_case(e, gd) or ["line differs: expected '%s', got '%s'" % (el, gl)]
            print("case %d: %s" % (no, "; ".join(d)))
            shown += 1
    if mism > shown:
        print("... %d more mismatching cases" % (mism - shown))
    for pr in problems:
        print(pr)
    print("%s: %d cases, %d mismatches%s (seed %d, %d batches; %s)" % (
        name, len(expected), mism, ", %d problems" % len(problems) if problems else "",
        a.seed, nbatch, cases_s))
    return 0 if mism == 0 and not problems and expected else 1


if __name__ == "__main__":
    sys.exit(main())
