#!/usr/bin/env python3
"""test_gen_defs.py -- tools/gen_defs.py on the real table and on malformed ones.

usage: test_gen_defs.py BUILD_DIR

The real table (spec/chip.tbl) must generate both headers and the Python module
(build/gen/cms_defs.py, which the test runners import through tests/cmslib.py): the module
imports, holds every name of the table with the header's value, and holds the run-time
constants the C code and the runners share (exit statuses, host block, chunk size, default
limits). Each malformed table must stop the generator with a non-zero exit, a message naming the
table (and the line, for the checks of one line; the checks across lines name the entries) and
the reason, and no output files (nor temporary files). An output of unknown kind is a usage
error. One PASS/FAIL line per case, then a summary line.
"""
import importlib.util
import os
import re
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
    ("DMEM size above the region", "DMEM_BASE 0x80000 32\nDMEM_BYTES 0x80000 32\n"
     "DMEM_BYTES_A 0x100000 32\nDMEM_BYTES_MIN 0x100000 32\n",
     "t.tbl: DMEM_BYTES_A 0x100000 must be a power of two, at most DMEM_BYTES"),
    ("DMEM size not a power of two", "DMEM_BYTES_A 0x30000 32\nDMEM_BYTES_MIN 0x30000 32\n",
     "t.tbl: DMEM_BYTES_A 0x30000 must be a power of two"),
    ("DMEM_BYTES_MIN not the smallest", "DMEM_BYTES_A 0x10000 32\nDMEM_BYTES_B 0x40000 32\n"
     "DMEM_BYTES_MIN 0x40000 32\n", "t.tbl: DMEM_BYTES_MIN must be the smallest DMEM_BYTES_* (0x10000)"),
    ("boot image count", "DMEM_BYTES_A 0x40000 32\nDMEM_BYTES_MIN 0x40000 32\n",
     "t.tbl: DMEM_BYTES_MIN 0x40000 must be at most 0x3fffc"),
    ("protection bits past the smallest DMEM", "DMEM_BYTES_A 0x1000 32\nDMEM_BYTES_MIN 0x1000 32\n"
     "PROT_WORDS 2048 16\n", "t.tbl: PROT_WORDS*4 must not exceed DMEM_BYTES_MIN"),
]


def run(table_text, d):
    tbl = os.path.join(d, "t.tbl")
    out_h, out_vh, out_py = os.path.join(d, "t.h"), os.path.join(d, "t.vh"), os.path.join(d, "t.py")
    for f in os.listdir(d):
        if f != "t.tbl":
            os.remove(os.path.join(d, f))
    with open(tbl, "w") as f:
        f.write(table_text)
    # run from d, so that the message names the table as given ("t.tbl")
    p = subprocess.run([sys.executable, GEN, "t.tbl", "t.h", "t.vh", "t.py"], cwd=d,
                       capture_output=True, text=True)
    return p, out_h, out_vh, out_py


# run-time constants the C code and the Python runners take from the table (docs/sim.md)
SHARED = {"EXIT_HALTED": 0, "EXIT_LIMIT": 2, "EXIT_LOAD_ERROR": 3, "EXIT_FAULT": 4, "EXIT_USAGE": 64,
          "HOSTIF_MAGIC": 0x534D4331, "CHUNK_STEPS": None, "DEFAULT_MAX_STEPS": None,
          "TC_BYTES": None, "HOSTIF_SCALARS": None, "HOSTIF_NCOUNTERS": None,
          "HOSTIF_STORE_WORDS": None, "TRACE_CYCLES_DEFAULT": None, "SLOTS_DEFAULT": None}


def check_py(out_h, out_py):
    """Problems with the generated Python module against the C header."""
    spec = importlib.util.spec_from_file_location("t_defs", out_py)
    mod = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(mod)
    except Exception as e:  # noqa: BLE001 -- any failure to import is the finding
        return [f"{out_py} does not import: {e}"]
    problems = []
    with open(out_h) as f:
        h = dict(re.findall(r"^#define CMS_(\w+) (0x[0-9a-f]+)", f.read(), re.M))
    for name, v in h.items():
        if getattr(mod, name, None) != int(v, 16):
            problems.append(f"{name}: .py {getattr(mod, name, None)} != .h {v}")
    for name, v in SHARED.items():
        if not hasattr(mod, name):
            problems.append(f"{name} missing")
        elif v is not None and getattr(mod, name) != v:
            problems.append(f"{name} = {getattr(mod, name)}, want {v}")
    return problems


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: test_gen_defs.py BUILD_DIR")
    d = os.path.join(sys.argv[1], "gen_defs_test")
    os.makedirs(d, exist_ok=True)
    passed = failed = 0

    with open(os.path.join(os.path.dirname(GEN), "..", "spec", "chip.tbl")) as f:
        real = f.read()
    p, out_h, out_vh, out_py = run(real, d)
    ok = p.returncode == 0 and all(map(os.path.exists, (out_h, out_vh, out_py)))
    print(("PASS" if ok else "FAIL") + " spec/chip.tbl generates both headers and the Python module" +
          ("" if ok else f": exit {p.returncode}: {p.stderr.strip()}"))
    passed, failed = passed + ok, failed + (not ok)
    if ok:
        problems = check_py(out_h, out_py)
        ok = not problems
        print(("PASS" if ok else "FAIL") + " the Python module has every name, the header's values "
              "and the shared run-time constants" + ("" if ok else ": " + "; ".join(problems[:5])))
        passed, failed = passed + ok, failed + (not ok)
        leftovers = sorted(set(os.listdir(d)) - {"t.tbl", "t.h", "t.vh", "t.py"})
        ok = not leftovers
        print(("PASS" if ok else "FAIL") + " no temporary files left" + ("" if ok else f": {leftovers}"))
        passed, failed = passed + ok, failed + (not ok)
    p = subprocess.run([sys.executable, GEN, "t.tbl", "t.c"], cwd=d, capture_output=True, text=True)
    ok = p.returncode != 0 and "usage" in p.stderr and not os.path.exists(os.path.join(d, "t.c"))
    print(("PASS" if ok else "FAIL") + " an output of unknown kind (t.c) is a usage error" +
          ("" if ok else f": exit {p.returncode}: {p.stderr.strip()}"))
    passed, failed = passed + ok, failed + (not ok)

    for name, text, want in BAD:
        p, out_h, out_vh, out_py = run(text, d)
        msg = (p.stderr + p.stdout).strip()
        problems = []
        if p.returncode == 0:
            problems.append("exit 0")
        if want not in msg:
            problems.append(f"message {msg!r} lacks {want!r}")
        if set(os.listdir(d)) != {"t.tbl"}:
            problems.append(f"wrote output: {sorted(set(os.listdir(d)) - {'t.tbl'})}")
        ok = not problems
        print(("PASS " if ok else "FAIL ") + name + ("" if ok else ": " + "; ".join(problems)))
        passed, failed = passed + ok, failed + (not ok)

    print(f"test-defs: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
