#!/usr/bin/env python3
"""check_lib.py --lib DIR --natives natives.def --image-h image.h

Checks the compiled class library (mk/jvmlib.mk, test-jvm-lib) by reading its class files:
  - every class file is version 52 (javac -target 8) and holds no invokedynamic;
  - its native methods are exactly natives.def's lines (class, name, descriptor), no more and
    no fewer;
  - no float or double anywhere: no F or D in a field or method descriptor or in a descriptor the
    constant pool names, no Float or Double constant, no float/double opcode, no newarray of
    float or double;
  - the fields the linker and the firmware find by name: String.value ([C) and String.hash (I),
    Throwable.detailMessage, .cause, .backtrace; the static method VM.uncaught(Throwable);
  - every class of image.h's JVM_WK_LIST exists (the array classes aside).
One line per failure, then a summary; exit 0 only if all pass."""
import argparse
import os
import re
import struct
import sys

ACC_STATIC = 0x0008
ACC_NATIVE = 0x0100

# opcodes of float and double (JVMS chapter 6)
FP_OPS = set(range(0x0b, 0x10)) | {0x17, 0x18} | set(range(0x22, 0x2a)) | {0x30, 0x31, 0x38, 0x39} \
    | set(range(0x43, 0x4b)) | {0x51, 0x52} | {0x62, 0x63, 0x66, 0x67, 0x6a, 0x6b, 0x6e, 0x6f, 0x72, 0x73,
                                              0x76, 0x77} \
    | {0x86, 0x87, 0x89, 0x8a} | set(range(0x8b, 0x91)) | set(range(0x95, 0x99)) | {0xae, 0xaf}
# operand bytes after the opcode, for the fixed-length instructions
OPERANDS = {0x10: 1, 0x11: 2, 0x12: 1, 0x13: 2, 0x14: 2, 0x84: 2, 0xbc: 1, 0xc5: 3, 0xb9: 4, 0xba: 4}
for op in list(range(0x15, 0x1a)) + list(range(0x36, 0x3b)) + [0xa9]:
    OPERANDS[op] = 1
for op in list(range(0x99, 0xa9)) + [0xc6, 0xc7] + list(range(0xb2, 0xb9)) + [0xbb, 0xbd, 0xc0, 0xc1]:
    OPERANDS[op] = 2
for op in (0xc8, 0xc9):
    OPERANDS[op] = 4


class ClassFile:
    def __init__(self, path):
        self.path = path
        with open(path, "rb") as f:
            self.data = f.read()
        self.pos = 0
        magic, minor, major = self.u("IHH")
        if magic != 0xCAFEBABE:
            raise ValueError("bad magic")
        self.major = major
        (n,) = self.u("H")
        self.cp = [None] * n
        i = 1
        while i < n:
            (tag,) = self.u("B")
            if tag == 1:
                (ln,) = self.u("H")
                self.cp[i] = ("Utf8", self.data[self.pos:self.pos + ln].decode("utf-8", "replace"))
                self.pos += ln
            elif tag in (3, 4):
                self.cp[i] = ("Integer" if tag == 3 else "Float", self.u("I")[0])
            elif tag in (5, 6):
                self.cp[i] = ("Long" if tag == 5 else "Double", self.u("Q")[0])
                i += 1
            elif tag in (7, 8, 16, 19, 20):
                self.cp[i] = ({7: "Class", 8: "String", 16: "MethodType", 19: "Module", 20: "Package"}[tag],
                              self.u("H")[0])
            elif tag in (9, 10, 11, 12, 17, 18):
                self.cp[i] = ({9: "Fieldref", 10: "Methodref", 11: "InterfaceMethodref", 12: "NameAndType",
                               17: "Dynamic", 18: "InvokeDynamic"}[tag],) + self.u("HH")
            elif tag == 15:
                self.cp[i] = ("MethodHandle",) + self.u("BH")
            else:
                raise ValueError("constant pool tag %d" % tag)
            i += 1
        self.access, this_idx, _super = self.u("HHH")
        self.name = self.utf8(self.cp[this_idx][1])
        (ni,) = self.u("H")
        self.pos += 2 * ni
        self.fields = self.members()
        self.methods = self.members()

    def u(self, fmt):
        v = struct.unpack_from(">" + fmt, self.data, self.pos)
        self.pos += struct.calcsize(">" + fmt)
        return v

    def utf8(self, i):
        return self.cp[i][1]

    def members(self):
        (n,) = self.u("H")
        out = []
        for _ in range(n):
            acc, ni, di = self.u("HHH")
            code = None
            (na,) = self.u("H")
            for _ in range(na):
                an, ln = self.u("HI")
                if self.utf8(an) == "Code":
                    code_len = struct.unpack_from(">I", self.data, self.pos + 4)[0]
                    code = self.data[self.pos + 8:self.pos + 8 + code_len]
                self.pos += ln
            out.append((acc, self.utf8(ni), self.utf8(di), code))
        return out


def instructions(code):
    """(pc, opcode, operand bytes) of each instruction."""
    pc = 0
    while pc < len(code):
        op = code[pc]
        if op == 0xaa:  # tableswitch
            p = (pc + 4) & ~3
            lo, hi = struct.unpack_from(">ii", code, p + 4)
            end = p + 12 + 4 * (hi - lo + 1)
        elif op == 0xab:  # lookupswitch
            p = (pc + 4) & ~3
            (npairs,) = struct.unpack_from(">i", code, p + 4)
            end = p + 8 + 8 * npairs
        elif op == 0xc4:  # wide
            end = pc + (6 if code[pc + 1] == 0x84 else 4)
        else:
            end = pc + 1 + OPERANDS.get(op, 0)
        yield pc, op, code[pc + 1:end]
        pc = end


def has_fp(desc):
    """a descriptor naming float or double (outside class names)"""
    return bool(re.search(r"[FD]", re.sub(r"L[^;]*;", "", desc)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lib", required=True)
    ap.add_argument("--natives", required=True)
    ap.add_argument("--image-h", required=True)
    a = ap.parse_args()
    fails = []

    natives = set()
    text = re.sub(r"/\*.*?\*/", "", open(a.natives).read(), flags=re.S)
    for m in re.finditer(r'JVM_NATIVE\(\s*(\w+)\s*,\s*"([^"]+)"\s*,\s*"([^"]+)"\s*,\s*"([^"]+)"\s*\)', text):
        natives.add((m.group(2), m.group(3), m.group(4)))
    if not natives:
        fails.append("%s: no JVM_NATIVE line read" % a.natives)

    classes = {}
    for root, _dirs, files in os.walk(a.lib):
        for fn in sorted(files):
            if fn.endswith(".class"):
                path = os.path.join(root, fn)
                try:
                    cf = ClassFile(path)
                except (ValueError, struct.error, IndexError) as e:
                    fails.append("%s: unreadable class file: %s" % (path, e))
                    continue
                classes[cf.name] = cf
    if not classes:
        fails.append("%s: no class files" % a.lib)

    declared = set()
    for name, cf in sorted(classes.items()):
        where = "%s (%s)" % (name, cf.path)
        if cf.major != 52:
            fails.append("%s: class file version %d, not 52" % (where, cf.major))
        for kind, entry in ((k, e) for k, e in enumerate(cf.cp) if e):
            if entry[0] in ("Float", "Double"):
                fails.append("%s: a %s constant in the constant pool" % (where, entry[0].lower()))
            if entry[0] == "NameAndType" and has_fp(cf.utf8(entry[2])):
                fails.append("%s: uses %s %s (float or double)" % (where, cf.utf8(entry[1]), cf.utf8(entry[2])))
            if entry[0] in ("InvokeDynamic", "Dynamic"):
                fails.append("%s: a %s constant (invokedynamic)" % (where, entry[0]))
        for acc, fname, desc, _code in cf.fields:
            if has_fp(desc):
                fails.append("%s: field %s %s is float or double" % (where, fname, desc))
        for acc, mname, desc, code in cf.methods:
            if has_fp(desc):
                fails.append("%s: method %s%s takes or returns float or double" % (where, mname, desc))
            if acc & ACC_NATIVE:
                declared.add((name, mname, desc))
                if (name, mname, desc) not in natives:
                    fails.append("%s: native method %s%s is not in %s" % (where, mname, desc, a.natives))
            if code is None:
                continue
            try:
                for pc, op, operands in instructions(code):
                    if op in FP_OPS:
                        fails.append("%s: %s%s at %d: float/double opcode 0x%02x" % (where, mname, desc, pc, op))
                    elif op == 0xbc and operands and operands[0] in (6, 7):
                        fails.append("%s: %s%s at %d: newarray of float or double" % (where, mname, desc, pc))
                    elif op == 0xba:
                        fails.append("%s: %s%s at %d: invokedynamic" % (where, mname, desc, pc))
            except (struct.error, IndexError):
                fails.append("%s: %s%s: code not decodable" % (where, mname, desc))
    for n in sorted(natives - declared):
        fails.append("%s: %s.%s%s is not declared native in the library" % (a.natives, n[0], n[1], n[2]))

    def field(cls, fname, fdesc):
        cf = classes.get(cls)
        if cf is None or not any(f[1] == fname and f[2] == fdesc and not f[0] & ACC_STATIC for f in cf.fields):
            fails.append("%s: no instance field %s %s (the linker and firmware find it by name)" % (cls, fname, fdesc))
    field("java/lang/String", "value", "[C")
    field("java/lang/String", "hash", "I")
    field("java/lang/Throwable", "detailMessage", "Ljava/lang/String;")
    field("java/lang/Throwable", "cause", "Ljava/lang/Throwable;")
    field("java/lang/Throwable", "backtrace", "[I")
    string = classes.get("java/lang/String")
    if string and len([f for f in string.fields if not f[0] & ACC_STATIC]) != 2:
        fails.append("java/lang/String: instance fields other than value and hash (the linker builds literals)")
    vm = classes.get("java/lang/VM")
    if vm is None or not any(m[1] == "uncaught" and m[2] == "(Ljava/lang/Throwable;)V" and m[0] & ACC_STATIC
                             for m in vm.methods):
        fails.append("java/lang/VM: no static void uncaught(Throwable) (jvm_image_hdr.uncaught)")

    wk = re.findall(r'X\(\s*\w+\s*,\s*"([^"]+)"\s*\)', re.sub(r"/\*.*?\*/", "", open(a.image_h).read(), flags=re.S))
    if not wk:
        fails.append("%s: no JVM_WK_LIST entry read" % a.image_h)
    for cls in wk:
        if not cls.startswith("[") and cls not in classes:
            fails.append("%s: well-known class %s is not in the library" % (a.image_h, cls))

    for f in fails:
        print("FAIL " + f)
    print("check_lib: %d classes, %d natives (all of natives.def), %d well-known classes: %s"
          % (len(classes), len(declared), len(wk), "%d failures" % len(fails) if fails else "all checks pass"))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
