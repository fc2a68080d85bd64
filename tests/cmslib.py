"""cmslib.py -- what the Python test runners share (tests/*.py, tests/loader/, tests/txfuzz/).

- defs: the constants of spec/chip.tbl, from build/gen/cms_defs.py (tools/gen_defs.py writes it;
  regenerated here when it is missing or older than the table), so that no runner types a
  number the table holds (exit statuses, TC size, host block magic and layout, chunk size...);
- sh(): run a command with a time-out; run_state(): run one guest program with
  --state-json and read the state back;
- state_diff(): compare two JSON states; Tally: PASS/FAIL/SKIP lines and counts;
- own_programs(), corpus_records(): the programs to test (tests/ssem, the shared corpus).
"""
import importlib
import json
import os
import subprocess
import sys
import tempfile

TESTS = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(TESTS)
GEN = os.path.join(ROOT, "build", "gen")
DEFAULT_CORPUS = os.path.join(ROOT, "..", "shared", "ssem-corpus")
sys.dont_write_bytecode = True  # no __pycache__ in the source tree


def _load_defs():
    table = os.path.join(ROOT, "spec", "chip.tbl")
    gen = os.path.join(ROOT, "tools", "gen_defs.py")
    mod = os.path.join(GEN, "cms_defs.py")
    if not os.path.exists(mod) or os.path.getmtime(mod) < max(os.path.getmtime(table),
                                                                os.path.getmtime(gen)):
        os.makedirs(GEN, exist_ok=True)
        subprocess.run([sys.executable, gen, table, mod], check=True)
    if GEN not in sys.path:
        sys.path.insert(0, GEN)
    return importlib.import_module("cms_defs")


defs = _load_defs()
ST_HALTED, ST_LIMIT, ST_LOAD_ERROR, ST_FAULT, ST_USAGE = (
    defs.EXIT_HALTED, defs.EXIT_LIMIT, defs.EXIT_LOAD_ERROR, defs.EXIT_FAULT, defs.EXIT_USAGE)
# word offset of hostif_t.store in the host block (firmware/hostif.h)
HOSTIF_STORE_WORD = defs.HOSTIF_SCALARS + defs.HOSTIF_NCOUNTERS


def sh(cmd, args=(), timeout=600, **kw):
    """Run cmd + args; (exit status, stdout, stderr); exit status None on a time-out."""
    try:
        p = subprocess.run(list(cmd) + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True, errors="replace", timeout=timeout, **kw)
    except subprocess.TimeoutExpired:
        return None, "", f"timed out after {timeout} s"
    return p.returncode, p.stdout, p.stderr


def run_state(cmd, prog, index=None, stop_after=None, extra=(), timeout=3600, want_console=False):
    """Run one program with [--index N] [--stop-after N] --state-json TMP; return
    (exit status or None on a time-out, state dict or None, stderr text[, stdout text])."""
    fd, tmp = tempfile.mkstemp(prefix="ssem-state-", suffix=".json")
    os.close(fd)
    os.unlink(tmp)  # the tools write it (through their own temporary file); absent = not written
    try:
        argv = list(cmd) + list(extra)
        if index is not None:
            argv += ["--index", str(index)]
        if stop_after is not None:
            argv += ["--stop-after", str(stop_after)]
        argv += ["--state-json", tmp, prog]
        try:
            p = subprocess.run(argv, stdout=subprocess.PIPE if want_console else subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, errors="replace", timeout=timeout)
        except subprocess.TimeoutExpired:
            r = (None, None, f"timed out after {timeout} s")
            return r + ("",) if want_console else r
        state, err = None, p.stderr
        try:
            if os.path.exists(tmp):
                with open(tmp) as f:
                    text = f.read()
                if text.strip():
                    state = json.loads(text)
        except (OSError, ValueError) as e:
            err += f"\n(bad state JSON: {e})"
        r = (p.returncode, state, err)
        return r + (p.stdout,) if want_console else r
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def state_diff(a, b):
    """The keys (A, CI, steps, halted, lineK) where two JSON states differ."""
    if a is None or b is None:
        return ["state missing"]
    out = [k for k in ("A", "CI", "steps", "halted") if a.get(k) != b.get(k)]
    sa, sb = a.get("store") or [], b.get("store") or []
    out += [f"line{i}" for i in range(32) if i >= len(sa) or i >= len(sb) or sa[i] != sb[i]]
    return out


class Tally:
    def __init__(self):
        self.n = {"PASS": 0, "FAIL": 0, "SKIP": 0}

    def report(self, verdict, name, why=""):
        self.n[verdict] += 1
        print(f"{verdict} {name}" + (f": {why}" if why else ""), flush=True)

    def expect(self, name, ok, why):
        self.report("PASS" if ok else "FAIL", name, "" if ok else why)


def own_programs():
    """tests/ssem/*.ssem, sorted, absolute."""
    d = os.path.join(TESTS, "ssem")
    return sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".ssem"))


def corpus_records(corpus):
    """The records of CORPUS/expected.json, each a dict with id, format, path (absolute),
    index (the coe program, else None), run (runs["ci0=0"]), initial_mem, normalized (absolute
    or None); None when expected.json is absent."""
    exp = os.path.join(corpus, "expected.json")
    if not os.path.isfile(exp):
        return None
    with open(exp) as f:
        data = json.load(f)
    out = []
    for p in data["programs"]:
        fmt = p["format"]
        out.append({"id": p["id"], "format": fmt, "path": os.path.join(corpus, p["file"]),
                    "index": int(fmt[3:]) if fmt.startswith("coe") else None,
                    "run": p["runs"]["ci0=0"], "initial_mem": p.get("initial_mem"),
                    "normalized": os.path.join(corpus, p["normalized"]) if p.get("normalized") else None})
    return out
