#!/bin/bash
# tools/up5k-floor/run.sh -- the area experiment of docs/fpga.md ("Why the pipelined core does not
# fit the UP5K, and what fits"):
# the iCEBreaker configuration synthesized (make area) with the firmware register file and the
# TR bank as block RAM (cms_treg.v here: an area model, not a working TR bank), then also
# without the event counters. Prints make area's table for each. About 2 minutes each.
set -e
cd "$(dirname "$0")/../.."
for v in bram nocount; do
    d=build/exp/up5k-$v
    rm -rf "$d" && mkdir -p build/exp && cp -r rtl "$d"
    cp tools/up5k-floor/cms_treg.v "$d/cms_treg.v"
    python3 tools/up5k-floor/patch_core.py "$d" $([ $v = nocount ] && echo --no-counters)
    echo "== $v: register file and TR bank in block RAM$([ $v = nocount ] && echo ', no event counters')"
    make --no-print-directory area BOARD=icebreaker CORE=pipe FPGA_RTL="$d" BB="build/exp/bb-$v"
done
