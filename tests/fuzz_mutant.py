#!/usr/bin/env python3
"""fuzz_mutant.py -- a deliberately broken cms-sim, to prove tests/run_fuzz.py can fail.

usage: fuzz_mutant.py MODE SIM [cms-sim arguments...]

Runs SIM with the arguments, then corrupts the --state-json file it wrote by one bit:
  store  bit 0 of store line 17, in every run
  stop   bit 31 of A, only in runs with --stop-after
  irq    the steps count + 1, only in runs with an interrupt storm (--irq-every, --irq-random)
  none   nothing (the wrapper itself must not make a difference)
Used by tests/run_fuzz.py --selftest (make test-ssemfuzz runs it first); not a test by itself.
"""
import json
import os
import subprocess
import sys


def main():
    mode, sim, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    rc = subprocess.run([sim] + args).returncode
    path = args[args.index("--state-json") + 1] if "--state-json" in args else None
    hit = {"store": True, "stop": "--stop-after" in args,
           "irq": "--irq-every" in args or "--irq-random" in args, "none": False}[mode]
    if hit and path and path != "-" and os.path.exists(path):
        with open(path) as f:
            st = json.load(f)
        if mode == "store":
            st["store"][17] ^= 1
        elif mode == "stop":
            st["A"] ^= -0x80000000
        else:
            st["steps"] += 1
        with open(path, "w") as f:
            json.dump(st, f)
    return rc


if __name__ == "__main__":
    sys.exit(main())
