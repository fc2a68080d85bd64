#!/usr/bin/env python3
"""test-morph's own checks (mk/morph.mk): the translating firmware (build/fw/ssem-tx.elf) must
give the reference's state AND actually run guest code in translations, for each simulator given.

usage: test_morph.py --ref build/ssem-ref --firmware build/fw/ssem-tx.elf SIM...

Per simulator, with --threshold 2 and the default:
  kilburn.ssem to its STP: exact, and > 2,000,000 of its 2,097,154 instructions translated;
  selfmod_loop.ssem (rewrites line 4 every pass): exact, translated > 0, invalidations > 0
    (the interpreter's STO into a protected line: the CAUSE_TX_PROT trap);
  never_halts.ssem stopped after 100,000 steps: exact, translated > 0;
  the corpus's nightmare_NIGHT_SNP.hex after 200,000 steps: exact, exits chained > 0 (skipped
    when the corpus is absent);
  Kilburn stopped at 600,000 steps under an interrupt storm placed in its translated part
    (every 397 cycles: TX_IRQ aborts > 0) and a dense one (every 13 cycles: the run completes,
    forward progress): exact.
One line per check, a summary; exit 1 if any failed.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SSEM = os.path.join(HERE, "ssem")


def state(argv):
    fd, tmp = tempfile.mkstemp(suffix=".json")
    os.close(fd)
    try:
        p = subprocess.run(argv[:-1] + ["--state-json", tmp, argv[-1]], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, timeout=1800)
        with open(tmp) as f:
            return p.returncode, f.read().strip(), p.stdout + p.stderr
    finally:
        os.unlink(tmp)


def counter(out, name):
    m = re.search(r"^%s:?\s+([\d,]+)" % re.escape(name), out, re.M)
    return int(m.group(1).replace(",", "")) if m else -1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ref", required=True)
    ap.add_argument("--firmware", required=True)
    ap.add_argument("--corpus", default=os.path.join(HERE, "..", "..", "shared", "ssem-corpus"))
    ap.add_argument("sims", nargs="+")
    a = ap.parse_args()
    passed = failed = 0

    def check(name, ok, why=""):
        nonlocal passed, failed
        print(("PASS " if ok else "FAIL ") + name + ("" if ok else ": " + why))
        if ok:
            passed += 1
        else:
            failed += 1

    def ref(prog, extra=()):
        return state([a.ref] + list(extra) + [prog])[1]

    for sim in a.sims:
        for thr in (["--threshold", "2"], []):
            base = [sim, "--firmware", a.firmware, "--stats"] + thr
            tag = f"{os.path.basename(sim)} {' '.join(thr) or 'default threshold'}"
            cases = [("kilburn.ssem", [], 2000000, False),
                     ("selfmod_loop.ssem", [], 1, True),
                     ("never_halts.ssem", ["--stop-after", "100000"], 1, False)]
            for prog, extra, min_tx, inval in cases:
                path = os.path.join(SSEM, prog)
                rc, st, out = state(base + extra + [path])
                want = ref(path, extra)
                tx = counter(out, "morph: guest insns translated")
                inv = counter(out, "morph: invalidations")
                ok = st == want and tx >= min_tx and (not inval or inv > 0)
                check(f"{tag}: {prog} {' '.join(extra)}: translated {tx}, invalidations {inv}", ok,
                      f"state {st} reference {want}" if st != want else "too little translated")
            # chaining: the corpus's nightmare program leaves one translation for another
            night = os.path.join(a.corpus, "normalized", "nightmare_NIGHT_SNP.hex")
            if os.path.exists(night):
                extra = ["--stop-after", "200000"]
                rc, st, out = state(base + extra + [night])
                want = ref(night, extra)
                ch = counter(out, "morph: exits chained")
                check(f"{tag}: nightmare_NIGHT_SNP.hex --stop-after 200000: exits chained {ch}",
                      st == want and ch > 0, f"state {st} reference {want}" if st != want else "no chain")
            else:
                print(f"SKIP {tag}: chaining check: {night} absent")
            # interrupt storms in the translated part of Kilburn's program
            path = os.path.join(SSEM, "kilburn.ssem")
            extra = ["--stop-after", "600000"]
            want = ref(path, extra)
            rc, st, out = state(base + extra + [path])
            cyc = counter(out, "native cycles")
            for every, n, need_abort in ((397, 300, True), (13, 3000, False)):
                start = max(0, cyc - every * n - 1000)  # at the end: after the translating
                irqs = [x for c in range(start, start + every * n, every) for x in ("--irq-at", str(c))]
                rc, st, out = state(base + extra + irqs + [path])
                ab = counter(out, "morph: aborts: interrupt")
                taken = counter(out, "interrupts taken")
                ok = st == want and taken > 0 and (ab > 0 or not need_abort)
                check(f"{tag}: kilburn.ssem --stop-after 600000, interrupt every {every} cycles: "
                      f"taken {taken}, TX_IRQ aborts {ab}", ok,
                      f"state {st} reference {want}" if st != want else "no interrupt abort")
    print(f"test_morph: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
