#!/usr/bin/env bash
# tests/postsynth/java_small_board.sh BUILD MODEL PROGRAM.java -- a Java program too big for a
# 64 KiB board, on the iCEBreaker's chip (MODEL: its RTL under tests/postsynth/tb_chip.v in
# Verilator, booted from the flash model): linked for the board (cms-bootimg's default, every
# board's DMEM) it must end as java ends when the heap is exhausted (OutOfMemoryError, java's
# two lines, exit status 1); linked for the ULX3S's 256 KiB (cms-bootimg --dmem-bytes) the JVM
# firmware must refuse it before it runs (exit 4, the message naming the window). Run by make
# test-postsynth (mk/postsynth.mk) after the ULX3S's chip has run the same program.
set -u
build=$1 model=$2 prog=$3
main=$(basename "$prog" .java)
d=$build/postsynth/java-small-board
rm -rf "$d" && mkdir -p "$d/classes" || exit 1
javac -d "$d/classes" "$prog" || exit 1
fail=0
run() {   # run NAME DMEM_BYTES: boot image, then the model; output in $d/NAME.out
    "$build/cms-bootimg" --output "$d/$1.bin" --dmem-bytes "$2" -cp "$d/classes" "$main" 2> "$d/$1.log" \
        || { cat "$d/$1.log"; exit 1; }
    od -An -v -tx1 -w1 "$d/$1.bin" > "$d/$1.hex"
    "$model" +boot="$d/$1.hex" +boot_bytes="$(wc -l < "$d/$1.hex")" 2>&1 | grep -v 'Verilog \$finish' > "$d/$1.out"
}
check() { # check NAME WHAT EXPECTED-OUTPUT EXPECTED-EXIT
    local got
    got=$(sed '$d' "$d/$1.out")
    if [[ "$got" == "$3" ]] && grep -q "^tb: exit $4 after" "$d/$1.out"; then
        echo "PASS iCEBreaker's chip (RTL), $main.java $2: $(tail -n 1 "$d/$1.out")"
    else
        echo "FAIL iCEBreaker's chip (RTL), $main.java $2: expected exit $4 and:"; echo "$3"
        echo "got:"; cat "$d/$1.out"; fail=1
    fi
}
# the line of the program's one allocation (java names it in the trace); the window's size from
# spec/chip.tbl's figures (build/gen/cms_defs.mk): the ULX3S's DMEM less the firmware's part
line=$(grep -n -m1 'new int\[' "$prog" | cut -d: -f1)
def() { awk -v k="$1" '$1 == k { print $3 }' "$build/gen/cms_defs.mk"; }
small=$(def CMS_DMEM_BYTES_UP5K) big=$(def CMS_DMEM_BYTES_ECP5)
window=$((big - $(def CMS_JVM_WINDOW_OFF) - $(def CMS_JVM_FW_STACK_BYTES)))
run small "$small"
check small "linked for 64 KiB: OutOfMemoryError as java" \
    "$(printf 'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space\n\tat %s.main(%s.java:%s)' "$main" "$main" "$line")" 1
run big "$big"
check big "linked for the ULX3S's 256 KiB: refused" \
    "$(printf "jvm firmware: the guest window is larger than this chip's DMEM allows (a boot image for a board with more DMEM?); its bytes (0x%x)" "$window")" 4
exit $fail
