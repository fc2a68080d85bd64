#!/usr/bin/env python3
"""area_table.py -- cell counts per module from a Yosys `stat` of a -noflatten synthesis.

usage: area_table.py STAT.txt

Reads the per-module sections ("=== module ===", local counts, submodules among the cells),
works out how many times each module is instantiated below the top, and prints one row per
module: instances, then per instance LUT4, flip-flops, carry cells, wide muxes, block RAMs,
SPRAMs, LUT RAMs and DSPs (iCE40 or ECP5 cell names), and the whole design's totals (each module's own cells times its instances).
boards/flow.mk runs it for `make area`.
"""
import re
import sys

KINDS = [  # column, cell-name pattern
    ("LUT4", re.compile(r"^(SB_LUT4|LUT4)$")),
    ("FF", re.compile(r"^(SB_DFF\w*|TRELLIS_FF)$")),
    ("carry", re.compile(r"^(SB_CARRY|CCU2C)$")),
    ("mux", re.compile(r"^(PFUMX|L6MUX21)$")),
    ("BRAM", re.compile(r"^(SB_RAM40_4K|DP16KD)$")),
    ("SPRAM", re.compile(r"^SB_SPRAM256KA$")),
    ("LUTRAM", re.compile(r"^TRELLIS_DPR16X4$")),
    ("DSP", re.compile(r"^(SB_MAC16|MULT18X18D)$")),
]


def short(name):
    """$paramod$<hash>\\cms_core -> cms_core; $paramod\\cms_slot\\FIRST=1'1\\LAST=1'0 ->
    cms_slot FIRST=1 LAST=0"""
    parts = name.split("\\")
    if parts[0].startswith("$paramod") and len(parts) > 1:
        params = [re.sub(r"=\d+'", "=", p) for p in parts[2:]]
        return " ".join([parts[1]] + params)
    return name


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: area_table.py STAT.txt")
    try:
        text = open(sys.argv[1]).read()
    except OSError as e:
        sys.exit(f"area_table: {sys.argv[1]}: {e.strerror}")
    cells = {}
    cur = None
    for line in text.splitlines():
        m = re.match(r"^=== (.*) ===$", line)
        if m:
            cur = None if m.group(1) == "design hierarchy" else m.group(1)
            if cur:
                cells[cur] = {}
            continue
        m = re.match(r"^\s+(\d+)\s+(\S+)$", line)
        if cur and m and not m.group(2).startswith(("wire", "port", "cell", "public", "memor",
                                                     "process", "submodule")):
            cells[cur][m.group(2)] = cells[cur].get(m.group(2), 0) + int(m.group(1))
    if not cells:
        sys.exit(f"area_table: {sys.argv[1]}: no module sections (not a Yosys stat?)")
    children = {mod: {c: n for c, n in cs.items() if c in cells} for mod, cs in cells.items()}
    used = {c for ch in children.values() for c in ch}
    mult = {m: 0 for m in cells}
    order = []

    def walk(mod, k):
        mult[mod] += k
        if mod not in order:
            order.append(mod)
        for c, n in children[mod].items():
            walk(c, k * n)
    for top in (m for m in cells if m not in used):
        walk(top, 1)

    def counts(mod):
        row = {k: 0 for k, _ in KINDS}
        for c, n in cells[mod].items():
            for k, pat in KINDS:
                if pat.match(c):
                    row[k] += n
        return row
    cols = [k for k, _ in KINDS if any(counts(m)[k] for m in cells)]
    w = max(len(short(m)) for m in cells)
    print("own cells per instance (submodules apart); total = the whole design")
    print(f"{'module':<{w}}  inst " + "".join(f"{c:>8}" for c in cols))
    total = {c: 0 for c in cols}
    for mod in order:
        row = counts(mod)
        print(f"{short(mod):<{w}} {mult[mod]:>5} " + "".join(f"{row[c]:>8,}" for c in cols))
        for c in cols:
            total[c] += row[c] * mult[mod]
    print(f"{'total':<{w}}       " + "".join(f"{total[c]:>8,}" for c in cols))


if __name__ == "__main__":
    main()
