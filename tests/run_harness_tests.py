#!/usr/bin/env python3
"""Harness tests: cms-sim's own input handling, run on a sanitizer build (make test-harness).

usage: run_harness_tests.py --sim build/cms-sim-asan --ref build/ssem-ref

1. Every malformed program of tests/loader/bad_cases.txt, a missing file and a directory:
   exit status 3 and "FILE:LINE: reason" on stderr (the same loader as ssem-ref, through the
   harness), and every tests/loader/good file loads to its EXPECT image.
2. Bad command lines: exit 64 with a message naming the option.
3. Bad firmware files (--firmware): exit 3, message naming the file, nothing simulated.
4. Runs: a short run whose JSON state equals the reference's; --state-json - keeps stdout
   pure JSON; --trace writes a VCD; --help exits 0; the firmware's answer: line equals the
   reference's, and --quiet silences it.
5. --boot-image: the boards' boot image (rtl/cms_chip.v, docs/isa.md section 3) holds the
   header, the firmware's text segment word for word, the host block with the guest store the
   reference loads, and fills the whole translation cache.
One line per test, a summary, exit status 1 if any failed.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "loader"))
import run_ref_tests as rr  # noqa: E402
import run_loader_tests as rl  # noqa: E402

ST_LIMIT, ST_LOAD_ERROR, ST_USAGE = 2, 3, 64  # firmware/hostif.h HOSTIF_ST_*
KILBURN = os.path.join("tests", "ssem", "kilburn.ssem")


def sh(cmd, timeout=300):
    p = subprocess.run(cmd, capture_output=True, text=True, errors="replace", timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def expect(t, name, ok, why):
    t.report("PASS" if ok else "FAIL", name, "" if ok else why)


def usage(sim, t):
    cases = [
        (["--no-such-option", KILBURN], "--no-such-option"),
        (["--stop-after"], "--stop-after"),
        (["--stop-after", "x", KILBURN], "--stop-after"),
        (["--stop-after", "-1", KILBURN], "--stop-after"),
        (["--max-cycles", "12abc", KILBURN], "--max-cycles"),
        (["--index", "abc", KILBURN], "--index"),
        (["--answer", "32", KILBURN], "--answer"),
        (["--irq-at", "soon", KILBURN], "--irq-at"),
        (["--state-json", "", KILBURN], "--state-json"),
        (["--trace", "", KILBURN], "--trace"),
        (["--boot-image", "", KILBURN], "--boot-image"),
        ([KILBURN, KILBURN], "unexpected argument"),
        ([], "no PROGRAM"),
    ]
    for args, phrase in cases:
        rc, out, err = sh(sim + args)
        expect(t, "usage " + " ".join(repr(a) if a == "" else a for a in args),
               rc == ST_USAGE and phrase in err and out == "",
               f"exit {rc} (want {ST_USAGE}), stderr {err.strip()!r}, stdout {out[:60]!r}")


def bad_firmware(sim, t):
    with tempfile.TemporaryDirectory() as d:
        text = os.path.join(d, "notelf.elf")
        with open(text, "w") as f:
            f.write("this is not an ELF file\n")
        short = os.path.join(d, "short.elf")
        with open(short, "wb") as f:
            f.write(b"\x7fELF\x01\x01")
        for label, path in (("missing", os.path.join(d, "missing.elf")), ("not ELF", text),
                            ("truncated", short)):
            rc, out, err = sh(sim + ["--firmware", path, KILBURN])
            expect(t, f"firmware {label}", rc == ST_LOAD_ERROR and path in err,
                   f"exit {rc} (want {ST_LOAD_ERROR}), stderr {err.strip()!r}")


def runs(sim, ref, t):
    for n in (0, 1, 1000, 5000):
        rc, out, err = sh(sim + ["--quiet", "--stop-after", str(n), "--state-json", "-", KILBURN])
        rc2, out2, _ = sh(ref + ["--stop-after", str(n), "--state-json", "-", KILBURN])
        try:
            same = json.loads(out) == json.loads(out2)
        except ValueError:
            same = False
        expect(t, f"state after {n} steps equals the reference", rc == rc2 == ST_LIMIT and same,
               f"exit {rc}/{rc2}, chip {out.strip()!r}, ref {out2.strip()!r}, stderr {err.strip()!r}")
    # the console moves to stderr so that stdout is the JSON alone
    rc, out, err = sh(sim + ["--crt", "--stop-after", "10", "--state-json", "-", KILBURN])
    try:
        ok = rc == ST_LIMIT and json.loads(out)["steps"] == 10 and "stopped" in err
    except (ValueError, KeyError):
        ok = False
    expect(t, "--state-json - with --crt: stdout is pure JSON", ok, f"stdout {out[:80]!r}")
    with tempfile.TemporaryDirectory() as d:
        vcd = os.path.join(d, "t.vcd")
        rc, out, err = sh(sim + ["--quiet", "--stop-after", "3", "--trace", vcd, KILBURN])
        head = open(vcd).read(200) if os.path.exists(vcd) else ""
        expect(t, "--trace writes a VCD", rc == ST_LIMIT and ("$timescale" in head or "$date" in head),
               f"exit {rc}, head {head[:60]!r}, stderr {err.strip()!r}")
    bad = os.path.join(os.sep, "nonexistent-dir", "t.vcd")
    rc, out, err = sh(sim + ["--quiet", "--stop-after", "3", "--trace", bad, KILBURN])
    expect(t, "--trace to an unwritable path", rc == ST_USAGE and bad in err,
           f"exit {rc} (want {ST_USAGE}), stderr {err.strip()!r}")
    rc, out, err = sh(sim + ["--help"])
    expect(t, "--help", rc == 0 and "--stop-after" in out, f"exit {rc}")
    # --answer is printed by the firmware (the last line of its report, as a board prints it)
    for line in (24, 26, 27):
        args = ["--stop-after", "1000", "--answer", str(line), KILBURN]
        rc, out, err = sh(sim + args)
        rc2, out2, _ = sh(ref + args)
        last = out.rstrip("\n").split("\n")[-1]
        want = out2.rstrip("\n").split("\n")[-1]
        expect(t, f"--answer {line}: the firmware's last line equals the reference's",
               rc == rc2 == ST_LIMIT and last == want and last.startswith(f"answer: store line {line} = "),
               f"exit {rc}/{rc2}, chip {last!r}, ref {want!r}")
    # store line 24 is NUM 262143 in Kilburn's listing and never written
    rc, out, err = sh(sim + ["--answer", "24", "--stop-after", "10", KILBURN])
    expect(t, "--answer 24 after 10 steps: 262143", out.endswith("answer: store line 24 = 262143\n"),
           f"exit {rc}, stdout tail {out[-60:]!r}")
    rc, out, err = sh(sim + ["--quiet", "--answer", "27", "--stop-after", "10", KILBURN])
    expect(t, "--quiet --answer: nothing printed", rc == ST_LIMIT and out == "",
           f"exit {rc}, stdout {out[:80]!r}")


def elf_segments(path):
    """(paddr, bytes) of each PT_LOAD segment of a little-endian ELF32 file."""
    import struct
    b = open(path, "rb").read()
    phoff, = struct.unpack_from("<I", b, 28)
    phentsize, phnum = struct.unpack_from("<HH", b, 42)
    segs = []
    for i in range(phnum):
        typ, off, _va, pa, filesz, memsz = struct.unpack_from("<6I", b, phoff + i * phentsize)
        if typ == 1 and memsz:
            segs.append((pa, b[off:off + filesz] + bytes(memsz - filesz)))
    return segs


def boot_image(sim, ref, t, firmware):
    tc_words = 8192 // 4  # CMS_TC_BYTES / 4 (spec/chip.tbl)
    magic, store_word = 0x534D4331, 20 + 32  # firmware/hostif.h: HOSTIF_MAGIC, offset of store[]
    with tempfile.TemporaryDirectory() as d:
        img = os.path.join(d, "boot.hex")
        rc, out, err = sh(sim + ["--boot-image", img, "--crt", KILBURN])
        lines = open(img).read().split() if os.path.exists(img) else []
        width = len(lines[0]) if lines else 0
        slots = width // 8
        words = []
        for ln in lines:  # one TC row per line, the last bank leftmost
            words += [int(ln[8 * (slots - 1 - k):8 * (slots - k)], 16) for k in range(slots)]
        ok = rc == 0 and out == "" and slots in (1, 2, 4, 8) and all(len(x) == width for x in lines) \
            and len(words) == tc_words
        expect(t, "--boot-image writes one TC row per line, the whole TC", ok,
               f"exit {rc}, {len(lines)} lines of width {width}, stderr {err.strip()!r}")
        if not ok:
            return
        ni, nd = words[0] & 0xFFFF, words[0] >> 16
        text = [s for s in elf_segments(firmware) if s[0] < 0x10000][0][1]
        text_words = [int.from_bytes(text[i:i + 4], "little") for i in range(0, len(text), 4)]
        expect(t, "--boot-image: IMEM part is the firmware's text", words[1:1 + ni] == text_words,
               f"{ni} IMEM words, text has {len(text_words)}")
        dm = words[1 + ni:1 + ni + nd]
        _, jout, _ = sh(ref + ["--stop-after", "0", "--state-json", "-", KILBURN])
        store = [w & 0xFFFFFFFF for w in json.loads(jout)["store"]]
        ok = len(dm) > store_word + 32 and dm[0] == magic and dm[store_word:store_word + 32] == store
        expect(t, "--boot-image: DMEM part starts with the host block and the guest store", ok,
               f"{nd} DMEM words, first 0x{dm[0] if dm else 0:08x}")
        expect(t, "--boot-image: zeros after the payload", not any(words[1 + ni + nd:]), "non-zero tail")
    bad = os.path.join(os.sep, "nonexistent-dir", "boot.hex")
    rc, out, err = sh(sim + ["--boot-image", bad, KILBURN])
    expect(t, "--boot-image to an unwritable path", rc != 0 and bad in err,
           f"exit {rc}, stderr {err.strip()!r}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sim", required=True)
    ap.add_argument("--ref", required=True)
    ap.add_argument("--firmware", default=os.path.join("build", "fw", "ssem.elf"))
    a = ap.parse_args()
    sim = [os.path.abspath(a.sim)]
    ref = [os.path.abspath(a.ref)]
    os.chdir(ROOT)
    t = rr.Tally()
    rl.bad_cases(sim, t)
    rl.good_files(sim + ["--quiet"], t)
    usage(sim, t)
    bad_firmware(sim, t)
    runs(sim, ref, t)
    boot_image(sim, ref, t, a.firmware)
    n = t.n
    print(f"test-harness: {n['PASS']} passed, {n['FAIL']} failed, {n['SKIP']} skipped")
    return 1 if n["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main())
