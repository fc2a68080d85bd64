#!/usr/bin/env python3
"""Check an SSEM runner against expected results: our programs and the shared corpus.

usage: run_ref_tests.py --cmd "build/ssem-ref" [--corpus DIR] [--max-corpus-steps N]
                        [--long] [PROGRAM...]

--cmd is the command that runs one guest program: the reference interpreter, or the chip
harness with its own arguments (e.g. --cmd "build/cms-sim --quiet"). The runner
appends [--index N] [--stop-after N] --state-json TMPFILE PROGRAM and reads the JSON back.

1. Every PROGRAM (default tests/ssem/*.ssem) must carry one or more "; EXPECT ..." lines
   (format: tests/ssem/README.md). Each is one run from the initial image.
2. Every program of CORPUS/expected.json (runs["ci0=0"]): halted, steps, A, CI and the final
   store. A run that does not halt is compared after steps_cap steps (--stop-after).
   --max-corpus-steps N skips corpus runs longer than N steps (for slow runners).
   --long also runs babyutils_test_count31 to its STP (6,442,450,942 steps).
The corpus is skipped, with a message, when CORPUS is absent.

One line per test (PASS/FAIL/SKIP), then a summary; exit status 1 if any test failed.
"""
import argparse
import os
import shlex
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
from cmslib import (ROOT, DEFAULT_CORPUS, ST_HALTED, ST_LIMIT, Tally, corpus_records,  # noqa: E402
                    own_programs as default_programs, run_state as run)

RUN_KEYS = {"stop_after", "index"}
STATE_KEYS = {"halted", "steps", "A", "CI"}


def parse_expect(path):
    """[(lineno, {key: int})] from the '; EXPECT k=v ...' lines of a program file."""
    out = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for n, line in enumerate(f, 1):
            s = line.strip()
            if not s.startswith(";"):
                continue
            words = s[1:].split()
            if not words or words[0] != "EXPECT":
                continue
            d = {}
            for w in words[1:]:
                if "=" not in w:
                    raise ValueError(f"{path}:{n}: EXPECT item {w!r} is not key=value")
                k, v = w.split("=", 1)
                ok = k in RUN_KEYS or k in STATE_KEYS or k == "rest" or (
                    k.startswith("line") and k[4:].isdigit() and 0 <= int(k[4:]) <= 31)
                if not ok:
                    raise ValueError(f"{path}:{n}: unknown EXPECT key {k!r}")
                try:
                    d[k] = int(v, 0)
                except ValueError:
                    raise ValueError(f"{path}:{n}: bad number in {w!r}") from None
                if k in ("halted", "rest") and d[k] not in (0, 1):
                    raise ValueError(f"{path}:{n}: {k} must be 0 or 1")
            out.append((n, d))
    return out


def check_state(state, want):
    """List of differences between a JSON state and {key: value} (EXPECT keys)."""
    diffs = []
    for k in ("halted", "steps", "A", "CI"):
        if k in want:
            got = state.get(k)
            if k == "halted":
                got = None if got is None else int(bool(got))
            if got != want[k]:
                diffs.append(f"{k}={got} (want {want[k]})")
    store = state.get("store")
    named = set()
    for k, v in want.items():
        if k.startswith("line"):
            i = int(k[4:])
            named.add(i)
            got = store[i] if isinstance(store, list) and len(store) == 32 else None
            if got != v:
                diffs.append(f"line{i}={got} (want {v})")
    if want.get("rest") == 1 and isinstance(store, list):
        for i, v in enumerate(store):
            if i not in named and v != 0:
                diffs.append(f"line{i}={v} (want 0: not named by EXPECT, rest=1)")
    return diffs


def status_problem(rc, state, err):
    if rc is None:
        return err.strip()
    if state is None:
        return f"exit {rc}, no state JSON: {err.strip()[:300]}"
    want_rc = ST_HALTED if state.get("halted") else ST_LIMIT
    if rc != want_rc:
        return f"exit status {rc}, want {want_rc}: {err.strip()[:300]}"
    return None


def own_programs(cmd, programs, t):
    for prog in programs:
        name = os.path.relpath(prog, ROOT) if os.path.isabs(prog) else prog
        try:
            expects = parse_expect(prog)
        except (OSError, ValueError) as e:
            t.report("FAIL", name, str(e))
            continue
        if not expects:
            t.report("FAIL", name, "no '; EXPECT' line")
            continue
        for n, want in expects:
            label = f"{name}:{n}" + (f" (stop_after={want['stop_after']})"
                                     if "stop_after" in want else "")
            rc, state, err = run(cmd, prog, want.get("index"), want.get("stop_after"))
            why = status_problem(rc, state, err)
            if why is None:
                diffs = check_state(state, want)
                why = "; ".join(diffs) if diffs else None
            t.report("FAIL" if why else "PASS", label, why or "")


def corpus_programs(cmd, corpus, max_steps, long_run, t):
    records = corpus_records(corpus)
    if records is None:
        t.report("SKIP", "corpus", f"{corpus} not found (expected.json absent)")
        return
    for p in records:
        name = f"corpus:{p['id']}"
        r = p["run"]
        index, prog = p["index"], p["path"]
        stop = None if r["halted"] else r["steps_cap"]
        length = r["steps"] if r["halted"] else r["steps_cap"]
        if max_steps is not None and length > max_steps:
            t.report("SKIP", name, f"{length} steps > --max-corpus-steps {max_steps}")
            continue
        rc, state, err = run(cmd, prog, index, stop)
        why = status_problem(rc, state, err)
        if why is None:
            want = {"halted": int(r["halted"]), "steps": length, "A": r["A"], "CI": r["CI"]}
            want.update({f"line{i}": v for i, v in enumerate(r["final_mem"])})
            diffs = check_state(state, want)
            why = "; ".join(diffs[:6]) + (" ..." if len(diffs) > 6 else "") if diffs else None
        t.report("FAIL" if why else "PASS", name + ("" if r["halted"] else f" @{stop}"),
                 why or "")
        if p["id"] == "babyutils_test_count31":
            if not long_run:
                t.report("SKIP", name + " to STP", "6442450942 steps: run with --long")
                continue
            # The record holds the state at the cap only; the STP is 6,442,450,942 steps in.
            rc, state, err = run(cmd, prog, stop_after=7000000000, extra=["--max-steps", "7000000000"])
            why = status_problem(rc, state, err)
            if why is None:
                diffs = check_state(state, {"halted": 1, "steps": 6442450942})
                why = "; ".join(diffs) if diffs else None
            t.report("FAIL" if why else "PASS", name + " to STP", why or "")


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cmd", required=True, help="command that runs one program")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--max-corpus-steps", type=int, default=None)
    ap.add_argument("--long", action="store_true", help="also run count31 to its STP")
    ap.add_argument("--no-corpus", action="store_true")
    ap.add_argument("programs", nargs="*")
    a = ap.parse_args()
    cmd = shlex.split(a.cmd)
    programs = a.programs or default_programs()
    t = Tally()
    own_programs(cmd, programs, t)
    if not a.no_corpus:
        corpus_programs(cmd, a.corpus, a.max_corpus_steps, a.long, t)
    n = t.n
    print(f"test-ref: {n['PASS']} passed, {n['FAIL']} failed, {n['SKIP']} skipped")
    return 1 if n["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main())
