#!/usr/bin/env python3
"""test_gen_defs.py -- tools/gen_defs.py on the real table and on malformed ones.

usage: test_gen_defs.py BUILD_DIR

The real table (spec/chip.tbl) must generate both headers. Each malformed table must stop the
generator with a non-zero exit, a message naming the table (and the line, for the checks of one
line; the checks across lines name the entries) and the reason, and no output files. One PASS/FAIL line per case, then a summary line.
"""
import os
import subprocess
import sys

GEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools", "gen_defs.py")

# name, table text, text the error must contain
BAD = [
    ("three fields", "A 1\n", "t.tbl:1: expected NAME VALUE WIDTH"),
    ("bad number", "A 0x1g 8\n", "t.tbl:1: bad number"),
    ("too wide", "# comment\nA 256 8\n", "t.tbl:2: A=256 does not fit in 8 bits"),
    ("duplicate", "A 1 8\nB 2 8\nA 3 8\n", "t.tbl:3: A already defined on line 1"),
    ("region size not a power of two", "X_BASE 0x0 32\nX_BYTES 0x3000 32\n",
     "t.tbl: X: size 0x3000 must be a power of two"),
    ("region base not aligned to its size", "X_BASE 0x10000 32\nX_BYTES 0x20000 32\n",
     "base 0x10000 a multiple of it"),
    ("PROT_WORDS not a power of two", "PROT_WORDS 1000 16\n",
     "t.tbl: PROT_WORDS 1000 must be a power of two"),
    ("MMIO base not a multiple of 256", "MMIO_BASE 0x30010 32\nMMIO_BYTES 0x10 32\n",
     "t.tbl: MMIO_BASE 0x30010 must be a multiple of 0x100"),
    ("MMIO register outside the region", "MMIO_BASE 0x30000 32\nMMIO_BYTES 0x10 32\nMMIO_X 0x10 8\n",
     "t.tbl: MMIO_X 0x10 is outside the MMIO region"),
]


def run(table_text, d):
    tbl = os.path.join(d, "t.tbl")
    out_h, out_vh = os.path.join(d, "t.h"), os.path.join(d, "t.vh")
    for f in (out_h, out_vh):
        if os.path.exists(f):
            os.remove(f)
    with open(tbl, "w") as f:
        f.write(table_text)
    # run from d, so that the message names the table as given ("t.tbl")
    p = subprocess.run([sys.executable, GEN, "t.tbl", "t.h", "t.vh"], cwd=d,
                       capture_output=True, text=True)
    return p, out_h, out_vh


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: test_gen_defs.py BUILD_DIR")
    d = os.path.join(sys.argv[1], "gen_defs_test")
    os.makedirs(d, exist_ok=True)
    passed = failed = 0

    with open(os.path.join(os.path.dirname(GEN), "..", "spec", "chip.tbl")) as f:
        real = f.read()
    p, out_h, out_vh = run(real, d)
    ok = p.returncode == 0 and os.path.exists(out_h) and os.path.exists(out_vh)
    print(("PASS" if ok else "FAIL") + " spec/chip.tbl generates both headers" +
          ("" if ok else f": exit {p.returncode}: {p.stderr.strip()}"))
    passed, failed = passed + ok, failed + (not ok)

    for name, text, want in BAD:
        p, out_h, out_vh = run(text, d)
        msg = (p.stderr + p.stdout).strip()
        problems = []
        if p.returncode == 0:
            problems.append("exit 0")
        if want not in msg:
            problems.append(f"message {msg!r} lacks {want!r}")
        if os.path.exists(out_h) or os.path.exists(out_vh):
            problems.append("wrote output")
        ok = not problems
        print(("PASS " if ok else "FAIL ") + name + ("" if ok else ": " + "; ".join(problems)))
        passed, failed = passed + ok, failed + (not ok)

    print(f"test-defs: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
