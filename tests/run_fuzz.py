#!/usr/bin/env python3
"""run_fuzz.py -- random SSEM programs (tests/ssemgen.py) on the reference and on the chip.

usage: run_fuzz.py --sim build/cms-sim [--sim build/cms-sim-s4 ...] --ref build/ssem-ref
                   [--seed S] [--count N] [--first I] [--cap STEPS] [--points K]
                   [--keep DIR] [--quiet]
       run_fuzz.py --selftest --sim build/cms-sim --ref build/ssem-ref

For each program I = first .. first+N-1 of seed S (ssemgen.py: program I depends on (S, I)
alone) the reference runs it once to the end (under --max-steps CAP: a program that does not
halt stops there) and then every --sim binary runs it, and the state (A, CI, the 32 store
lines, steps, halted) and exit status must equal the reference's, word for word:

  end        to the end, no interrupts;
  stop N     --stop-after N for K points N (0 < N < the run's length, seeded), and the last
             step before the end;
  every E    to the end with --irq-every E (E drawn from 1..50: an interrupt storm denser than
             the firmware's handler), and at one stop point; the chip must report at least
             one interrupt taken;
  random     to the end with --irq-random SEED (gaps 1..200 cycles, the default), and with
             --irq-random SEED --irq-max-gap 3000 (interrupts landing anywhere).

Every run has --max-steps CAP on both sides. A failing program is written to DIR (default
build/fuzz-fail) as gen-S-I.ssem with the command lines that differ; regenerate it with
`tests/ssemgen.py --seed S --index I`. One line per program (FAIL lines say which run and
which fields differ), a summary line, exit status 1 if anything differed. A --sim or --ref
value is split into words (a wrapper command may be given).

--selftest proves that the comparison can fail: tests/fuzz_mutant.py wraps the simulator and
flips one bit of its state (a store line in every run; A in --stop-after runs only; the step
count in interrupt-storm runs only); each must be reported on each of 3 programs, in exactly
the runs it touched, and the wrapper flipping nothing must pass (about 10 s).
"""
import argparse
import os
import random
import re
import shlex
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
from cmslib import ROOT, run_state, state_diff  # noqa: E402
import ssemgen  # noqa: E402


def interrupts_taken(console):
    m = re.search(r"interrupts taken:\s+([\d,]+)", console or "")
    return int(m.group(1).replace(",", "")) if m else None


def check(sims, ref, seed, i, cap, npoints, d):
    """Program i of seed: (kind, listing, reference state of the full run or None, failures)."""
    kind, text = ssemgen.listing(seed, i)
    prog = os.path.join(d, f"gen-{seed}-{i}.ssem")
    with open(prog, "w") as f:
        f.write(text)
    capx = ["--max-steps", str(cap)]
    rng = random.Random(f"runs:{seed}:{i}")
    rc_r, full, err_r = run_state(ref, prog, extra=capx)
    if full is None:
        return kind, text, None, [f"reference gave no state (exit {rc_r}: {err_r.strip()})"], 0
    length = full["steps"]
    points = sorted({rng.randrange(1, length) for _ in range(npoints)} | {length - 1}) if length > 1 else [0]
    ref_at = {None: (rc_r, full)}
    for n in points:
        rc, st, _ = run_state(ref, prog, stop_after=n, extra=capx)
        ref_at[n] = (rc, st)
    every = rng.randint(1, 50)
    seed2 = rng.getrandbits(32)
    cases = [("end", None, [])] + [(f"stop {n}", n, []) for n in points] + [
        (f"every {every}", None, ["--irq-every", str(every)]),
        (f"every {every} stop {points[0]}", points[0], ["--irq-every", str(every)]),
        (f"random {seed2}", None, ["--irq-random", str(seed2)]),
        (f"random {seed2} gap 3000", None, ["--irq-random", str(seed2), "--irq-max-gap", "3000"]),
    ]
    bad = []
    for sim in sims:
        for label, n, irq in cases:
            rc_w, want = ref_at[n]
            rc, got, err, out = run_state(sim + ([] if irq else ["--quiet"]), prog, stop_after=n,
                                          extra=capx + irq, want_console=True)
            why = None
            if got is None:
                why = f"no state (exit {rc}: {err.strip()[-200:]})"
            elif rc != rc_w:
                why = f"exit status {rc}, reference {rc_w}"
            elif got != want:
                def val(st, k):
                    return st["store"][int(k[4:])] if k.startswith("line") else st.get(k)
                why = "differs in " + ", ".join(f"{k} (chip {val(got, k)} ref {val(want, k)})"
                                                for k in state_diff(got, want)[:6])
            elif label.startswith("every") and not interrupts_taken(out):
                why = "no interrupt taken"
            if why:
                bad.append(f"{os.path.basename(sim[-1])} {label}: {why}")
    return kind, text, full, bad, len(cases) * len(sims)


def selftest(sim, ref, seed, cap):
    """The comparison can fail: a wrapper (tests/fuzz_mutant.py) corrupts one bit of the chip's
    state in every run, in --stop-after runs only, in interrupt-storm runs only; each must be
    caught on every program, in the runs it touched only; the wrapper doing nothing must pass."""
    mutant = [sys.executable, os.path.join(HERE, "fuzz_mutant.py")]
    want = {"none": None, "store": "", "stop": " stop ", "irq": "every"}
    ok = True
    with tempfile.TemporaryDirectory(prefix="ssemfuzz-self-") as d:
        for mode, marker in want.items():
            for i in range(3):
                kind, _, _, bad, _ = check([mutant + [mode] + sim], ref, seed, i, cap, 1, d)
                if marker is None:
                    good = not bad
                elif mode == "irq":
                    good = bool(bad) and all(("every" in b or "random" in b) and "steps" in b for b in bad)
                elif mode == "stop":
                    good = bool(bad) and all("stop" in b and "differs in A" in b for b in bad)
                else:
                    good = len(bad) >= 5 and all("line17" in b for b in bad)
                ok &= good
                print(f"{'PASS' if good else 'FAIL'} selftest: mutant '{mode}' on gen-{seed}-{i} ({kind}): "
                      f"{len(bad)} runs reported" + ("" if good else f": {bad[:3]}"), flush=True)
    print(f"run_fuzz selftest: {'the comparison catches every mutant' if ok else 'FAILED'}")
    return 0 if ok else 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sim", action="append", required=True, help="a cms-sim binary (repeatable)")
    ap.add_argument("--ref", required=True)
    ap.add_argument("--seed", type=int, default=1948)
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--first", type=int, default=0)
    ap.add_argument("--cap", type=int, default=30000, help="--max-steps for every run")
    ap.add_argument("--points", type=int, default=2, help="random --stop-after points per program")
    ap.add_argument("--keep", default=os.path.join(ROOT, "build", "fuzz-fail"))
    ap.add_argument("--quiet", action="store_true", help="print FAIL lines and the summary only")
    ap.add_argument("--selftest", action="store_true",
                    help="prove the comparison fails on a broken simulator (tests/fuzz_mutant.py)")
    a = ap.parse_args()
    sims = [shlex.split(x) for x in a.sim]
    ref = shlex.split(a.ref)
    if a.selftest:
        return selftest(sims[0], ref, a.seed, a.cap)
    passed = failed = runs = 0
    kinds = {}
    t0 = time.time()
    with tempfile.TemporaryDirectory(prefix="ssemfuzz-") as d:
        for i in range(a.first, a.first + a.count):
            kind, text, full, bad, n = check(sims, ref, a.seed, i, a.cap, a.points, d)
            kinds[kind] = kinds.get(kind, 0) + 1
            runs += n if full else 0
            name = f"gen-{a.seed}-{i} ({kind})"
            if bad:
                failed += 1
                os.makedirs(a.keep, exist_ok=True)
                keep = os.path.join(a.keep, f"gen-{a.seed}-{i}.ssem")
                with open(keep, "w") as f:
                    f.write(text + "".join(f"; FAIL {b}\n" for b in bad))
                print(f"FAIL {name}: " + "; ".join(bad[:4]) + f" (kept: {keep})", flush=True)
            else:
                passed += 1
                if not a.quiet:
                    print(f"PASS {name}: {full['steps']} steps{' halted' if full['halted'] else ''}, "
                          f"{n} chip runs", flush=True)
    kinds_s = ", ".join(f"{v} {k}" for k, v in sorted(kinds.items()))
    print(f"run_fuzz: seed {a.seed}, programs {a.first}..{a.first + a.count - 1} ({kinds_s}) on "
          f"{', '.join(os.path.basename(s) for s in a.sim)}: {passed} passed, {failed} failed, "
          f"{runs} chip runs, {time.time() - t0:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
