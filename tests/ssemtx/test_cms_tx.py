#!/usr/bin/env python3
"""test_cms_tx.py -- build/cms-tx's command line (make test-ssemtx): usage errors exit 64, an
unloadable program 3, and for Kilburn's program the region of its inner loop, both IR forms,
bundles and metadata are printed."""
import subprocess
import sys

cmd = sys.argv[1]
fails = 0
checks = 0


def run(args):
    p = subprocess.run([cmd] + args, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def check(cond, what):
    global fails, checks
    checks += 1
    if not cond:
        fails += 1
        print("FAIL:", what)


for args in ([], ["--slots", "3", "tests/ssem/kilburn.ssem"], ["--entry", "32", "tests/ssem/kilburn.ssem"],
             ["--bogus", "tests/ssem/kilburn.ssem"], ["a.ssem", "b.ssem"], ["--slots"]):
    rc, out, err = run(args)
    check(rc == 64 and "Try" in err, "usage error %r: exit %d" % (args, rc))
rc, out, err = run(["/nonexistent/prog.ssem"])
check(rc == 3 and "cms-tx:" in err, "unloadable program: exit %d" % rc)
rc, out, err = run(["--help"])
check(rc == 0 and "usage:" in out, "--help")
for slots in ("2", "4"):
    rc, out, err = run(["tests/ssem/kilburn.ssem", "--slots", slots, "--entry", "6"])
    check(rc == 0, "kilburn slots %s: exit %d %s" % (slots, rc, err))
    check("region: entry line 6, lines 5 6 7 8 9 10 11 12 14 15 16 17 18 19" in out, "kilburn region")
    check("-- IR before optimization" in out and "-- IR after optimization" in out, "IR printed")
    check("v1 = ld m27" in out and "A = sub A, m27" in out, "IR lines")
    # the inner loop's test: bmi beside its sub on SLOTS=4; on SLOTS=2 the sub and the budget
    # flag fill the first bundle, so the branch stays a blt of the result in the next
    want = "| sub x1, x1, x6      | nop                 | bmi x1, x6," if slots == "4" else "| blt x1, x0,"
    check("-- bundles" in out and want in out, "bundles: %r" % want)
    check("cached: TR4=line 25 TR5=line 26 TR6=line 27" in out, "metadata")
    check("operations per bundle" in out, "statistics")
    check(out.count("==== region") == 1, "--entry: one region")
rc, out, err = run(["tests/ssem/kilburn.ssem", "--profile-steps", "1000"])
check(rc == 0 and "profile: 1000 steps" in out and out.count("==== region") >= 1, "default: regions by heat")
print("test_cms_tx: %d checks, %d failed" % (checks, fails))
sys.exit(1 if fails else 0)
