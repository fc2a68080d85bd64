#!/usr/bin/env bash
# run_demo.sh SIM PROGRAM [cms-sim options...] -- make run: the program on the translating
# firmware (the report as cms-sim prints it), then interpret-only, then both cycle counts.
# A Java source (PROGRAM ending in .java): javac compiles it into build/jvm/run/NAME/, cms-sim
# runs the class on the JVM firmware, and java runs it too, to show the output is the same.
set -u
sim=$1 prog=$2
shift 2
case $prog in
*.java)
    name=$(basename "$prog" .java)
    dir=build/jvm/run/$name
    mkdir -p "$dir"
    javac -d "$dir" "$prog" || exit 3
    "$sim" "$@" -cp "$dir" "$name" >"$dir/chip.out"
    st=$?
    cat "$dir/chip.out"
    echo "run_demo: exit status $st"
    java -cp "$dir" "$name" >"$dir/java.out" 2>/dev/null
    jst=$?
    if cmp -s "$dir/chip.out" "$dir/java.out" && [ $st = $jst ]; then
        echo "run_demo: java prints the same and exits with the same status ($jst)"
    else
        echo "run_demo: java differs (exit status $jst; its output: $dir/java.out)"
        exit 1
    fi
    exit 0 ;;
esac
"$sim" "$@" "$prog"
st=$?
if [ $st -ne 0 ] && [ $st -ne 2 ]; then exit $st; fi
cycles() { # the report's "native cycles:" value, digits only
    "$sim" --stats "$@" "$prog" 2>/dev/null | sed -n 's/^native cycles: *//p' | tr -d ,
}
opts=() skip=0
for o in "$@"; do
    if [ $skip = 1 ]; then skip=0; continue; fi
    case $o in
    --crt|--stats|--quiet) ;;
    --state-json|--trace|--trace-from|--trace-cycles) skip=1 ;;
    --state-json=*|--trace=*|--trace-from=*|--trace-cycles=*) ;;
    --boot-image|--boot-image=*) exit 0 ;;   # no run: nothing to compare
    *) opts+=("$o") ;;
    esac
done
tx=$(cycles "${opts[@]}")
in=$(cycles --interpret-only "${opts[@]}")
if [ -z "$tx" ] || [ -z "$in" ]; then echo "run_demo: no cycle count" >&2; exit 1; fi
echo
echo "native cycles, translating:        $tx"
echo "native cycles, --interpret-only:   $in"
awk -v a="$in" -v b="$tx" 'BEGIN { printf "interpret-only / translating:      %.1fx\n", a / b }'
