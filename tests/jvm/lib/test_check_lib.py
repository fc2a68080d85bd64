#!/usr/bin/env python3
"""test_check_lib.py --lib DIR --natives natives.def --image-h image.h --tmp DIR [--javac javac]

check_lib.py must refuse what it exists to refuse: a copy of the built library with one class
added (a float local, a double field, a native method natives.def does not list) and three
removed or changed (VM, whose natives natives.def lists, a well-known class, String.hash) gives
each expected FAIL line and exit status 1, while the library itself passes. (An invokedynamic
cannot be compiled against the library: it has no java.lang.invoke.) One PASS/FAIL line per case, a summary, exit 0 when all pass."""
import argparse
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

BAD = """package java.lang;
public class Mutant {
    static double d;
    static native void zap();
    static int f(int x) { float y = x; return (int) (y * 2); }
}
"""
# a String with value only
STRING = """package java.lang;
public final class String {
    private final char[] value;
    String(char[] v) { value = v; }
}
"""
EXPECT = [
    "field d D is float or double",
    "native method zap()V is not in",
    "float/double opcode 0x86",
    "jvm/natives.def: java/lang/VM.gc()V is not declared native in the library",
    "well-known class java/lang/NoClassDefFoundError is not in the library",
    "java/lang/String: no instance field hash I",
    "java/lang/VM: no static void uncaught(Throwable)",
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lib", required=True)
    ap.add_argument("--natives", required=True)
    ap.add_argument("--image-h", required=True)
    ap.add_argument("--tmp", required=True)
    ap.add_argument("--javac", default="javac")
    a = ap.parse_args()
    check = [sys.executable, os.path.join(HERE, "check_lib.py"), "--natives", a.natives, "--image-h", a.image_h]
    fails = 0

    p = subprocess.run(check + ["--lib", a.lib], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if p.returncode == 0:
        print("PASS the library passes check_lib")
    else:
        print("FAIL the library fails check_lib:\n" + p.stdout.decode(errors="replace"))
        fails += 1

    shutil.rmtree(a.tmp, ignore_errors=True)
    lib = os.path.join(a.tmp, "lib")
    shutil.copytree(a.lib, lib)
    src = os.path.join(a.tmp, "src", "java", "lang")
    os.makedirs(src)
    with open(os.path.join(src, "Mutant.java"), "w") as f:
        f.write(BAD)
    with open(os.path.join(src, "String.java"), "w") as f:
        f.write(STRING)
    p = subprocess.run([a.javac, "-nowarn", "-source", "8", "-target", "8", "-bootclasspath", lib, "-d", lib,
                        os.path.join(src, "Mutant.java"), os.path.join(src, "String.java")],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if p.returncode != 0:
        print("FAIL the mutant library does not compile:\n" + p.stdout.decode(errors="replace"))
        return 1
    os.remove(os.path.join(lib, "java", "lang", "NoClassDefFoundError.class"))
    # VM gone: natives.def's VM lines are declared nowhere
    os.remove(os.path.join(lib, "java", "lang", "VM.class"))
    p = subprocess.run(check + ["--lib", lib], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = p.stdout.decode(errors="replace")
    if p.returncode != 1:
        print("FAIL check_lib exits %d on the mutant library, not 1" % p.returncode)
        fails += 1
    else:
        print("PASS check_lib exits 1 on the mutant library")
    for e in EXPECT:
        if any(e in line and line.startswith("FAIL ") for line in out.splitlines()):
            print("PASS refused: %s" % e)
        else:
            print("FAIL not refused: %s\n%s" % (e, out))
            fails += 1
    print("test_check_lib: %s" % ("%d failures" % fails if fails else "all cases pass"))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
