#!/usr/bin/env bash
# mutants.sh -- how sensitive is the translation-mode fuzzer? Builds the chip from copies of
# rtl/ with one deliberate bug each (in build/txfuzz/mut/NAME; rtl/ itself is never touched)
# and runs tests/txfuzz/run.py against each; every mutant should show mismatches.
#
# usage: tests/txfuzz/mutants.sh [--cases N] [--seed S] [NAME...]   (default: 1000, 1948, all)
# A mutant's SLOTS column is 2, 4, or mc: the multi-cycle core (rtl/mc/, SLOTS=2; FILE is then
# relative to rtl/ too, e.g. mc/cms_core_mc.v).
# Run from the repository root after `make build/txfuzz/txgen build/cms-sim-s2` (the harness
# library and the generated headers must exist). Not part of `make test`: a mutant takes about
# 10 s to build. The mutations are textual: one that no longer matches the RTL is reported as
# "does not apply" (update it).
set -u
cases=1000
seed=1948
names=()
while [ $# -gt 0 ]; do
    case "$1" in
        --cases) cases=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) names+=("$1"); shift ;;
    esac
done

# NAME SLOTS FILE perl-substitution description
MUTANTS=$(cat <<'EOF'
fwd_oldest	4	cms_sbuf.v	s/if \(i < count_q && addr_q\[i\] == look_addr_i\)/if (i < count_q && addr_q[i] == look_addr_i && !look_hit_o)/	forwarding from the oldest matching store
late_kept	4	cms_core.v	s/t_late_lost = 1'b1;/t_late_lost = 1'b0;/	slot-0 LW/MUL result not dropped for a higher slot's write
prio_sbfull	4	cms_csr.v	s/else if \(ab_prot_i\) ab_cause_o = `CMS_CAUSE_TX_PROT;\n        else if \(ab_full_i\) ab_cause_o = `CMS_CAUSE_TX_SBFULL;/else if (ab_full_i) ab_cause_o = `CMS_CAUSE_TX_SBFULL;\n        else if (ab_prot_i) ab_cause_o = `CMS_CAUSE_TX_PROT;/	SBFULL before PROT
sb_short	2	cms_sbuf.v	s/assign full_o = count_q == DEPTH\[CW-1:0\];/assign full_o = count_q == DEPTH[CW-1:0] - 1'b1;/	store buffer one entry short
limit_gt	2	cms_core.v	s/s0_memoff >= gwlimit_q/s0_memoff > gwlimit_q/	off > GWLIMIT instead of >=
shadow_late	4	cms_treg.v	s/if \(w_shadow_i\) shadow_n\[i\] = w_data_i;//	commit misses the late load result
br_bundle	2	cms_core.v	s/t_target = tpc_q \+ LS \* 4 \+ sl_boff;/t_target = tpc_q + sl_boff;/	branch offsets from the bundle address
remu_zero	4	cms_core.v	s/wire        t_divzero = s_div\[0\] && tr_rdata\[32 \+: 32\] == 32'd0;/wire        t_divzero = s_div[0] && tr_rdata[32 +: 32] == 32'd0 && s0_mdop != 2'd3;/	REMU by zero does not abort
tr7_kept	4	cms_treg.v	s/for \(i = 1; i < NSH; i = i \+ 1\) work_q\[i\] <= shadow_n\[i\];/for (i = 1; i < NSH - 1; i = i + 1) work_q[i] <= shadow_n[i];/	TR7 not restored by a rollback
exit_10bit	2	cms_slot_dec.v	s/assign code_o = op_i\[30:20\];/assign code_o = {1'b0, op_i[29:20]};/	EXIT code truncated to 10 bits
opsb_assert	2	cms_core.v	s/s_commit\[LS\] \| s_assert\[LS\]\}/s_commit[LS]}/	ASSERT not counted in CNT_OPS_B
assert_mi_ill	4	cms_slot_dec.v	s/bad = funct7\[6:3\] != 4'd0 \|\|/bad = funct7[6:3] != 4'd0 || funct7[2:1] == 2'b01 ||/	assert.mi and assert.pl rejected (conditions 2 and 3 illegal)
bmi_ill	2	cms_slot_dec.v	s/(branch_o = 1'b1; use_rs1 = 1'b1; use_rs2 = 1'b1;)/$1 bad = funct3 == `CMS_F3_BMI;/	bmi rejected
bmi_lt	4	cms_fn.vh	s/`CMS_F3_BMI:  cms_bcmp = mi;/`CMS_F3_BMI:  cms_bcmp = lt;/	bmi as blt (the signed order, not the sign of the wrapping difference)
bpl_nsd	2	cms_fn.vh	s/mi  = sd \^ bo;/mi  = bo;/	bmi/bpl without the operands' sign bits
exit_imm11	2	cms_slot_dec.v	s/ \|\| op_i\[11:7\] != 5'd0 \|\| op_i\[31\];/ || op_i[11:7] != 5'd0;/	EXIT with imm[11] set accepted
rs2_field	4	cms_slot_dec.v	s/ \|\| \(use_rs2 && op_i\[24\]\)//	rs2 >= 16 accepted
nt_target	2	cms_core.v	s/        if \(t_taken\) begin\n            t_target/        if (s_branch[LS] || s_jump[LS]) begin\n            t_target/	untaken branch targets checked too
mulhsu	4	cms_mul.v	s/wire a_signed = \(op_i == 2.d1\) \|\| \(op_i == 2.d2\);/wire a_signed = (op_i == 2'd1);/	MULHSU as MULHU
srai	2	cms_slot_dec.v	s/aluop_o = \{funct7\[5\], funct3\};\n                    end\n                end\n                `CMS_OPC_OP:/aluop_o = {1'b0, funct3};\n                    end\n                end\n                `CMS_OPC_OP:/	SRAI as SRLI
commit_old	4	cms_treg.v	s/shadow_q\[i\] <= commit_i \? work_n\[i\] : shadow_n\[i\];/shadow_q[i] <= commit_i ? work_q[i] : shadow_n[i];/	commit copies the values before the bundle
prot_index	4	cms_core.v	s/prot_idx = s0_memoff\[PAW\+1:2\];/prot_idx = s0_memoff[PAW:1];/	wrong protection-bit index
no_dmem_bound	2	cms_core.v	s/ \|\|\n                       \(t_phys - `CMS_DMEM_BASE\) >= DMEM_BYTES;/;/	no DMEM bound on guest accesses
mc_fwd_oldest	mc	mc/cms_sbuf_mc.v	s/if \(i < count_q && addr_q\[i\] == look_addr_i\)/if (i < count_q && addr_q[i] == look_addr_i && !hit)/	forwarding from the oldest matching store
mc_ld_bounds	mc	mc/cms_core_mc.v	s/a_bnd = bnd_q && st_q == S_L;/a_bnd = 1'b0;/	translated loads not bounds-checked
mc_prio_sbfull	mc	cms_csr.v	s/else if \(ab_prot_i\) ab_cause_o = `CMS_CAUSE_TX_PROT;\n        else if \(ab_full_i\) ab_cause_o = `CMS_CAUSE_TX_SBFULL;/else if (ab_full_i) ab_cause_o = `CMS_CAUSE_TX_SBFULL;\n        else if (ab_prot_i) ab_cause_o = `CMS_CAUSE_TX_PROT;/	SBFULL before PROT
mc_slot1_first	mc	mc/cms_core_mc.v	s/if \(wq_q != \{SLOTS\{1'b0\}\}\) st_d = S_W;/if (wq_q != {SLOTS{1'b0}} \&\& !s_wr) st_d = S_W;/	slot 0's result written, slot 1's lost
mc_tbad_align	mc	mc/cms_core_mc.v	s/ \|\|\n                               fw_pcrel\[BSH-1:0\] != \{BSH\{1'b0\}\}\)/)/	misaligned branch targets accepted
mc_rb_keep	mc	mc/cms_rfb.v	s/if \(rollback_i\) wk_n = sh_q;//	rollback keeps the working values
mc_cnt_one	mc	mc/cms_cnt_mc.v	s/mem\[widx_q\] <= rdata_o \+ \{29'd0, ramt_q\};/mem[widx_q] <= rdata_o + 32'd1;/	a pending count of 2 or more added as 1
mc_bpl_ge	mc	mc/cms_core_mc.v	s/`CMS_F3_BPL:  take = !sub_y\[31\];/`CMS_F3_BPL:  take = !lt;/	bpl as bge (the signed order)
EOF
)

root=$(pwd)
base=build/txfuzz/mut
mkdir -p "$base"
fail=0
while IFS=$'\t' read -r name slots file sub what; do
    [ -z "$name" ] && continue
    if [ ${#names[@]} -gt 0 ] && ! printf '%s\n' "${names[@]}" | grep -qx "$name"; then continue; fi
    d=$base/$name
    rm -rf "$d"
    mkdir -p "$d/rtl"
    cp -r rtl/* "$d/rtl/"
    SUB="$sub" perl -0pi -e 'eval "\$_ =~ $ENV{SUB}"; die $@ if $@' "$d/rtl/$file"
    if cmp -s "rtl/$file" "$d/rtl/$file"; then
        echo "$name: does not apply ($what)"
        fail=1
        continue
    fi
    extra=()
    if [ "$slots" = mc ]; then
        slots=2
        extra=(-I"$d/rtl/mc" -DCMS_CORE_MC "$d"/rtl/mc/*.v)
    fi
    if ! verilator -Wall -Wno-fatal -Ibuild/gen -I"$d/rtl" --top-module cms_chip --cc --exe --build -j 2 \
            -O3 --x-assign fast --x-initial fast -MAKEFLAGS "OPT_FAST=-O2 OPT_SLOW=-O1" \
            -CFLAGS "-O2 -I$root/build/gen -I$root/sim -I$root/firmware -DCMS_DEFAULT_FIRMWARE_PATH=$root/build/fw/ssem.elf" \
            -LDFLAGS "$root/build/harness/libharness.a -lm" -GSLOTS="$slots" -GSB_DEPTH=8 -GFLASH_BOOT=0 \
            -CFLAGS -DCHIP_SLOTS="$slots" \
            -Mdir "$d/obj" -o Vcms_chip rtl/lint.vlt "$d"/rtl/*.v "${extra[@]}" "$root/sim/main.cpp" \
            >"$d/build.log" 2>&1; then
        echo "$name: does not build (see $d/build.log)"
        fail=1
        continue
    fi
    line=$(python3 tests/txfuzz/run.py --slots "$slots" --sim "$d/obj/Vcms_chip" \
               --txgen build/txfuzz/txgen --seed "$seed" --cases "$cases" --build "$d/run" \
               --max-show 0 --timeout 60 | tail -1)
    n=$(echo "$line" | sed -n 's/.*: [0-9]* cases, \([0-9]*\) mismatches.*/\1/p')
    p=$(echo "$line" | sed -n 's/.*mismatches, \([0-9]*\) problems.*/\1/p')
    if [ "${n:-0}" = 0 ] && [ -z "$p" ]; then
        echo "$name: NOT CAUGHT ($what)"
        fail=1
    else
        echo "$name: caught, ${n:-0} of $cases cases${p:+, $p batches failed} ($what)"
    fi
    rm -rf "$d/obj"
done <<<"$MUTANTS"
exit $fail
