#!/usr/bin/env python3
"""bench.py -- speed figures for one guest program on the simulated chip (make bench).

usage: bench.py --sim build/cms-sim [--runs N] PROGRAM [PROGRAM...]

Prints, per program: guest instructions, native cycles, cycles per guest instruction,
firmware-mode CPI (from the firmware's own report, i.e. the chip's counters), and simulated
cycles per host second (from the harness; best of --runs runs, since the host may be busy).
Targets (issue 2): <= 30 native cycles per interpreted SSEM instruction; >= 10 million simulated
cycles per host second with SLOTS=2. This is a benchmark, not a test: it never fails on speed.
"""
import argparse
import re
import subprocess
import sys


def num(s):
    return float(s.replace(",", ""))


def one(sim, prog):
    p = subprocess.run([sim, "--stats", prog], capture_output=True, text=True)
    out = p.stdout + p.stderr
    if p.returncode != 0:
        sys.exit(f"bench: {sim} {prog} exited {p.returncode}:\n{out}")
    f = {}
    for key, pat in [("steps", r"guest instructions:\s+([\d,]+)"),
                     ("cycles", r"native cycles:\s+([\d,]+)"),
                     ("cpg", r"cycles per guest instruction:\s+([\d.]+)"),
                     ("cpi", r"firmware CPI:\s+([\d.]+)"),
                     ("simcyc", r"sim: ([\d,]+) cycles"),
                     ("hostsec", r"in ([\d.]+) s host time"),
                     ("speed", r"([\d,]+) simulated cycles per host second")]:
        m = re.search(pat, out)
        if not m:
            sys.exit(f"bench: no '{key}' in the output of {sim} {prog}:\n{out}")
        f[key] = num(m.group(1))
    return f


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sim", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("programs", nargs="+")
    a = ap.parse_args()
    for prog in a.programs:
        runs = [one(a.sim, prog) for _ in range(a.runs)]
        f = max(runs, key=lambda r: r["speed"])
        print(f"program                          {prog}")
        print(f"simulator                        {a.sim}")
        print(f"guest instructions               {f['steps']:,.0f}")
        print(f"native cycles (guest run)        {f['cycles']:,.0f}")
        print(f"cycles per guest instruction     {f['cpg']:.2f}   (target <= 30)")
        print(f"firmware-mode CPI                {f['cpi']:.2f}")
        print(f"simulated cycles (whole run)     {f['simcyc']:,.0f}")
        print(f"host seconds (best of {a.runs})         {f['hostsec']:.2f}")
        allruns = ", ".join("%.2fM" % (r["speed"] / 1e6) for r in runs)
        print(f"simulated cycles per host second {f['speed']:,.0f}   (target >= 10,000,000;"
              f" all runs: {allruns})")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
