#!/usr/bin/env python3
"""bench_ssem.py -- interpretation vs translation, per program and core (make bench, make bench-table).

usage: bench_ssem.py [--sim SIM]... [--corpus DIR] [-j N] [--markdown] [--stop-after N]
                     [--threshold N] [PROGRAM[@STEPS]]...

For each program and each simulator (default build/cms-sim-s2, build/cms-sim-s4,
build/cms-sim-mc) runs the interpret-only firmware (build/fw/ssem.elf) and the translating
firmware (build/fw/ssem-tx.elf), both with --stats --state-json - (the state on stdout, the
firmware's report on stderr; --quiet would silence the report). Both runs must end in the same
guest state (A, CI, steps, halted, the store) and, for a corpus program, in the state
expected.json gives; otherwise the script stops with an error and prints no ratio.

A program that does not halt (expected.json: halted false, or PROGRAM@STEPS on the command line)
runs exactly --stop-after steps (default 1,000,000; PROGRAM@STEPS sets its own) with both
firmwares: the harness must then exit with the "limit reached" status (2), a halting program
with 0. The table says how many steps each program ran and whether it halted.

Columns: guest instructions; native cycles interpreting and translating (every firmware cycle
counted: interpreting, translating, exits and rollbacks); the ratio; guest instructions per
native cycle and operations per bundle of the translating run (the chip's counters);
the firmware's translating cycles per guest instruction in translations (`morph: guest insns
covered`, the lines of the regions translated) when the firmware reports that count, else per
translation (`morph: translations`; the header says which); rollbacks (every `rollbacks:` row). Then Kilburn's time
on each board at its clock (boards/*/board.mk: BOARD_CHIP, BOARD_CLK_MHZ).

A benchmark, not a test: it never fails on speed, only on a run that fails or disagrees.
Exit status: 0 done, 1 a run failed or disagreed, 64 bad command line or missing input.
"""
import argparse
import concurrent.futures
import json
import os
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests"))
import cmslib  # noqa: E402  (tests/cmslib.py: exit statuses from spec/chip.tbl, sh())

ROOT = cmslib.ROOT
BUILD = os.path.join(ROOT, "build")
DEFAULT_SIMS = ["cms-sim-s2", "cms-sim-s4", "cms-sim-mc"]
KILBURN = os.path.join(ROOT, "tests", "ssem", "kilburn.ssem")
# the corpus programs of the table: files under CORPUS/normalized/ (short name, file)
CORPUS_PROGRAMS = [
    ("hfr989", "kilburn_hfr989_nevynuk.hex"),
    ("noodle timer", "noodle_NOODLE_SNP.hex"),
    ("parabola", "parabola_PARABOLA_SNP.hex"),
    ("Tootill's HCF", "tootill_hcf_nevynuk.hex"),
    ("long division", "turing_longdiv_nevynuk.hex"),
    ("integer division", "intdiv_DIVIDE_SNP.hex"),
]
DEFAULT_STOP_AFTER = 1000000
# a run's time-out; the slowest (Kilburn interpreted on cms-sim-mc, 95M cycles) takes about 30 s
RUN_TIMEOUT = 3600


class BenchError(Exception):
    pass


def num(s):
    return int(s.replace(",", ""))


def parse_report(text):
    """The firmware's report rows 'name:? value' -> {name: int} (numbers only)."""
    rows = {}
    for line in text.splitlines():
        m = re.match(r"^(\S.*?):?\s+([\d,]+)\s*$", line)
        if m:
            rows[m.group(1)] = num(m.group(2))
    return rows


def run(sim, fw, prog, stop_after, threshold):
    argv = [sim, "--firmware", fw, "--stats"]
    if threshold is not None and fw.endswith("ssem-tx.elf"):
        argv += ["--threshold", str(threshold)]
    if stop_after is not None:
        argv += ["--stop-after", str(stop_after)]
    argv += ["--state-json", "-", prog]
    rc, out, err = cmslib.sh(argv, timeout=RUN_TIMEOUT)
    cmd = " ".join(argv)
    want = cmslib.ST_HALTED if stop_after is None else cmslib.ST_LIMIT
    if rc is None:
        raise BenchError(f"{cmd}: {err}")
    if rc != want:
        hint = (" (a program that does not halt needs PROGRAM@STEPS)"
                if rc == cmslib.ST_LIMIT else "")
        raise BenchError(f"{cmd}: exit status {rc}, expected {want} "
                         f"({'halted' if stop_after is None else 'limit reached'}){hint}\n"
                         f"{err[-2000:]}")
    try:
        state = json.loads(out)
    except ValueError as e:
        raise BenchError(f"{cmd}: no state JSON on stdout ({e})\n{err[-2000:]}")
    rows = parse_report(err)
    for key in ("guest instructions", "native cycles", "bundles"):
        if key not in rows:
            raise BenchError(f"{cmd}: no '{key}' row in the firmware's report:\n{err[-2000:]}")
    if rows["guest instructions"] != state.get("steps"):
        raise BenchError(f"{cmd}: the report says {rows['guest instructions']} guest instructions,"
                         f" the state {state.get('steps')}")
    m = re.search(r"sim: [\d,]+ cycles in ([\d.]+) s host time", err)
    return {"cmd": cmd, "state": state, "rows": rows,
            "host_s": float(m.group(1)) if m else 0.0}


def bench_one(sim, prog, stop_after, expected, fw_interp, fw_tx, threshold):
    """Both runs of one program on one simulator; the figures of its row."""
    i = run(sim, fw_interp, prog, stop_after, threshold)
    t = run(sim, fw_tx, prog, stop_after, threshold)
    diff = cmslib.state_diff(i["state"], t["state"])
    if diff:
        raise BenchError(f"{sim} {prog}: interpreting and translating end in different states "
                         f"({', '.join(diff)}):\n  {i['cmd']}: {json.dumps(i['state'])}\n"
                         f"  {t['cmd']}: {json.dumps(t['state'])}")
    if expected is not None:
        diff = cmslib.state_diff(i["state"], expected)
        if diff:
            raise BenchError(f"{sim} {prog}: the state differs from expected.json "
                             f"({', '.join(diff)}): {json.dumps(i['state'])}")
    tr = t["rows"]
    if "morph: translations" not in tr or "morph: cycles translating" not in tr:
        raise BenchError(f"{t['cmd']}: no 'morph:' rows: is {fw_tx} the translating firmware?")
    steps = i["state"]["steps"]
    ops = sum(v for k, v in tr.items() if k.startswith("ops:"))
    return {
        "steps": steps,
        "halted": i["state"]["halted"],
        "cyc_i": i["rows"]["native cycles"],
        "cyc_t": tr["native cycles"],
        "ops": ops,
        "bundles": tr["bundles"],
        "translations": tr["morph: translations"],
        "threshold": tr.get("morph: threshold"),
        "tx_cycles": tr["morph: cycles translating"],
        "tx_insns": tr.get("morph: guest insns covered"),
        "run_tx": tr.get("morph: guest insns translated"),
        "rollbacks": sum(v for k, v in tr.items() if k.startswith("rollbacks:")),
        "host_s": i["host_s"] + t["host_s"],
    }


def board_clocks():
    """[(board, simulator name, MHz)] from boards/*/board.mk (BOARD_CHIP, BOARD_CLK_MHZ)."""
    out = []
    bdir = os.path.join(ROOT, "boards")
    for b in sorted(os.listdir(bdir)):
        mk = os.path.join(bdir, b, "board.mk")
        if not os.path.isfile(mk):
            continue
        with open(mk) as f:
            text = f.read()
        chip = re.search(r"^BOARD_CHIP\s*[:?]?=\s*(\S+)", text, re.M)
        clk = re.search(r"^BOARD_CLK_MHZ\s*[:?]?=\s*([\d.]+)", text, re.M)
        if not chip or not clk:
            raise BenchError(f"{mk}: no BOARD_CHIP or BOARD_CLK_MHZ")
        out.append((b, "cms-sim-" + chip.group(1), float(clk.group(1))))
    return out


def fmt_int(n):
    return f"{n:,}"


def fmt_ratio(a, b, digits=2, suffix=""):
    return "-" if not b else f"{a / b:.{digits}f}{suffix}"


def table(headers, rows, markdown, right):
    if markdown:
        lines = ["| " + " | ".join(headers) + " |",
                 "| " + " | ".join("---:" if r else "---" for r in right) + " |"]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(lines)
    w = [max(len(h), *(len(r[k]) for r in rows)) for k, h in enumerate(headers)]

    def line(cells):
        return "  ".join(c.rjust(w[k]) if right[k] else c.ljust(w[k])
                         for k, c in enumerate(cells)).rstrip()
    return "\n".join([line(headers), line(["-" * x for x in w])] + [line(r) for r in rows])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n", 2)[2])
    ap.add_argument("--sim", action="append", help="a simulator (repeatable; default: "
                    + ", ".join("build/" + s for s in DEFAULT_SIMS) + ")")
    ap.add_argument("--fw-interp", default=os.path.join(BUILD, "fw", "ssem.elf"))
    ap.add_argument("--fw-tx", default=os.path.join(BUILD, "fw", "ssem-tx.elf"))
    ap.add_argument("--corpus", default=cmslib.DEFAULT_CORPUS)
    ap.add_argument("--stop-after", type=int, default=DEFAULT_STOP_AFTER,
                    help="steps for a program that does not halt (default %(default)s)")
    ap.add_argument("--threshold", type=int, help="the translating firmware's --threshold "
                    "(default: the firmware's own)")
    ap.add_argument("-j", "--jobs", type=int, default=1, help="runs in parallel")
    ap.add_argument("--markdown", action="store_true", help="Markdown tables (docs/bench.md)")
    ap.add_argument("programs", nargs="*", help="PROGRAM or PROGRAM@STEPS (default: Kilburn's "
                    "program and six corpus programs)")
    a = ap.parse_args()

    sims = a.sim or [os.path.join(BUILD, s) for s in DEFAULT_SIMS]
    for path in sims + [a.fw_interp, a.fw_tx]:
        if not os.path.isfile(path):
            print(f"bench_ssem: {path}: missing (make {os.path.relpath(path, ROOT)})",
                  file=sys.stderr)
            return 64
    if a.jobs < 1 or a.stop_after < 0:
        print("bench_ssem: -j needs >= 1, --stop-after >= 0", file=sys.stderr)
        return 64

    # the programs: (name, path, stop_after or None, expected state or None)
    expected = {}
    exp_path = os.path.join(a.corpus, "expected.json")
    if os.path.isfile(exp_path):
        with open(exp_path) as f:
            for p in json.load(f)["programs"]:
                r = p["runs"].get("ci0=0")
                if p.get("normalized") and r:
                    expected[os.path.basename(p["normalized"])] = r
    progs = []
    if a.programs:
        for spec in a.programs:
            path, _, steps = spec.partition("@")
            progs.append((os.path.basename(path), path, int(steps) if steps else None, None))
    else:
        progs.append(("Kilburn (tests/ssem)", KILBURN, None, None))
        if not expected:
            print(f"bench_ssem: {exp_path}: missing (the corpus, ../shared/ssem-corpus)",
                  file=sys.stderr)
            return 64
        for name, fname in CORPUS_PROGRAMS:
            r = expected.get(fname)
            if r is None:
                print(f"bench_ssem: {fname}: no record in {exp_path}", file=sys.stderr)
                return 64
            stop = None if r["halted"] else a.stop_after
            exp = None
            if r["halted"]:  # a non-halting record gives the state after steps_cap, not N
                exp = {"A": r["A"], "CI": r["CI"], "steps": r["steps"], "halted": True,
                       "store": r["final_mem"]}
            progs.append((name, os.path.join(a.corpus, "normalized", fname), stop, exp))
    for _, path, _, _ in progs:
        if not os.path.isfile(path):
            print(f"bench_ssem: {path}: missing", file=sys.stderr)
            return 64

    t0 = time.time()
    jobs = [(p, s) for p in progs for s in sims]
    results = {}
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as ex:
            futs = {ex.submit(bench_one, s, p[1], p[2], p[3], a.fw_interp, a.fw_tx, a.threshold):
                    (p[0], s) for p, s in jobs}
            for fut in concurrent.futures.as_completed(futs):
                results[futs[fut]] = fut.result()
    except BenchError as e:
        print(f"bench_ssem: FAILED: {e}", file=sys.stderr)
        return 1
    wall = time.time() - t0

    static = all(results[k]["tx_insns"] is not None for k in results)
    headers = ["program", "core", "guest insns", "cycles interpreting", "cycles translating",
               "ratio", "guest insns/cycle", "ops/bundle",
               "translating cycles/guest insn translated" if static
               else "translating cycles/translation", "insns run translated", "rollbacks"]
    right = [False, False] + [True] * (len(headers) - 2)
    rows = []
    for name, _, stop, _ in progs:
        for s in sims:
            r = results[(name, s)]
            steps = fmt_int(r["steps"]) + ("" if r["halted"] else " (stopped)")
            per = (r["tx_cycles"], r["tx_insns"]) if static else (r["tx_cycles"],
                                                                   r["translations"])
            rows.append([name, os.path.basename(s), steps, fmt_int(r["cyc_i"]),
                         fmt_int(r["cyc_t"]), fmt_ratio(r["cyc_i"], r["cyc_t"],
                                   1 if r["cyc_i"] >= r["cyc_t"] else 2, "x"),
                         fmt_ratio(r["steps"], r["cyc_t"], 3), fmt_ratio(r["ops"], r["bundles"]),
                         fmt_int(round(per[0] / per[1])) if per[1] else "-",
                         "-" if r["run_tx"] is None else
                         f"{100.0 * r['run_tx'] / r['steps']:.2f}%" if r["steps"] else "-",
                         fmt_int(r["rollbacks"])])
    md = a.markdown
    print(table(headers, rows, md, right))
    notes = ["guest insns: the guest instructions run, the STP included; every program halts"
             if all(r["halted"] for r in results.values()) else
             "guest insns: the guest instructions run, the STP included; '(stopped)': both runs "
             "stopped after exactly that many (--stop-after: the program does not halt, or "
             "PROGRAM@STEPS)",
             "cycles translating: the translating firmware's run, every firmware cycle counted; "
             "ratio = cycles interpreting / cycles translating",
             "guest insns/cycle and ops/bundle: the translating run (the chip's counters)",
             ("translating cycles/guest insn translated: 'morph: cycles translating' / "
              "'morph: guest insns covered'") if static else
             ("translating cycles/translation: 'morph: cycles translating' / 'morph: "
              "translations' (the firmware does not report the guest instructions its "
              "translations cover)"),
             "insns run translated: 'morph: guest insns translated' / guest insns; rollbacks: "
             "the sum of the translating run's 'rollbacks:' rows",
             "the translating firmware's threshold ('morph: threshold'): "
             + ", ".join(sorted({str(r["threshold"]) for r in results.values()}))
             + ("" if a.threshold is not None else " (its default)")]
    print()
    for n in notes:
        print(("- " if md else "") + n)

    # Kilburn's time on each board (only when Kilburn's program was run on the board's core)
    kname = progs[0][0] if progs[0][1] == KILBURN else None
    brows = []
    if kname:
        try:
            boards = board_clocks()
        except BenchError as e:
            print(f"bench_ssem: {e}", file=sys.stderr)
            return 1
        for b, simname, mhz in boards:
            r = next((results[(kname, s)] for s in sims if os.path.basename(s) == simname), None)
            if r is None:
                continue
            brows.append([b, simname, f"{mhz:g}", f"{r['cyc_i'] / (mhz * 1e6):.2f}",
                          f"{r['cyc_t'] / (mhz * 1e6):.2f}"])
    if brows:
        print()
        print(table(["board", "its core", "clock (MHz)", "Kilburn interpreting (s)",
                     "Kilburn translating (s)"], brows, md, [False, False, True, True, True]))
        print()
        print(("- " if md else "") + "the guest run's native cycles at the clock of "
              "boards/BOARD/board.mk (BOARD_CLK_MHZ, BOARD_CHIP); the boards boot the "
              "translating firmware from their SPI flash (the last column), --interpret-only "
              "the first")
    host = sum(r["host_s"] for r in results.values())
    print()
    print(f"{'' if not md else '- '}{len(results) * 2} runs: {wall:.0f} s wall clock with -j "
          f"{a.jobs} ({host:.0f} s of simulation)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
