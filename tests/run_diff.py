#!/usr/bin/env python3
"""Differential tests: the chip (cms-sim) against the reference interpreter (ssem-ref).

usage: run_diff.py --sim build/cms-sim --ref build/ssem-ref [--seed S] [--random N]
                   [--points N] [--cap N] [--corpus DIR] [--quick]

Both runners get the same program and the same --stop-after N and write their state as JSON;
the two states must be equal word for word (A, CI, all 32 store lines, steps, halted), and the
exit statuses must be equal. The groups:

  stop   --stop-after at many points of each of our programs (tests/ssem/*.ssem) and of the
         corpus programs: 0, 1, 2, the edges of the firmware's chunks (CHUNK_STEPS - 1,
         CHUNK_STEPS, CHUNK_STEPS + 1; spec/chip.tbl), the last step, past the end, and
         --points random points (seeded);
  limit  never_halts.ssem under --max-steps alone and with a larger or smaller --stop-after:
         the step limit is min(--stop-after, --max-steps), exact on both;
  cap    every corpus program that does not halt, or halts after more than --cap steps,
         compared after exactly --cap steps (the full runs are in the reference tests);
  irq    each of our programs with --irqs external interrupts at random cycles: the firmware
         takes them (it must report at least one) and the guest state is unchanged;
  random --random seeded random store images, each run for a random number of steps.

One line per test, a summary line, exit status 1 if any failed. Fixed seed by default, so CI
runs the same cases every time; `make test-diff-long` runs a bigger, different set.
"""
import argparse
import os
import random
import re
import shlex
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
from cmslib import DEFAULT_CORPUS, corpus_records, defs, own_programs, run_state  # noqa: E402

CHUNK = defs.CHUNK_STEPS  # the firmware checks the cycle limit between chunks of this many steps


def run(cmd, prog, stop_after=None, index=None, want_console=False, extra=()):
    return run_state(cmd, prog, index, stop_after, extra=extra, want_console=want_console)


class Runner:
    def __init__(self, sim, ref):
        self.sim, self.ref = sim, ref
        self.passed = self.failed = 0

    def compare(self, name, prog, stop_after=None, index=None, irqs=None, extra=()):
        """irqs: cycles at which to raise the chip's interrupt (the reference has none); the
        chip must then report that it took at least one, and still match. extra: more options
        for both (e.g. --max-steps N)."""
        if irqs:
            sim = list(self.sim) + [a for c in irqs for a in ("--irq-at", str(c))]
            rc_s, st_s, err_s, out = run(sim, prog, stop_after, index, want_console=True, extra=extra)
            m = re.search(r"interrupts taken:\s+([\d,]+)", out)
            taken = int(m.group(1).replace(",", "")) if m else 0
        else:
            rc_s, st_s, err_s = run(self.sim, prog, stop_after, index, extra=extra)
        rc_r, st_r, err_r = run(self.ref, prog, stop_after, index, extra=extra)
        why = None
        if st_r is None:
            why = f"reference gave no state (exit {rc_r}: {err_r})"
        elif st_s is None:
            why = f"chip gave no state (exit {rc_s}: {err_s})"
        elif irqs and taken == 0:
            why = f"chip took no interrupt of {len(irqs)} requested"
        elif rc_s != rc_r:
            why = f"exit status chip {rc_s} != reference {rc_r}"
        elif st_s != st_r:
            diffs = [k for k in ("A", "CI", "steps", "halted") if st_s.get(k) != st_r.get(k)]
            lines = [i for i in range(32) if st_s["store"][i] != st_r["store"][i]]
            why = "differs in " + ", ".join(
                [f"{k} (chip {st_s.get(k)} ref {st_r.get(k)})" for k in diffs] +
                [f"line {i} (chip {st_s['store'][i]} ref {st_r['store'][i]})" for i in lines[:4]])
        label = f"{name} stop_after={stop_after}" if stop_after is not None else name
        label += "".join(" " + x for x in extra)
        if why:
            self.failed += 1
            print(f"FAIL {label}: {why}")
        else:
            self.passed += 1
            print(f"PASS {label}")
        return st_r


def corpus_programs(corpus):
    records = corpus_records(corpus)
    if records is None:
        return None
    return [(p["id"], p["path"], p["index"], p["run"]) for p in records]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sim", required=True)
    ap.add_argument("--ref", required=True)
    ap.add_argument("--seed", type=int, default=1948)
    ap.add_argument("--random", type=int, default=40, help="random programs")
    ap.add_argument("--points", type=int, default=6, help="random stop points per program")
    ap.add_argument("--irqs", type=int, default=40, help="interrupts per storm run")
    ap.add_argument("--cap", type=int, default=200000, help="steps for long corpus runs")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    r = Runner(shlex.split(args.sim), [args.ref])  # --sim may carry options (--firmware ...)

    # stop: our programs, at many points
    ours = own_programs()
    length = {}
    for prog in ours:
        name = os.path.basename(prog)
        full = run([args.ref, "--max-steps", str(args.cap)], prog)[1]
        last = full["steps"] if full else args.cap
        length[prog] = last
        points = {0, 1, 2, CHUNK - 1, CHUNK, CHUNK + 1, last - 1, last, last + 5}
        points |= {rng.randrange(0, last + 1) for _ in range(args.points)}
        for n in sorted(p for p in points if 0 <= p <= args.cap):
            r.compare(name, prog, n)

    # the step limit: --max-steps alone, and under a larger --stop-after (min of the two wins),
    # at chunk edges, on a program that never halts
    forever = os.path.join(HERE, "ssem", "never_halts.ssem")
    if os.path.exists(forever):
        for n in (0, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 7):
            r.compare("never_halts.ssem", forever, extra=["--max-steps", str(n)])
        r.compare("never_halts.ssem", forever, 2**64 - 1, extra=["--max-steps", str(CHUNK + 3)])
        r.compare("never_halts.ssem", forever, CHUNK + 2, extra=["--max-steps", hex(2 * CHUNK)])

    # stop + cap: the corpus
    corpus = corpus_programs(args.corpus)
    if corpus is None:
        print(f"SKIP corpus: {args.corpus}/expected.json not found")
    else:
        for pid, prog, index, exp in corpus:
            steps = exp.get("steps") if exp["halted"] else None
            if steps is None or steps > args.cap:
                r.compare(pid + " (capped)", prog, args.cap, index)
                continue
            for n in sorted({1, steps // 2, steps - 1, rng.randrange(0, steps + 1)}):
                r.compare(pid, prog, n, index)

    # interrupt storms: the firmware takes, acknowledges and returns from external interrupts
    # at random points (seeded); the guest state must not change
    for prog in ours:
        name = os.path.basename(prog)
        n = min(length[prog], rng.randrange(2000, 20000))
        cycles = sorted(rng.sample(range(50, 20 * n + 1000), args.irqs))
        r.compare(f"{name} with {args.irqs} interrupts", prog, n, irqs=cycles)

    # random programs: images of random words, biased to real instructions
    with tempfile.TemporaryDirectory() as d:
        for i in range(args.random):
            words = []
            for _ in range(32):
                if rng.random() < 0.7:
                    op = rng.choice([0, 1, 2, 2, 3, 3, 4, 5, 6, 6, 7] if rng.random() < 0.1
                                    else [0, 1, 2, 2, 3, 3, 4, 5, 6, 6])
                    w = (op << 13) | rng.randrange(32) | (rng.getrandbits(16) << 16 if rng.random() < 0.2 else 0)
                else:
                    w = rng.getrandbits(32)
                words.append(w)
            prog = os.path.join(d, f"random{i:03d}.hex")
            with open(prog, "w") as f:
                f.write("".join(f"{w:08x}\n" for w in words))
            r.compare(f"random{i:03d}(seed {args.seed})", prog, rng.randrange(0, 5000))

    print(f"run_diff: {r.passed} passed, {r.failed} failed")
    return 1 if r.failed else 0


if __name__ == "__main__":
    sys.exit(main())
