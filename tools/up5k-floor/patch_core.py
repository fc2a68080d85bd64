#!/usr/bin/env python3
"""patch_core.py RTL_DIR [--no-counters] -- the area experiment of docs/fpga.md ("Why the UP5K
does not fit"): rewrites RTL_DIR/cms_core.v (a copy of rtl/) so that the firmware register file
is two synchronously read RAMs (what block RAM infers from), and with --no-counters drops the
updates of the 17 event counters (mcycle and minstret stay). The result synthesizes; it is not
a working chip (the register reads come a cycle late). Fails if the RTL no longer has the text
it rewrites."""
import sys

def rewrite(s, old, new):
    if s.count(old) != 1:
        sys.exit("patch_core.py: cms_core.v has changed: %r not found exactly once" % old[:60])
    return s.replace(old, new)

def main():
    if len(sys.argv) < 2 or sys.argv[1].startswith("-"):
        sys.exit(__doc__)
    path = sys.argv[1] + "/cms_core.v"
    s = open(path).read()
    s = rewrite(s, "    reg [31:0]       rf_q [1:31];",
                "    reg [31:0]       rf1_m [0:31];\n    reg [31:0]       rf2_m [0:31];\n"
                "    reg [31:0]       rf1_r, rf2_r;")
    s = rewrite(s, "        if (wf_we) rf_q[wf_rd_q] <= wf_res;",
                "        if (wf_we) begin rf1_m[wf_rd_q] <= wf_res; rf2_m[wf_rd_q] <= wf_res; end\n"
                "        rf1_r <= rf1_m[rs1]; rf2_r <= rf2_m[rs2];")
    s = rewrite(s, ": rf_q[rs1];", ": rf1_r;")
    s = rewrite(s, ": rf_q[rs2];", ": rf2_r;")
    if "--no-counters" in sys.argv[2:]:
        a = s.find("            // a store-buffer drain belongs to the translation that committed it")
        b = s.find("        end\n    end\nendmodule")
        if a < 0 or b < a:
            sys.exit("patch_core.py: cms_core.v has changed: the counter updates not found")
        s = s[:a] + s[b:]
    open(path, "w").write(s)

if __name__ == "__main__":
    main()
