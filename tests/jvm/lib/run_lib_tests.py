#!/usr/bin/env python3
"""run_lib_tests.py [options] Prog.java ... -- the class library's programs, java as the oracle.

Each program is compiled by javac twice, as javac 17 compiles it (string + through
invokedynamic) and with --release 8 (string + as StringBuilder calls), into --build. Each flavour
runs on `java`: its exit status must be the one the program's `// EXIT: n` line states (0
without one), which shows the program itself is right. Then, when the command under test can run
Java, it runs the same classes and its standard output and exit status must equal java's byte for
byte (and its standard error too for a program with a `// STDERR` line: only programs whose
traces stay in their own code can ask that, since the library's line numbers are not java's).
A program using API newer than Java 8 says `// FLAVOURS: 17` (only that flavour is built).

The command under test: --vm "CMD" (the class path and main class are appended, or put where
CMD says {cp} and {main}), or --sim PATH: PATH -cp DIR MAIN when PATH exists and its --help
mentions -cp; otherwise every comparison is skipped, saying why. One PASS, FAIL or SKIP line per
program and flavour, then a summary; exit 0 when nothing failed."""
import argparse
import os
import re
import shlex
import subprocess
import sys

JAVA_FLAGS = ["-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8",
              "-Xss4m"]
FLAVOURS = (("17", []), ("8", ["--release", "8"]))


def run(cmd, timeout):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return None, b"", b"timed out after %d s" % timeout
    except OSError as e:
        return None, b"", str(e).encode()


def vm_command(a):
    """(template list, None) or (None, why it is skipped)"""
    if a.vm:
        t = shlex.split(a.vm)
        if "{cp}" not in a.vm:
            t += ["-cp", "{cp}", "{main}"]
        return t, None
    if not os.access(a.sim, os.X_OK):
        return None, "%s is not built" % a.sim
    rc, out, err = run([a.sim, "--help"], 60)
    if not re.search(rb"(^|\s)-cp\b", out + err):
        return None, "%s does not take Java programs yet (no -cp in its --help)" % a.sim
    return [a.sim, "-cp", "{cp}", "{main}"], None


def first_diff(x, y):
    for i in range(min(len(x), len(y))):
        if x[i] != y[i]:
            break
    else:
        i = min(len(x), len(y))
    line = x[:i].count(b"\n") + 1
    return "byte %d (line %d): java %r, vm %r" % (i, line, x[i:i + 40], y[i:i + 40])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", required=True, help="folder for the compiled programs")
    ap.add_argument("--java", default="java")
    ap.add_argument("--javac", default="javac")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--vm", help="the command under test")
    g.add_argument("--sim", default="build/cms-sim")
    ap.add_argument("--timeout", type=int, default=600, help="seconds per run under test")
    ap.add_argument("programs", nargs="+")
    a = ap.parse_args()

    template, why = vm_command(a)
    if why:
        print("note: comparisons skipped: " + why)
    npass = nfail = nskip = 0
    for src in a.programs:
        name = os.path.splitext(os.path.basename(src))[0]
        text = open(src, encoding="utf-8").read()
        m = re.search(r"^// EXIT: (\d+)$", text, re.M)
        want_rc = int(m.group(1)) if m else 0
        cmp_err = re.search(r"^// STDERR$", text, re.M) is not None
        m = re.search(r"^// FLAVOURS: (.*)$", text, re.M)
        wanted = m.group(1).split() if m else [f for f, _ in FLAVOURS]
        for flavour, flags in FLAVOURS:
            if flavour not in wanted:
                continue
            label = "%s (javac %s)" % (name, flavour)
            out_dir = os.path.join(a.build, flavour, name)
            os.makedirs(out_dir, exist_ok=True)
            rc, out, err = run([a.javac, "-encoding", "UTF-8", "-g"] + flags + ["-d", out_dir, src], 300)
            if rc != 0:
                print("FAIL %s: javac: %s" % (label, (err or out).decode(errors="replace").strip()))
                nfail += 1
                continue
            jrc, jout, jerr = run([a.java] + JAVA_FLAGS + ["-cp", out_dir, name], 300)
            if jrc != want_rc:
                print("FAIL %s: java exits %s, the program says %d: %s"
                      % (label, jrc, want_rc, jerr.decode(errors="replace").strip()[-400:]))
                nfail += 1
                continue
            if template is None:
                print("SKIP %s: java ran it (exit %d, %d bytes of output); %s" % (label, jrc, len(jout), why))
                nskip += 1
                continue
            cmd = [t.replace("{cp}", out_dir).replace("{main}", name) for t in template]
            vrc, vout, verr = run(cmd, a.timeout)
            problems = []
            if vrc != jrc:
                problems.append("exit status %s, java's %d" % (vrc, jrc))
            if vout != jout:
                problems.append("stdout differs at " + first_diff(jout, vout))
            if cmp_err and verr != jerr:
                problems.append("stderr differs at " + first_diff(jerr, verr))
            if problems:
                print("FAIL %s: %s" % (label, "; ".join(problems)))
                if verr and not cmp_err:
                    print("     its stderr: " + verr.decode(errors="replace").strip()[-400:])
                nfail += 1
            else:
                print("PASS %s" % label)
                npass += 1
    print("run_lib_tests: %d passed, %d failed, %d skipped" % (npass, nfail, nskip))
    return 1 if nfail else 0


if __name__ == "__main__":
    sys.exit(main())
