#!/usr/bin/env python3
"""Run Java programs on a JVM under test and compare with the real `java`, the oracle.

usage: run_jvm.py [--cmd TEMPLATE] [-j N] [--flavour 17|8|both] [--timeout S]
                  [--skip-refusals] [PROGRAM...]
       run_jvm.py --corpus DIR [--long | --long-only] [--cmd TEMPLATE] [-j N] [--flavour ...] [DRIVER...]

Programs (default: every tests/jvm/*.java; a PROGRAM is a path or a bare name such as Switches).
Each program's main class is named after its file. For each program and flavour:

  flavour 17: javac (17, class files version 61)   into build/jvm-tests/17/<Name>/
  flavour 8:  javac --release 8 (version 52)        into build/jvm-tests/8/<Name>/

(not recompiled when the classes are newer than the source), then the oracle
`java -XX:-ShowCodeDetailsInExceptionMessages -cp DIR Name [ARGS]` (the VM under test does not
make java 17's "helpful" NullPointerException messages) and the command under test, TEMPLATE
with {cp} and {main} replaced (default "build/cms-sim -cp {cp} {main}", the repository's
build/cms-sim whatever the current folder; e.g.
"build/jvm-host -cp {cp} {main}"); the program's arguments are appended. Compared: stdout byte
for byte, the exit status, and, when java ends with an uncaught exception, the first line of
stderr ("Exception in thread "main" java.lang.X: message").

Markers in a program's source, each on a line of its own:
  // args: A B C              the program's command-line arguments (split like a shell)
  // flavours: 17             the flavours the program is compiled in (default: 17 8), for a
                              program that needs a language feature newer than Java 8
  // expect: refused C.m      the VM must refuse the program before running it: exit status
                              EXIT_LOAD_ERROR (spec/chip.tbl) and a message on stderr naming
                              C.m (the class and method). java is not consulted.
--skip-refusals reports those as SKIP (for a command under test that is java itself).

Corpus mode (--corpus [DIR], DIR by default ../shared/jvm-corpus beside the repository): DIR/src and DIR/drivers are compiled
together with javac and with javac --release 8 (as DIR/build.sh does) into
build/jvm-corpus/17 and build/jvm-corpus/8, and each driver's stdout and exit status are
compared with DIR/expected.json. By default the short drivers run; --long runs the long ones
(LONG_DRIVERS) as well, --long-only the long ones alone; named DRIVERs run whatever their length.
When DIR/expected.json is absent the corpus is skipped, saying so.

One line per program and flavour (PASS/FAIL/SKIP, a short diff on FAIL), then a summary line;
exit status 0 only if nothing failed; 2 on a bad command line or a missing program; javac or
java missing is reported and exits 2.
"""
import argparse
import concurrent.futures
import difflib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(HERE))
import cmslib  # noqa: E402
from cmslib import ROOT, ST_LOAD_ERROR  # noqa: E402

BUILD = os.path.join(ROOT, "build")
DEFAULT_CMD = shlex.quote(os.path.join(BUILD, "cms-sim")) + " -cp {cp} {main}"
DEFAULT_JVM_CORPUS = os.path.join(ROOT, "..", "shared", "jvm-corpus")
FLAVOURS = {"17": [], "8": ["--release", "8"]}
# the corpus drivers that execute more than ~10 million bytecodes (the corpus README's table)
LONG_DRIVERS = {"RunControlFlowRecursive", "RunLogicAtom", "RunMethodAtom", "RunLoopAtom",
                "RunSieveAtom", "RunIntMM", "RunPuzzle"}
ORACLE_FLAGS = ["-XX:-ShowCodeDetailsInExceptionMessages"]
MARKER = re.compile(r"^\s*//\s*(args|expect|flavours):\s*(.*?)\s*$")
UNCAUGHT = "Exception in thread "

_print_lock = threading.Lock()


class Tally(cmslib.Tally):
    """cmslib's PASS/FAIL/SKIP lines, from several threads, remembering what failed."""

    def __init__(self):
        super().__init__()
        self.failed = []

    def report(self, verdict, name, why=""):
        with _print_lock:
            if verdict == "FAIL":
                self.failed.append(name)
            super().report(verdict, name, why)


def run(argv, timeout, cwd=None):
    """(exit status or None on a time-out, stdout bytes, stderr text)."""
    try:
        p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           stdin=subprocess.DEVNULL, timeout=timeout, cwd=cwd)
    except subprocess.TimeoutExpired:
        return None, b"", f"timed out after {timeout} s"
    except OSError as e:
        return None, b"", f"cannot run {argv[0]}: {e.strerror}"
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def markers(path):
    """{'args': [...], 'refused': 'C.m' or None, 'flavours': [...]} from a program's markers."""
    out = {"args": [], "refused": None, "flavours": list(FLAVOURS)}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            m = MARKER.match(line)
            if not m:
                continue
            key, val = m.groups()
            if key == "args":
                out["args"] = shlex.split(val)
            elif key == "flavours":
                out["flavours"] = val.split()
                if not out["flavours"] or any(f not in FLAVOURS for f in out["flavours"]):
                    raise ValueError(f"{path}:{n}: flavours must be among {' '.join(FLAVOURS)}")
            else:
                words = val.split()
                if len(words) != 2 or words[0] != "refused" or "." not in words[1]:
                    raise ValueError(f"{path}:{n}: expected '// expect: refused Class.method'")
                out["refused"] = words[1]
    return out


def newest_mtime(paths):
    return max(os.path.getmtime(p) for p in paths)


def compile_java(srcs, outdir, flavour, javac, lock_name):
    """javac [--release 8] -d outdir srcs unless outdir's stamp is newer than every source;
    None on success, else javac's message."""
    stamp = os.path.join(outdir, ".compiled")
    if os.path.exists(stamp) and os.path.getmtime(stamp) >= newest_mtime(srcs + [__file__]):
        return None
    if os.path.isdir(outdir):
        shutil.rmtree(outdir)
    os.makedirs(outdir)
    rc, out, err = run([javac] + FLAVOURS[flavour] + ["-encoding", "UTF-8", "-d", outdir] + srcs,
                       timeout=600)
    if rc != 0:
        return f"javac{' --release 8' if flavour == '8' else ''} failed ({lock_name}): " + \
            (err.strip() or out.decode("utf-8", "replace").strip() or f"exit {rc}")
    open(stamp, "w").close()
    return None


def cmd_argv(template, cp, main, args):
    """The command under test: TEMPLATE's words with {cp} and {main} replaced, then ARGS."""
    return [w.replace("{cp}", cp).replace("{main}", main) for w in shlex.split(template)] + args


def first_line(text):
    return text.splitlines()[0] if text.strip() else ""


def short_diff(want, got, limit=6):
    """A few lines of unified diff between two stdouts (bytes)."""
    a = want.decode("utf-8", "replace").splitlines(keepends=True)
    b = got.decode("utf-8", "replace").splitlines(keepends=True)
    lines = [ln.rstrip("\n") for ln in difflib.unified_diff(a, b, "java", "test", n=0)][2:]
    if not lines and want != got:  # differ only in a final newline or bytes decoded alike
        return [f"java {want[-40:]!r}", f"test {got[-40:]!r}"]
    more = len(lines) - limit
    return [repr(ln)[1:-1] for ln in lines[:limit]] + ([f"... {more} more lines"] if more > 0 else [])


def compare(want_rc, want_out, want_err, got_rc, got_out, got_err):
    """A list of differences (empty when the run matches)."""
    why = []
    if got_rc is None:
        return [got_err]
    if got_rc != want_rc:
        why.append(f"exit {got_rc}, java {want_rc}")
    if got_out != want_out:
        why.append("stdout differs: " + " | ".join(short_diff(want_out, got_out)))
    if want_err.startswith(UNCAUGHT) and first_line(got_err) != first_line(want_err):
        why.append(f"stderr {first_line(got_err)!r}, java {first_line(want_err)!r}")
    elif why and got_err.strip():
        why.append(f"stderr: {first_line(got_err)[:200]}")
    return why


def program_job(src, flavour, opts, tally):
    name = os.path.splitext(os.path.basename(src))[0]
    label = f"jvm/{flavour}/{name}"
    try:
        mk = markers(src)
    except (OSError, UnicodeDecodeError, ValueError) as e:
        tally.report("FAIL", label, str(e))
        return
    if flavour not in mk["flavours"]:
        tally.report("SKIP", label, f"Java {flavour} lacks a feature it uses (// flavours:)")
        return
    cp = os.path.join(BUILD, "jvm-tests", flavour, name)
    err = compile_java([src], cp, flavour, opts.javac, name)
    if err:
        tally.report("FAIL", label, err.splitlines()[0] if len(err) < 300 else err[:300])
        return
    argv = cmd_argv(opts.cmd, cp, name, mk["args"])
    if mk["refused"]:
        if opts.skip_refusals:
            tally.report("SKIP", label, f"expected refusal ({mk['refused']}) not checked")
            return
        rc, out, errtext = run(argv, opts.timeout)
        why = []
        if rc != ST_LOAD_ERROR:
            why.append(f"exit {rc}, expected {ST_LOAD_ERROR} (refused)")
        if mk["refused"] not in errtext:
            why.append(f"stderr does not name {mk['refused']}: {first_line(errtext)[:200]!r}")
        if out:
            why.append(f"stdout not empty: {out[:60]!r}")
        tally.report("FAIL" if why else "PASS", label, "; ".join(why))
        return
    want_rc, want_out, want_err = run([opts.java] + ORACLE_FLAGS + ["-cp", cp, name] + mk["args"],
                                      opts.timeout)
    if want_rc is None:
        tally.report("FAIL", label, f"oracle: {want_err}")
        return
    if want_rc != 0 and not want_err.startswith(UNCAUGHT) and want_err.strip() \
            and "Error:" in first_line(want_err):  # java itself could not run it
        tally.report("FAIL", label, f"oracle java failed: {first_line(want_err)}")
        return
    got = run(argv, opts.timeout)
    why = compare(want_rc, want_out, want_err, *got)
    tally.report("FAIL" if why else "PASS", label, "; ".join(why))


def find_programs(names):
    if not names:
        return sorted(os.path.join(HERE, f) for f in os.listdir(HERE) if f.endswith(".java"))
    out = []
    for n in names:
        p = n if n.endswith(".java") else os.path.join(HERE, n + ".java")
        if not os.path.isfile(p):
            raise FileNotFoundError(f"no program {n} ({p} not found)")
        out.append(os.path.abspath(p))
    return out


def corpus_jobs(opts, tally, pool):
    """The corpus's drivers as jobs; None when the corpus is absent (after saying so)."""
    corpus = os.path.abspath(opts.corpus)
    exp = os.path.join(corpus, "expected.json")
    if not os.path.isfile(exp):
        tally.report("SKIP", "jvm-corpus", f"{corpus}: expected.json not found (corpus absent)")
        return []
    with open(exp) as f:
        expected = json.load(f)
    srcs = sorted(os.path.join(d, f) for top in ("src", "drivers")
                  for d, _, fs in os.walk(os.path.join(corpus, top)) for f in fs
                  if f.endswith(".java"))
    drivers = sorted(os.path.splitext(f)[0] for f in os.listdir(os.path.join(corpus, "drivers"))
                     if f.endswith(".java"))
    if opts.programs:
        unknown = [n for n in opts.programs if n not in drivers]
        if unknown:
            raise FileNotFoundError(f"no corpus driver {', '.join(unknown)} in {corpus}/drivers")
        drivers = opts.programs
    jobs = []
    for flavour in opts.flavours:
        cp = os.path.join(BUILD, "jvm-corpus", flavour)
        err = compile_java(srcs, cp, flavour, opts.javac, "corpus")
        for d in drivers:
            label = f"corpus/{flavour}/{d}"
            if err:
                tally.report("FAIL", label, err.splitlines()[0])
            elif d not in expected:
                tally.report("FAIL", label, "no record in expected.json")
            elif opts.programs or (opts.long if d in LONG_DRIVERS else not opts.long_only):
                jobs.append(pool.submit(corpus_job, d, cp, expected[d], label, opts, tally))
            elif d in LONG_DRIVERS:
                tally.report("SKIP", label, "long (--long runs it)")
    return jobs


def corpus_job(driver, cp, rec, label, opts, tally):
    got = run(cmd_argv(opts.cmd, cp, driver, []), opts.timeout)
    why = compare(rec["exit"], rec["stdout"].encode(), "", *got)
    tally.report("FAIL" if why else "PASS", label, "; ".join(why))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 epilog="Details: the top of this file and docs/testing.md.")
    ap.add_argument("--cmd", default=DEFAULT_CMD,
                    help=f"command under test, with {{cp}} and {{main}} (default {DEFAULT_CMD!r})")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                    help="runs in parallel (default: every core)")
    ap.add_argument("--flavour", choices=("17", "8", "both"), default="both",
                    help="javac 17's class files, --release 8's, or both (default)")
    ap.add_argument("--timeout", type=float, default=600, help="seconds per run (default 600)")
    ap.add_argument("--skip-refusals", action="store_true",
                    help="report the expected-refusal programs as SKIP")
    ap.add_argument("--corpus", nargs="?", const=DEFAULT_JVM_CORPUS, metavar="DIR",
                    help="corpus mode: the folder of the JVM corpus (default ../shared/jvm-corpus)")
    ap.add_argument("--long", action="store_true", help="corpus mode: the long drivers too")
    ap.add_argument("--long-only", action="store_true", help="corpus mode: the long drivers alone")
    ap.add_argument("--javac", default=os.environ.get("JAVAC", "javac"), help="javac 17 ($JAVAC)")
    ap.add_argument("--java", default=os.environ.get("JAVA", "java"), help="the oracle ($JAVA)")
    ap.add_argument("programs", nargs="*", metavar="PROGRAM",
                    help="tests/jvm programs (Name or path; default all), or corpus drivers (RunName)")
    opts = ap.parse_args()
    if opts.jobs < 1:
        ap.error("-j must be at least 1")
    if opts.timeout <= 0:
        ap.error("--timeout must be positive")
    if (opts.long or opts.long_only) and not opts.corpus:
        ap.error("--long and --long-only need --corpus")
    opts.long = opts.long or opts.long_only
    try:
        shlex.split(opts.cmd)
    except ValueError as e:
        ap.error(f"--cmd: {e}")
    opts.flavours = ["17", "8"] if opts.flavour == "both" else [opts.flavour]
    for tool in (opts.javac, opts.java):
        if shutil.which(tool) is None:
            print(f"run_jvm.py: {tool} not found (JDK 17 is needed: javac and java)", file=sys.stderr)
            return 2
    exe = shlex.split(opts.cmd)[0]
    if shutil.which(exe) is None and not os.path.exists(exe):
        print(f"run_jvm.py: the command under test {exe!r} does not exist", file=sys.stderr)
        return 2

    tally = Tally()
    what = "jvm-corpus" if opts.corpus else "jvm"
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=opts.jobs) as pool:
            if opts.corpus:
                jobs = corpus_jobs(opts, tally, pool)
            else:
                jobs = [pool.submit(program_job, src, fl, opts, tally)
                        for src in find_programs(opts.programs) for fl in opts.flavours]
            for j in jobs:
                j.result()
    except FileNotFoundError as e:
        print(f"run_jvm.py: {e}", file=sys.stderr)
        return 2
    n = tally.n
    print(f"test-{what}: {n['PASS']} passed, {n['FAIL']} failed, {n['SKIP']} skipped"
          + (f" (failed: {' '.join(sorted(tally.failed))})" if tally.failed else ""))
    return 1 if n["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main())
