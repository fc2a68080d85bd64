#!/usr/bin/env python3
"""test_cms_dis.py -- build/cms-dis's command line: output for known words (written by hand from
docs/isa.md), a TC dump in binary and as hex text, stdin, and the errors (exit 64 for a bad
command line, 3 for unreadable input).

usage: test_cms_dis.py CMS_DIS TMPDIR
"""
import os
import re
import struct
import subprocess
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from cmslib import defs  # noqa: E402

DIS, TMP = sys.argv[1], sys.argv[2]


def at_tc(text):
    """The expected listings are written at 0x20000: the same offsets from TC_BASE."""
    return re.sub(r"\b0002([0-9a-f]{4})\b", lambda m: f"{defs.TC_BASE + int(m.group(1), 16):08x}", text)
fails = 0
count = 0


def run(args, stdin=b""):
    p = subprocess.run([DIS] + args, input=stdin, capture_output=True, timeout=30)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def check(name, ok, detail=""):
    global fails, count
    count += 1
    if not ok:
        fails += 1
        print(f"FAIL {name} {detail}")


# SLOTS=2, at the TC's base (written as 0x20000, at_tc moves it to TC_BASE): addi x1, x0, 1 | exit 5; then lw in slot 1 (class M),
# the all-zero word in slot 0; then sub | beq x1, x2, .+8 (at 0x20014: target 0x2001c)
WORDS = ["00100093", "0x0050000b", "00000000", "00812183", "40208133", "00208463"]
EXPECT = """00020000  0  00100093  addi x1, x0, 1
00020004  1  0050000b  exit 5

00020008  0  00000000  illegal 0x00000000: all-zero word
0002000c  1  00812183  illegal 0x00812183: class not allowed in this slot (lw x3, 8(x2))

00020010  0  40208133  sub x2, x1, x2
00020014  1  00208463  beq x1, x2, .+8  -> 0002001c
"""
EXPECT = at_tc(EXPECT)
rc, out, err = run(["--slots", "2"] + WORDS)
check("words", rc == 0 and out == EXPECT, f"rc {rc}\n{out}{err}")

# SLOTS=4: slots 1 and 2 take A only; j in slot 3, at --base TC_BASE + 0x100
rc, out, err = run(["--slots", "4", "--base", hex(defs.TC_BASE + 0x100), "027322b3", "00812183", "123450b7", "0100006f"])
EXPECT4 = """00020100  0  027322b3  mulhsu x5, x6, x7
00020104  1  00812183  illegal 0x00812183: class not allowed in this slot (lw x3, 8(x2))
00020108  2  123450b7  lui x1, 0x12345
0002010c  3  0100006f  j .+16  -> 0002011c
"""
EXPECT4 = at_tc(EXPECT4)
check("slots 4", rc == 0 and out == EXPECT4, f"rc {rc}\n{out}{err}")

# a TC dump: binary little-endian words, and the same as hex text with comments and commas
words = [int(w, 16) for w in WORDS]
binf = os.path.join(TMP, "dump.bin")
with open(binf, "wb") as f:
    f.write(b"".join(struct.pack("<I", w) for w in words))
rc, out, err = run([binf])
check("binary dump", rc == 0 and out == EXPECT, f"rc {rc}\n{out}{err}")
rc, out, err = run([binf, "--slots", "2"])
check("binary dump, options after it", rc == 0 and out == EXPECT, f"rc {rc}\n{out}{err}")
txtf = os.path.join(TMP, "dump.txt")
with open(txtf, "w") as f:
    f.write("# a TC dump\n00100093, 0x0050000b\n00000000 00812183   # slot 1: class M\n40208133\n00208463\n")
rc, out, err = run(["--file", txtf])
check("hex dump", rc == 0 and out == EXPECT, f"rc {rc}\n{out}{err}")
rc, out, err = run([], stdin=" ".join(WORDS).encode())
check("stdin", rc == 0 and out == EXPECT, f"rc {rc}\n{out}{err}")
rc, out, err = run(["-"], stdin="\n".join(WORDS).encode())
check("stdin -", rc == 0 and out == EXPECT, f"rc {rc}\n{out}{err}")
rc, out, err = run(["00100093"])
check("incomplete bundle", rc == 0 and "incomplete: 1 of 2 words" in out, out)
# sub | bmi in one bundle (SSEM's SUB then CMP); bpl and assert.pl in the next (slot 1)
rc, out, err = run(["--slots", "2", "406080b3", "0060a863", "00000013", "fe313ce3", "00000013", "0620a00b"])
EXPECTMI = """00020000  0  406080b3  sub x1, x1, x6
00020004  1  0060a863  bmi x1, x6, .+16  -> 00020014

00020008  0  00000013  nop
0002000c  1  fe313ce3  bpl x2, x3, .-8  -> 00020004

00020010  0  00000013  nop
00020014  1  0620a00b  assert.pl x1, x2
"""
EXPECTMI = at_tc(EXPECTMI)
check("bmi, bpl", rc == 0 and out == EXPECTMI, f"rc {rc}\n{out}{err}")
rc, out, err = run(["--help"])
check("--help", rc == 0 and out.startswith("usage: cms-dis"), out)

# bad command lines: 64, with a message naming the problem
for args, what in [(["--slots", "3", "13"], "--slots must be"),
                   (["--slots", "x", "13"], "not a number"),
                   (["--slots"], "missing value"),
                   (["--base", "2", "13"], "multiple of 4"),
                   (["--bogus"], "unknown option"),
                   (["-x", "13"], "unknown option"),
                   (["13", "xyz"], "not a hex word"),
                   (["13", "123456789"], "not a hex word"),
                   (["--file", txtf, "13"], "more than one input"),
                   (["13", "--file", txtf], "more than one input"),
                   ([binf, txtf], "not a hex word")]:
    rc, out, err = run(args)
    check(f"usage {args}", rc == 64 and what in err and out == "", f"rc {rc} err {err!r}")

# unreadable input: 3
bad = os.path.join(TMP, "odd.bin")
with open(bad, "wb") as f:
    f.write(b"\x01\x02\x03\xff\x05")
badtxt = os.path.join(TMP, "bad.txt")
with open(badtxt, "w") as f:
    f.write("00100093\n0050000g\n")
for args, what in [([os.path.join(TMP, "no-such-file")], "cannot open"),
                   ([bad], "not a whole number of words"),
                   ([badtxt], "bad.txt:2: not a hex word: '0050000g'"),
                   ([TMP], "")]:
    rc, out, err = run(args)
    check(f"input {args}", rc == 3 and what in err and out == "", f"rc {rc} err {err!r}")

print(f"test_cms_dis: {count} checks, {fails} failed")
sys.exit(1 if fails else 0)
