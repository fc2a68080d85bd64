#!/usr/bin/env bash
# tests/postsynth/flash_mutants.sh BUILD BOOT_HEX -- the SPI flash model must catch a broken
# loader: three copies of rtl/ with one fault each in rtl/cms_flash_boot.v run in
# tests/postsynth/tb_chip.v (Icarus, cms_core_mc) and must stop with the model's $fatal naming
# the fault: no wait after 0xAB (tRES1), no 0xAB at all (READ in deep power-down), MOSI
# shifted on SCK's rising edge (not mode 0). Run by make test-postsynth (mk/postsynth.mk).
set -u
build=$1 boot=$2
bytes=$(wc -l < "$boot")
fail=0
for m in tres1 nowake mode; do
    d=$build/postsynth/flash-mutant-$m
    rm -rf "$d" && mkdir -p "$d" && cp -r rtl "$d/" || exit 1
    f=$d/rtl/cms_flash_boot.v
    case $m in
        tres1)  sed -i 's/<< `CMS_FLASH_WAKE_LOG2/<< 3/' "$f"; want="after the 0xAB wake-up" ;;
        nowake) sed -i 's/            phase_q <= P_WAKE;/            phase_q <= P_WAIT;/' "$f"; want="READ while in deep power-down" ;;
        mode)   sed -i "s/                    sh_q <= nxt;/                    sh_q <= sh_q;/; s/                    sck_o <= 1'b1;/                    sck_o <= 1'b1; sh_q <= nxt;/" "$f"
                want="MOSI changed while SCK was high" ;;
    esac
    if cmp -s rtl/cms_flash_boot.v "$f"; then
        echo "FAIL flash model mutant $m: the fault could not be inserted (rtl/cms_flash_boot.v changed?)"; fail=1; continue
    fi
    iverilog -g2005 -DTB_RTL -DTB_SLOTS=2 -DTB_SB_DEPTH=4 -DTB_DMEM_BYTES='`CMS_DMEM_BYTES_UP5K' -DTB_MAX_CYCLES=200000 -I"$build/gen" \
        -I"$d/rtl" -I"$d/rtl/mc" -DCMS_CORE_MC -o "$d/t.vvp" tests/postsynth/tb_chip.v \
        tests/postsynth/tb_spi_flash.v "$d"/rtl/*.v "$d"/rtl/mc/*.v || { fail=1; continue; }
    out=$(vvp -n "$d/t.vvp" +boot="$boot" +boot_bytes="$bytes" 2>&1 | grep -m1 FATAL)
    if [[ "$out" == *"$want"* ]]; then
        echo "PASS flash model mutant $m: ${out#*tb_spi_flash: }"
    else
        echo "FAIL flash model mutant $m: expected '$want', got '${out:-no fatal}'"; fail=1
    fi
done
exit $fail
