#!/usr/bin/env bash
# simcost.sh SIM PROGRAM -- host instructions per simulated cycle, counted by callgrind.
# Deterministic (unlike wall-clock speed): runs PROGRAM for 10,000 and 30,000 guest steps and
# divides the difference in instructions by the difference in simulated cycles, so start-up
# (model construction, ELF load, reset) cancels out.
set -eu
sim=$1 prog=$2
command -v valgrind >/dev/null || { echo "simcost: valgrind not installed (apt-get install valgrind)"; exit 1; }
m() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$sim" --quiet --stats \
        --stop-after "$1" "$prog" 2>&1 | tr -d ',' |
        awk '/Collected/{ir=$4} /^sim:/{c=$2} END{print ir, c}'
}
read -r ir1 c1 < <(m 10000)
read -r ir2 c2 < <(m 30000)
echo "$sim: $(( (ir2 - ir1) / (c2 - c1) )) host instructions per simulated cycle ($prog)"
