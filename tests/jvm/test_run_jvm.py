#!/usr/bin/env python3
"""Check run_jvm.py itself: that it passes a faithful JVM and catches unfaithful ones.

usage: test_run_jvm.py [--javac JAVAC] [--java JAVA]

The JVMs under test here are java itself and java behind a wrapper (this file, run as
`test_run_jvm.py --fake MODE -- java ...`) that spoils one thing: drops stdout's last line,
changes the exit status, changes the first line of stderr, refuses every program (with or
without naming the method), or hangs (past --timeout). Each case runs run_jvm.py on one or two programs in the javac 17
flavour and checks its verdict lines and exit status. Also: bad command lines exit 2 with a
message, and an absent corpus is a SKIP. One PASS/FAIL line per check, a summary; exit 1 on a
failure.
"""
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
RUNNER = os.path.join(HERE, "run_jvm.py")
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(HERE))
from cmslib import ROOT, ST_LOAD_ERROR, Tally  # noqa: E402

CORPUS = os.path.join(ROOT, "..", "shared", "jvm-corpus")


def fake(mode, argv):
    """Run argv (java ...) and spoil its result as MODE says."""
    if mode.startswith("refuse"):
        main = argv[-1]
        who = f"{main}.main([Ljava/lang/String;)V" if mode == "refuse-named" else "something"
        print(f"{who} at 5: invokedynamic: not supported", file=sys.stderr)
        return ST_LOAD_ERROR
    if mode == "hang":
        time.sleep(60)
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err, rc = p.stdout, p.stderr, p.returncode
    if mode == "drop-line":
        out = b"".join(out.splitlines(keepends=True)[:-1])
    elif mode == "exit":
        rc = rc + 1
    elif mode == "stderr":
        err = err.replace(b"java.lang.", b"java.lang.Not", 1)
    sys.stdout.buffer.write(out)
    sys.stderr.buffer.write(err)
    return rc


def main():
    args = sys.argv[1:]
    if args[:1] == ["--fake"]:
        return fake(args[1], args[3:])
    javac = args[args.index("--javac") + 1] if "--javac" in args else "javac"
    java = args[args.index("--java") + 1] if "--java" in args else "java"
    me = f"{sys.executable} {os.path.abspath(__file__)} --fake"
    real = f"{java} -cp {{cp}} {{main}}"
    tally = Tally()

    def check(name, cmd_args, want_rc, want_lines=(), unwanted=()):
        p = subprocess.run([sys.executable, RUNNER, "--javac", javac, "--java", java, "--flavour", "17"]
                           + cmd_args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        missing = [w for w in want_lines if not any(ln.startswith(w) for ln in p.stdout.splitlines())]
        present = [u for u in unwanted if u in p.stdout]
        why = []
        if p.returncode != want_rc:
            why.append(f"exit {p.returncode}, want {want_rc}")
        if missing:
            why.append(f"no line starting {missing}")
        if present:
            why.append(f"unexpected {present}")
        tally.expect(f"run_jvm/{name}", not why, "; ".join(why) + " -- output: " + p.stdout.strip()[-300:])

    check("faithful", ["--cmd", real, "--skip-refusals", "IntArith", "UncaughtCause", "ExitNegative",
                       "LambdaRefused"], 0,
          ["PASS jvm/17/IntArith", "PASS jvm/17/UncaughtCause", "PASS jvm/17/ExitNegative",
           "SKIP jvm/17/LambdaRefused"], ["FAIL"])
    check("refusal-not-refused", ["--cmd", real, "LambdaRefused"], 1,
          ["FAIL jvm/17/LambdaRefused: exit 0, expected 3"])
    check("drop-line", ["--cmd", f"{me} drop-line -- {real}", "Switches", "PrintTypes"], 1,
          ["FAIL jvm/17/Switches: stdout differs", "FAIL jvm/17/PrintTypes: stdout differs"])
    check("exit", ["--cmd", f"{me} exit -- {real}", "ExitFortyTwo", "UncaughtArith"], 1,
          ["FAIL jvm/17/ExitFortyTwo: exit 43, java 42", "FAIL jvm/17/UncaughtArith: exit 2, java 1"])
    check("stderr", ["--cmd", f"{me} stderr -- {real}", "UncaughtArith", "Strings"], 1,
          ["FAIL jvm/17/UncaughtArith: stderr", "PASS jvm/17/Strings"])
    check("refused-named", ["--cmd", f"{me} refuse-named -- {real}", "LambdaRefused", "Loops"], 1,
          ["PASS jvm/17/LambdaRefused", "FAIL jvm/17/Loops: exit 3, java 0"])
    check("refused-unnamed", ["--cmd", f"{me} refuse-unnamed -- {real}", "LambdaRefused"], 1,
          ["FAIL jvm/17/LambdaRefused: stderr does not name LambdaRefused.main"])
    check("time-out", ["--cmd", f"{me} hang -- {real}", "--timeout", "2", "Hello"], 1,
          ["FAIL jvm/17/Hello: timed out after 2"])
    check("unknown-program", ["--cmd", real, "NoSuchProgram"], 2, ["run_jvm.py: no program NoSuchProgram"])
    check("missing-command", ["--cmd", "build/no-such-vm -cp {cp} {main}"], 2,
          ["run_jvm.py: the command under test"])
    check("bad-jobs", ["--cmd", real, "-j", "0"], 2, ["usage:"])
    check("unbalanced-quote", ["--cmd", "java 'oops"], 2, ["usage:"])
    check("corpus-absent", ["--cmd", real, "--corpus", os.path.join(HERE, "no-such-corpus")], 0,
          ["SKIP jvm-corpus:"])
    if os.path.isfile(os.path.join(CORPUS, "expected.json")):
        check("unknown-driver", ["--cmd", real, "--corpus", CORPUS, "RunNothing"], 2,
              ["run_jvm.py: no corpus driver RunNothing"])
    n = tally.n
    print(f"test-jvm (runner): {n['PASS']} passed, {n['FAIL']} failed")
    return 1 if n["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main())
