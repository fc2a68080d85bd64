#!/usr/bin/env python3
"""fpga_seeds.py -- place and route one synthesized design with several nextpnr seeds and report.

usage: fpga_seeds.py --family ice40|ecp5 --device DEV [--package PKG] [--constraints FILE]
                     [--freq MHZ] [--seeds 1,2,3,4,5] [-j N] [--tools DIR] [--out DIR]
                     [--reuse] [--label TEXT] [--markdown] [--json OUT] NETLIST.json
                     [-- NEXTPNR-ARGS...]
       fpga_seeds.py --markdown-header

NETLIST.json is Yosys's JSON netlist (synth_ice40/synth_ecp5 -json). nextpnr runs once per seed,
up to -j at a time, with --timing-allow-fail (we want Fmax even when the target is missed) and
--report (its JSON report: Fmax per clock, utilisation, critical paths). Everything after a
lone "--" goes to nextpnr as is (e.g. -- --speed 8). Logs and reports of each seed stay in
--out (seed<N>.log, seed<N>.report.json).

Prints: per seed the Fmax and whether it met --freq; min/median/max Fmax; the synthesized cell
counts (from the netlist) and the utilisation (used/available, from nextpnr); and the critical
path of the median seed: start and end cells, logic levels (cell delays on the path, not
counting carry-chain hops, iCE40 CIN -> COUT and ECP5 FCI -> FCO, which are shown apart) and
the delay split into logic (clock-to-out, cells, setup) and routing. --markdown adds one
markdown table row (columns: see --markdown-header); --json OUT writes everything
machine-readable. --reuse keeps the results of seeds already run on an unchanged netlist.

Exit status: 0 when every seed routed (met or not); 1 on a missing tool or file; 2 on a usage
error; 3 when nextpnr failed for any reason other than timing (the reason and nextpnr's own
error line are shown; a design that does not fit is recognised from nextpnr's utilisation table).
"""
import argparse
import concurrent.futures
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time

# nextpnr's device flags (--up5k, --85k, ...), per family
DEVICES = {
    "ice40": ["lp384", "lp1k", "lp4k", "lp8k", "hx1k", "hx4k", "hx8k", "up3k", "up5k",
              "u1k", "u2k", "u4k"],
    "ecp5": ["12k", "25k", "45k", "85k", "um-25k", "um-45k", "um-85k",
             "um5g-25k", "um5g-45k", "um5g-85k"],
}
CONSTRAINT_FLAG = {"ice40": "--pcf", "ecp5": "--lpf"}
# Utilisation lines always shown (others only when used); the first is the "logic" column
KEY_BELS = {
    "ice40": ["ICESTORM_LC", "ICESTORM_RAM", "ICESTORM_SPRAM", "ICESTORM_DSP", "SB_IO", "SB_GB",
              "ICESTORM_PLL"],
    "ecp5": ["TRELLIS_COMB", "TRELLIS_FF", "TRELLIS_RAMW", "DP16KD", "MULT18X18D",
             "TRELLIS_IO", "DCCA", "EHXPLLL"],
}
RAM_BEL = {"ice40": "ICESTORM_RAM", "ecp5": "DP16KD"}
DSP_BEL = {"ice40": "ICESTORM_DSP", "ecp5": "MULT18X18D"}
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARKDOWN_HEADER = ("| design | device | LUT4 | FF | logic (used/avail) | RAM | DSP "
                   "| Fmax min / median / max (MHz) | met target |\n"
                   "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |")


def die(msg, code=1):
    print(f"fpga_seeds: {msg}", file=sys.stderr)
    sys.exit(code)


def parse_args():
    argv = sys.argv[1:]
    extra = []
    if "--" in argv:  # everything after "--" is for nextpnr
        i = argv.index("--")
        argv, extra = argv[:i], argv[i + 1:]
    p = argparse.ArgumentParser(
        description="Run nextpnr with several seeds on one Yosys JSON netlist and report "
                    "Fmax, utilisation and the critical path. Arguments after a lone '--' "
                    "are passed to nextpnr.")
    p.add_argument("netlist", nargs="?", help="Yosys JSON netlist")
    p.add_argument("--family", choices=sorted(DEVICES), help="FPGA family")
    p.add_argument("--device", help="device as nextpnr's flag names it: up5k, hx8k, 85k, "
                                    "um5g-85k, ...")
    p.add_argument("--package", help="package (e.g. sg48, CABGA381); default: nextpnr's")
    p.add_argument("--constraints", metavar="FILE",
                   help="pin constraints (.pcf for iCE40, .lpf for ECP5); without one "
                        "nextpnr places the I/O freely")
    p.add_argument("--freq", type=float, default=12.0, help="target frequency in MHz (12)")
    p.add_argument("--seeds", default="1,2,3,4,5",
                   help="comma-separated seeds or ranges, e.g. 1,2,3 or 1-10 (1-5)")
    p.add_argument("-j", "--jobs", type=int, default=2, help="parallel nextpnr runs (2)")
    p.add_argument("--tools", default=os.path.join(REPO, "build", "fpga-venv", "bin"),
                   help="directory holding yowasp-nextpnr-<family> or nextpnr-<family> "
                        "(default: build/fpga-venv/bin of this repository)")
    p.add_argument("--out", help="directory for per-seed logs and reports "
                                 "(default: <netlist>.seeds/)")
    p.add_argument("--reuse", action="store_true",
                   help="do not rerun a seed whose report in --out is newer than the netlist")
    p.add_argument("--label", help="design name for the summary and the markdown row")
    p.add_argument("--markdown", action="store_true", help="also print a markdown table row")
    p.add_argument("--markdown-header", action="store_true",
                   help="print the markdown table header for --markdown rows and exit")
    p.add_argument("--json", metavar="OUT", help="write all results as JSON to OUT")
    a = p.parse_args(argv)
    if a.markdown_header:
        print(MARKDOWN_HEADER)
        sys.exit(0)
    for need in ("netlist", "family", "device"):
        if getattr(a, need) is None:
            p.error(f"{'NETLIST.json' if need == 'netlist' else '--' + need} is required")
    if a.device not in DEVICES[a.family]:
        p.error(f"unknown {a.family} device '{a.device}'; one of: {' '.join(DEVICES[a.family])}")
    if a.jobs < 1:
        p.error("-j must be at least 1")
    a.seed_list = parse_seeds(p, a.seeds)
    a.extra = extra
    return a


def parse_seeds(p, text):
    seeds = []
    try:
        for part in text.split(","):
            if "-" in part.strip()[1:]:
                lo, hi = part.split("-", 1)
                seeds += list(range(int(lo), int(hi) + 1))
            else:
                seeds.append(int(part))
    except ValueError:
        p.error(f"bad --seeds '{text}': want e.g. 1,2,3 or 1-5")
    if not seeds or len(set(seeds)) != len(seeds):
        p.error(f"bad --seeds '{text}': empty or repeated")
    return seeds


def find_nextpnr(tools, family):
    tried = []
    for name in (f"yowasp-nextpnr-{family}", f"nextpnr-{family}"):
        path = os.path.join(tools, name)
        tried.append(path)
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    die(f"nextpnr not found (tried {', '.join(tried)}); run tools/setup-fpga.sh "
        f"or give the tool directory with --tools")


def synth_cells(netlist_path):
    """Cell counts by type of a Yosys JSON netlist: the top module and every module under it."""
    try:
        with open(netlist_path) as f:
            nl = json.load(f)
    except (OSError, ValueError) as e:
        die(f"cannot read netlist {netlist_path}: {e}")
    mods = nl.get("modules", {})
    top = [m for m, v in mods.items() if int(str(v.get("attributes", {}).get("top", "0")), 2)]
    if len(mods) == 1:
        top = list(mods)
    if len(top) != 1:
        die(f"{netlist_path}: no single top module (is it a Yosys JSON netlist?)")
    counts = {}

    def add(mod, k, depth=0):
        # cells of modules kept as hierarchy (keep_hierarchy) count once per instance
        if depth > 64:
            die(f"{netlist_path}: module hierarchy too deep (recursive?)")
        for cell in mods[mod].get("cells", {}).values():
            t = cell["type"]
            if t in mods and not any(int(str(mods[t].get("attributes", {}).get(a, "0")), 2)
                                     for a in ("blackbox", "whitebox", "lib_whitebox")):
                add(t, k, depth + 1)
            elif not t.startswith("$scopeinfo"):
                counts[t] = counts.get(t, 0) + k
    add(top[0], 1)
    return top[0], dict(sorted(counts.items()))


def lut_ff(family, cells):
    """LUT4 and flip-flop counts from the synthesized cells."""
    if family == "ice40":
        luts = cells.get("SB_LUT4", 0)
        ffs = sum(n for t, n in cells.items() if t.startswith("SB_DFF"))
    else:
        luts = cells.get("LUT4", 0)  # CCU2C carry cells (two LUT4s each) are not included
        ffs = cells.get("TRELLIS_FF", 0)
    return luts, ffs


_procs = set()
_procs_lock = threading.Lock()


def run_seed(a, exe, seed):
    """One nextpnr run; returns a dict with the seed's results or its error."""
    log = os.path.join(a.out, f"seed{seed}.log")
    rep = os.path.join(a.out, f"seed{seed}.report.json")
    if a.reuse and os.path.exists(rep) and os.path.getmtime(rep) > os.path.getmtime(a.netlist):
        return seed_result(seed, log, rep, 0, 0.0)
    if os.path.exists(rep):
        os.remove(rep)  # never read a stale report
    cmd = [exe, f"--{a.device}", "--json", a.netlist, "--freq", f"{a.freq:g}",
           "--timing-allow-fail", "--seed", str(seed), "--report", rep]
    if a.package:
        cmd += ["--package", a.package]
    if a.constraints:
        cmd += [CONSTRAINT_FLAG[a.family], a.constraints]
    cmd += a.extra
    t0 = time.time()
    with open(log, "w") as f:
        f.write("# " + " ".join(cmd) + "\n")
        f.flush()
        proc = subprocess.Popen(cmd, stdout=f, stderr=subprocess.STDOUT)
        with _procs_lock:
            _procs.add(proc)
        rc = proc.wait()
        with _procs_lock:
            _procs.discard(proc)
    return seed_result(seed, log, rep, rc, time.time() - t0)


def seed_result(seed, log, rep, rc, seconds):
    """A seed's results from its nextpnr report, or the error from its log."""
    res = {"seed": seed, "log": log, "report": rep, "seconds": round(seconds, 1),
           "returncode": rc}
    if rc != 0 or not os.path.exists(rep):
        res["error"] = nextpnr_error(log, rc)
        return res
    with open(rep) as f:
        r = json.load(f)
    res["fmax"] = {clk: v["achieved"] for clk, v in r.get("fmax", {}).items()}
    if not res["fmax"]:
        res["error"] = "nextpnr's report has no clock (is the design clocked?)"
        return res
    res["fmax_min"] = min(res["fmax"].values())
    res["met"] = all(v["achieved"] >= v["constraint"] for v in r["fmax"].values())
    res["utilization"] = r.get("utilization", {})
    res["critical_path"] = critical_path(r)
    return res


def nextpnr_error(log, rc):
    """nextpnr's own error line, with a plain-words reason when we recognise it."""
    with open(log, errors="replace") as f:
        lines = f.read().splitlines()
    errs = [ln.strip() for ln in lines if ln.startswith("ERROR")]
    # "Info: \t ICESTORM_LC:  2996/  384   780%": more used than the device has. nextpnr
    # stops there, and the YoWASP build loses its error message, so this table is our evidence.
    over = []
    for ln in lines:
        m = re.match(r"Info:\s+(\w+):\s+(\d+)/\s*(\d+)\s+\d+%", ln)
        if m and int(m.group(2)) > int(m.group(3)):
            over.append(f"{m.group(1)} {m.group(2)}/{m.group(3)}")
    if over:
        return ("the design does not fit the device (" + ", ".join(over) + ")"
                + (f": {errs[0]}" if errs else ""))
    if errs:
        low = errs[0].lower()
        why = f"nextpnr exited {rc}"
        if any(k in low for k in ("no bels remaining", "unable to place", "utilisation",
                                  "utilization", "exceeds", "too many", "not enough")):
            why = "the design does not fit the device"
        elif "route" in low:
            why = "the design could not be routed"
        elif any(k in low for k in ("pcf", "lpf", "pin", "constrain")):
            why = "a pin constraint problem"
        return f"{why}: {errs[0]}"
    # no ERROR line: a YoWASP (WebAssembly) build that aborted shows a Python traceback
    cut = next((i for i, ln in enumerate(lines) if ln.startswith("Traceback")), len(lines))
    last = next((ln.strip() for ln in reversed(lines[:cut]) if ln.strip()), "(empty log)")
    return f"nextpnr exited {rc} without an error message; its last line: {last}"


def critical_path(report):
    """The critical path of the slowest clock, from nextpnr's JSON report."""
    fmax = report.get("fmax", {})
    paths = [p for p in report.get("critical_paths", [])
             if p.get("path") and "<async>" not in (p["from"], p["to"])]
    if not paths:
        return None
    slowest = min(fmax, key=lambda c: fmax[c]["achieved"]) if fmax else None

    def clock(edge):  # "posedge clk" -> "clk"
        return edge.split(" ", 1)[-1]
    same = [p for p in paths if clock(p["from"]) == clock(p["to"]) == slowest]
    p = (same or paths)[0]
    steps = p["path"]

    def ripple(s):  # a hop along a carry chain, not a logic level of its own
        return (s["from"].get("port"), s["to"].get("port")) in (("CIN", "COUT"), ("FCI", "FCO"))
    sums = {}
    for s in steps:
        sums[s["type"]] = sums.get(s["type"], 0.0) + s["delay"]
    total = sum(sums.values())
    routing = sums.get("routing", 0.0)
    return {
        "clock": slowest, "from_edge": p["from"], "to_edge": p["to"],
        "start": f"{steps[0]['from']['cell']}.{steps[0]['from']['port']}",
        "end": f"{steps[-1]['to']['cell']}.{steps[-1]['to']['port']}",
        "logic_levels": sum(1 for s in steps if s["type"] == "logic" and not ripple(s)),
        "carry_hops": sum(1 for s in steps if s["type"] == "logic" and ripple(s)),
        "delay_ns": round(total, 3), "logic_ns": round(total - routing, 3),
        "routing_ns": round(routing, 3),
        "by_type_ns": {k: round(v, 3) for k, v in sums.items()},
    }


def nextpnr_version(exe):
    try:
        p = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    m = re.search(r"Version (nextpnr-[^)\s]+)", p.stdout + p.stderr)
    return m.group(1) if m else "unknown"


def main():
    a = parse_args()
    if not os.path.isfile(a.netlist):
        die(f"netlist {a.netlist} not found")
    if a.constraints and not os.path.isfile(a.constraints):
        die(f"constraint file {a.constraints} not found")
    exe = find_nextpnr(a.tools, a.family)
    a.out = a.out or os.path.splitext(a.netlist)[0] + ".seeds"
    os.makedirs(a.out, exist_ok=True)
    label = a.label or os.path.basename(a.netlist)
    top, cells = synth_cells(a.netlist)
    luts, ffs = lut_ff(a.family, cells)
    version = nextpnr_version(exe)

    print(f"fpga_seeds: {label}: {len(a.seed_list)} seeds on {a.family} {a.device}"
          f"{' ' + a.package if a.package else ''}, target {a.freq:g} MHz, {a.jobs} at a time;"
          f" logs in {a.out}/", file=sys.stderr)
    results = []
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
            futs = [pool.submit(run_seed, a, exe, s) for s in a.seed_list]
            for fut in concurrent.futures.as_completed(futs):
                r = fut.result()
                results.append(r)
                what = r.get("error") or f"{r['fmax_min']:.2f} MHz"
                print(f"fpga_seeds:   seed {r['seed']}: {what} ({r['seconds']} s)",
                      file=sys.stderr)
    except KeyboardInterrupt:
        with _procs_lock:
            for proc in _procs:
                proc.terminate()
        die("interrupted")
    results.sort(key=lambda r: a.seed_list.index(r["seed"]))
    ok = [r for r in results if "error" not in r]
    bad = [r for r in results if "error" in r]

    summary = {"label": label, "netlist": a.netlist, "top": top, "family": a.family,
               "device": a.device, "package": a.package, "constraints": a.constraints,
               "target_mhz": a.freq, "nextpnr": version, "nextpnr_args": a.extra,
               "synth_cells": cells, "lut4": luts, "ff": ffs, "seeds": results}
    if ok:
        f = sorted(r["fmax_min"] for r in ok)
        med = sorted(ok, key=lambda r: r["fmax_min"])[(len(ok) - 1) // 2]  # lower median
        summary.update({
            "fmax_mhz": {"min": round(f[0], 2), "median": round(statistics.median(f), 2),
                         "max": round(f[-1], 2)},
            "met": sum(r["met"] for r in ok), "routed": len(ok),
            "median_seed": med["seed"], "utilization": med["utilization"],
            "critical_path": med["critical_path"]})

    print(render(a, summary, ok, bad))
    if a.markdown and ok:
        print(markdown_row(a, summary))
    if a.json:
        with open(a.json, "w") as fo:
            json.dump(summary, fo, indent=1)
            fo.write("\n")
    if bad:
        errs = sorted({r["error"] for r in bad})
        for e in errs:
            print(f"fpga_seeds: ERROR: {label}: {e}", file=sys.stderr)
        print(f"fpga_seeds: {len(bad)} of {len(results)} seeds failed; see "
              f"{', '.join(r['log'] for r in bad)}", file=sys.stderr)
        sys.exit(3)


def render(a, s, ok, bad):
    out = [f"== {s['label']}: {a.family} {a.device}{' ' + a.package if a.package else ''}, "
           f"target {a.freq:g} MHz, {s['nextpnr']}"]
    out.append(f"synthesized ({s['top']}): {s['lut4']} LUT4, {s['ff']} FF; "
               + ", ".join(f"{t} {n}" for t, n in s["synth_cells"].items()))
    for r in s["seeds"]:
        if "error" in r:
            out.append(f"  seed {r['seed']:>3}: FAILED: {r['error']}")
        else:
            clocks = "" if len(r["fmax"]) == 1 else "  (" + ", ".join(
                f"{c} {v:.2f}" for c, v in r["fmax"].items()) + ")"
            out.append(f"  seed {r['seed']:>3}: {r['fmax_min']:7.2f} MHz  "
                       f"{'met' if r['met'] else 'MISSED'}{clocks}")
    if not ok:
        return "\n".join(out)
    fm = s["fmax_mhz"]
    out.append(f"Fmax over {len(ok)} seeds: min {fm['min']:.2f}  median {fm['median']:.2f}  "
               f"max {fm['max']:.2f} MHz; target met by {s['met']}/{len(ok)}")
    out.append(f"utilisation (seed {s['median_seed']}):")
    util = s["utilization"]
    for bel in KEY_BELS[a.family] + sorted(set(util) - set(KEY_BELS[a.family])):
        if bel in util and (util[bel]["used"] or bel in KEY_BELS[a.family]):
            u = util[bel]
            pct = 100.0 * u["used"] / u["available"] if u["available"] else 0.0
            out.append(f"  {bel:<16} {u['used']:>6} / {u['available']:<6} {pct:5.1f}%")
    cp = s["critical_path"]
    if cp:
        out.append(f"critical path (median seed {s['median_seed']}, {cp['from_edge']} -> "
                   f"{cp['to_edge']}):")
        out.append(f"  from {cp['start']}")
        out.append(f"  to   {cp['end']}")
        out.append(f"  {cp['logic_levels']} logic levels + {cp['carry_hops']} carry-chain hops, "
                   f"{cp['delay_ns']:.2f} ns = "
                   f"{cp['logic_ns']:.2f} logic (incl. clock-to-out and setup) + "
                   f"{cp['routing_ns']:.2f} routing")
    return "\n".join(out)


def markdown_row(a, s):
    util = s["utilization"]

    def used(bel):
        return util.get(bel, {}).get("used", 0)
    logic_bel = KEY_BELS[a.family][0]
    lu = util.get(logic_bel, {"used": 0, "available": 0})
    fm = s["fmax_mhz"]
    dev = f"{a.device}{' ' + a.package if a.package else ''}"
    return (f"| {s['label']} | {dev} | {s['lut4']:,} | {s['ff']:,} | "
            f"{lu['used']:,}/{lu['available']:,} {logic_bel} | {used(RAM_BEL[a.family])} | "
            f"{used(DSP_BEL[a.family])} | {fm['min']:.2f} / {fm['median']:.2f} / "
            f"{fm['max']:.2f} | {s['met']}/{s['routed']} at {a.freq:g} MHz |")


if __name__ == "__main__":
    main()
