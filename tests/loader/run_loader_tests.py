#!/usr/bin/env python3
"""Loader and command-line tests for build/ssem-ref (make test-loader).

usage: run_loader_tests.py --cmd build/ssem-ref [--corpus DIR]

1. bad/: every malformed file listed in bad_cases.txt must be refused with exit status 3 and
   "bad/FILE:LINE: ..." on stderr containing the listed phrase; every file in bad/ must be
   listed. Also a missing file and a directory.
2. good/: every "; EXPECT" line (format: tests/ssem/README.md) must hold; these check the image
   as loaded (stop_after=0).
3. The command line: usage errors exit with 64 and say why; --help, --crt, --answer, --quiet,
   --state-json, --opt=value.
4. The corpus (skipped, saying so, when absent): every file of expected.json, loaded with its
   format's program index, must give exactly its initial_mem; so must every normalized/*.hex.

One line per test (PASS/FAIL/SKIP), then a summary; exit status 1 if any test failed.
"""
import argparse
import json
import os
import shlex
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(HERE))
import run_ref_tests as rr  # noqa: E402  (tests/run_ref_tests.py: EXPECT parsing)
from cmslib import (ROOT, DEFAULT_CORPUS, ST_LIMIT, ST_LOAD_ERROR, ST_USAGE, Tally,  # noqa: E402
                    corpus_records, defs, run_state, sh)


def rel(path):
    return os.path.relpath(path, ROOT)


def bad_cases(cmd, t):
    table = os.path.join(HERE, "bad_cases.txt")
    listed = set()
    with open(table) as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            parts = [x.strip() for x in line.rstrip("\n").split("|")]
            if len(parts) != 4 or not parts[1].isdigit():
                t.report("FAIL", f"{rel(table)}:{n}", "expected 'file | line | args | phrase'")
                continue
            name, lineno, args, phrase = parts
            listed.add(name)
            path = os.path.join("tests", "loader", "bad", name)
            if not os.path.exists(os.path.join(ROOT, path)):
                t.report("FAIL", f"bad/{name}", "file missing")
                continue
            rc, _, err = sh(cmd, shlex.split(args) + [path])
            where = f"{path}:{lineno}: "
            why = None
            if rc != ST_LOAD_ERROR:
                why = f"exit status {rc}, want {ST_LOAD_ERROR}"
            elif not err.startswith(where):
                why = f"message does not start with {where!r}: {err.strip()!r}"
            elif phrase not in err:
                why = f"message lacks {phrase!r}: {err.strip()!r}"
            elif err.count("\n") != 1:
                why = f"want exactly one line on stderr: {err!r}"
            t.report("FAIL" if why else "PASS", f"bad/{name}", why or err.strip()[len(where):])
    for name in sorted(os.listdir(os.path.join(HERE, "bad"))):
        if name not in listed:
            t.report("FAIL", f"bad/{name}", "not listed in bad_cases.txt")

    for label, path, phrase in (
            ("missing file", "tests/loader/bad/no-such-file.ssem", "cannot open"),
            ("directory", "tests/loader/bad", "cannot read")):
        rc, _, err = sh(cmd, [path])
        why = None
        if rc != ST_LOAD_ERROR:
            why = f"exit status {rc}, want {ST_LOAD_ERROR}"
        elif not err.startswith(f"{path}:0: ") or phrase not in err:
            why = f"want '{path}:0: ...{phrase}...', got {err.strip()!r}"
        t.report("FAIL" if why else "PASS", label, why or err.strip())


def good_files(cmd, t):
    d = os.path.join(HERE, "good")
    for name in sorted(os.listdir(d)):
        path = os.path.join("tests", "loader", "good", name)
        try:
            expects = rr.parse_expect(os.path.join(ROOT, path))
        except (OSError, ValueError) as e:
            t.report("FAIL", f"good/{name}", str(e))
            continue
        if not expects:
            t.report("FAIL", f"good/{name}", "no '; EXPECT' line")
        for n, want in expects:
            rc, state, err = rr.run(cmd, path, want.get("index"), want.get("stop_after"))
            why = rr.status_problem(rc, state, err)
            if why is None:
                diffs = rr.check_state(state, want)
                why = "; ".join(diffs) if diffs else None
            t.report("FAIL" if why else "PASS", f"good/{name}:{n}", why or "")


def usage_errors(cmd, t):
    prog = "tests/loader/good/crlf.ssem"
    cases = [
        ([], "no PROGRAM given"),
        (["--bogus", prog], "unknown option '--bogus'"),
        (["-x", prog], "unknown option '-x'"),
        ([prog, "--stop-after"], "option '--stop-after' needs a value"),
        (["--stop-after", "x", prog], "bad number for --stop-after: 'x'"),
        (["--stop-after", "0x", prog], "bad number for --stop-after: '0x'"),
        (["--stop-after", "+5", prog], "bad number for --stop-after"),
        (["--stop-after", "-1", prog], "bad number for --stop-after"),
        (["--stop-after", "", prog], "bad number for --stop-after"),
        (["--stop-after", "18446744073709551616", prog], "bad number for --stop-after"),
        (["--max-steps", "1e9", prog], "bad number for --max-steps: '1e9'"),
        (["--max-steps=0x1g", prog], "bad number for --max-steps: '0x1g'"),
        (["--max", "5", prog], "unknown option '--max'"),
        (["--index", "abc", prog], "bad program index"),
        (["--index", "1000001", prog], "bad program index"),
        (["--answer", "32", prog], "bad store line for --answer: '32'"),
        (["--crt=1", prog], "option '--crt' takes no value"),
        (["--state-json", "", prog], "needs a file name"),
        (["--trace", prog], "for the chip harness"),
        (["--stats", prog], "for the chip harness"),
        (["--max-cycles", "100", prog], "for the chip harness"),
        (["--firmware", "x.elf", prog], "for the chip harness"),
        (["--irq-at", "100", prog], "for the chip harness"),
        (["--boot-image", "x.hex", prog], "for the chip harness"),
        (["--slots", "2", prog], "is for cms-bootimg"),
        (["--state-json", prog, prog], "--state-json " + prog + ": is the program file"),
        (["--state-json", "tests/loader", prog], "is a directory"),
        (["--state-json", "no-such-dir/x.json", prog], "directory no-such-dir"),
        ([prog, prog], "more than one PROGRAM"),
    ]
    for args, phrase in cases:
        rc, out, err = sh(cmd, args)
        why = None
        if rc != ST_USAGE:
            why = f"exit status {rc}, want {ST_USAGE}"
        elif phrase not in err:
            why = f"stderr lacks {phrase!r}: {err.strip()!r}"
        elif out:
            why = f"printed on stdout: {out!r}"
        t.report("FAIL" if why else "PASS", "usage " + " ".join(shlex.quote(a) for a in args),
                 why or err.splitlines()[0])


def cli_output(cmd, t):
    prog = "tests/loader/good/crlf.ssem"  # LDN 20 / STP / line 20 = 5: halts after 2 steps

    def check(label, args, want_rc, test):
        rc, out, err = sh(cmd, args)
        why = None
        if rc != want_rc:
            why = f"exit status {rc}, want {want_rc}: {err.strip()!r}"
        else:
            why = test(out, err)
        t.report("FAIL" if why else "PASS", label, why or "")

    def help_ok(out, err):
        return None if out.startswith("usage:") and "--stop-after" in out else f"got {out!r}"

    def crt_ok(out, err):
        rows = out.splitlines()
        if len(rows) != 32:
            return f"want 32 rows, got {len(rows)}"
        want = {1: 16404, 2: 57344, 20: 5}
        for i, r in enumerate(rows):
            bits, _, val = r.partition(" ")
            w = want.get(i, 0)
            exp = "".join("#" if (w >> b) & 1 else "." for b in range(32))
            if bits != exp or val != str(w):
                return f"row {i}: {r!r}, want {exp + ' ' + str(w)!r}"
        return None

    def answer_ok(out, err):
        return None if out == "answer: store line 20 = 5\n" else f"got {out!r}"

    def summary_ok(out, err):
        return None if out == "halted after 2 steps: A=-5 CI=2\n" else f"got {out!r}"

    def limit_ok(out, err):
        return None if out.startswith("stopped after 1 steps") else f"got {out!r}"

    def json_ok(out, err):
        try:
            s = json.loads(out)
        except ValueError as e:
            return f"not JSON ({e}): {out!r}"
        want = {"A": -5, "CI": 2, "steps": 2, "halted": True}
        if any(s.get(k) != v for k, v in want.items()) or len(s.get("store", [])) != 32:
            return f"got {out!r}"
        return None

    check("--help", ["--help"], 0, help_ok)
    check("--crt", ["--quiet", "--crt", "--stop-after", "0", prog], ST_LIMIT, crt_ok)
    check("--answer", ["--quiet", "--answer", "20", prog], 0, answer_ok)
    check("summary line", [prog], 0, summary_ok)
    check("--stop-after=1", ["--stop-after=1", prog], ST_LIMIT, limit_ok)
    check("--max-steps 1", ["--max-steps", "1", prog], ST_LIMIT, limit_ok)
    check("--stop-after=0x1 (hex)", ["--stop-after=0x1", prog], ST_LIMIT, limit_ok)
    check("--stop=1 (a prefix)", ["--stop=1", prog], ST_LIMIT, limit_ok)
    check("-h", ["-h"], 0, help_ok)

    def default_limit_ok(out, err):
        want = f"stopped after {defs.DEFAULT_MAX_STEPS} steps (--max-steps limit)"
        return None if out.startswith(want) else f"got {out!r}, want {want!r}"

    # a limit always applies: --stop-after 2^64-1 stops at the default --max-steps
    check("--stop-after 2^64-1 stops at the default --max-steps",
          ["--stop-after", str(2**64 - 1), "tests/ssem/never_halts.ssem"], ST_LIMIT, default_limit_ok)
    check("--state-json -", ["--quiet", "--state-json", "-", prog], 0, json_ok)

    def json_and_summary_ok(out, err):
        return json_ok(out, err) or (None if err == "halted after 2 steps: A=-5 CI=2\n"
                                     else f"stderr {err!r}")

    check("--state-json - moves the rest to stderr", ["--state-json", "-", prog], 0,
          json_and_summary_ok)
    check("options after PROGRAM", [prog, "--quiet", "--state-json=-"], 0, json_ok)
    check("-- ends options", ["--quiet", "--state-json", "-", "--", prog], 0, json_ok)


def corpus(cmd, corpus_dir, t):
    records = corpus_records(corpus_dir)
    if records is None:
        t.report("SKIP", "corpus", f"{corpus_dir} not found (expected.json absent)")
        return
    for p in records:
        fmt = p["format"]
        for label, path, idx in ((f"load {p['id']} ({fmt})", p["path"], p["index"]),
                                 (f"load {p['id']} (normalized hex)", p["normalized"], None)):
            if not path:
                continue
            rc, state, err = run_state(cmd, path, idx, 0)
            why = None
            if rc != ST_LIMIT or state is None:
                why = f"exit status {rc}: {err.strip()!r}"
            elif state.get("store") != p["initial_mem"]:
                bad = [i for i, (a, b) in enumerate(zip(state["store"], p["initial_mem"]))
                       if a != b]
                why = f"store differs from initial_mem at lines {bad}"
            t.report("FAIL" if why else "PASS", label, why or "")


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cmd", required=True)
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    a = ap.parse_args()
    cmd = shlex.split(a.cmd)
    cmd[0] = os.path.abspath(cmd[0]) if os.path.exists(cmd[0]) else cmd[0]
    corpus_dir = os.path.abspath(a.corpus)
    os.chdir(ROOT)  # messages name files relative to the repository root
    t = Tally()
    bad_cases(cmd, t)
    good_files(cmd, t)
    usage_errors(cmd, t)
    cli_output(cmd, t)
    corpus(cmd, corpus_dir, t)
    n = t.n
    print(f"test-loader: {n['PASS']} passed, {n['FAIL']} failed, {n['SKIP']} skipped")
    return 1 if n["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main())
