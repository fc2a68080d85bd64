#!/usr/bin/env bash
# run.sh -- assemble the RTL tests (tests/rtl/*.S) for one SLOTS value and run each on the chip
# harness: one line per test, a summary, exit 0 only if all pass.
#
# usage: tests/rtl/run.sh [options] [NAME...]     (default: every tests/rtl/*.S)
#   --sim PATH      harness binary (default build/cms-sim-s$SLOTS)
#   --slots N       operations per bundle the tests are built for (default 2)
#   --core mc       the tests are for the multi-cycle core (cms-sim-mc): built with -DCMS_CORE_MC,
#                   which selects that core's cycle counts where a test checks timing
#   --build DIR     output directory (default build/rtl-tests/s$SLOTS)
#   --gen DIR       generated headers (default build/gen)
#   --cross PREFIX  toolchain prefix (default riscv64-unknown-elf-)
#   --timeout SEC   wall-clock limit per test (default 120)
#   --build-only    assemble and link only
#   -v              print the harness output of failing tests
#
# A test's first lines may hold "# ARGS: ..." with extra harness arguments (e.g. --irq-at 4000).
# Exit status of a test (see test.h): 0 pass, 1..199 failing check, 200+cause unexpected
# exception, 250 unexpected interrupt; anything else is reported as is.
set -u

here=$(cd "$(dirname "$0")" && pwd)
slots=2
core=pipe
sim=
build=
gen=build/gen
cross=${CROSS:-riscv64-unknown-elf-}
timeout_s=120
build_only=0
verbose=0
names=()

while [ $# -gt 0 ]; do
    case "$1" in
        --sim) sim=$2; shift 2 ;;
        --slots) slots=$2; shift 2 ;;
        --core) core=$2; shift 2 ;;
        --build) build=$2; shift 2 ;;
        --gen) gen=$2; shift 2 ;;
        --cross) cross=$2; shift 2 ;;
        --timeout) timeout_s=$2; shift 2 ;;
        --build-only) build_only=1; shift ;;
        -v) verbose=1; shift ;;
        -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "run.sh: unknown option $1" >&2; exit 64 ;;
        *) names+=("$1"); shift ;;
    esac
done
: "${sim:=build/cms-sim-s$slots}"
: "${build:=build/rtl-tests/s$slots}"

if [ ${#names[@]} -eq 0 ]; then
    for f in "$here"/*.S; do names+=("$(basename "$f" .S)"); done
fi

mkdir -p "$build"
cc="${cross}gcc"
cflags=(-march=rv32im_zicsr -mabi=ilp32 -nostdlib -nostartfiles -I "$gen" -I firmware
        -I "$here" -DSLOTS="$slots" -Wl,--no-relax)
case "$core" in
    pipe) ;;
    mc) cflags+=(-DCMS_CORE_MC) ;;
    *) echo "run.sh: --core must be pipe or mc, not $core" >&2; exit 64 ;;
esac

if ! "$cc" -E -P -x c -I "$gen" "$here/link.ld" -o "$build/link.ld"; then
    echo "run.sh: cannot preprocess link.ld (is $gen/cms_defs.h built?)" >&2
    exit 2
fi
if [ $build_only -eq 0 ] && [ ! -x "$sim" ]; then
    echo "run.sh: no harness $sim" >&2
    exit 2
fi

pass=0
fail=0
failed=()
for name in "${names[@]}"; do
    src="$here/$name.S"
    elf="$build/$name.elf"
    log="$build/$name.log"
    if ! "$cc" "${cflags[@]}" -T "$build/link.ld" -Wl,-Map="$build/$name.map" "$src" -o "$elf" \
            >"$log" 2>&1; then
        echo "FAIL $name (does not assemble)"
        sed 's/^/    /' "$log"
        fail=$((fail + 1)); failed+=("$name"); continue
    fi
    "${cross}objdump" -D "$elf" >"$build/$name.dis" 2>/dev/null
    if [ $build_only -eq 1 ]; then
        echo "BUILT $name"
        pass=$((pass + 1)); continue
    fi
    args=$(sed -n '1,5s/^# ARGS://p' "$src" | head -1)
    # --max-cycles: the harness gives up HARD_STOP_MARGIN (20M) cycles after it
    # shellcheck disable=SC2086   # ARGS is a word list
    timeout "$timeout_s" "$sim" --firmware "$elf" --max-cycles 1000000 $args >"$log" 2>&1 </dev/null
    rc=$?
    if [ $rc -eq 0 ]; then
        echo "PASS $name"
        pass=$((pass + 1)); continue
    fi
    if [ $rc -eq 124 ]; then
        why="time-out after ${timeout_s}s"
    elif grep -q "no exit after" "$log"; then
        why="time-out: $(grep -o 'no exit after.*' "$log" | head -1)"
    elif [ $rc -ge 1 ] && [ $rc -le 199 ] && grep -q 'FAIL check' "$log"; then
        why="check $rc"
    elif [ $rc -ge 200 ] && [ $rc -le 231 ] && grep -q 'TRAP mcause' "$log"; then
        why="unexpected trap, mcause $((rc - 200))"
    elif [ $rc -eq 250 ] && grep -q 'TRAP mcause' "$log"; then
        why="unexpected interrupt"
    else
        why="harness exit status $rc"
        [ -s "$log" ] && why="$why: $(head -1 "$log")"
    fi
    echo "FAIL $name ($why)"
    msg=$(grep -oE '(FAIL check|TRAP mcause).*' "$log" | head -1)
    [ -n "$msg" ] && echo "    $msg"
    [ $verbose -eq 1 ] && sed 's/^/    | /' "$log"
    fail=$((fail + 1)); failed+=("$name")
done

what=passed
[ $build_only -eq 1 ] && what=built
echo "rtl tests, SLOTS=$slots: $pass $what, $fail failed${failed[*]:+ (${failed[*]})}"
[ $fail -eq 0 ]
