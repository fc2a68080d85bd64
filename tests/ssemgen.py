#!/usr/bin/env python3
"""ssemgen.py -- seeded random SSEM (Manchester Baby) programs for differential testing.

usage: ssemgen.py --seed S [--index I] [--count N] [--out DIR]    write N programs, DIR/gen-S-I.ssem
       ssemgen.py --seed S --index I                            print program I on stdout

Program I of seed S depends only on (S, I) (random.Random(f"{S}:{I}")), so one failing program
of a big run is regenerated alone. Each program is written in the project's listing format, every
line as `NN NUM value` with a comment saying what it is, so it loads in ssem-ref and cms-sim.

Kinds (the first comment line says which):
  loop     a counted loop that halts after K+1 passes (K up to a few thousand): a counter in a
           store line, decremented by double negation (LDN, STO, LDN, SUB), a CMP that skips
           the back jump when the counter goes negative, then STP. The back jump is a JMP or a
           JRP through a constant line, or through a line the loop itself writes every pass
           (a computed jump); or the exit itself is computed: on the last pass the CMP skips
           the load of the back value, the line gets -1 and JMP sets CI = -1, which wraps to 0
           onto an STP at line 0 (the jump's target changes). The body mixes gadgets:
             arith       LDN / SUB / opcode 5 (the SUB alias) / STO to scratch lines
             cmp-skip    CMP, then one arith line it may skip
             selfmod-alt the body rewrites one of its own arith lines every pass, alternating
                         two variants (LDN X; SUB -T; STO X with T = V1 + V2): a hot loop
                         rewriting an instruction that runs later in the same pass or the next
             selfmod-set LDN -V; STO X: stores the same instruction word V into body line X
                         every pass (the first pass changes it)
  forever  the same loop without an exit: it never halts (the runner caps it with --max-steps)
  chaos    32 random words biased towards instructions: halts, loops or runs wild
Everywhere: words with junk in the ignored bits (5-12, 16-31), instruction words with opcode
5 and STP words with junk, the whole program rotated by R lines (so code runs off line 31 onto
line 0) and jump constants with random high bits, some close to 2^32 so that CI wraps to 0.
"""
import argparse
import os
import random
import sys

JMP, JRP, LDN, STO, SUB, SUB5, CMP, STP = range(8)
NAMES = ["JMP", "JRP", "LDN", "STO", "SUB", "SUB5", "CMP", "STP"]
M32 = 0xFFFFFFFF
JUNK_MASK = 0xFFFF1FE0  # bits 5-12 and 16-31: ignored in an instruction word


def s32(w):
    w &= M32
    return w - (1 << 32) if w & 0x80000000 else w


class Gen:
    def __init__(self, seed, index):
        self.rng = random.Random(f"{seed}:{index}")
        self.seed, self.index = seed, index

    def junk(self):
        r = self.rng.random()
        if r < 0.75:
            return 0
        return self.rng.getrandbits(32) & JUNK_MASK

    def insn(self, op, s=0):
        return ((op << 13) | (s & 31) | self.junk()) & M32

    # ---------------------------------------------------------------- structured programs
    def structured(self, forever):
        """A counted loop (or one without an exit). Entries of the line list:
        ("op", op, operand, comment): operand a data symbol, ("code", i) (line i of the list),
        None (ignored operand); ("stp",); ("alt", i, v): the SUB -T line of a selfmod-alt
        gadget rewriting line i between its word and v; ("set", i, v): the LDN -V line of a
        selfmod-set gadget; ("back", op): the back jump through the symbol "jconst"."""
        rng = self.rng
        data, order = {}, []

        def dat(sym, value, comment):
            data[sym] = [value, comment]
            order.append(sym)
            return sym

        one = dat("one", 1, "constant 1")
        cnt = dat("cnt", 0, "loop counter")
        tmp = dat("tmp", 0, "scratch for the double negation")
        scratch = [dat(f"s{i}", s32(rng.choice([0, rng.getrandbits(32)])), "scratch")
                   for i in range(rng.randint(1, 3))]
        vals = [dat(f"d{i}", s32(rng.choice([rng.randrange(-50, 50), rng.getrandbits(32), -(1 << 31),
                                             (1 << 31) - 1])), "data") for i in range(rng.randint(1, 3))]
        readable = [one, tmp] + scratch + vals

        def arith(comment=""):
            op = rng.choice((LDN, SUB, SUB5, STO))
            return ("op", op, rng.choice(scratch) if op == STO else rng.choice(readable), comment)

        lines = []
        if rng.random() < 0.3:
            lines.append(arith("before the loop"))
        head = len(lines)
        dec = one
        if forever and rng.random() < 0.5:
            dec = dat("zero", 0, "zero: the counter never falls")
        lines += [("op", LDN, cnt, "A = -counter"), ("op", STO, tmp, ""), ("op", LDN, tmp, "A = counter"),
                  ("op", SUB, dec, "A = counter - 1"), ("op", STO, cnt, "counter = A")]
        body, pending = [], []
        for _ in range(rng.randint(1, 6)):
            g = rng.random()
            if g < 0.45:
                body.append(len(lines))
                lines.append(arith())
            elif g < 0.6:
                lines.append(("op", CMP, None, "skip the next line if A < 0"))
                body.append(len(lines))
                lines.append(arith())
            else:
                pending.append(("alt" if g < 0.8 else "set", len(lines)))
                lines += [None, None, None] if g < 0.8 else [None, None]
        if not body:
            body.append(len(lines))
            lines.append(arith())
        nalt = 0
        for kind, at in pending:
            x = rng.choice(body)
            v = arith()
            if kind == "alt":
                sym = dat(f"negT{nalt}", 0, "")
                nalt += 1
                lines[at] = ("op", LDN, ("code", x), "A = -(body line)")
                lines[at + 1] = ("alt", x, v, sym)
                lines[at + 2] = ("op", STO, ("code", x), "rewrite the body line: the other variant")
            else:
                sym = dat(f"negV{nalt}", 0, "")
                nalt += 1
                lines[at] = ("set", x, v, sym)
                lines[at + 1] = ("op", STO, ("code", x), "store that instruction into the body")
        computed = rng.random() < 0.4
        jop = rng.choice([JMP, JRP])
        # computed exit: the CMP skips the load of the back jump's value, so on the last pass
        # the line jumped through gets the counter, -1: JMP to CI = -1, which wraps to 0, and
        # line 0 holds the STP (the jump's target changes: a translator's speculation fails)
        cexit = computed and not forever and jop == JMP and rng.random() < 0.5
        dat("jconst", 0, "")
        if computed:
            dat("jsrc", 0, "")
        setj = [("op", LDN, "jsrc", "A = the back jump's value"),
                ("op", STO, "jconst", "the program writes the line it jumps through")]
        if computed and not cexit:
            lines += setj
        lines += [("op", LDN, cnt, "A = -counter"), ("op", STO, tmp, ""), ("op", LDN, tmp, "A = counter")]
        if cexit:
            lines += [("op", CMP, None, "counter < 0: skip the next line (A stays -1)"), setj[0],
                      ("op", STO, "jconst", "the line jumped through: the back value, or -1 at the end")]
        elif not forever or rng.random() < 0.5:
            lines.append(("op", CMP, None, "counter < 0: skip the back jump"))
        back = len(lines)
        lines.append(("back", jop))
        if not forever and not cexit:
            for _ in range(rng.randint(0, 2)):
                lines.append(arith("after the loop"))
            lines.append(("stp",))
        dat("entry", 0, "")
        if 1 + len(lines) + len(order) > 32:
            return None
        per = back - head + 1
        kmax = max(1, min(3000, 20000 // per))
        k = rng.choice([rng.randint(0, 20), rng.randint(1, kmax), kmax])
        data[cnt][0] = k

        # rotation: logical line L is store line (L + R) % 32, so the code may run off line 31
        # onto line 0; with R != 0, store line 1 (where the run starts) must be free and holds
        # JMP entry (to the first code line)
        used = 1 + len(lines) + len(order)
        free = [0] + list(range(used, 32))
        if cexit:  # store line 0 must be free too: it gets the STP
            R = rng.choice([r for r in range(32) if (-r) % 32 in free and (r == 0 or (1 - r) % 32 in free)])
        else:
            R = rng.choice([(1 - f) % 32 for f in free]) if rng.random() < 0.7 else 0
        code_at = [(1 + i + R) % 32 for i in range(len(lines))]
        data_at = {sym: (1 + len(lines) + j + R) % 32 for j, sym in enumerate(order)}

        def operand(o):
            if o is None:
                return rng.randrange(32)
            if isinstance(o, tuple):
                return code_at[o[1]]
            return data_at[o]

        store, notes = [0] * 32, [""] * 32
        words = {}
        for i, l in enumerate(lines):
            if l[0] == "op":
                words[i] = self.insn(l[1], operand(l[2]))
                where = "" if l[1] == CMP else f" {words[i] & 31}"
                store[code_at[i]], notes[code_at[i]] = words[i], f"{NAMES[l[1]]}{where}  {l[3]}".rstrip()
        for i, l in enumerate(lines):
            p = code_at[i]
            if l[0] == "stp":
                store[p], notes[p] = self.insn(STP, rng.randrange(32)), "STP"
            elif l[0] in ("alt", "set"):
                x, v, sym = code_at[l[1]], l[2], l[3]
                wv = self.insn(v[1], operand(v[2]))
                if l[0] == "alt":
                    t = (words[l[1]] + wv) & M32
                    data[sym] = [s32(-t), f"-T, T = the sum of the two variants of line {x}"]
                    store[p] = self.insn(SUB, data_at[sym])
                    notes[p] = f"SUB {data_at[sym]}  A = T - (line {x}): the other variant, {NAMES[v[1]]} {wv & 31}"
                else:
                    data[sym] = [s32(-wv), f"-V, V = {NAMES[v[1]]} {wv & 31} for line {x}"]
                    store[p] = self.insn(LDN, data_at[sym])
                    notes[p] = f"LDN {data_at[sym]}  A = V, an instruction"
            elif l[0] == "back":
                target = code_at[head]
                if l[1] == JMP:
                    hi = rng.choice([0, 0, rng.getrandbits(27), (1 << 27) - 1])
                    val = ((target - 1) % 32 + 32 * hi) & M32
                    what = f"JMP constant: CI = {val}, line {target} next"
                else:
                    hi = rng.choice([0, -1, rng.getrandbits(27)])
                    val = ((target - p - 1) % 32 + 32 * hi) & M32
                    what = f"JRP offset {s32(val)}: line {target} next"
                data["jconst"] = [s32(val), what + (" (written by the program)" if computed else "")]
                if computed:
                    data["jsrc"] = [s32(-val), "minus the back jump's value"]
                    data["jconst"][0] = s32(rng.getrandbits(32))  # wrong until the loop writes it
                store[p] = self.insn(l[1], data_at["jconst"])
                notes[p] = f"{NAMES[l[1]]} {data_at['jconst']}  back to line {target}"
        if cexit:
            store[0], notes[0] = self.insn(STP, rng.randrange(32)), "STP  reached by the computed exit (CI = -1 wraps to 0)"
        if R:
            hi = rng.choice([0, rng.getrandbits(27), (1 << 27) - 1])
            data["entry"] = [s32((code_at[0] - 1) % 32 + 32 * hi), f"entry: CI for line {code_at[0]}"]
            store[1] = self.insn(JMP, data_at["entry"])
            notes[1] = f"JMP {data_at['entry']}  the entry: to line {code_at[0]}"
        for sym in order:
            store[data_at[sym]] = data[sym][0] & M32
            notes[data_at[sym]] = f"{sym}: {data[sym][1]}"
        feats = sorted({k for k, _ in pending}) + (["computed-exit"] if cexit else ["computed-jump"] if computed else []) + \
            [NAMES[jop], f"R={R}", f"K={k}"]
        return ("forever" if forever else "loop"), store, notes, feats

    # ---------------------------------------------------------------- chaos
    def chaos(self):
        rng = self.rng
        store, notes = [], []
        for _ in range(32):
            if rng.random() < 0.7:
                op = rng.choice([0, 1, 2, 2, 3, 3, 4, 5, 6, 6, 7] if rng.random() < 0.15
                                else [0, 1, 2, 2, 3, 3, 4, 5, 6, 6])
                w = self.insn(op, rng.randrange(32))
                notes.append(f"{NAMES[op]} {w & 31}")
            else:
                w = rng.getrandbits(32)
                notes.append("random word")
            store.append(w)
        return "chaos", store, notes, []

    def program(self):
        r = self.rng.random()
        if r < 0.2:
            return self.chaos()
        forever = r > 0.8
        for _ in range(20):
            p = self.structured(forever)
            if p:
                return p
        return self.chaos()


def listing(seed, index):
    kind, store, notes, feats = Gen(seed, index).program()
    out = [f"; ssemgen.py --seed {seed} --index {index}: {kind}" + (" (" + ", ".join(feats) + ")" if feats else ""),
           "; generated: no EXPECT lines; tests/run_fuzz.py compares ssem-ref and cms-sim"]
    for i, w in enumerate(store):
        out.append(f"{i:02d} NUM {s32(w)}" + (f"  ; {notes[i]}" if notes[i] else ""))
    return kind, "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--index", type=int, default=0)
    ap.add_argument("--count", type=int, default=None)
    ap.add_argument("--out", default=None)
    a = ap.parse_args()
    if a.count is None and a.out is None:
        sys.stdout.write(listing(a.seed, a.index)[1])
        return 0
    os.makedirs(a.out or ".", exist_ok=True)
    for i in range(a.index, a.index + (a.count or 1)):
        with open(os.path.join(a.out or ".", f"gen-{a.seed}-{i}.ssem"), "w") as f:
            f.write(listing(a.seed, i)[1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
