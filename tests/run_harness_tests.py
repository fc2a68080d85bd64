#!/usr/bin/env python3
"""Harness tests: cms-sim's own input handling, run on a sanitizer build (make test-harness).

usage: run_harness_tests.py --sim build/cms-sim-asan --ref build/ssem-ref
                            [--bootimg build/cms-bootimg-asan] [--scratch build/harness-scratch]
                            [--consoles build/tests/consoles.elf]

1. Every malformed program of tests/loader/bad_cases.txt, a missing file and a directory:
   exit status 3 and "FILE:LINE: reason" on stderr (the same loader as ssem-ref, through the
   harness), and every tests/loader/good file loads to its EXPECT image.
2. Bad command lines: exit 64 with a message naming the option.
3. Bad firmware files (--firmware): exit 3, message naming the file, nothing simulated.
4. Runs: a short run whose JSON state equals the reference's; --state-json - keeps stdout
   pure JSON; --trace writes a VCD; --help exits 0; the firmware's answer: line equals the
   reference's, and --quiet silences it. Interrupt storms (--irq-every 1, 7, 45, --irq-random
   SEED, with --irq-max-gap): the state equals the reference's, interrupts were taken, the run
   ends (no livelock), the same SEED gives the same count; ssem-ref refuses these options.
   --profile: the rows sum to the chip's firmware-mode cycle counter, ssem_run is the hottest.
5. --boot-image: the boards' boot image (the bytes of their SPI flash from FLASH_BOOT_ADDR,
   rtl/cms_flash_boot.v, docs/isa.md section 3) holds the header, the firmware's text segment
   word for word, the host block with the guest store the reference loads, and nothing more;
   build/cms-bootimg writes the same bytes (with --threshold too); the host block carries the
   default step limit (the limits agree with ssem-ref's).
6. Nothing is lost (in a scratch directory under build/): output paths that name the program,
   the firmware or another output, read-only files, directories, missing directories and device
   nodes are refused before the run (exit 64, the option named) and left as they were; a write
   that fails half-way (a file-size limit, RLIMIT_FSIZE) exits 4 and leaves the target as it
   was, with no temporary file; --trace /dev/full ends (time-out) with a non-zero status;
   --trace-from/--trace-cycles trace exactly the window asked.
7. The consoles (--consoles, tests/console/consoles.c, a bare program): what it writes to
   MMIO_CON_TX comes on cms-sim's standard output, what it writes to MMIO_CON_ERR on its
   standard error, each in order; it reads the simulator's DMEM size (DMEM_BYTES_SIM) from
   CSR_CFG_DMEMBYTES and start.S put its stack at the top of that DMEM (exit status 0).
One line per test, a summary, exit status 1 if any failed.
"""
import argparse
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "loader"))
import run_loader_tests as rl  # noqa: E402
from cmslib import (ROOT, ST_FAULT, ST_LIMIT, ST_LOAD_ERROR, ST_USAGE, HOSTIF_STORE_WORD,  # noqa: E402
                    Tally, defs)
from cmslib import sh as _sh  # noqa: E402

KILBURN = os.path.join("tests", "ssem", "kilburn.ssem")
IRQ_MAX_GAP_DEFAULT = defs.IRQ_MAX_GAP_DEFAULT
NEVER = os.path.join("tests", "ssem", "never_halts.ssem")


def sh(cmd, timeout=300, **kw):
    return _sh(cmd, timeout=timeout, **kw)


def expect(t, name, ok, why):
    t.expect(name, ok, why)


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
        (["--irq-every", "0", KILBURN], "bad number for --irq-every: '0' (at least 1)"),
        (["--irq-every", "-5", KILBURN], "--irq-every"),
        (["--irq-every", "0x", KILBURN], "--irq-every"),
        (["--irq-every"], "--irq-every"),
        (["--irq-random", "seed", KILBURN], "bad number for --irq-random"),
        (["--irq-random", "99999999999999999999", KILBURN], "--irq-random"),
        (["--irq-random", "1", "--irq-max-gap", "0", KILBURN], "bad number for --irq-max-gap: '0' (at least 1)"),
        (["--irq-random", "1", "--irq-max-gap", "1.5", KILBURN], "--irq-max-gap"),
        (["--irq-max-gap", "10", KILBURN], "'--irq-max-gap' needs --irq-random"),
        (["--threshold", "0", KILBURN], "--threshold"),
        (["--threshold", "65536", KILBURN], "--threshold"),
        (["--stop-after", "0x", KILBURN], "--stop-after"),
        (["--state-json", "", KILBURN], "--state-json"),
        (["--trace", "", KILBURN], "--trace"),
        (["--boot-image", "", KILBURN], "--boot-image"),
        (["--max", "5", KILBURN], "unknown option '--max'"),
        (["--trace-from", "5", KILBURN], "'--trace-from' needs --trace"),
        (["--trace", "x.vcd", "--trace-cycles", "0", KILBURN], "--trace-cycles"),
        (["--slots", "2", KILBURN], "'--slots' is for cms-bootimg"),
        (["--crt=1", KILBURN], "'--crt' takes no value"),
        ([KILBURN, KILBURN], "more than one PROGRAM"),
        ([], "no PROGRAM given"),
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
    magic, store_word = defs.HOSTIF_MAGIC, HOSTIF_STORE_WORD
    with tempfile.TemporaryDirectory() as d:
        img = os.path.join(d, "boot.bin")
        rc, out, err = sh(sim + ["--boot-image", img, "--crt", KILBURN])
        words = read_image(img) if os.path.exists(img) else []
        size = os.path.getsize(img) if os.path.exists(img) else 0
        ni, nd = (words[0] & 0xFFFF, words[0] >> 16) if words else (0, 0)
        ok = rc == 0 and out == "" and size % 4 == 0 and len(words) == 1 + ni + nd and ni > 0 \
            and 4 * ni <= defs.IMEM_BYTES and 4 * nd <= defs.DMEM_BYTES_MIN
        expect(t, "--boot-image writes the header and exactly the words it counts", ok,
               f"exit {rc}, {size} bytes, header {words[0] if words else 0:#x}, stderr {err.strip()!r}")
        if not ok:
            return
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
    bad = os.path.join(os.sep, "nonexistent-dir", "boot.bin")
    rc, out, err = sh(sim + ["--boot-image", bad, KILBURN])
    expect(t, "--boot-image to an unwritable path", rc != 0 and bad in err,
           f"exit {rc}, stderr {err.strip()!r}")


def read_image(path):
    """The words of a boot image file (binary, little-endian 32-bit words)."""
    b = open(path, "rb").read()
    return [int.from_bytes(b[i:i + 4], "little") for i in range(0, len(b) - 3, 4)]


def limits_and_numbers(sim, ref, bootimg, t, scratch):
    # the same number syntax: 0x hex in both, the same state
    args = ["--quiet", "--stop-after", "0x10", "--state-json", "-", KILBURN]
    rc, out, err = sh(sim + args)
    rc2, out2, err2 = sh(ref + args)
    expect(t, "--stop-after 0x10: the same status and state on cms-sim and ssem-ref",
           rc == rc2 == ST_LIMIT and out == out2 and json.loads(out or "{}").get("steps") == 16,
           f"exit {rc}/{rc2}, {out.strip()!r} / {out2.strip()!r}, {err.strip()!r} {err2.strip()!r}")
    # --max-steps: the same meaning (an exact step limit) on both, alone or under --stop-after
    for extra in (["--max-steps", "1500"], ["--max-steps", "0x5dc", "--stop-after", str(2**64 - 1)],
                  ["--stop-after", "1500", "--max-steps", "2000"]):
        a = ["--quiet"] + extra + ["--state-json", "-", NEVER]
        rc, out, err = sh(sim + a)
        rc2, out2, _ = sh(ref + a)
        expect(t, f"{' '.join(extra)}: the same status and state on both",
               rc == rc2 == ST_LIMIT and out == out2 and json.loads(out or "{}").get("steps") == 1500,
               f"exit {rc}/{rc2}, {out.strip()[-40:]!r} / {out2.strip()[-40:]!r}, {err.strip()!r}")
    # the default limit: what cms-sim runs under (the host block, written by the shared code)
    # is the step limit ssem-ref applies by default, exact, with no cycle limit
    img = os.path.join(scratch, "default.bin")
    rc, out, err = sh(bootimg + ["--output", img, NEVER])
    if rc == 0:
        w = read_image(img)
        ni = w[0] & 0xFFFF
        hb = w[1 + ni:]
        flags, stop, maxc = hb[1], hb[2] | hb[3] << 32, hb[4] | hb[5] << 32
        ok = flags & 1 and not flags & 2 and stop == defs.DEFAULT_MAX_STEPS and maxc == 0
        expect(t, "no option: the host block's step limit is DEFAULT_MAX_STEPS, no cycle limit", ok,
               f"flags {flags:#x}, stop_after {stop}, max_cycles {maxc}")
    else:
        expect(t, "no option: host block", False, f"cms-bootimg exit {rc}: {err.strip()!r}")
    rc, out, err = sh(ref + ["--help"])
    rc2, out2, _ = sh(sim + ["--help"])
    want = f"(default {defs.DEFAULT_MAX_STEPS})"
    expect(t, "--help of both states the same default --max-steps", want in out and want in out2,
           "default missing")


def bootimg_tool(sim, bootimg, t, scratch, firmware):
    """build/cms-bootimg writes the bytes cms-sim --boot-image writes (the same code)."""
    for label, args in (("Kilburn --crt --stats --answer 27", ["--crt", "--stats", "--answer", "27", KILBURN]),
                        ("--stop-after 77 --max-cycles 0x100000 --quiet",
                         ["--stop-after", "77", "--max-cycles", "0x100000", "--quiet", KILBURN]),
                        ("--threshold 2 --stats", ["--threshold", "2", "--stats", KILBURN]),
                        ("bare --firmware", ["--firmware", firmware])):
        a, b = os.path.join(scratch, "sim.bin"), os.path.join(scratch, "tool.bin")
        rc, _, err = sh(sim + ["--boot-image", a] + args)
        rc2, _, err2 = sh(bootimg + ["--output", b] + args)
        same = rc == rc2 == 0 and open(a, "rb").read() == open(b, "rb").read()
        expect(t, f"cms-bootimg = cms-sim --boot-image, byte for byte: {label}", same,
               f"exit {rc}/{rc2}: {err.strip()!r} {err2.strip()!r}")
    # --threshold reaches the firmware through the host block's flags[31:16]
    b = os.path.join(scratch, "thr.bin")
    rc, _, err = sh(bootimg + ["--output", b, "--threshold", "2", KILBURN])
    w = read_image(b) if rc == 0 else [0, 0, 0]
    hb = w[1 + (w[0] & 0xFFFF):]
    expect(t, "cms-bootimg --threshold 2: the host block's flags[31:16] = 2",
           rc == 0 and len(hb) > 1 and hb[1] >> 16 == 2, f"exit {rc}, {err.strip()!r}")
    for args, phrase in ((["--slots", "2", KILBURN], "--output FILE is required"),
                         (["--slots", "3", "--output", "x.bin", KILBURN], "--slots"),
                         (["--slots", "2", "--output", "x.bin", "--state-json", "-", KILBURN], "'--state-json' is for a run"),
                         (["--slots", "2", "--output", "x.bin", "--trace", "t.vcd", KILBURN], "'--trace' is for the chip harness"),
                         (["--slots", "2", "--output", "x.bin", "--irq-at", "5", KILBURN], "'--irq-at' is for the chip harness"),
                         (["--slots", "2", "--output", "x.bin", "--irq-every", "5", KILBURN], "'--irq-every' is for the chip harness"),
                         (["--slots", "2", "--output", KILBURN, KILBURN], "is the program file")):
        rc, out, err = sh(bootimg + args)
        expect(t, "cms-bootimg usage " + " ".join(args[:-1]), rc == ST_USAGE and phrase in err and out == "",
               f"exit {rc}, stderr {err.strip()!r}")


def _fsize(limit):
    def f():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # write() then fails with EFBIG
    return f


def nothing_lost(sim, ref, bootimg, t, scratch, firmware):
    d = os.path.join(scratch, "loss")
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    prog = os.path.join(d, "prog.ssem")
    shutil.copy(KILBURN, prog)
    fw = os.path.join(d, "fw.elf")
    shutil.copy(firmware, fw)
    precious = "precious contents\n"

    def keep(name, mode=0o644):
        p = os.path.join(d, name)
        if os.path.exists(p):
            os.chmod(p, 0o644)
        with open(p, "w") as f:
            f.write(precious)
        os.chmod(p, mode)
        return p

    def intact(*paths):
        return all(open(p).read() == precious for p in paths)

    def no_temp():
        return [f for f in os.listdir(d) if f.startswith(".")]

    prog_bytes = open(prog, "rb").read()
    fw_bytes = open(fw, "rb").read()
    base = sim + ["--firmware", fw, "--quiet", "--stop-after", "100"]
    # 1. an output naming an input or another output: refused before the run
    link = os.path.join(d, "link.json")
    if not os.path.lexists(link):
        os.symlink("prog.ssem", link)
    for opt, path, label in (("--state-json", prog, "is the program file"),
                             ("--trace", prog, "is the program file"),
                             ("--boot-image", prog, "is the program file"),
                             ("--state-json", fw, "is the --firmware file"),
                             ("--boot-image", fw, "is the --firmware file"),
                             ("--state-json", link, "is the program file")):
        rc, out, err = sh(base + [opt, path, prog])
        ok = rc == ST_USAGE and f"cms-sim: {opt} {path}: {label}" in err and \
            open(prog, "rb").read() == prog_bytes and open(fw, "rb").read() == fw_bytes
        expect(t, f"{opt} naming {os.path.basename(path)}: refused, nothing written", ok,
               f"exit {rc}, stderr {err.strip()!r}")
    j = keep("same.out")
    rc, out, err = sh(base + ["--state-json", j, "--trace", j, prog])
    expect(t, "--state-json and --trace naming one file: refused",
           rc == ST_USAGE and "is also the --trace file" in err and intact(j), f"exit {rc}, {err.strip()!r}")
    rc, out, err = sh(ref + ["--state-json", prog, prog])
    expect(t, "ssem-ref --state-json naming the program: refused", rc == ST_USAGE and
           "ssem-ref: --state-json " + prog + ": is the program file" in err and
           open(prog, "rb").read() == prog_bytes, f"exit {rc}, {err.strip()!r}")
    # 2. read-only files, directories, missing directories: refused, untouched
    for opt in ("--state-json", "--trace", "--boot-image"):
        ro = keep("ro" + opt[2:], 0o444)
        rc, out, err = sh(base + [opt, ro, prog])
        expect(t, f"{opt} to a read-only file: refused, the file unchanged",
               rc == ST_USAGE and "not writable" in err and intact(ro), f"exit {rc}, {err.strip()!r}")
        sub = os.path.join(d, "adir" + opt[2:])
        os.makedirs(sub, exist_ok=True)
        rc, out, err = sh(base + [opt, sub, prog])
        expect(t, f"{opt} to a directory: refused", rc == ST_USAGE and "is a directory" in err
               and os.path.isdir(sub), f"exit {rc}, {err.strip()!r}")
        rc, out, err = sh(base + [opt, os.path.join(d, "missing", "x"), prog])
        expect(t, f"{opt} into a missing directory: refused", rc == ST_USAGE and "missing" in err,
               f"exit {rc}, {err.strip()!r}")
    rc, out, err = sh(bootimg + ["--output", keep("ro.bin", 0o444), prog])
    expect(t, "cms-bootimg --output to a read-only file: refused, unchanged",
           rc == ST_USAGE and intact(os.path.join(d, "ro.bin")), f"exit {rc}, {err.strip()!r}")
    # 3. device nodes: never written (refused); /dev/full must not hang
    for opt in ("--trace", "--boot-image"):
        rc, out, err = sh(sim + ["--quiet", "--stop-after", "1000", opt, "/dev/full", prog], timeout=60)
        expect(t, f"{opt} /dev/full: ends at once with a non-zero status", rc not in (0, None) and opt in err,
               f"exit {rc}, {err.strip()!r}")
    # 4. a write failing half-way (file size limit): exit 4, the target as it was, no temp file
    for label, cmd, limit, target in (
            ("--state-json", base + ["--state-json", None, prog], 100, "s.json"),
            ("--boot-image", base + ["--boot-image", None, prog], 2048, "b.bin"),
            ("cms-bootimg --output", bootimg + ["--firmware", fw, "--output", None, prog], 2048, "o.bin"),
            ("--trace", base + ["--trace", None, prog], 65536, "t.vcd"),
            ("ssem-ref --state-json", ref + ["--quiet", "--state-json", None, prog], 100, "r.json")):
        p = keep(target)
        argv = [p if a is None else a for a in cmd]
        rc, out, err = sh(argv, timeout=120, preexec_fn=_fsize(limit))
        expect(t, f"{label}: a failed write leaves the file as it was",
               rc == ST_FAULT and intact(p) and not no_temp() and target in err,
               f"exit {rc}, intact {intact(p)}, temp {no_temp()}, {err.strip()!r}")
    # 4b. a run stopped by a signal (SIGTERM) while tracing: the target as it was, no temp file
    p = keep("sig.vcd")
    proc = subprocess.Popen(base[:-2] + ["--trace", p, "--trace-cycles", "50000000", prog],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 30
    while not no_temp() and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    time.sleep(0.2)
    proc.terminate()
    try:
        rc = proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        rc = None
    expect(t, "--trace stopped by SIGTERM: the file as it was, the temporary file removed",
           rc == -signal.SIGTERM and intact(p) and not no_temp(),
           f"exit {rc}, intact {intact(p)}, temp {no_temp()}")

    # 5. success replaces the file (through the temporary file), nothing else left behind
    p = keep("ok.json")
    rc, out, err = sh(base + ["--state-json", p, prog])
    try:
        ok = rc == ST_LIMIT and json.load(open(p))["steps"] == 100 and not no_temp()
    except (ValueError, KeyError):
        ok = False
    expect(t, "--state-json over an existing file: replaced whole, no temporary file", ok,
           f"exit {rc}, {err.strip()!r}, temp {no_temp()}")
    # 6. the trace window: exactly --trace-cycles cycles from --trace-from (two edges each)
    vcd = os.path.join(d, "w.vcd")
    rc, out, err = sh(base + ["--trace", vcd, "--trace-from", "200", "--trace-cycles", "0x40", prog])
    stamps = [int(x) for x in re.findall(r"^#(\d+)$", open(vcd).read(), re.M)] if os.path.exists(vcd) else []
    ok = rc == ST_LIMIT and len(stamps) == 2 * 64 and stamps[0] > 2 * 200 and "cycles 200..264 of" in err
    expect(t, "--trace-from 200 --trace-cycles 0x40: 64 cycles traced", ok,
           f"exit {rc}, {len(stamps)} time stamps, {err.strip()!r}")
    rc, out, err = sh(sim + ["--help"])
    expect(t, "--help states the default --trace-cycles",
           f"(default {defs.TRACE_CYCLES_DEFAULT}," in out, "not in --help")


def irq_storms(sim, ref, t):
    """--irq-every and --irq-random: the guest state equals the reference's, interrupts were
    taken, the run made progress (no livelock: a limit of 1,000 cycles per step is the hard
    stop), the same SEED gives the same run and ssem-ref refuses the options."""
    want = None
    rc, out, _ = sh(ref + ["--stop-after", "3000", "--state-json", "-", KILBURN])
    try:
        want = json.loads(out)
    except ValueError:
        pass
    runs_seen = {}
    for extra in (["--irq-every", "1"], ["--irq-every", "7"], ["--irq-every", "45"],
                  ["--irq-random", "5"], ["--irq-random", "5"], ["--irq-random", "6", "--irq-max-gap", "1"],
                  ["--irq-random", "0x10", "--irq-max-gap", "5000"], ["--irq-every", "3", "--irq-random", "2"]):
        rc, out, err = sh(sim + extra + ["--stop-after", "3000", "--state-json", "-", KILBURN])
        m = re.search(r"interrupts taken:\s+([\d,]+)", err)
        taken = int(m.group(1).replace(",", "")) if m else 0
        try:
            got = json.loads(out)
        except ValueError:
            got = None
        key = " ".join(extra)
        name = f"{key}: state after 3000 steps equals the reference, interrupts taken"
        if key in runs_seen:
            name = f"{key} again: the same interrupts ({runs_seen[key]})"
            ok = rc == ST_LIMIT and got == want and taken == runs_seen[key]
        else:
            ok = rc == ST_LIMIT and got is not None and got == want and taken > 0
        runs_seen[key] = taken
        expect(t, name, ok, f"exit {rc}, {taken} interrupts, state {out.strip()[:80]!r}, stderr tail {err[-160:]!r}")
    # no livelock at any density: --irq-every 1..50 on a loop with a jump every 3 steps, and
    # --irq-every 1 on a program with no jump at all (32 x SUB 0: interrupts on once a chunk)
    rc, out, _ = sh(ref + ["--stop-after", "300", "--state-json", "-", NEVER])
    want300 = json.loads(out) if rc == ST_LIMIT else None
    slow = []
    for n in range(1, 51):
        rc, out, err = sh(sim + ["--irq-every", str(n), "--stop-after", "300", "--state-json", "-", NEVER])
        try:
            got = json.loads(out)
        except ValueError:
            got = None
        m = re.search(r"interrupts taken:\s+([\d,]+)", err)
        if rc != ST_LIMIT or got != want300 or not m or m.group(1) == "0":
            slow.append(f"{n}: exit {rc}, {err.strip()[-120:]!r}")
    expect(t, "--irq-every 1 to 50: never_halts.ssem stopped after 300 steps equals the reference, "
           "interrupts taken", not slow, "; ".join(slow[:3]))
    with tempfile.TemporaryDirectory() as d:
        nojump = os.path.join(d, "nojump.hex")
        with open(nojump, "w") as f:
            f.write("00008000\n" * 32)  # SUB 0 everywhere: A -= line 0 for ever, CI wraps
        rc, out, err = sh(sim + ["--irq-every", "1", "--stop-after", "5000", "--state-json", "-", nojump])
        rc2, out2, _ = sh(ref + ["--stop-after", "5000", "--state-json", "-", nojump])
        m = re.search(r"interrupts taken:\s+([\d,]+)", err)
        expect(t, "--irq-every 1 on a program with no jump: it ends, equal to the reference",
               rc == rc2 == ST_LIMIT and out == out2 and m and m.group(1) != "0",
               f"exit {rc}/{rc2}, {err.strip()[-160:]!r}")
    for opt in (["--irq-every", "5"], ["--irq-random", "5"], ["--irq-random", "5", "--irq-max-gap", "9"]):
        rc, out, err = sh(ref + opt + [KILBURN])
        expect(t, "ssem-ref refuses " + " ".join(opt), rc == ST_USAGE and f"'{opt[0]}' is for the chip harness" in err,
               f"exit {rc}, stderr {err.strip()!r}")
    rc, out, err = sh(sim + ["--help"])
    expect(t, "--help states the default --irq-max-gap",
           "--irq-every" in out and f"(default {IRQ_MAX_GAP_DEFAULT})" in out, "not in --help")


def profile(sim, ref, t, scratch):
    """--profile FILE: the firmware-mode cycles by firmware function. The rows sum to the
    header's total, which is the chip's CNT_FWCYC at the end of the run (and at least what the
    firmware's own report read from it before printing); they are sorted, most first; the
    interpreter's ssem_run is the hottest on an --interpret-only guest run; the file is checked like the other
    outputs (not the program); ssem-ref refuses the option."""
    out_path = os.path.join(scratch, "profile.txt")
    if os.path.exists(out_path):
        os.unlink(out_path)
    rc, out, err = sh(sim + ["--interpret-only", "--stats", "--stop-after", "2000", "--profile", out_path, KILBURN])
    rows, words, total, cnt = [], [], None, None
    section = rows
    try:
        with open(out_path) as f:
            for line in f:
                m = re.match(r"# firmware-mode cycles: (\d+) \(the chip's CNT_FWCYC, 32 bits: (\d+)\)", line)
                if m:
                    total, cnt = int(m.group(1)), int(m.group(2))
                elif line.startswith("# by IMEM word"):
                    section = words
                elif line.startswith("#"):
                    pass
                elif section is rows:
                    c, pct, addr, name = line.split()
                    rows.append((int(c), float(pct.rstrip("%")), name))
                else:
                    c, addr, where = line.split()
                    words.append((int(c), int(addr, 16), where))
    except (OSError, ValueError):
        pass
    m = re.search(r"firmware-mode cycles\s+([\d,]+)", out + err)
    reported = int(m.group(1).replace(",", "")) if m else None
    s = sum(r[0] for r in rows)
    expect(t, "--profile: the rows sum to the firmware-mode total, which is the chip's CNT_FWCYC",
           rc == ST_LIMIT and rows and total is not None and s == total and total % 2**32 == cnt,
           f"exit {rc}, {len(rows)} rows, sum {s}, total {total}, CNT_FWCYC {cnt}")
    hottest = {}
    for c, addr, where in words:
        name = where.rsplit("+", 1)[0]
        hottest[name] = hottest.get(name, 0) + c
    expect(t, "--profile: the per-word section, in address order, sums to each function's row",
           words and [w[1] for w in words] == sorted(set(w[1] for w in words))
           and sum(w[0] for w in words) == total
           and all(hottest.get(r[2], 0) == r[0] for r in rows if not r[2].startswith("(")),
           f"{len(words)} words, sum {sum(w[0] for w in words)}, total {total}")
    expect(t, "--profile: at least the firmware-mode cycles the firmware's report read",
           reported is not None and total is not None and reported <= total,
           f"report {reported}, profile {total}")
    expect(t, "--profile: sorted, most first; ssem_run (the interpreter) the hottest; percentages sum to 100",
           rows and rows == sorted(rows, key=lambda r: -r[0]) and rows[0][2].startswith("ssem_run")
           and abs(sum(r[1] for r in rows) - 100.0) < 0.5,
           f"top rows {rows[:3]}")
    rc, out, err = sh(sim + ["--profile", KILBURN, KILBURN])
    expect(t, "--profile naming the program is refused", rc == ST_USAGE and "--profile" in err,
           f"exit {rc}, stderr {err.strip()[-160:]!r}")
    rc, out, err = sh(ref + ["--profile", out_path, KILBURN])
    expect(t, "ssem-ref refuses --profile", rc == ST_USAGE and "'--profile' is for the chip harness" in err,
           f"exit {rc}, stderr {err.strip()!r}")
    rc, out, err = sh(sim + ["--help"])
    expect(t, "--help lists --profile", "--profile FILE" in out, "not in --help")


def consoles(sim, t, elf):
    rc, out, err = sh(sim + ["--firmware", elf])
    want_out = ("out: con_puts\no\nout: con_write_fd\n"
                f"dmem bytes {defs.DMEM_BYTES_SIM:,}\n")
    want_err = "err: con_puts_err\ne\nerr: con_write_fd\n"
    expect(t, "consoles: MMIO_CON_TX -> stdout, MMIO_CON_ERR -> stderr; CSR_CFG_DMEMBYTES; sp at the top",
           rc == 0 and out == want_out and err == want_err,
           f"exit {rc}, stdout {out!r}, stderr {err!r}")


ECHO_JAVA = """public class Echo {
    public static void main(String[] args) {
        System.out.println(args.length + " arguments");
        for (String a : args)
            System.out.println("[" + a + "]");
        System.err.println("to stderr");
        if (args.length > 0 && args[0].equals("exit"))
            System.exit(256 + 42);
    }
}
"""


def java_cli(sim, bootimg, t, scratch):
    """A Java run's command line (sim/cms_opts.c, sim/jvm_guest.c): -cp and FILE.class, the
    arguments after the main class going to the program, the options an SSEM run takes
    refused, the linker's refusals (exit 3), the exit status as java's, the wrong firmware."""
    d = os.path.join(scratch, "java")
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    with open(os.path.join(d, "Echo.java"), "w") as f:
        f.write(ECHO_JAVA)
    rc, _, err = sh(["javac", "-d", d, os.path.join(d, "Echo.java")])
    if rc != 0:
        expect(t, "java: javac Echo.java", False, err.strip())
        return
    for args in (["a", "-cp", "--stats", "-h"], [], ["exit", "x"]):
        jrc, jout, jerr = sh(["java", "-cp", d, "Echo"] + args)
        for how, cmd in (("-cp", sim + ["-cp", d, "Echo"]), ("-classpath", sim + ["-classpath", d, "Echo"]),
                         ("FILE.class", sim + [os.path.join(d, "Echo.class")]),
                         ("--stats", sim + ["--stats", "--class-path=" + d, "Echo"])):
            rc, out, err = sh(cmd + args)
            ok = rc == jrc and out == jout and err.startswith(jerr)
            expect(t, f"java: {how} Echo {' '.join(args)}: java's stdout, status {jrc}", ok,
                   f"exit {rc} (java {jrc}), stdout {out!r} (java {jout!r}), stderr {err[:200]!r}")
    rc, out, err = sh(sim + ["--stats", "-cp", d, "Echo"])
    expect(t, "java: --stats prints the firmware's counters on stderr only",
           rc == 0 and "bytecodes executed" in err and "bytecodes" not in out, f"exit {rc}, stderr {err[:300]!r}")
    for opt in (["--crt"], ["--answer", "3"], ["--index", "0"], ["--stop-after", "5"], ["--max-steps", "5"],
                ["--state-json", "-"], ["--threshold", "2"], ["--interpret-only"]):
        rc, out, err = sh(sim + opt + ["-cp", d, "Echo"])
        expect(t, f"java: {opt[0]} refused", rc == ST_USAGE and "is for SSEM programs" in err and out == "",
               f"exit {rc}, stderr {err.strip()!r}")
    for args, phrase in ((["--jvm-lib", d, KILBURN], "'--jvm-lib' is for Java programs"),
                         (["-cp", d], "no PROGRAM given"), (["--class-path", "", "Echo"], "needs a class path")):
        rc, out, err = sh(sim + args)
        expect(t, "java: usage " + " ".join(args), rc == ST_USAGE and phrase in err, f"exit {rc}, stderr {err.strip()!r}")
    bad = os.path.join(d, "Bad.class")
    with open(bad, "wb") as f:
        f.write(b"\xca\xfe\xba\xbe\x00")
    for args, phrase in ((["-cp", d, "Nope"], "Nope"), ([bad], "Bad.class"),
                         (["--jvm-lib", os.path.join(d, "nolib"), "-cp", d, "Echo"], "java/lang/Object")):
        rc, out, err = sh(sim + args)
        expect(t, "java: refused " + " ".join(args[-1:]), rc == ST_LOAD_ERROR and phrase in err and out == "",
               f"exit {rc} (want {ST_LOAD_ERROR}), stderr {err.strip()!r}")
    rc, out, err = sh(sim + ["--firmware", os.path.join(ROOT, "build", "fw", "ssem-tx.elf"), "-cp", d, "Echo"])
    expect(t, "java: cms-sim refuses the SSEM firmware for a Java program (its data cover the window)",
           rc == ST_LOAD_ERROR and "not a JVM firmware" in err and out == "",
           f"exit {rc}, stdout {out!r}, stderr {err.strip()!r}")
    rc, out, err = sh(sim + ["--firmware", os.path.join(ROOT, "build", "fw", "jvm.elf"), KILBURN])
    expect(t, "java: the JVM firmware refuses an SSEM host block", rc == ST_FAULT,
           f"exit {rc}, stdout {out!r}, stderr {err.strip()!r}")
    img = os.path.join(d, "echo.bin")
    rc, out, err = sh(bootimg + ["--output", img, "-cp", d, "Echo", "x"])
    expect(t, "java: cms-bootimg writes a Java program's boot image",
           rc == 0 and os.path.getsize(img) > 4 * 1024, f"exit {rc}, stderr {err.strip()!r}")
    # --dmem-bytes: the window in the host block is the board's DMEM less the firmware's part
    # (hostif_t: guest, jvm_window, jvm_window_bytes after the store and the profile)
    jwb = defs.HOSTIF_SCALARS + defs.HOSTIF_NCOUNTERS + 2 * defs.HOSTIF_STORE_WORDS + 2
    for dmem in (None, defs.DMEM_BYTES_ECP5):
        rc, out, err = sh(bootimg + ["--output", img] + (["--dmem-bytes", str(dmem)] if dmem else [])
                          + ["-cp", d, "Echo", "x"])
        hb = read_image(img)[1 + (read_image(img)[0] & 0xFFFF):] if rc == 0 else []
        want = (dmem or defs.DMEM_BYTES_MIN) - defs.JVM_WINDOW_OFF - defs.JVM_FW_STACK_BYTES
        expect(t, f"java: cms-bootimg {'--dmem-bytes ' + str(dmem) if dmem else '(no --dmem-bytes)'}: "
               f"a window of {want} bytes", rc == 0 and len(hb) > jwb and hb[jwb] == want,
               f"exit {rc}, window {hb[jwb] if len(hb) > jwb else None}, stderr {err.strip()!r}")
    for v in ("1000", "65537", str(defs.DMEM_BYTES + 4096), "0x"):
        rc, out, err = sh(bootimg + ["--output", img, "--dmem-bytes", v, "-cp", d, "Echo"])
        expect(t, f"cms-bootimg --dmem-bytes {v}: usage error", rc == ST_USAGE and "--dmem-bytes" in err
               and out == "", f"exit {rc}, stderr {err.strip()!r}")
    rc, out, err = sh(sim + ["--dmem-bytes", "65536", "-cp", d, "Echo"])
    expect(t, "cms-sim --dmem-bytes: refused, it is for cms-bootimg",
           rc == ST_USAGE and "'--dmem-bytes' is for cms-bootimg" in err, f"exit {rc}, stderr {err.strip()!r}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sim", required=True)
    ap.add_argument("--ref", required=True)
    ap.add_argument("--bootimg", default=os.path.join("build", "cms-bootimg-asan"))
    ap.add_argument("--firmware", default=os.path.join("build", "fw", "ssem-tx.elf"),
                    help="the default firmware of cms-sim and cms-bootimg (the translating one)")
    ap.add_argument("--scratch", default=os.path.join("build", "harness-scratch"))
    ap.add_argument("--consoles", default=os.path.join("build", "tests", "consoles.elf"))
    a = ap.parse_args()
    sim = [os.path.abspath(a.sim)]
    ref = [os.path.abspath(a.ref)]
    bootimg = [os.path.abspath(a.bootimg)]
    os.chdir(ROOT)
    scratch = os.path.abspath(a.scratch)
    os.makedirs(scratch, exist_ok=True)
    t = Tally()
    rl.bad_cases(sim, t)
    rl.good_files(sim + ["--quiet"], t)
    usage(sim, t)
    bad_firmware(sim, t)
    runs(sim, ref, t)
    irq_storms(sim, ref, t)
    profile(sim, ref, t, scratch)
    boot_image(sim, ref, t, a.firmware)
    limits_and_numbers(sim, ref, bootimg, t, scratch)
    bootimg_tool(sim, bootimg, t, scratch, a.firmware)
    nothing_lost(sim, ref, bootimg, t, scratch, a.firmware)
    consoles(sim, t, os.path.abspath(a.consoles))
    java_cli(sim, bootimg, t, scratch)
    n = t.n
    print(f"test-harness: {n['PASS']} passed, {n['FAIL']} failed, {n['SKIP']} skipped")
    return 1 if n["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main())
