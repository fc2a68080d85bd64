#!/usr/bin/env python3
"""run_jvmlink_tests.py -- the JVM linker's tests (make test-jvmlink; docs/jvm.md, "The linker").

  1. malformed class files, made here byte by byte (a small class-file writer below): truncated
     at every length, bad magic, unsupported versions, bad and wrong-kind constant-pool indices,
     a method too large, branches into an instruction, unknown opcodes, jsr, code running past
     its end or falling off it, bad exception ranges...: each must give exit status 3 and a
     one-line message naming the file (and the method and offset where there is one);
  2. javac-compiled programs under tests/jvm/jvmlink/refuse: each file's //@refuse line is the
     exact message (exit 3), //@link means it must link;
  3. the GC maps of tests/jvm/jvmlink/GcMaps.java against its //@gc lines (derived by hand);
  4. the command line: usage errors (64), an unwritable output (4, nothing left behind);
  5. the seeded mutation fuzzer (build/jvmlink-fuzz) on real class files: never a crash.
One line per test, a summary line, exit 0 only if all pass.
"""
import argparse
import os
import re
import shutil
import struct
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "jvmlink")

# ---------------------------------------------------------------- a small class-file writer


class CP:
    def __init__(self):
        self.items = []  # encoded entries, in order
        self.index = {}
        self.n = 1

    def _add(self, key, data, slots=1):
        if key in self.index:
            return self.index[key]
        i = self.n
        self.index[key] = i
        self.items.append(data)
        self.n += slots
        return i

    def utf8(self, s):
        b = s.encode("utf-8") if isinstance(s, str) else s
        return self._add(("u", b), struct.pack(">BH", 1, len(b)) + b)

    def cls(self, name):
        return self._add(("c", name), struct.pack(">BH", 7, self.utf8(name)))

    def nat(self, name, desc):
        return self._add(("nt", name, desc), struct.pack(">BHH", 12, self.utf8(name), self.utf8(desc)))

    def ref(self, tag, cls, name, desc):
        return self._add(("r", tag, cls, name, desc),
                         struct.pack(">BHH", tag, self.cls(cls), self.nat(name, desc)))

    def method(self, cls, name, desc):
        return self.ref(10, cls, name, desc)

    def field(self, cls, name, desc):
        return self.ref(9, cls, name, desc)

    def raw(self, data, slots=1):
        return self._add(("raw", len(self.items)), data, slots)

    def encode(self):
        return struct.pack(">H", self.n) + b"".join(self.items)


def code_attr(cp, code, max_stack=4, max_locals=4, handlers=(), length=None):
    body = struct.pack(">HHI", max_stack, max_locals, len(code) if length is None else length) + code
    body += struct.pack(">H", len(handlers))
    for h in handlers:
        body += struct.pack(">HHHH", *h)
    body += struct.pack(">H", 0)
    return struct.pack(">HI", cp.utf8("Code"), len(body)) + body


def classfile(name="Main", methods=None, version=61, magic=0xCAFEBABE, cp=None, tail=b"",
              super_name="java/lang/Object"):
    """methods: (access, name, desc, code bytes or None, dict of code_attr options)"""
    cp = cp or CP()
    this = cp.cls(name)
    sup = cp.cls(super_name)
    if methods is None:
        methods = [(0x9, "main", "([Ljava/lang/String;)V", b"\xb1", {})]
    ms = b""
    for acc, mname, desc, code, opts in methods:
        attrs = b""
        n = 0
        if code is not None:
            attrs = code_attr(cp, code, **opts)
            n = 1
        ms += struct.pack(">HHHH", acc, cp.utf8(mname), cp.utf8(desc), n) + attrs
    body = struct.pack(">HHH", 0x21, this, sup) + struct.pack(">H", 0)  # no interfaces
    body += struct.pack(">H", 0)  # no fields
    body += struct.pack(">H", len(methods)) + ms + struct.pack(">H", 0)
    return struct.pack(">IHH", magic, 0, version) + cp.encode() + body + tail


def main_with(code, cp=None, **opts):
    return classfile(methods=[(0x9, "main", "([Ljava/lang/String;)V", code, opts)], cp=cp)


# ---------------------------------------------------------------- the runner

class Runner:
    def __init__(self, args):
        self.a = args
        self.passed = 0
        self.failed = []

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            if not self.a.quiet:
                print("PASS %s" % name)
        else:
            self.failed.append(name)
            print("FAIL %s%s" % (name, (": " + detail) if detail else ""))

    def link(self, cp, main, *extra):
        cmd = [self.a.link, "--lib", self.a.lib, "-cp", cp] + list(extra) + [main]
        p = subprocess.run(cmd, capture_output=True, text=True, errors="replace", timeout=120)
        return p.returncode, p.stdout, p.stderr

    def expect_refusal(self, name, data, want, cls="Main"):
        d = os.path.join(self.a.tmp, "mal", name)
        os.makedirs(d, exist_ok=True)
        path = os.path.join(d, cls + ".class")
        with open(path, "wb") as f:
            f.write(data)
        rc, out, err = self.link(d, cls)
        lines = err.strip().split("\n")
        msg = lines[-1] if lines else ""
        ok = rc == 3 and len(lines) == 1 and msg.startswith("cms-jvmlink: ") and want in msg \
            and "AddressSanitizer" not in err and "runtime error" not in err
        self.check("malformed %s" % name, ok, "rc %d, stderr %r (want %r)" % (rc, err.strip()[:400], want))
        return msg


def malformed(r):
    good = classfile()
    d = os.path.join(r.a.tmp, "mal", "good")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "Main.class"), "wb") as f:
        f.write(good)
    rc, out, err = r.link(d, "Main")
    r.check("malformed baseline links", rc == 0, err.strip())
    # truncated at every length: all in one folder per length
    bad = []
    for n in range(len(good)):
        dd = os.path.join(r.a.tmp, "mal", "trunc")
        os.makedirs(dd, exist_ok=True)
        path = os.path.join(dd, "Main.class")
        with open(path, "wb") as f:
            f.write(good[:n])
        rc, out, err = r.link(dd, "Main")
        if not (rc == 3 and err.startswith("cms-jvmlink: " + path + ": ") and "truncated" in err
                and err.count("\n") == 1):
            bad.append("%d: rc %d %s" % (n, rc, err.strip()[:200]))
    r.check("malformed truncated at each of %d lengths" % len(good), not bad, "; ".join(bad[:3]))
    r.expect_refusal("bad-magic", classfile(magic=0xCAFEBABF),
                     "not a class file (magic 0xcafebabf, not 0xcafebabe)")
    r.expect_refusal("version-65", classfile(version=65),
                     "Main.class: class file version 65.0 is not supported (52 to 61)")
    r.expect_refusal("version-51", classfile(version=51),
                     "Main.class: class file version 51.0 is not supported (52 to 61)")
    cp = CP()
    i = cp.raw(struct.pack(">BHH", 10, 999, 1))
    r.expect_refusal("cp-index-out-of-range", main_with(b"\xb8" + struct.pack(">H", i) + b"\xb1", cp=cp),
                     "constant pool index 999 out of range")
    cp = CP()
    u = cp.utf8("notaclass")
    nt = cp.nat("f", "()V")
    i = cp.raw(struct.pack(">BHH", 10, u, nt))
    r.expect_refusal("cp-wrong-kind", main_with(b"\xb8" + struct.pack(">H", i) + b"\xb1", cp=cp),
                     "is of the wrong kind")
    cp = CP()
    fi = cp.field("Main", "x", "I")
    r.expect_refusal("invoke-of-a-fieldref", main_with(b"\xb8" + struct.pack(">H", fi) + b"\xb1", cp=cp),
                     "Main.main([Ljava/lang/String;)V at 0 (invokestatic)")
    cp = CP()
    m = cp.method("java/lang/Object", "f", "(Ljava/lang/Object")
    r.expect_refusal("methodref-bad-descriptor", main_with(b"\xb8" + struct.pack(">H", m) + b"\xb1", cp=cp),
                     "descriptor \"(Ljava/lang/Object\" does not suit a method")
    cp = CP()
    m = cp.field("Main", "f", "()V")
    r.expect_refusal("fieldref-method-descriptor", main_with(b"\xb2" + struct.pack(">H", m) + b"\xb1", cp=cp),
                     "descriptor \"()V\" does not suit a field")
    r.expect_refusal("method-too-large", main_with(b"\xb1" * 70000),
                     "Main.main([Ljava/lang/String;)V: method too large (code_length 70000)")
    r.expect_refusal("code-length-beyond-attribute", main_with(b"\xb1", length=50),
                     "truncated (code)")
    # sipush 0x0101; pop; goto 1 (the middle of the sipush)
    r.expect_refusal("branch-into-instruction", main_with(b"\x11\x01\x01\x57\xa7\xff\xfd"),
                     "Main.main([Ljava/lang/String;)V at 4: branch target 1 is not the start of an instruction")
    r.expect_refusal("branch-outside-code", main_with(b"\xa7\x00\x10"),
                     "at 0: branch target 16 is not the start of an instruction")
    r.expect_refusal("unknown-opcode", main_with(b"\x00\xcb\x00\x00\xb1"),
                     "Main.main([Ljava/lang/String;)V at 1: unknown opcode 0xcb")
    r.expect_refusal("jsr", main_with(b"\xa8\x00\x03\xb1"),
                     "at 0: jsr is not allowed in class files of version 51 or later")
    r.expect_refusal("ret", main_with(b"\xa9\x01\xb1"), "at 0: ret is not allowed")
    r.expect_refusal("instruction-past-end", main_with(b"\x00\x11\x00"),
                     "at 1: sipush runs past the end of the code")
    r.expect_refusal("tableswitch-past-end", main_with(b"\xaa\x00\x00\x00\x00\x00\x00\x00\x00\x00"),
                     "at 0: tableswitch runs past the end of the code")
    r.expect_refusal("bad-exception-range", main_with(b"\x00\xb1", handlers=[(1, 1, 0, 0)]),
                     "exception table entry 0: bad range [1, 1) or handler 0")
    r.expect_refusal("exception-range-past-end", main_with(b"\x00\xb1", handlers=[(0, 9, 0, 0)]),
                     "exception table entry 0: bad range [0, 9)")
    r.expect_refusal("falls-off-the-end", main_with(b"\x03\x57"),
                     "Main.main([Ljava/lang/String;)V at 1: execution falls off the end of the code")
    r.expect_refusal("stack-underflow", main_with(b"\x57\xb1"),
                     "Main.main([Ljava/lang/String;)V at 0: operand stack underflow")
    r.expect_refusal("stack-overflow", main_with(b"\x03\x03\x03\xb1", max_stack=2),
                     "at 2: operand stack overflow")
    r.expect_refusal("local-out-of-range", main_with(b"\x15\x09\x57\xb1", max_locals=2),
                     "at 0: local variable index out of range")
    r.expect_refusal("depths-differ", main_with(b"\x2a\xbe\x99\x00\x04\x03\xb1"),
                     "operand stack depths differ where paths meet")
    cp = CP()
    u = cp.raw(struct.pack(">BH", 1, 2) + b"\xff\xfe")
    r.expect_refusal("bad-utf8", classfile(cp=cp), "constant pool entry %d: malformed modified UTF-8" % u)
    cp = CP()
    cp.raw(struct.pack(">B", 42))
    r.expect_refusal("unknown-cp-tag", classfile(cp=cp), "constant pool entry 1: unknown tag 42")
    r.expect_refusal("trailing-bytes", classfile(tail=b"\x00\x00"), "2 bytes after the end of the class")
    r.expect_refusal("no-code", classfile(methods=[(0x9, "main", "([Ljava/lang/String;)V", None, {})]),
                     "Main.main([Ljava/lang/String;)V: no Code attribute")
    r.expect_refusal("bad-descriptor", classfile(methods=[(0x9, "main", "([Ljava/lang/String;V", b"\xb1", {})]),
                     "malformed descriptor")
    r.expect_refusal("no-main", classfile(methods=[(0x9, "other", "()V", b"\xb1", {})]),
                     "Main: no method public static void main(String[])")
    r.expect_refusal("wrong-class-name", classfile(name="Other"), "holds class Other, not Main")
    cp = CP()
    m = cp.method("Missing", "foo", "()V")
    r.expect_refusal("class-not-found", main_with(b"\xb8" + struct.pack(">H", m) + b"\xb1", cp=cp),
                     "cms-jvmlink: Main.main([Ljava/lang/String;)V at 0: Missing: class not found")
    cp = CP()
    m = cp.method("java/lang/Object", "nosuch", "()V")
    r.expect_refusal("method-not-found", main_with(b"\xb8" + struct.pack(">H", m) + b"\xb1", cp=cp),
                     "Main.main([Ljava/lang/String;)V at 0: java/lang/Object.nosuch()V: method not found")
    cp = CP()
    m = cp.method("java/lang/Object", "hashCode", "()I")
    r.expect_refusal("static-call-of-instance-method",
                     main_with(b"\xb8" + struct.pack(">H", m) + b"\x57\xb1", cp=cp),
                     "invokestatic of an instance method java/lang/Object.hashCode()I (IncompatibleClassChangeError)")
    # a class that is its own superclass
    r.expect_refusal("circularity", classfile(super_name="Main"), "class circularity")


def refusals(r, javac):
    out = os.path.join(r.a.tmp, "refuse")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    srcs = sorted(f for f in os.listdir(os.path.join(SRC, "refuse")) if f.endswith(".java"))
    subprocess.run([javac, "-d", out] + [os.path.join(SRC, "refuse", f) for f in srcs], check=True,
                   capture_output=True)
    for f in srcs:
        text = open(os.path.join(SRC, "refuse", f)).read()
        cls = f[:-5]
        rc, so, err = r.link(out, cls, "-o", os.path.join(out, cls + ".img"))
        m = re.search(r"^//@refuse (.*)$", text, re.M)
        img = os.path.exists(os.path.join(out, cls + ".img"))
        if m:
            want = "cms-jvmlink: " + m.group(1)
            r.check("refuse %s" % cls, rc == 3 and err.strip() == want and not img,
                    "rc %d, got %r, want %r%s" % (rc, err.strip(), want, ", an image was written" if img else ""))
        else:
            r.check("link %s" % cls, rc == 0 and img, "rc %d %s" % (rc, err.strip()))


def parse_dump(dump, cls):
    """class cls of a --dump: method -> {"insns": [(pc, mnemonic, rest)], "maps": {pc: (depth, refs)}}"""
    methods = {}
    cur = None
    in_cls = False
    for line in dump.split("\n"):
        if line.startswith("class "):
            in_cls = line.startswith("class %s " % cls)
            continue
        if not in_cls:
            continue
        m = re.match(r"  method (\S+) ", line)
        if m:
            cur = methods.setdefault(m.group(1), {"insns": [], "maps": {}})
            continue
        m = re.match(r"\s+gcmap pc (\d+) depth (\d+) refs:(.*)$", line)
        if m and cur is not None:
            cur["maps"][int(m.group(1))] = (int(m.group(2)), set(m.group(3).split()))
            continue
        m = re.match(r"\s+(\d+)  (\S+)(.*)$", line)
        if m and cur is not None:
            cur["insns"].append((int(m.group(1)), m.group(2), m.group(3)))
    return methods


def quick(r, javac):
    out = os.path.join(r.a.tmp, "quick")
    shutil.rmtree(out, ignore_errors=True)
    text = open(os.path.join(SRC, "Shared.java")).read()
    for flavour, opts in (("17", []), ("8", ["--release", "8"])):
        d = os.path.join(out, flavour)
        subprocess.run([javac] + opts + ["-d", d, os.path.join(SRC, "Shared.java")], check=True,
                       capture_output=True)
        rc, dump, err = r.link(d, "Shared", "--dump")
        if rc != 0:
            r.check("quick (javac %s) links" % flavour, False, err.strip())
            continue
        methods = parse_dump(dump, "Shared")
        for m in re.finditer(r"^\s*//@(no)?insn (\S+) (\S+)(?: (.*))?$", text, re.M):
            neg, meth, op, want = m.group(1), m.group(2), m.group(3), m.group(4) or ""
            lines = [rest for pc, o, rest in methods.get(meth, {"insns": []})["insns"] if o == op]
            hit = any(want in rest for rest in lines)
            r.check("quick (javac %s) %s%s %s %s" % (flavour, "no " if neg else "", meth, op, want),
                    hit != bool(neg), "the %s lines: %r" % (op, lines))
        for m in re.finditer(r"^\s*//@at (\S+) (\d+) (\S+)(?: (.*))?$", text, re.M):
            meth, pc, op, want = m.group(1), int(m.group(2)), m.group(3), m.group(4) or ""
            at = [(o, rest) for p, o, rest in methods.get(meth, {"insns": []})["insns"] if p == pc]
            r.check("quick (javac %s) %s at %d: %s %s" % (flavour, meth, pc, op, want),
                    len(at) == 1 and at[0][0] == op and want in at[0][1],
                    "the dump's line at %d: %r" % (pc, at))


def far_fields(r, javac):
    """getfield's operand is the field's byte offset (16 bits): an object of 16,383 int fields has
    them at bytes 8, 12, ..., 65,536; the one at 65,532 links, the one at 65,536 is refused."""
    out = os.path.join(r.a.tmp, "farfields")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    fields = "".join("    int f%d;\n" % i for i in range(16383))
    for cls, last in (("FarOk", 16381), ("FarBad", 16382)):
        with open(os.path.join(out, cls + ".java"), "w") as f:
            f.write("public class %s {\n%s    public static void main(String[] a) {\n"
                    "        System.out.println(new %s().f%d);\n    }\n}\n" % (cls, fields, cls, last))
    subprocess.run([javac, "-d", out, os.path.join(out, "FarOk.java"), os.path.join(out, "FarBad.java")],
                   check=True, capture_output=True)
    rc, dump, err = r.link(out, "FarOk", "--dump")
    r.check("a field at byte 65532 links (getfield_w +65532)",
            rc == 0 and "getfield_w +65532" in dump, "rc %d %s" % (rc, err.strip()))
    rc, _, err = r.link(out, "FarBad")
    want = "cms-jvmlink: FarBad.main: field FarBad.f16382 is beyond byte 65535 of its object"
    r.check("a field at byte 65536 is refused", rc == 3 and err.strip() == want,
            "rc %d, got %r, want %r" % (rc, err.strip(), want))


def gcmaps(r, javac):
    out = os.path.join(r.a.tmp, "gcmaps")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    for flavour, opts in (("17", []), ("8", ["--release", "8"])):
        d = os.path.join(out, flavour)
        subprocess.run([javac] + opts + ["-d", d, os.path.join(SRC, "GcMaps.java")], check=True,
                       capture_output=True)
        rc, dump, err = r.link(d, "GcMaps", "--dump")
        if rc != 0:
            r.check("gcmaps (javac %s) links" % flavour, False, err.strip())
            continue
        methods = parse_dump(dump, "GcMaps")
        text = open(os.path.join(SRC, "GcMaps.java")).read()
        for m in re.finditer(r"^\s*//@gc (\S+) (\S+) (\d+) depth=(\d+) refs=(\S*)$", text, re.M):
            meth, what, nth, depth, refs = m.group(1), m.group(2), int(m.group(3)), int(m.group(4)), m.group(5)
            want = (depth, set(x for x in refs.split(",") if x))
            name = "gcmap (javac %s) %s %s #%d" % (flavour, meth, what, nth)
            if meth not in methods:
                r.check(name, False, "method not in the dump")
                continue
            hits = [pc for pc, op, rest in methods[meth]["insns"]
                    if op == what or rest.split()[-1:] == [what]]
            if nth >= len(hits):
                r.check(name, False, "only %d such instructions" % len(hits))
                continue
            got = methods[meth]["maps"].get(hits[nth])
            r.check(name, got == want, "pc %d: got %r, want %r" % (hits[nth], got, want))


def cmdline(r):
    p = subprocess.run([r.a.link], capture_output=True, text=True)
    r.check("usage: no main class -> 64", p.returncode == 64 and "usage:" in p.stderr, p.stderr)
    p = subprocess.run([r.a.link, "--bogus", "X"], capture_output=True, text=True)
    r.check("usage: unknown option -> 64", p.returncode == 64 and "unknown option --bogus" in p.stderr)
    p = subprocess.run([r.a.link, "-o"], capture_output=True, text=True)
    r.check("usage: -o without a value -> 64", p.returncode == 64)
    d = os.path.join(r.a.tmp, "mal", "good")
    p = subprocess.run([r.a.link, "--lib", r.a.lib, "-cp", d, "-o", os.path.join(r.a.tmp, "no", "such", "x.img"),
                        "Main"], capture_output=True, text=True)
    r.check("unwritable output -> 4", p.returncode == 4 and "x.img" in p.stderr, p.stderr)
    img = os.path.join(r.a.tmp, "good.img")
    p = subprocess.run([r.a.link, "--lib", r.a.lib, "-cp", d, "-o", img, "Main", "a", "b"],
                       capture_output=True, text=True)
    leftovers = [f for f in os.listdir(r.a.tmp) if f.startswith("good.img.tmp")]
    r.check("image written whole", p.returncode == 0 and os.path.getsize(img) > 0 and not leftovers)
    p = subprocess.run([r.a.link, "--lib", r.a.lib, "-cp", d, "--window", "1024", "Main"],
                       capture_output=True, text=True)
    r.check("an image too large for the window -> 3", p.returncode == 3 and "no room for the heap" in p.stderr,
            p.stderr)
    p = subprocess.run([r.a.link, "--lib", r.a.lib, os.path.join(d, "Main.class")], capture_output=True, text=True)
    r.check("a class file as MAIN", p.returncode == 0, p.stderr)
    pk = os.path.join(r.a.tmp, "pkg", "a", "b")
    os.makedirs(pk, exist_ok=True)
    with open(os.path.join(pk, "Main.class"), "wb") as f:
        f.write(classfile(name="a/b/Main"))
    p = subprocess.run([r.a.link, "--lib", r.a.lib, "--dump", os.path.join(pk, "Main.class")],
                       capture_output=True, text=True)
    r.check("a class file in a package as MAIN", p.returncode == 0 and "main: a.b.Main.main" in p.stdout, p.stderr)
    with open(os.path.join(r.a.tmp, "pkg", "Misplaced.class"), "wb") as f:
        f.write(classfile(name="a/b/Main"))
    p = subprocess.run([r.a.link, "--lib", r.a.lib, os.path.join(r.a.tmp, "pkg", "Misplaced.class")],
                       capture_output=True, text=True)
    r.check("a class file not at its package's place -> 3",
            p.returncode == 3 and "holds class a/b/Main, which belongs at <folder>/a/b/Main.class" in p.stderr,
            p.stderr)
    p = subprocess.run([r.a.link, "--lib", os.path.join(r.a.tmp, "nolib"), "-cp", d, "Main"],
                       capture_output=True, text=True)
    r.check("no class library -> 3", p.returncode == 3 and "the class library" in p.stderr, p.stderr)


def jars(r):
    """.jar files on the class path and as MAIN (made with Python's zipfile)"""
    import zipfile
    good = classfile()
    d = os.path.join(r.a.tmp, "jars")
    os.makedirs(d, exist_ok=True)
    def make(name, method, manifest=True, data=good):
        path = os.path.join(d, name)
        with zipfile.ZipFile(path, "w", method) as z:
            if manifest:
                z.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nMain-Class: Main\r\n")
            z.writestr("Main.class", data)
        return path
    deflated = make("deflated.jar", zipfile.ZIP_DEFLATED)
    stored = make("stored.jar", zipfile.ZIP_STORED)
    bare = make("bare.jar", zipfile.ZIP_DEFLATED, manifest=False)
    cases = [
        ("jar: -cp deflated.jar Main", ["-cp", deflated, "Main"], 0, ""),
        ("jar: -cp stored.jar Main", ["-cp", stored, "Main"], 0, ""),
        ("jar: deflated.jar as MAIN (its Main-Class)", [deflated], 0, ""),
        ("jar: no manifest -> 3", [bare], 3, "bare.jar: no Main-Class in META-INF/MANIFEST.MF"),
    ]
    with open(deflated, "rb") as f:
        whole = f.read()
    trunc = os.path.join(d, "truncated.jar")
    with open(trunc, "wb") as f:
        f.write(whole[:len(whole) // 2])
    cases.append(("jar: truncated -> 3", ["-cp", trunc, "Main"], 3, "not a jar (zip) file"))
    # the deflated class's bytes spoiled (the name stays findable)
    at = whole.find(b"Main.class") + len(b"Main.class")
    spoiled = os.path.join(d, "spoiled.jar")
    with open(spoiled, "wb") as f:
        f.write(whole[:at] + bytes(b ^ 0x55 for b in whole[at:at + 40]) + whole[at + 40:])
    cases.append(("jar: bad deflated data -> 3", ["-cp", spoiled, "Main"], 3, "spoiled.jar"))
    bad = make("badclass.jar", zipfile.ZIP_DEFLATED, data=good[:30])
    cases.append(("jar: a truncated class in a jar -> 3", ["-cp", bad, "Main"], 3, "badclass.jar!/Main.class: truncated"))
    for name, args, want_rc, want in cases:
        p = subprocess.run([r.a.link, "--lib", r.a.lib] + args, capture_output=True, text=True)
        r.check(name, p.returncode == want_rc and want in p.stderr and p.stderr.count("\n") <= 1,
                "rc %d: %s" % (p.returncode, p.stderr.strip()))


def fuzz(r):
    seeds = []
    for root in (os.path.join(r.a.tmp, "gcmaps"), os.path.join(r.a.tmp, "refuse"),
                 os.path.join(r.a.tmp, "quick")):
        for dp, dn, fn in os.walk(root):
            seeds += [os.path.join(dp, f) for f in sorted(fn) if f.endswith(".class")]
    for f in ("Object", "String", "Integer"):
        p = os.path.join(r.a.lib, "java", "lang", f + ".class")
        if os.path.exists(p):
            seeds.append(p)
    cmd = [r.a.fuzz, "--seed", str(r.a.fuzz_seed), "--count", str(r.a.fuzz_count), "--lib", r.a.lib,
           "--tmp", os.path.join(r.a.tmp, "fuzz")] + seeds
    print(" ".join(cmd[:8]) + " ... (%d seed files)" % len(seeds))
    p = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
    sys.stdout.write(p.stdout[-2000:])
    r.check("fuzz: %d mutants of seed %d" % (r.a.fuzz_count, r.a.fuzz_seed), p.returncode == 0,
            p.stderr[-3000:])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--link", required=True)
    ap.add_argument("--lib", required=True)
    ap.add_argument("--fuzz", required=True)
    ap.add_argument("--fuzz-seed", type=int, default=1)
    ap.add_argument("--fuzz-count", type=int, default=1000)
    ap.add_argument("--fuzz-only", action="store_true")
    ap.add_argument("--tmp", required=True)
    ap.add_argument("--javac", default="javac")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    os.makedirs(a.tmp, exist_ok=True)
    r = Runner(a)
    if not a.fuzz_only:
        malformed(r)
        cmdline(r)
        jars(r)
    refusals(r, a.javac)
    quick(r, a.javac)
    far_fields(r, a.javac)
    gcmaps(r, a.javac)
    fuzz(r)
    print("test-jvmlink: %d passed, %d failed%s" % (r.passed, len(r.failed),
                                                    (" (" + ", ".join(r.failed) + ")") if r.failed else ""))
    return 1 if r.failed else 0


if __name__ == "__main__":
    sys.exit(main())
